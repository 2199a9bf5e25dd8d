"""Fetching stored URLs again: unchanged pages, furniture-only changes, and new versions."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime

from assay.ingest import ParserPool
from assay.ingest.fetching import FetchedResource, Fetcher, Validators, fetch_many
from assay.ingest.revisions import compare_texts
from assay.pipeline.collection import FETCH_CHUNK, item_from_resource
from assay.pipeline.options import IngestOptions
from assay.pipeline.storing import link_capture, record_archived_failure, record_derivation
from assay.progress import NullProgress, Progress
from assay.records import (
    CaptureOrigin,
    DocumentVersion,
    DuplicateKind,
    IngestFailure,
    ParsedDocument,
    RefetchReport,
    SourceItem,
)
from assay.store import Repository, Store, sha256_hex


def refetch_documents(
    store: Store,
    options: IngestOptions,
    progress: Progress,
    document_keys: Sequence[int] | None = None,
) -> RefetchReport:
    """Fetch each stored URL again and record what changed."""
    with store.transaction() as repo:
        targets = repo.url_sources(document_keys)
        validators = {key: Validators(*repo.validators_of(key, url)) for key, url in targets}
    report = RefetchReport(checked=len(targets))
    progress.start("Refetching", len(targets))
    try:
        with ParserPool(options.workers, options.limits) as parser:
            for start in range(0, len(targets), FETCH_CHUNK):
                chunk = targets[start : start + FETCH_CHUNK]
                fetched = asyncio.run(_fetch(chunk, validators, options))
                _refetch_chunk(store, chunk, fetched, parser, report)
                progress.advance(len(chunk))
    finally:
        progress.finish()
    return report


async def _fetch(
    targets: Sequence[tuple[int, str]],
    validators: dict[int, Validators],
    options: IngestOptions,
) -> list[FetchedResource | IngestFailure]:
    by_url = {url: validators[key] for key, url in targets}
    async with Fetcher(options.fetch, options.policy) as fetcher:
        return await fetch_many([url for _, url in targets], fetcher, NullProgress(), by_url)


def _refetch_chunk(
    store: Store,
    targets: Sequence[tuple[int, str]],
    fetched: Sequence[FetchedResource | IngestFailure],
    parser: ParserPool,
    report: RefetchReport,
) -> None:
    changed: list[tuple[int, SourceItem]] = []
    now = datetime.now(UTC)
    with store.transaction() as repo:
        for (key, url), result in zip(targets, fetched, strict=True):
            if isinstance(result, IngestFailure):
                report.failures.append(result)
                repo.record_failure(result, now)
            elif result.not_modified or _seen(repo, key, sha256_hex(result.body)):
                report.unchanged.append(url)
            else:
                changed.append((key, item_from_resource(result, CaptureOrigin.URL)))
    parsed = list(parser.parse([item for _, item in changed], NullProgress()))
    with store.transaction() as repo:
        for (key, item), outcome in zip(changed, parsed, strict=True):
            digest = store.archive.put(item.raw)
            if isinstance(outcome, IngestFailure):
                report.failures.append(record_archived_failure(repo, outcome, digest, key))
                continue
            version = _store_change(repo, key, item, digest, outcome)
            if version is None:
                report.unchanged.append(item.source)
            else:
                report.new_versions.append(version)


def _seen(repo: Repository, document_key: int, digest: str) -> bool:
    return any(capture.raw_sha256 == digest for capture in repo.captures_of(document_key))


def _store_change(
    repo: Repository, key: int, item: SourceItem, digest: str, parsed: ParsedDocument
) -> DocumentVersion | None:
    old_text, old_sha = repo.latest_text(key)
    if parsed.text_sha256 == old_sha:
        link_capture(repo, item, digest, key, DuplicateKind.SAME_TEXT, parsed)
        return None
    revision = compare_texts(old_text, parsed.text)
    version = DocumentVersion(
        document_key=key,
        number=len(repo.versions_of(key)) + 2,
        raw_sha256=digest,
        text_sha256=parsed.text_sha256,
        captured_at=item.captured_at,
        diff=revision.diff,
        added_cues=revision.added_cues,
        removed_cues=revision.removed_cues,
    )
    repo.insert_version(version, parsed.text)
    link_capture(repo, item, digest, key, DuplicateKind.NEW_VERSION, parsed)
    record_derivation(repo, digest, key, parsed)
    return version
