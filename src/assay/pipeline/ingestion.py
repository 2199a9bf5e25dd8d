"""The ingest run: collect items, parse them in isolated workers, store them in batches."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from assay.ingest import ParserPool
from assay.pipeline.collection import Collector, is_url
from assay.pipeline.families import update_families
from assay.pipeline.options import IngestOptions
from assay.pipeline.storing import Pending, record_failures, store_batch
from assay.progress import Progress
from assay.records import IngestFailure, IngestReport, SourceItem
from assay.store import Store, sha256_hex

BATCH_SIZE = 200


def ingest_sources(
    store: Store, inputs: Sequence[str], options: IngestOptions, progress: Progress
) -> IngestReport:
    """Add files, folders, globs, URLs, feeds and web archives to the store."""
    report = IngestReport()
    collector = Collector(store, options, report, progress)
    total = None if any(is_url(value) for value in inputs) else _count_local(inputs)
    progress.start("Adding documents", total)
    try:
        with ParserPool(options.workers, options.limits) as parser:
            produced = collector.items(inputs)
            while batch := list(islice(produced, BATCH_SIZE)):
                _ingest_batch(store, batch, parser, report, progress)
        report.near_duplicate_pairs = update_families(store)
    finally:
        progress.finish()
    return report


def _count_local(inputs: Sequence[str]) -> int | None:
    from assay.ingest import expand_sources  # noqa: PLC0415 - a cheap second walk

    files = expand_sources(inputs).files
    if any(path.name.lower().endswith((".warc", ".warc.gz", ".opml", ".xml")) for path in files):
        return None
    return len(files)


def _ingest_batch(
    store: Store,
    batch: Sequence[SourceItem | IngestFailure],
    parser: ParserPool,
    report: IngestReport,
    progress: Progress,
) -> None:
    failures = [entry for entry in batch if isinstance(entry, IngestFailure)]
    items = [entry for entry in batch if isinstance(entry, SourceItem)]
    pending = _pending(store, items, report)
    progress.advance(len(failures) + len(items) - len(pending))
    to_parse = [entry.item for entry in pending if entry.needs_parse]
    parsed = iter(list(parser.parse(to_parse, progress)))
    results = [next(parsed) if entry.needs_parse else None for entry in pending]
    store_batch(store, pending, results, report)
    record_failures(store, failures, report)
    progress.advance(sum(1 for entry in pending if not entry.needs_parse))


def _pending(store: Store, items: Sequence[SourceItem], report: IngestReport) -> list[Pending]:
    pending: list[Pending] = []
    queued: set[str] = set()
    with store.transaction() as repo:
        for item in items:
            digest = sha256_hex(item.raw)
            if repo.has_capture(item.source, digest):
                report.unchanged.append(item.source)
                continue
            known = digest in queued or repo.find_document_by_raw(digest) is not None
            pending.append(Pending(item, digest, needs_parse=not known))
            queued.add(digest)
    return pending
