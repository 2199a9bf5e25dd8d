"""robots.txt, fetched once per host and obeyed unless the analyst says otherwise."""

from __future__ import annotations

from urllib.robotparser import RobotFileParser


def robots_url(scheme: str, netloc: str) -> str:
    """Where a host keeps its robots.txt."""
    return f"{scheme}://{netloc}/robots.txt"


def parse_robots(text: str | None, *, status: int) -> RobotFileParser:
    """A parser for a host's robots.txt as fetched (``status`` decides the default rules).

    As in RFC 9309: a missing file (4xx) allows everything and a server error (5xx)
    disallows everything for now. When the host cannot be reached at all (``status``
    0) the page fetch that follows fails with the real network error instead.
    """
    parser = RobotFileParser()
    if status >= 500:
        parser.parse(["User-agent: *", "Disallow: /"])
    elif status >= 400 or status == 0 or text is None:
        parser.parse([])
    else:
        parser.parse(text.splitlines())
    return parser
