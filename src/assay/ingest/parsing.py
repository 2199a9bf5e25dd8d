"""Parsing raw items into documents, in worker processes when there are many.

``parse_item`` is a pure function of the bytes: the same input gives the same
document anywhere. A failure is returned as a record naming the input and the
reason, so one bad file never stops a batch; an unexpected parser crash on one
input is caught and recorded the same way.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import PurePath

from assay.errors import InputError, ReasonCode
from assay.ingest.decoding import declared_charset, decode_bytes
from assay.ingest.formats import HTML, sniff_media_type
from assay.ingest.html_pages import extract_page, trafilatura_version
from assay.ingest.language import detect_language
from assay.ingest.normalise import normalise_text, text_sha256
from assay.ingest.plain_text import read_text_document
from assay.progress import Progress
from assay.records import IngestFailure, ParsedDocument, SourceItem
from assay.version import __version__

PARSER_NAME = "assay.ingest"
_POOL_THRESHOLD = 32
_CHUNK_SIZE = 8


def _parse_html(item: SourceItem, text: str, encoding: str) -> ParsedDocument:
    page = extract_page(text, item.final_url)
    return ParsedDocument(
        text=page.text,
        text_sha256=text_sha256(page.text),
        media_type=HTML,
        encoding=encoding,
        tool="trafilatura",
        tool_version=trafilatura_version(),
        title=page.title,
        author=page.author,
        published=page.published,
        site_name=page.site_name,
        url=page.url,
        language=detect_language(page.text),
    )


def _parse_plain(item: SourceItem, text: str, encoding: str, media_type: str) -> ParsedDocument:
    content = read_text_document(text)
    meta = content.metadata
    return ParsedDocument(
        text=content.text,
        text_sha256=text_sha256(content.text),
        media_type=media_type,
        encoding=encoding,
        tool=PARSER_NAME,
        tool_version=__version__,
        title=meta.get("title"),
        author=meta.get("author"),
        published=meta.get("published"),
        site_name=meta.get("site_name"),
        url=meta.get("url") or item.final_url,
        language=meta.get("language") or detect_language(content.text),
    )


def parse_item(item: SourceItem, min_text_chars: int) -> ParsedDocument:
    """Parse one item's bytes into a document, or raise an InputError saying why not."""
    media_type = sniff_media_type(item.raw, item.source, PurePath(item.source).suffix)
    declared = declared_charset(item.raw) if media_type == HTML else None
    text, encoding = decode_bytes(item.raw, item.source, declared=declared)
    if media_type == HTML:
        parsed = _parse_html(item, text, encoding)
    else:
        parsed = _parse_plain(item, text, encoding, media_type)
    length = len(normalise_text(parsed.text))
    if length < min_text_chars:
        found = "no main text" if length == 0 else f"only {length} characters of main text"
        raise InputError(
            item.source,
            f"extraction found {found} (at least {min_text_chars} needed); nothing was stored "
            "as a document",
            reason=ReasonCode.NO_TEXT,
        )
    return parsed


def _parse_or_fail(job: tuple[SourceItem, int]) -> ParsedDocument | IngestFailure:
    item, min_text_chars = job
    try:
        return parse_item(item, min_text_chars)
    except InputError as exc:
        return IngestFailure(item.source, exc.reason, exc.detail)
    except Exception as exc:
        return IngestFailure(
            item.source,
            ReasonCode.PARSE_ERROR,
            f"the parser failed on this input: {type(exc).__name__}: {exc}",
        )


class ParserPool:
    """Parses batches of items, in worker processes once a batch is large enough.

    The pool starts on first need and serves every later batch, so a large ingest
    pays the start-up of its workers once. Workers come from a ``forkserver`` so they
    never inherit the parent's threads or open database connections.
    """

    def __init__(self, workers: int, min_text_chars: int) -> None:
        """Parse with up to ``workers`` processes; shorter texts than ``min_text_chars`` fail."""
        self.workers = workers
        self.min_text_chars = min_text_chars
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> ParserPool:
        """Enter the context; the pool itself starts lazily."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def parse(
        self, items: Sequence[SourceItem], progress: Progress
    ) -> Iterator[ParsedDocument | IngestFailure]:
        """Parse ``items``, yielding results in input order and advancing ``progress``."""
        jobs = [(item, self.min_text_chars) for item in items]
        if self.workers <= 1 or len(jobs) < _POOL_THRESHOLD:
            for job in jobs:
                result = _parse_or_fail(job)
                progress.advance()
                yield result
            return
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        for result in self._pool.map(_parse_or_fail, jobs, chunksize=_CHUNK_SIZE):
            progress.advance()
            yield result
