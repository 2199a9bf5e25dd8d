"""RSS, Atom and OPML: reading feeds without trusting their XML.

Every feed and OPML file is screened with defusedxml before any parser sees it:
entity declarations (billion laughs), external entities and DTD references (XXE,
``file:///etc/passwd``) are refused with the reason ``unsafe_xml``. Only then does
feedparser read the items; OPML outlines are read by defusedxml's own parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from assay.errors import InputError, ReasonCode
from assay.ingest.timestamps import normalise_timestamp

_ROOT = re.compile(rb"<(rss|feed|rdf:RDF|opml)[\s>]", re.I)
_HEAD_BYTES = 4096


class FeedKind(StrEnum):
    """What a piece of XML is, as far as ingest cares."""

    RSS = "rss"
    ATOM = "atom"
    RDF = "rdf"
    OPML = "opml"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: where its article lives and what the feed itself says of it."""

    link: str | None
    title: str | None
    published: str | None
    author: str | None
    content: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed."""

    url: str
    title: str | None
    items: tuple[FeedItem, ...]


def sniff_feed(raw: bytes) -> FeedKind | None:
    """The kind of feed ``raw`` holds, from its root element, or None."""
    head = raw[:_HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    match = _ROOT.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    return {"rss": FeedKind.RSS, "feed": FeedKind.ATOM, "rdf:rdf": FeedKind.RDF}.get(
        name, FeedKind.OPML
    )


_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^>\[]*(\[)?", re.I)
_DOCTYPE_ID = re.compile(
    rb"""(?:SYSTEM|PUBLIC)\s+(?:"[^"]*"\s+|'[^']*'\s+)?["']([^"']*)["']""", re.I
)


def _unsafe(source: str, why: str) -> InputError:
    return InputError(
        source,
        f"refused unsafe XML: {why}; entity declarations and local or external references "
        "are not read",
        reason=ReasonCode.UNSAFE_XML,
    )


def _screen_doctype(raw: bytes, source: str) -> None:
    doctype = _DOCTYPE.search(raw[:65536])
    if doctype is None:
        return
    if doctype.group(1):
        raise _unsafe(source, "its DOCTYPE has an internal subset (entity declarations)")
    identifier = _DOCTYPE_ID.search(doctype.group(0))
    if identifier and not identifier.group(1).lower().startswith((b"http://", b"https://")):
        raise _unsafe(source, "its DOCTYPE points at a local file")


def screen_xml(raw: bytes, source: str) -> None:
    """Refuse XML that declares entities or points at local or external resources.

    A DOCTYPE naming a public web DTD (as RSS 0.91 feeds do) is harmless and kept;
    one with an internal subset or a file path is refused before any parser runs.
    """
    _screen_doctype(raw, source)
    try:
        SafeElementTree.fromstring(
            raw, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise _unsafe(source, type(exc).__name__) from None
    except ParseError:
        if re.search(rb"<!ENTITY", raw[:65536]):
            raise _unsafe(source, "malformed XML that declares entities") from None


def parse_feed(raw: bytes, url: str) -> Feed:
    """Parse an RSS or Atom feed fetched from (or saved from) ``url``."""
    screen_xml(raw, url)
    parsed = feedparser.parse(raw, response_headers={"content-location": url})
    if not parsed.entries and parsed.get("bozo"):
        raise InputError(
            url,
            f"is not a readable feed: {parsed.get('bozo_exception')}",
            reason=ReasonCode.PARSE_ERROR,
        )
    items = []
    for entry in parsed.entries:
        content = None
        if entry.get("content"):
            content = entry["content"][0].get("value")
        content = content or entry.get("summary")
        published = entry.get("published") or entry.get("updated")
        items.append(
            FeedItem(
                link=entry.get("link"),
                title=entry.get("title"),
                published=normalise_timestamp(_feed_time(entry)) or published,
                author=entry.get("author"),
                content=content,
            )
        )
    return Feed(url=url, title=parsed.feed.get("title"), items=tuple(items))


def _feed_time(entry: feedparser.FeedParserDict) -> str | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if moment is None:
        return None
    return (
        f"{moment.tm_year:04d}-{moment.tm_mon:02d}-{moment.tm_mday:02d}T"
        f"{moment.tm_hour:02d}:{moment.tm_min:02d}:{moment.tm_sec:02d}Z"
    )


def parse_opml(raw: bytes, source: str) -> list[str]:
    """The feed URLs an OPML file lists, in order, without duplicates."""
    screen_xml(raw, source)
    try:
        root = SafeElementTree.fromstring(raw, forbid_entities=True, forbid_external=True)
    except ParseError as exc:
        raise InputError(
            source, f"is not valid OPML: {exc}", reason=ReasonCode.PARSE_ERROR
        ) from None
    urls: list[str] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url and url not in urls:
            urls.append(url)
    if not urls:
        raise InputError(source, "is an OPML file that lists no feeds", reason=ReasonCode.NO_TEXT)
    return urls
