"""Turning what the user named into raw items: files, web archives, URLs and feeds.

Local files are read one at a time; a WARC yields one item per archived response; a
URL is fetched; a feed (named directly, listed in an OPML file, or found at a URL)
yields one item per entry, fetched from the entry's link or, when the page cannot
be fetched, taken from the feed's own copy of the entry and marked so. URLs and
feed links already in the store are not fetched again: ``assay refetch`` is the way
to look for changes. Items come out lazily so that a huge input never sits in memory
whole.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.robotparser import RobotFileParser

from assay.errors import InputError
from assay.ingest import expand_sources, read_source
from assay.ingest.feeds import FeedItem, FeedKind, parse_feed, parse_opml, sniff_feed
from assay.ingest.fetching import FetchedResource, Fetcher, Validators, fetch_many
from assay.ingest.web_archives import is_web_archive, read_web_archive
from assay.pipeline.options import IngestOptions
from assay.progress import NullProgress, Progress
from assay.records import (
    CaptureOrigin,
    CustodyAction,
    IngestFailure,
    IngestReport,
    Redirect,
    SourceItem,
)
from assay.store import Store

FETCH_CHUNK = 64
_HEAD_BYTES = 16


def is_url(text: str) -> bool:
    """True for http and https URLs."""
    return text.lower().startswith(("http://", "https://"))


def _failure(error: InputError) -> IngestFailure:
    return IngestFailure(error.source, error.reason, error.detail)


class Collector:
    """Produces the items of one ingest run, recording what it learns of feeds on the way."""

    def __init__(
        self, store: Store, options: IngestOptions, report: IngestReport, progress: Progress
    ) -> None:
        """Collect into ``report``, fetching with ``options``."""
        self.store = store
        self.options = options
        self.report = report
        self.progress = progress
        self._robots: dict[str, RobotFileParser] = {}

    def items(self, inputs: Sequence[str]) -> Iterator[SourceItem | IngestFailure]:
        """Every item the inputs lead to, in order."""
        local = [value for value in inputs if not is_url(value)]
        urls = [value for value in inputs if is_url(value)]
        expanded = expand_sources(local)
        self.report.skipped.extend(expanded.skipped)
        yield from expanded.failures
        for path in expanded.files:
            yield from self._local(path)
        yield from self._urls(urls)

    # Local files ------------------------------------------------------------------------

    def _local(self, path: Path) -> Iterator[SourceItem | IngestFailure]:
        try:
            with path.open("rb") as handle:
                head = handle.read(_HEAD_BYTES)
        except OSError:
            head = b""
        if is_web_archive(path, head):
            for record in read_web_archive(path, self.options.max_input_bytes):
                yield _failure(record) if isinstance(record, InputError) else record
            return
        try:
            item = read_source(path, self.options.max_input_bytes)
        except InputError as exc:
            yield _failure(exc)
            return
        kind = sniff_feed(item.raw)
        if kind is None:
            yield item
        else:
            yield from self._feed_bytes(item.source, item.raw, kind, None)

    # URLs and feeds ---------------------------------------------------------------------

    def _known(self, source: str) -> bool:
        with self.store.transaction() as repo:
            return repo.has_source(source)

    def _urls(self, urls: Sequence[str]) -> Iterator[SourceItem | IngestFailure]:
        new = []
        for url in dict.fromkeys(urls):
            if self._known(url):
                self.report.unchanged.append(url)
            else:
                new.append(url)
        for resource in self._fetch(new, self._feed_validators(new)):
            if isinstance(resource, IngestFailure):
                yield resource
                continue
            if resource.not_modified:
                self._record_feed(resource.requested_url, None, None, resource, 0)
                continue
            kind = sniff_feed(resource.body)
            if kind is None:
                yield item_from_resource(resource, CaptureOrigin.URL)
            else:
                yield from self._feed_bytes(resource.requested_url, resource.body, kind, resource)

    def _fetch(
        self, urls: Sequence[str], validators: dict[str, Validators] | None = None
    ) -> Iterator[FetchedResource | IngestFailure]:
        for start in range(0, len(urls), FETCH_CHUNK):
            chunk = urls[start : start + FETCH_CHUNK]
            yield from asyncio.run(self._fetch_chunk(chunk, validators or {}))

    async def _fetch_chunk(
        self, urls: Sequence[str], validators: dict[str, Validators]
    ) -> list[FetchedResource | IngestFailure]:
        async with Fetcher(self.options.fetch, self.options.policy, robots=self._robots) as fetcher:
            return await fetch_many(urls, fetcher, NullProgress(), validators)

    def _feed_bytes(
        self, source: str, raw: bytes, kind: FeedKind, resource: FetchedResource | None
    ) -> Iterator[SourceItem | IngestFailure]:
        try:
            if kind is FeedKind.OPML:
                yield from self._feeds(parse_opml(raw, source))
                return
            feed = parse_feed(raw, resource.final_url if resource else source)
        except InputError as exc:
            yield _failure(exc)
            return
        self._record_feed(source, feed.title, raw, resource, len(feed.items))
        yield from self._feed_items(source, feed.items)

    def _feed_validators(self, urls: Sequence[str]) -> dict[str, Validators]:
        """What known feeds answered last time, so that polling them is a conditional GET."""
        validators = {}
        with self.store.transaction() as repo:
            for url in urls:
                etag, modified = repo.feed_validators(url)
                if etag or modified:
                    validators[url] = Validators(etag, modified)
        return validators

    def _feeds(self, feed_urls: Sequence[str]) -> Iterator[SourceItem | IngestFailure]:
        for resource in self._fetch(list(feed_urls), self._feed_validators(feed_urls)):
            if isinstance(resource, IngestFailure):
                yield resource
            elif resource.not_modified:
                self._record_feed(resource.requested_url, None, None, resource, 0)
            else:
                kind = sniff_feed(resource.body) or FeedKind.RSS
                yield from self._feed_bytes(resource.requested_url, resource.body, kind, resource)

    def _feed_items(
        self, feed_source: str, entries: Sequence[FeedItem]
    ) -> Iterator[SourceItem | IngestFailure]:
        wanted: dict[str, FeedItem] = {}
        for entry in entries:
            if not entry.link:
                continue
            if self._known(entry.link):
                self.report.unchanged.append(entry.link)
            else:
                wanted.setdefault(entry.link, entry)
        for resource in self._fetch(list(wanted)):
            if not isinstance(resource, IngestFailure):
                yield item_from_resource(
                    resource, CaptureOrigin.URL, _hints(wanted[resource.requested_url])
                )
                continue
            entry = wanted[resource.source]
            if entry.content:
                yield _item_from_feed_content(feed_source, entry)
            else:
                yield resource

    def _record_feed(
        self,
        url: str,
        title: str | None,
        raw: bytes | None,
        resource: FetchedResource | None,
        items: int,
    ) -> None:
        now = datetime.now(UTC)
        digest = self.store.archive.put(raw) if raw else None
        with self.store.transaction() as repo:
            validators = (resource.etag, resource.last_modified) if resource else (None, None)
            repo.save_feed(url, title, validators, digest, items, now)
            if digest:
                detail = {"feed": url, "items": str(items)}
                repo.append_custody(CustodyAction.ADD, digest, None, detail, now)


def _hints(entry: FeedItem) -> tuple[tuple[str, str], ...]:
    pairs = {
        "title": entry.title,
        "published": entry.published,
        "author": entry.author,
        "url": entry.link,
    }
    return tuple((key, value) for key, value in pairs.items() if value)


def item_from_resource(
    resource: FetchedResource, origin: CaptureOrigin, hints: tuple[tuple[str, str], ...] = ()
) -> SourceItem:
    """The raw item of a fetched resource, with its redirects and validators."""
    return SourceItem(
        source=resource.requested_url,
        raw=resource.body,
        captured_at=resource.fetched_at,
        media_type_hint=resource.media_type,
        final_url=resource.final_url,
        origin=origin,
        redirects=tuple(Redirect(hop.url, hop.status) for hop in resource.hops),
        http_status=resource.status,
        etag=resource.etag,
        last_modified=resource.last_modified,
        hints=hints,
    )


def _item_from_feed_content(feed_source: str, entry: FeedItem) -> SourceItem:
    content = entry.content or ""
    if "<" not in content:
        content = f"<p>{content}</p>"
    title = f"<h1>{entry.title}</h1>" if entry.title else ""
    page = f"<html><body><article>{title}{content}</article></body></html>"
    return SourceItem(
        source=entry.link or f"{feed_source}#{hashlib.sha256(content.encode()).hexdigest()[:12]}",
        raw=page.encode("utf-8"),
        captured_at=datetime.now(UTC),
        media_type_hint="text/html",
        final_url=entry.link,
        origin=CaptureOrigin.FEED_ITEM,
        hints=_hints(entry),
    )
