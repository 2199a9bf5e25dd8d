"""The extraction run: documents from the store through the extractor, mentions back.

Only documents whose text, pack or extractor changed since their last extraction are
read again, so running it after every ``add`` costs nothing for what is already done.
Large runs are spread over worker processes, each loading the parser once; every
batch of results is written in one transaction, so an interrupted run keeps whole
documents only.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from assay.extract.extractor import Extraction, Extractor
from assay.ids import IdKind, format_id
from assay.packs import Pack, load_pack
from assay.progress import Progress
from assay.records import ExtractReport
from assay.store import Store
from assay.store.mention_queries import ExtractionStamp

CHUNK = 20
# Below this many documents, starting workers costs more than it saves.
POOL_THRESHOLD = 60

_worker: Extractor | None = None


def _start_worker(pack_dir: str) -> None:
    global _worker  # noqa: PLW0603 - one extractor per worker process, built once
    _worker = Extractor(load_pack(Path(pack_dir)))


Outcome = tuple[list[tuple[int, Extraction]], list[tuple[int, str]]]


def _extract_chunk(chunk: list[tuple[int, str]]) -> Outcome:
    assert _worker is not None, "worker not started"
    return _extract_with(_worker, chunk)


def _extract_with(extractor: Extractor, chunk: list[tuple[int, str]]) -> Outcome:
    """Results for a chunk; if the batch fails, each document alone, failures named."""
    try:
        texts = [text for _, text in chunk]
        results = list(extractor.extract_many(texts))
        return [(key, result) for (key, _), result in zip(chunk, results, strict=True)], []
    except Exception:
        done: list[tuple[int, Extraction]] = []
        failed: list[tuple[int, str]] = []
        for key, text in chunk:
            try:
                done.append((key, extractor.extract(text)))
            except Exception as exc:
                failed.append((key, f"{type(exc).__name__}: {exc}"))
        return done, failed


def _chunks(items: Sequence[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def extract_documents(  # noqa: PLR0913 - keyword options of one run
    store: Store,
    pack: Pack,
    progress: Progress,
    *,
    workers: int = 1,
    keys: Sequence[int] | None = None,
    force: bool = False,
) -> ExtractReport:
    """Extract mentions from the documents that need it (or ``keys``; ``force``: again)."""
    extractor = Extractor(pack)
    report = ExtractReport()
    with store.transaction() as repo:
        stamps = repo.extraction_stamps()
        wanted = keys if keys is not None else [d.key for d in repo.list_documents()]
        texts = repo.document_texts(wanted)
    todo: list[tuple[int, str]] = []
    hashes: dict[int, str] = {}
    for key, text, text_sha256 in texts:
        stamp = stamps.get(key)
        current = (
            stamp is not None
            and stamp.text_sha256 == text_sha256
            and stamp.extractor == extractor.version
            and stamp.pack_sha256 == pack.sha256
        )
        if current and not force:
            report.current += 1
            continue
        todo.append((key, text))
        hashes[key] = text_sha256
    progress.start("Extracting claims", len(todo))
    try:
        for results, failed in _run(extractor, pack, todo, workers):
            _store_results(store, extractor, pack, results, hashes, report)
            report.failures.extend((format_id(IdKind.DOCUMENT, k), why) for k, why in failed)
            progress.advance(len(results) + len(failed))
    finally:
        progress.finish()
    return report


def _run(
    extractor: Extractor, pack: Pack, todo: list[tuple[int, str]], workers: int
) -> Iterator[Outcome]:
    if workers <= 1 or len(todo) < POOL_THRESHOLD:
        for chunk in _chunks(todo, CHUNK):
            yield _extract_with(extractor, chunk)
        return
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(str(pack.path),),
    ) as pool:
        yield from pool.map(_extract_chunk, _chunks(todo, CHUNK))


def _store_results(  # noqa: PLR0913, PLR0917 - the run's state, passed rather than shared
    store: Store,
    extractor: Extractor,
    pack: Pack,
    results: list[tuple[int, Extraction]],
    hashes: dict[int, str],
    report: ExtractReport,
) -> None:
    now = datetime.now(UTC)
    with store.transaction() as repo:
        for key, result in results:
            stamp = ExtractionStamp(key, hashes[key], extractor.version, pack.sha256)
            repo.replace_mentions(
                key,
                result.mentions,
                stamp,
                (result.sentences, result.parsed),
                result.sources,
                now,
            )
            report.documents += 1
            report.sentences += result.sentences
            report.parsed += result.parsed
            report.mentions += len(result.mentions)
