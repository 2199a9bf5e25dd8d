"""Main text and metadata of an HTML page, with trafilatura.

trafilatura separates the article from navigation, cookie banners, share bars,
related links and footers, and reads title, author, site name, canonical URL and
publication time from the page's meta tags and markup. assay asks it to favour
precision: a "related stories" box left in the main text would put other articles'
headlines, and so other articles' claims, into this document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from assay.ingest.timestamps import normalise_timestamp

# Ask htmldate for the original publication time, as a full timestamp when the page has one.
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


@dataclass(frozen=True, slots=True)
class PageContent:
    """What trafilatura found in a page; ``text`` is empty when it found no main text."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    site_name: str | None
    url: str | None


_PUBLISHED_META = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @property='og:article:published_time' or @itemprop='datePublished'"
    " or @name='pubdate' or @name='publish-date' or @name='dcterms.created']/@content"
)


def declared_publication_time(html: str) -> str | None:
    """The full publication time a page declares in its meta tags, when it gives one.

    htmldate prefers a date found in the URL and so turns "2026-01-19T07:40Z" into
    midnight on pages whose URL carries the day; the declared time is more precise.
    """
    try:
        tree = lxml.html.fromstring(html[:200_000])
    except (etree.ParserError, ValueError):
        return None
    values = tree.xpath(_PUBLISHED_META)
    for value in values if isinstance(values, list) else []:
        stamp = normalise_timestamp(str(value))
        if stamp and "T" in stamp:
            return stamp
    return None


def extract_page(html: str, url: str | None = None) -> PageContent:
    """Extract the main text and metadata of ``html``."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if result is None or isinstance(result, dict):
        return PageContent("", None, None, None, None, url)
    return PageContent(
        text=(result.text or "").strip(),
        title=result.title or None,
        author=result.author or None,
        published=declared_publication_time(html) or normalise_timestamp(result.date),
        site_name=result.sitename or None,
        url=result.url or url,
    )


def trafilatura_version() -> str:
    """The installed trafilatura version, recorded with every capture."""
    return str(trafilatura.__version__)


# libxml2's limits without its "huge" option, which assay leaves off on purpose.
PARSER_MAX_DEPTH = 255
PARSER_MAX_TEXT_RUN = 10_000_000
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def parser_limit_exceeded(html: str) -> str | None:
    """Why the HTML parser could not reach this page's text, if one of its limits is why.

    Pages nested deeper than 255 elements, or holding one text run of ten million
    characters, are cut short by libxml2 without an error; saying so beats a bare
    "no main text".
    """
    longest = max((len(run) for run in re.findall(r">([^<]{1000000,})", html)), default=0)
    if longest >= PARSER_MAX_TEXT_RUN:
        return f"a single text run of {longest:,} characters (the parser stops at 10,000,000)"
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest > PARSER_MAX_DEPTH:
            return f"elements nested more than {PARSER_MAX_DEPTH} deep (the parser's limit)"
    return None
