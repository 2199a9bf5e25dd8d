"""Expanding what a user names (files, folders, globs) into a sorted list of files.

Folders are walked recursively and keep only the document types assay reads, so a
folder's README or data files are reported as skipped, not as failures. A file named
explicitly is always tried, whatever its extension: the user asked for it.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assay.errors import ReasonCode
from assay.records import IngestFailure, SkippedSource

DOCUMENT_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".txt", ".text"})
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(slots=True)
class ExpandedSources:
    """The files to read, in a stable order, plus what was skipped or not found."""

    files: list[Path] = field(default_factory=list)
    skipped: list[SkippedSource] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)


def _walk_folder(folder: Path, expanded: ExpandedSources) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        relative_parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative_parts) or path.is_dir():
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            found.append(path)
        else:
            expanded.skipped.append(
                SkippedSource(
                    str(path.absolute()),
                    f"{path.suffix or 'no extension'} is not a "
                    f"document type read from folders ({', '.join(sorted(DOCUMENT_SUFFIXES))})",
                )
            )
    return found


def expand_sources(inputs: Sequence[str]) -> ExpandedSources:
    """Expand paths, folders and quoted globs into absolute file paths, without duplicates."""
    expanded = ExpandedSources()
    seen: set[Path] = set()
    for raw in inputs:
        path = Path(raw).expanduser()
        if path.is_dir():
            candidates = _walk_folder(path, expanded)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        elif _GLOB_CHARACTERS & set(raw):
            candidates = [Path(match) for match in sorted(glob.glob(raw, recursive=True))]
            candidates = [c for c in candidates if not c.is_dir()]
            if not candidates:
                expanded.failures.append(
                    IngestFailure(raw, ReasonCode.NOT_FOUND, "the pattern matches no file")
                )
        else:
            expanded.failures.append(
                IngestFailure(str(path.absolute()), ReasonCode.NOT_FOUND, "no such file or folder")
            )
            continue
        for candidate in candidates:
            absolute = candidate.absolute()
            if absolute not in seen:
                seen.add(absolute)
                expanded.files.append(absolute)
    return expanded
