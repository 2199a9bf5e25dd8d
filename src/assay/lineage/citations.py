"""Explicit citations: "according to Meridian Wire", "citing the Ledger", a link.

A document that names another outlet next to a citing phrase, or links to another
stored document's address, says where its account came from. Only outlets and
addresses the project holds count, so a citation can be followed to a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Said before the name ("according to X") or after it ("X reported").
_BEFORE = (
    "according to",
    "citing",
    "cited by",
    "quoted by",
    "reported by",
    "first reported by",
    "as reported by",
    "report by",
    "report in",
    "reporting by",
    "told",
    "via",
    "said in",
    "story by",
    "credit:",
    "source:",
    "copyright",
    "©",
)
_AFTER = (
    "reported",
    "reports",
    "first reported",
    "said",
    "says",
    "wrote",
    "quoted",
    "cited",
    "report",
    "story",
    "revealed",
    "broke the news",
    "was first",
)
WINDOW = 40  # characters either side of a name where a citing phrase must be


@dataclass(frozen=True, slots=True)
class Citation:
    """One outlet a text cites, and the words that cite it."""

    outlet_key: int
    phrase: str


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    forms = sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.IGNORECASE)


def _cue_near(text: str, start: int, end: int, extra: Iterable[str]) -> bool:
    before = text[max(0, start - WINDOW) : start].casefold()
    after = text[end : end + WINDOW].casefold()
    befores = (*_BEFORE, *extra)
    # Whole words only: "via" must not be found in "trivia", nor "told" in "untold".
    return any(re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", before) for cue in befores) or any(
        re.match(rf"^\W*(?:\w+\W+)?{re.escape(cue)}\b", after) for cue in _AFTER
    )


def cited_outlets(
    text: str, outlet_names: Mapping[int, Iterable[str]], cues: Iterable[str] = ()
) -> list[Citation]:
    """Every outlet in ``outlet_names`` that ``text`` names beside a citing phrase.

    ``cues`` adds a pack's own citing phrases to the built-in ones.
    """
    extra = tuple(cue.casefold() for cue in cues)
    found: list[Citation] = []
    for outlet_key, names in outlet_names.items():
        pattern = _pattern(names)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            if _cue_near(text, match.start(), match.end(), extra):
                left, right = max(0, match.start() - WINDOW), min(len(text), match.end() + WINDOW)
                phrase = " ".join(text[left:right].split())
                found.append(Citation(outlet_key, phrase))
                break
    return found


def linked_addresses(raw_html: str, addresses: Mapping[int, str]) -> list[int]:
    """The documents (by key) whose address ``raw_html`` links to in an ``href``."""
    hrefs = {_bare(h) for h in re.findall(r"""href\s*=\s*["']([^"']+)["']""", raw_html, re.I)}
    return [key for key, address in addresses.items() if _bare(address) in hrefs]


def _bare(address: str) -> str:
    """An address without scheme, ``www.``, query or trailing slash, for comparison."""
    bare = re.sub(r"^[a-z]+://", "", address.strip().casefold())
    bare = bare.removeprefix("www.").split("#", 1)[0].split("?", 1)[0]
    return bare.rstrip("/")
