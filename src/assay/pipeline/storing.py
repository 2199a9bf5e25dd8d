"""Writing parsed items to the store: documents, captures, duplicates, failures, custody."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import DataError, IntegrityError

from assay.errors import ReasonCode
from assay.ingest import outlet_identity
from assay.records import (
    AddedDocument,
    Capture,
    CaptureOrigin,
    CustodyAction,
    DuplicateKind,
    IngestFailure,
    IngestReport,
    ParsedDocument,
    SourceItem,
)
from assay.store import Repository, Store


@dataclass(frozen=True, slots=True)
class Pending:
    """An item read and hashed, waiting to be parsed (or linked, when its bytes are known)."""

    item: SourceItem
    raw_sha256: str
    needs_parse: bool


def store_batch(
    store: Store,
    pending: Sequence[Pending],
    results: Sequence[ParsedDocument | IngestFailure | None],
    report: IngestReport,
) -> None:
    """Archive and store one batch in one transaction, each item in a savepoint."""
    with store.transaction() as repo:
        for entry, result in zip(pending, results, strict=True):
            store.archive.put(entry.item.raw, defer_sync=True)
            try:
                with repo.savepoint():
                    _store_item(repo, entry, result, report)
            except (IntegrityError, DataError) as exc:
                # This item's rows broke a constraint: record it and go on. Store-wide
                # trouble (a lock, a full disk) is not caught here; it ends the batch,
                # whose transaction rolls back whole.
                report.failures.append(
                    IngestFailure(
                        entry.item.source,
                        ReasonCode.STORE_ERROR,
                        f"could not be stored: {exc}",
                        entry.raw_sha256,
                    )
                )
        store.archive.sync()  # every archived file is durable before the commit names it


def _store_item(
    repo: Repository,
    entry: Pending,
    result: ParsedDocument | IngestFailure | None,
    report: IngestReport,
) -> None:
    now = datetime.now(UTC)
    item, digest = entry.item, entry.raw_sha256
    if isinstance(result, IngestFailure):
        report.failures.append(record_archived_failure(repo, result, digest, None))
        return
    document_key = repo.find_document_by_raw(digest)
    if document_key is not None:
        _record_added(
            report, link_capture(repo, item, digest, document_key, DuplicateKind.SAME_BYTES, result)
        )
        return
    if result is None:  # pragma: no cover - bytes queued as known always have a document
        raise RuntimeError(f"{item.source}: queued as a duplicate but no document holds it")
    document_key = repo.find_document_by_text(result.text_sha256)
    if document_key is not None:
        _record_added(
            report, link_capture(repo, item, digest, document_key, DuplicateKind.SAME_TEXT, result)
        )
        return
    identity = outlet_identity(result)
    outlet_key = (
        repo.ensure_outlet(identity.outlet_key, identity.domain, identity.name, now)
        if identity
        else None
    )
    document_key = repo.insert_document(result, digest, outlet_key, now)
    if result.signature is not None and result.signature_scheme is not None:
        repo.save_signature(document_key, result.signature_scheme, result.signature)
    _record_added(
        report, link_capture(repo, item, digest, document_key, DuplicateKind.ORIGINAL, result)
    )
    if item.origin is CaptureOrigin.FEED_ITEM:
        report.from_feed_content.append(item.source)
    if result.truncated_from is not None:
        report.truncated.append(item.source)
    record_derivation(repo, digest, document_key, result)


def record_archived_failure(
    repo: Repository, failure: IngestFailure, raw_sha256: str, document_key: int | None
) -> IngestFailure:
    """Record a failed item whose bytes were archived, with its custody event, once."""
    now = datetime.now(UTC)
    archived = IngestFailure(failure.source, failure.reason, failure.message, raw_sha256)
    if repo.record_failure(archived, now):
        detail = {"source": failure.source, "failed": failure.reason.value}
        repo.append_custody(CustodyAction.ADD, raw_sha256, document_key, detail, now)
    return archived


def record_derivation(
    repo: Repository, raw_sha256: str, document_key: int, parsed: ParsedDocument
) -> None:
    """Append the custody event that says which tool turned which bytes into which text."""
    detail = {
        "text_sha256": parsed.text_sha256,
        "tool": parsed.tool,
        "version": parsed.tool_version,
    }
    if parsed.truncated_from is not None:
        detail["truncated_from_chars"] = str(parsed.truncated_from)
    repo.append_custody(CustodyAction.DERIVE, raw_sha256, document_key, detail, datetime.now(UTC))


def link_capture(  # noqa: PLR0913, PLR0917 - the capture's facts come from four places
    repo: Repository,
    item: SourceItem,
    raw_sha256: str,
    document_key: int,
    duplicate: DuplicateKind,
    parsed: ParsedDocument | None,
) -> AddedDocument:
    """Record that ``item``'s bytes were captured for a document, and its custody event."""
    if parsed is not None:
        media_type, tool, version = parsed.media_type, parsed.tool, parsed.tool_version
    else:
        first = repo.captures_of(document_key)[0]
        media_type, tool, version = first.media_type, first.tool, first.tool_version
    capture = Capture(
        key=0,
        document_key=document_key,
        raw_sha256=raw_sha256,
        source=item.source,
        final_url=item.final_url,
        captured_at=item.captured_at,
        size=len(item.raw),
        media_type=media_type,
        tool=tool,
        tool_version=version,
        duplicate=duplicate,
        origin=item.origin,
        redirects=item.redirects,
        http_status=item.http_status,
    )
    capture_key = repo.insert_capture(capture, item.etag, item.last_modified)
    detail = {
        "source": item.source,
        "capture": str(capture_key),
        "link": duplicate.value,
        "origin": item.origin.value,
    }
    repo.append_custody(CustodyAction.ADD, raw_sha256, document_key, detail, datetime.now(UTC))
    return AddedDocument(document_key, item.source, duplicate)


def _record_added(report: IngestReport, added: AddedDocument) -> None:
    (report.added if added.duplicate is DuplicateKind.ORIGINAL else report.duplicates).append(added)


def record_failures(store: Store, failures: Sequence[IngestFailure], report: IngestReport) -> None:
    """Record failures that have no bytes to archive (or whose bytes are archived already)."""
    if not failures:
        return
    now = datetime.now(UTC)
    with store.transaction() as repo:
        for failure in failures:
            repo.record_failure(failure, now)
            report.failures.append(failure)
