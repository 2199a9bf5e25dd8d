"""Running the stages over the store, and recording the provenance of what they make.

Stages are plain functions; this module feeds them from the store and writes their
results back, in batches, each batch one transaction and each item a savepoint, so
an item that fails leaves no trace but its recorded failure and a crash leaves the
store as it was after the last whole batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import DataError, IntegrityError

from assay.errors import InputError, ReasonCode
from assay.ingest import ParserPool, expand_sources, outlet_identity, read_source
from assay.progress import Progress
from assay.records import (
    AddedDocument,
    Capture,
    CustodyAction,
    DuplicateKind,
    IngestFailure,
    IngestReport,
    ParsedDocument,
    SourceItem,
)
from assay.settings import Settings
from assay.store import Repository, Store, sha256_hex

BATCH_SIZE = 200


@dataclass(frozen=True, slots=True)
class _Pending:
    """An item read and hashed, waiting to be parsed (or linked, when its bytes are known)."""

    item: SourceItem
    raw_sha256: str
    needs_parse: bool


def ingest_sources(
    store: Store, inputs: Sequence[str], settings: Settings, progress: Progress
) -> IngestReport:
    """Add files, folders and globs to the store; return what was added, linked or failed."""
    expanded = expand_sources(inputs)
    report = IngestReport(skipped=expanded.skipped)
    _record_failures(store, expanded.failures, report)
    progress.start("Adding documents", len(expanded.files))
    try:
        with ParserPool(settings.worker_count, settings.min_text_chars) as parser:
            for start in range(0, len(expanded.files), BATCH_SIZE):
                batch = expanded.files[start : start + BATCH_SIZE]
                pending, read_failures = _read_batch(store, batch, settings, report, progress)
                to_parse = [entry.item for entry in pending if entry.needs_parse]
                parsed = list(parser.parse(to_parse, progress))
                parsed.reverse()
                results = [parsed.pop() if entry.needs_parse else None for entry in pending]
                _store_batch(store, pending, results, report)
                _record_failures(store, read_failures, report)
                progress.advance(sum(1 for entry in pending if not entry.needs_parse))
    finally:
        progress.finish()
    return report


def _read_batch(
    store: Store,
    paths: Sequence[Path],
    settings: Settings,
    report: IngestReport,
    progress: Progress,
) -> tuple[list[_Pending], list[IngestFailure]]:
    pending: list[_Pending] = []
    failures: list[IngestFailure] = []
    queued: set[str] = set()
    with store.transaction() as repo:
        for path in paths:
            try:
                item = read_source(path, settings.max_input_bytes)
            except InputError as exc:
                failures.append(IngestFailure(exc.source, exc.reason, exc.detail))
                progress.advance()
                continue
            digest = sha256_hex(item.raw)
            if repo.has_capture(item.source, digest):
                report.unchanged.append(item.source)
                progress.advance()
                continue
            known = digest in queued or repo.find_document_by_raw(digest) is not None
            pending.append(_Pending(item, digest, needs_parse=not known))
            queued.add(digest)
    return pending, failures


def _store_batch(
    store: Store,
    pending: Sequence[_Pending],
    results: Sequence[ParsedDocument | IngestFailure | None],
    report: IngestReport,
) -> None:
    with store.transaction() as repo:
        for entry, result in zip(pending, results, strict=True):
            store.archive.put(entry.item.raw)
            try:
                with repo.savepoint():
                    _store_one(repo, entry, result, report)
            except (IntegrityError, DataError) as exc:
                # This item's rows broke a constraint: record it and go on. Store-wide
                # trouble (a lock, a full disk) is not caught here; it ends the batch,
                # whose transaction rolls back whole.
                failure = IngestFailure(
                    entry.item.source,
                    ReasonCode.STORE_ERROR,
                    f"could not be stored: {exc}",
                    entry.raw_sha256,
                )
                report.failures.append(failure)


def _store_one(
    repo: Repository,
    entry: _Pending,
    result: ParsedDocument | IngestFailure | None,
    report: IngestReport,
) -> None:
    now = datetime.now(UTC)
    item, digest = entry.item, entry.raw_sha256
    if isinstance(result, IngestFailure):
        failure = IngestFailure(result.source, result.reason, result.message, digest)
        report.failures.append(failure)
        if repo.record_failure(failure, now):
            detail = {"source": item.source, "failed": result.reason.value}
            repo.append_custody(CustodyAction.ADD, digest, None, detail, now)
        return
    document_key = repo.find_document_by_raw(digest)
    if document_key is not None:
        _record_added(report, _link(repo, entry, document_key, DuplicateKind.SAME_BYTES, result))
        return
    if result is None:  # pragma: no cover - bytes queued as known always have a document
        raise RuntimeError(f"{item.source}: queued as a duplicate but no document holds it")
    document_key = repo.find_document_by_text(result.text_sha256)
    if document_key is not None:
        _record_added(report, _link(repo, entry, document_key, DuplicateKind.SAME_TEXT, result))
        return
    identity = outlet_identity(result)
    outlet_key = (
        repo.ensure_outlet(identity.outlet_key, identity.domain, identity.name, now)
        if identity
        else None
    )
    document_key = repo.insert_document(result, digest, outlet_key, now)
    _record_added(report, _link(repo, entry, document_key, DuplicateKind.ORIGINAL, result))
    derive = {
        "text_sha256": result.text_sha256,
        "tool": result.tool,
        "version": result.tool_version,
    }
    repo.append_custody(CustodyAction.DERIVE, digest, document_key, derive, now)


def _link(
    repo: Repository,
    entry: _Pending,
    document_key: int,
    duplicate: DuplicateKind,
    parsed: ParsedDocument | None,
) -> AddedDocument:
    item = entry.item
    now = datetime.now(UTC)
    if parsed is not None:
        media_type, tool, version = parsed.media_type, parsed.tool, parsed.tool_version
    else:
        first = repo.captures_of(document_key)[0]
        media_type, tool, version = first.media_type, first.tool, first.tool_version
    capture_key = repo.insert_capture(
        Capture(
            key=0,
            document_key=document_key,
            raw_sha256=entry.raw_sha256,
            source=item.source,
            final_url=item.final_url,
            captured_at=item.captured_at,
            size=len(item.raw),
            media_type=media_type,
            tool=tool,
            tool_version=version,
            duplicate=duplicate,
        )
    )
    detail = {"source": item.source, "capture": str(capture_key), "link": duplicate.value}
    repo.append_custody(CustodyAction.ADD, entry.raw_sha256, document_key, detail, now)
    return AddedDocument(document_key, item.source, duplicate)


def _record_added(report: IngestReport, added: AddedDocument) -> None:
    (report.added if added.duplicate is DuplicateKind.ORIGINAL else report.duplicates).append(added)


def _record_failures(store: Store, failures: Sequence[IngestFailure], report: IngestReport) -> None:
    if not failures:
        return
    now = datetime.now(UTC)
    with store.transaction() as repo:
        for failure in failures:
            repo.record_failure(failure, now)
            report.failures.append(failure)
