"""Parsing raw items into documents, each in an isolated worker process.

``parse_item`` is a pure function of the bytes: the same input gives the same
document anywhere. It runs in a worker with an address-space limit, and each item
has a wall-clock deadline: a page built to exhaust the parser (a 200,000-row table,
100,000 nested elements, a 10 MB text node) costs one recorded failure, not the
batch. A worker that dies or overruns is replaced; the rest of the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeoutError
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import PurePath

from pebble import ProcessExpired, ProcessPool

from assay.errors import InputError, ReasonCode
from assay.ingest.decoding import declared_charset, decode_bytes
from assay.ingest.formats import HTML, PDF, sniff_media_type
from assay.ingest.html_pages import extract_page, parser_limit_exceeded, trafilatura_version
from assay.ingest.language import detect_language
from assay.ingest.near_duplicates import SCHEME as SIGNATURE_SCHEME
from assay.ingest.near_duplicates import signatures
from assay.ingest.normalise import normalise_text, text_sha256
from assay.ingest.pdf_documents import extract_pdf
from assay.ingest.plain_text import read_text_document
from assay.progress import Progress
from assay.records import IngestFailure, ParsedDocument, SourceItem
from assay.version import __version__

PARSER_NAME = "assay.ingest"
_PRELOAD = ["assay.ingest.parsing"]
MAX_TEXT_CHARS = 2_000_000
LARGE_ITEM_BYTES = 1024 * 1024
_MEMORY_SYMPTOMS = frozenset({ReasonCode.PARSE_ERROR, ReasonCode.NO_TEXT, ReasonCode.MEMORY_LIMIT})
_RECYCLE_AFTER = 200


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """What one item may cost to parse."""

    min_text_chars: int = 25
    deadline_s: float = 20.0
    memory_mb: int = 1024
    max_text_chars: int = MAX_TEXT_CHARS


def _hinted(parsed: ParsedDocument, item: SourceItem) -> ParsedDocument:
    hints = dict(item.hints)
    if not hints:
        return parsed
    return replace(
        parsed,
        title=parsed.title or hints.get("title"),
        author=parsed.author or hints.get("author"),
        published=parsed.published or hints.get("published"),
        site_name=parsed.site_name or hints.get("site_name"),
        url=parsed.url or hints.get("url"),
    )


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
        url=page.url or item.final_url,
        language=detect_language(page.text),
    )


def _parse_pdf(item: SourceItem) -> ParsedDocument:
    from pypdf import __version__ as pypdf_version  # noqa: PLC0415 - only for PDFs

    content = extract_pdf(item.raw, item.source)
    return ParsedDocument(
        text=content.text,
        text_sha256=text_sha256(content.text),
        media_type=PDF,
        encoding="binary",
        tool="pypdf",
        tool_version=pypdf_version,
        title=content.title,
        author=content.author,
        published=content.published,
        url=item.final_url,
        language=detect_language(content.text),
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


def _truncated(parsed: ParsedDocument, max_text_chars: int) -> ParsedDocument:
    if len(parsed.text) <= max_text_chars:
        return parsed
    text = parsed.text[:max_text_chars]
    return replace(
        parsed, text=text, text_sha256=text_sha256(text), truncated_from=len(parsed.text)
    )


def parse_item(
    item: SourceItem, min_text_chars: int, max_text_chars: int = MAX_TEXT_CHARS
) -> ParsedDocument:
    """Parse one item's bytes into a document, or raise an InputError saying why not.

    Main text longer than ``max_text_chars`` is cut there and the cut is recorded
    (``truncated_from``): no article needs more, and a page built to be huge should
    not make every later stage slow.
    """
    suffix = PurePath(item.source.split("#")[0]).suffix
    media_type = sniff_media_type(item.raw, item.source, suffix, item.media_type_hint)
    text = ""
    if media_type == PDF:
        parsed = _parse_pdf(item)
    else:
        declared = declared_charset(item.raw) if media_type == HTML else None
        text, encoding = decode_bytes(item.raw, item.source, declared=declared)
        if media_type == HTML:
            parsed = _parse_html(item, text, encoding)
        else:
            parsed = _parse_plain(item, text, encoding, media_type)
    length = len(normalise_text(parsed.text))
    limit = parser_limit_exceeded(text) if media_type == HTML and length < min_text_chars else None
    if limit is not None:
        raise InputError(
            item.source,
            f"the page is beyond the HTML parser's limits: {limit}; its text could not be read",
            reason=ReasonCode.LIMIT_REACHED,
        )
    if length < min_text_chars:
        found = "no main text" if length == 0 else f"only {length} characters of main text"
        raise InputError(
            item.source,
            f"extraction found {found} (at least {min_text_chars} needed); nothing was stored "
            "as a document",
            reason=ReasonCode.NO_TEXT,
        )
    return _truncated(_hinted(parsed, item), max_text_chars)


def parse_or_fail(item: SourceItem, limits: ParseLimits) -> ParsedDocument | IngestFailure:
    """Parse one item; any failure, expected or not, comes back as a record naming the item."""
    try:
        return parse_item(item, limits.min_text_chars, limits.max_text_chars)
    except InputError as exc:
        return IngestFailure(item.source, exc.reason, exc.detail)
    except MemoryError:
        return IngestFailure(
            item.source, ReasonCode.MEMORY_LIMIT, "parsing needed more memory than the cap allows"
        )
    except Exception as exc:  # a parser crash on one input must not end the batch
        return IngestFailure(
            item.source,
            ReasonCode.PARSE_ERROR,
            f"the parser failed on this input: {type(exc).__name__}: {exc}",
        )


def _status_bytes(field_name: str) -> int:
    """A size from /proc/self/status, in bytes (0 where /proc is absent)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _near_memory_cap() -> bool:
    """True when this worker's address space once came within 10 % of its cap."""
    cap = resource.getrlimit(resource.RLIMIT_AS)[0]
    return cap != resource.RLIM_INFINITY and _status_bytes("VmPeak") >= 0.9 * cap


