"""Telling what kind of document a file holds, from its bytes first and its name second.

Names lie (a PDF saved as ``.html``); leading bytes rarely do. Known binary formats
are refused by name so the message can say what the file really is.
"""

from __future__ import annotations

import re

from assay.errors import InputError, ReasonCode, UnsupportedFormatError

HTML = "text/html"
PLAIN_TEXT = "text/plain"
PDF = "application/pdf"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\x7fELF", "an executable program"),
    (b"WARC/", "a web archive whose name does not end in .warc or .warc.gz"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_SNIFF_BYTES = 8192


_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def sniff_media_type(raw: bytes, source: str, suffix: str, hint: str | None = None) -> str:
    """Return the document type of ``raw`` (HTML, text or PDF), or raise saying why it is none."""
    if raw[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    for magic, description in _MAGIC:
        if raw.startswith(magic):
            raise UnsupportedFormatError(source, f"is {description}, not an HTML or text document")
    head = raw[:_SNIFF_BYTES]
    if not head.startswith(_BOMS[1:]) and b"\x00" in head:
        raise InputError(
            source,
            "is a binary file (it contains NUL bytes), not an HTML or text document",
            reason=ReasonCode.BINARY,
        )
    text_head = head.removeprefix(_BOMS[0])
    if _HTML_START.match(text_head) or suffix.lower() in _HTML_SUFFIXES or hint in _HTML_TYPES:
        return HTML
    return PLAIN_TEXT
