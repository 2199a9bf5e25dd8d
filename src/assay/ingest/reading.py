"""Reading one file's bytes, with the checks that must happen before anything is stored."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

from assay.errors import InputError, ReasonCode, SourceNotFoundError, UnreadableDocumentError
from assay.records import SourceItem


def read_source(path: Path, max_bytes: int) -> SourceItem:
    """Read ``path`` whole, or raise an InputError that says why it cannot be used."""
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SourceNotFoundError(
            source, "no such file (a broken link?)" if path.is_symlink() else "no such file"
        ) from None
    except OSError as exc:
        raise UnreadableDocumentError(source, f"cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableDocumentError(
            source, "is not a regular file (a socket, device or pipe); nothing was read"
        )
    if info.st_size > max_bytes:
        raise InputError(
            source,
            f"is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit (max_input_mb)",
            reason=ReasonCode.TOO_LARGE,
            hint="raise ASSAY_MAX_INPUT_MB if the file is genuine",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocumentError(source, f"cannot be read: {exc.strerror}") from None
    if not raw.strip():
        raise InputError(
            source,
            "is empty" if not raw else "holds only whitespace",
            reason=ReasonCode.EMPTY,
        )
    return SourceItem(source=source, raw=raw, captured_at=datetime.now(UTC))