def parse_in_worker(item: SourceItem, limits: ParseLimits) -> ParsedDocument | IngestFailure:
    """Parse in a capped worker, naming the memory cap when it is what made parsing fail.

    Under a tight address space lxml and trafilatura fail in many ways (an XPath
    error, an empty result) rather than with MemoryError; the worker's peak size
    tells the real cause.
    """
    result = parse_or_fail(item, limits)
    if isinstance(result, ParsedDocument):
        result = replace(
            result, signature=signatures([result.text])[0], signature_scheme=SIGNATURE_SCHEME
        )
    if (
        isinstance(result, IngestFailure)
        and result.reason in _MEMORY_SYMPTOMS
        and _near_memory_cap()
    ):
        return IngestFailure(
            item.source,
            ReasonCode.MEMORY_LIMIT,
            f"parsing reached the memory cap of {limits.memory_mb} MiB above the worker's "
            f"start-up size ({result.message})",
        )
    return result


_WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><p>The parsers load their models "
    "and tables on first use, before the memory cap is set.</p></article></body></html>"
)


def _start_worker(memory_mb: int) -> None:
    """Load the parsers' lazy models, then cap the worker's address space.

    The cap is the worker's size after warming up plus ``memory_mb``, so it means the
    same ("this much for one page") whatever the libraries cost to load.
    """
    # Ctrl-C is for the main process to handle; a worker killed by it mid-page would be
    # reported as a failed document.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parse_item(SourceItem("warm-up.html", _WARM_UP_PAGE.encode(), datetime.now(UTC)), 1)
    limit = _status_bytes("VmSize") + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@dataclass
class ParseJob:
    """Items submitted to a ParserPool, and the futures of their results."""

    pool: ParserPool
    items: list[SourceItem]
    futures: Sequence[Future[ParsedDocument | IngestFailure]]

    def results(self, progress: Progress) -> Iterator[ParsedDocument | IngestFailure]:
        """The results in input order, each a document or the failure that names the item."""
        for item, future in zip(self.items, self.futures, strict=True):
            result = self.pool.result_of(item, future)
            progress.advance()
            yield result


class ParserPool:
    """Parses batches of items in worker processes with a deadline and a memory cap each.

    Workers are forked from a ``forkserver`` that has already imported the parsers, so
    they start in milliseconds and never inherit the parent's threads or database
    connections. Items over ``LARGE_ITEM_BYTES`` (where hostile pages live) go to a
    second pool whose workers serve one item each, so a page that bloats a worker
    cannot leave it too full for the next one; ordinary workers are recycled every
    few hundred items. Pools start on first use and serve every later batch.
    Scripts that use the Python API need the usual ``if __name__ == "__main__":``
    guard, as with any multiprocessing code.
    """

    def __init__(self, workers: int, limits: ParseLimits) -> None:
        """Parse with ``workers`` processes under ``limits``."""
        self.workers = max(1, workers)
        self.limits = limits
        self._pools: dict[bool, ProcessPool] = {}

    def __enter__(self) -> ParserPool:
        """Enter the context; the pools themselves start lazily."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Stop the worker processes, if any were started."""
        for pool in self._pools.values():
            pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
            pool.join()
        self._pools.clear()

    def _pool_for(self, item: SourceItem) -> ProcessPool:
        isolated = len(item.raw) > LARGE_ITEM_BYTES
        if isolated not in self._pools:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_PRELOAD)
            self._pools[isolated] = ProcessPool(
                max_workers=self.workers,
                max_tasks=1 if isolated else _RECYCLE_AFTER,
                initializer=_start_worker,
                initargs=(self.limits.memory_mb,),
                context=context,
            )
        return self._pools[isolated]

    def submit(self, items: Sequence[SourceItem]) -> ParseJob:
        """Start parsing ``items`` now; collect the results later with :meth:`ParseJob.results`.

        Submitting the next batch before storing the last keeps the workers busy while
        the main process writes to the store.
        """
        futures = [
            self._pool_for(item).schedule(
                parse_in_worker, args=(item, self.limits), timeout=self.limits.deadline_s
            )
            for item in items
        ]
        return ParseJob(self, list(items), futures)

    def parse(
        self, items: Sequence[SourceItem], progress: Progress
    ) -> Iterator[ParsedDocument | IngestFailure]:
        """Parse ``items``, yielding results in input order and advancing ``progress``."""
        yield from self.submit(items).results(progress)

    def result_of(
        self, item: SourceItem, future: Future[ParsedDocument | IngestFailure]
    ) -> ParsedDocument | IngestFailure:
        """Wait for one item's result, turning a stopped or dead worker into a failure."""
        try:
            return future.result()
        except FutureTimeoutError:
            return IngestFailure(
                item.source,
                ReasonCode.TIMEOUT,
                f"parsing took longer than the {self.limits.deadline_s:g} s deadline; "
                "the worker was stopped",
            )
        except BrokenProcessPool as exc:
            self.__exit__()
            return IngestFailure(
                item.source,
                ReasonCode.PARSE_ERROR,
                f"the parser processes could not run ({exc}); the pool was restarted",
            )
        except ProcessExpired as exc:
            return IngestFailure(
                item.source,
                ReasonCode.PARSE_ERROR,
                f"the parser process died (exit code {exc.exitcode}) on this input; "
                "it was replaced and the batch went on",
            )
