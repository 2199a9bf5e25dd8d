"""Short readable IDs such as ``D12`` (document), ``O3`` (outlet) and ``C7`` (claim).

An ID is a one-letter prefix and the record's integer key in the store. Keys are
never reused, so an ID names the same record for the life of a project.
"""

from __future__ import annotations

import re
from enum import StrEnum

from assay.errors import NotFoundError


class IdKind(StrEnum):
    """The record kinds that carry a readable ID, by prefix letter."""

    DOCUMENT = "D"
    OUTLET = "O"
    MENTION = "M"
    CLAIM = "C"


_ID_PATTERN = re.compile(r"^\s*([A-Za-z])(\d+)\s*$")


def format_id(kind: IdKind, key: int) -> str:
    """Return the readable ID of record ``key``: ``format_id(IdKind.DOCUMENT, 12) == "D12"``."""
    return f"{kind.value}{key}"


def parse_id(text: str) -> tuple[IdKind, int]:
    """Split ``"D12"`` (any case) into kind and key; raise NotFoundError naming valid forms."""
    match = _ID_PATTERN.match(text)
    valid = ", ".join(f"{kind.value}<number>" for kind in IdKind)
    if match is None:
        raise NotFoundError(f"{text!r} is not an ID; expected one of {valid}, such as D12")
    prefix, digits = match.group(1).upper(), int(match.group(2))
    try:
        kind = IdKind(prefix)
    except ValueError:
        raise NotFoundError(
            f"{text!r}: unknown ID prefix {prefix!r}; expected one of {valid}"
        ) from None
    return kind, digits
