"""Sentences of a document's text, with their character offsets.

Splitting runs over every document, so it is a single regular-expression pass rather
than a parse: the parser only sees the few sentences the pre-filter keeps. A sentence
ends at ``.``, ``?`` or ``!`` (and any closing quote or bracket) followed by a space and
a capital letter, a digit or an opening quote, and at every line break, so a headline is
a sentence of its own. Dotted initialisms ("U.S.", "U.N.") and common titles ("Gen.",
"Mr.") do not end one, since news runs them mid-sentence ("U.S. officials said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A full stop after these words is an abbreviation, not an end of sentence.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "st",
        "sen",
        "rep",
        "gov",
        "pres",
        "no",
        "nos",
        "vol",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "corp",
        "co",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
    ]
)
_CLOSERS = "\"'\u201d\u2019)\\]"
_OPENERS = "\"'\u201c\u2018(\\["
_BOUNDARY = re.compile(rf"[.?!]+[{_CLOSERS}]*(?=\s+[{_OPENERS}]?[A-Z0-9])")
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its index in the document, its span and its text."""

    index: int
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``text[stop]`` closes an abbreviation."""
    head = text[max(0, stop - 12) : stop + 1]
    if _INITIALISM.search(head):
        return True
    word = _WORD_BEFORE.search(head)
    return word is not None and word.group(1).lower() in _TITLES


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    begin = 0
    for match in _BOUNDARY.finditer(line):
        if match.group(0)[0] == "." and _is_abbreviation(line, match.start()):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, len(line)))
    result = []
    for start, end in spans:
        chunk = line[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            result.append((offset + start + lead, offset + start + lead + len(stripped)))
    return result


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each keeps its exact character span."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        for start, end in _split_line(line.rstrip("\r\n"), offset):
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
        offset += len(line)
    return sentences
