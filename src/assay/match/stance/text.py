"""Tokens, sentences and n-grams: the one way stance features cut text into pieces.

Training and prediction must cut text identically, or the learned vocabulary and
weights would meet tokens they were never fitted on; so both call these functions.
Tokens are lowercased runs of letters and digits (apostrophes and hyphens split),
which is also the token pattern given to the TF-IDF vectorizers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TOKEN_PATTERN = r"(?u)\b\w+\b"
_TOKEN = re.compile(TOKEN_PATTERN)
# A sentence ends at . ! ? (optionally closed by a quote or bracket) before a space,
# or at a line break; news bodies put one paragraph per line.
_SENTENCE_END = re.compile("(?<=[.!?])[\"'\u201d\u2019)\\]]*\\s+|\\s*\n\\s*")
# Very long bodies are cut: the stance is nearly always stated early, and the cut bounds
# the work per document.
MAX_SENTENCES = 80
MAX_CHARS = 20_000


def normalise(text: str) -> str:
    """NFKC-fold and lowercase, so curly quotes and ligatures tokenise like plain ones."""
    return unicodedata.normalize("NFKC", text).lower()


def tokenize(text: str) -> list[str]:
    """Lowercased word tokens of ``text`` (already normalised or not)."""
    return _TOKEN.findall(normalise(text))


def split_sentences(text: str) -> list[str]:
    """Sentences of a body, at most MAX_SENTENCES, empty pieces dropped."""
    pieces = (piece.strip() for piece in _SENTENCE_END.split(text[:MAX_CHARS]))
    sentences = [piece for piece in pieces if any(c.isalnum() for c in piece)]
    return sentences[:MAX_SENTENCES] or [text[:MAX_CHARS]]


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    """The distinct n-grams of a token list."""
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@dataclass(frozen=True)
class Text:
    """One headline or body cut once: its normalised text, tokens and sentences."""

    raw: str
    lowered: str
    tokens: list[str]
    sentences: list[str]


def cut(text: str) -> Text:
    """Normalise, tokenize and sentence-split ``text`` once for all features."""
    lowered = normalise(text[:MAX_CHARS])
    return Text(text, lowered, _TOKEN.findall(lowered), split_sentences(text))
