"""Normalising main text so that the same article with different bytes is recognised.

Two captures whose texts differ only in Unicode form, typographic quotes and dashes,
or whitespace have the same normalised text, hence the same ``text_sha256``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC, plain quotes and dashes, single spaces, no leading or trailing space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(_TRANSLATE)).strip()


def text_sha256(text: str) -> str:
    """The hex SHA-256 of the normalised form of ``text``."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
