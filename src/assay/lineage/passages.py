"""Shared passages between two texts: the reuse that marks a rewrite or a scrape.

As passim finds reprints, two texts share a passage when they share runs of words
long enough not to be chance: here word 8-grams (shingles) after case and punctuation
are dropped. The share of the later text's shingles found in the earlier one says how
much of it was taken; the longest run of shared shingles is shown as the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SHINGLE_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ShingledText:
    """A text's words and the set of its word 8-grams."""

    words: tuple[str, ...]
    shingles: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, text: str) -> ShingledText:
        """Shingle ``text``."""
        words = tuple(word.casefold() for word in _WORD.findall(text))
        grams = (words[i : i + SHINGLE_WORDS] for i in range(len(words) - SHINGLE_WORDS + 1))
        return cls(words, frozenset(grams))


@dataclass(frozen=True, slots=True)
class SharedPassages:
    """How much of a later text an earlier one holds."""

    shared: int
    coverage: float
    longest: str
    run: int = 0

    @property
    def run_words(self) -> int:
        """Words in the longest shared run (0 when nothing is shared)."""
        return self.run + SHINGLE_WORDS - 1 if self.run else 0


def shared_passages(later: ShingledText, earlier: ShingledText) -> SharedPassages:
    """The shingles ``later`` shares with ``earlier``, their share of it, the longest run."""
    common = later.shingles & earlier.shingles
    if not common:
        return SharedPassages(0, 0.0, "")
    best_start, best_length, start, length = 0, 0, 0, 0
    for i in range(len(later.words) - SHINGLE_WORDS + 1):
        if later.words[i : i + SHINGLE_WORDS] in common:
            start, length = (start, length + 1) if length else (i, 1)
            if length > best_length:
                best_start, best_length = start, length
        else:
            length = 0
    words = later.words[best_start : best_start + best_length + SHINGLE_WORDS - 1]
    return SharedPassages(
        len(common), len(common) / len(later.shingles), " ".join(words), best_length
    )
