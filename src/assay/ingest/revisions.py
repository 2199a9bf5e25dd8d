"""Comparing two versions of a document's text: the diff, and the hedging that changed.

Newsrooms edit stories after publication, and an edit that drops "reportedly" or
adds "according to officials" changes how sure a report sounds without saying so.
The cue list is data (``editorial_cues.txt``); a cue whose count changes between
versions is reported as added or removed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_DIFF_CONTEXT = 1


@dataclass(frozen=True, slots=True)
class Revision:
    """What changed between two texts."""

    diff: str
    added_cues: tuple[str, ...]
    removed_cues: tuple[str, ...]


@cache
def editorial_cues() -> tuple[str, ...]:
    """The hedging and attribution cues, from the bundled list."""
    text = resources.files("assay.ingest").joinpath("editorial_cues.txt").read_text("utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(map(re.escape, cue.split())) + r"\b")


def cue_counts(text: str) -> dict[str, int]:
    """How often each cue occurs in ``text``."""
    lowered = text.lower()
    return {cue: len(_cue_pattern(cue).findall(lowered)) for cue in editorial_cues()}


def compare_texts(old: str, new: str) -> Revision:
    """The line diff from ``old`` to ``new`` and the cues whose counts rose or fell."""
    diff = "\n".join(
        difflib.unified_diff(
            old.splitlines(), new.splitlines(), "before", "after", n=_DIFF_CONTEXT, lineterm=""
        )
    )
    before, after = cue_counts(old), cue_counts(new)
    added = tuple(cue for cue in editorial_cues() if after[cue] > before[cue])
    removed = tuple(cue for cue in editorial_cues() if after[cue] < before[cue])
    return Revision(diff, added, removed)
