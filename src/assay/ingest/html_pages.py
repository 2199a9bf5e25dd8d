"""Main text and metadata of an HTML page, with trafilatura.

trafilatura separates the article from navigation, cookie banners, share bars,
related links and footers, and reads title, author, site name, canonical URL and
publication time from the page's meta tags and markup. assay asks it to favour
precision: a "related stories" box left in the main text would put other articles'
headlines, and so other articles' claims, into this document.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

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
        published=normalise_timestamp(result.date),
        site_name=result.sitename or None,
        url=result.url or url,
    )


def trafilatura_version() -> str:
    """The installed trafilatura version, recorded with every capture."""
    return str(trafilatura.__version__)
