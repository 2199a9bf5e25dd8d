"""The ingest run: collect items, parse them in isolated workers, store them in batches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from assay.ingest import ParserPool, expand_sources
from assay.ingest.parsing import ParseJob
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
    """Add files, folders, globs, URLs, feeds and web archives to the store.

    Batches are pipelined: the next batch is read and handed to the parsing workers
    before the current one is written, so workers and the writer run side by side.
    """
    report = IngestReport()
    collector = Collector(store, options, report, progress)
    total = None if any(is_url(value) for value in inputs) else _count_local(inputs)
    progress.start("Adding documents", total)
    try:
        with ParserPool(options.workers, options.limits) as parser:
            produced = collector.items(inputs)
            queued: _Submitted | None = None
            while True:
                batch = list(islice(produced, BATCH_SIZE))
                submitted = _submit(store, batch, parser, report, progress) if batch else None
                if queued is not None:
                    _finish(store, queued, report, progress)
                if submitted is None:
                    break
                queued = submitted
        new_keys = [added.document_key for added in report.added]
        report.near_duplicate_pairs = update_families(store, new_keys)
    finally:
        progress.finish()
    return report


@dataclass
class _Submitted:
    """A batch read, checked against the store, and handed to the parsers."""

    pending: list[Pending]
    failures: list[IngestFailure]
    job: ParseJob


def _count_local(inputs: Sequence[str]) -> int | None:
    files = expand_sources(inputs).files
    if any(path.name.lower().endswith((".warc", ".warc.gz", ".opml", ".xml")) for path in files):
        return None
    return len(files)


def _submit(
    store: Store,
    batch: Sequence[SourceItem | IngestFailure],
    parser: ParserPool,
    report: IngestReport,
    progress: Progress,
) -> _Submitted:
    failures = [entry for entry in batch if isinstance(entry, IngestFailure)]
    items = [entry for entry in batch if isinstance(entry, SourceItem)]
    pending = _pending(store, items, report)
    progress.advance(len(failures) + len(items) - len(pending))
    job = parser.submit([entry.item for entry in pending if entry.needs_parse])
    return _Submitted(pending, failures, job)


def _finish(store: Store, submitted: _Submitted, report: IngestReport, progress: Progress) -> None:
    parsed = iter(list(submitted.job.results(progress)))
    results = [next(parsed) if entry.needs_parse else None for entry in submitted.pending]
    store_batch(store, submitted.pending, results, report)
    record_failures(store, submitted.failures, report)
    progress.advance(sum(1 for entry in submitted.pending if not entry.needs_parse))


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
