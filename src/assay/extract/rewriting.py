"""Weapon designations swapped for a plain word before parsing, and offsets mapped back.

A small English parser has never seen most weapon designations (letters, digits, hyphens): it tags
them as numbers, punctuation or pronouns and the parse around them falls apart. Each
catalogue name in a candidate sentence is therefore replaced by one ordinary proper
noun (:data:`PLACEHOLDER`, plural where the name was) before parsing, which parses as
the modifier or noun it is. The rewrite keeps where each name was, so every offset the
extractor reports is mapped back to the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assay.extract.phrases import PhraseHit
from assay.records import CATEGORY_PREFIX

PLACEHOLDER = "Marlow"


@dataclass(frozen=True, slots=True)
class Replacement:
    """One name replaced: its span in the rewritten text and in the original."""

    start: int
    end: int
    original_start: int
    original_end: int
    key: str


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A sentence as parsed, and the names replaced in it."""

    text: str
    original: str
    replacements: tuple[Replacement, ...] = field(default=())

    def to_original(self, offset: int) -> int:
        """The original offset of ``offset`` in the rewritten text."""
        shift = 0
        for replacement in self.replacements:
            if offset < replacement.start:
                break
            if offset < replacement.end:
                return (
                    replacement.original_start
                    if offset == replacement.start
                    else (replacement.original_end)
                )
            shift = replacement.original_end - replacement.end
        return offset + shift

    def original_text(self, start: int, end: int) -> str:
        """The original words behind ``text[start:end]``."""
        return self.original[self.to_original(start) : self.to_original(end)]


def rewrite(text: str, hits: list[PhraseHit]) -> Rewrite:
    """Replace every catalogue system named in ``text`` (not category phrases)."""
    parts: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    length = 0
    for hit in hits:
        key = hit.keys[0]
        if key.startswith(CATEGORY_PREFIX):
            continue
        before = text[cursor : hit.start]
        parts.append(before)
        length += len(before)
        word = PLACEHOLDER + ("s" if hit.plural else "")
        replacements.append(Replacement(length, length + len(word), hit.start, hit.end, key))
        parts.append(word)
        length += len(word)
        cursor = hit.end
    parts.append(text[cursor:])
    return Rewrite("".join(parts), text, tuple(replacements))
