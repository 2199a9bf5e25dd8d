"""Text and metadata of PDF documents, with pypdf's decompression limits in force.

A PDF whose text cannot be had is a recorded failure with its reason, never an
empty document: encrypted files, scanned pages with no text layer, and streams that
would decompress past pypdf's limits (a PDF "bomb").
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PasswordType, PdfReader
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError, PyPdfError

from assay.errors import InputError, ReasonCode
from assay.ingest.timestamps import normalise_timestamp

MAX_PAGES = 2000


@dataclass(frozen=True, slots=True)
class PdfContent:
    """The text of a PDF, page after page, with what its metadata says."""

    text: str
    title: str | None
    author: str | None
    published: str | None


def _open(raw: bytes, source: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
    except LimitReachedError as exc:
        raise InputError(
            source, f"a PDF stream is over pypdf's limits: {exc}", reason=ReasonCode.LIMIT_REACHED
        ) from None
    except (PdfReadError, PyPdfError, ValueError) as exc:
        raise InputError(
            source, f"is not a readable PDF: {exc}", reason=ReasonCode.UNREADABLE
        ) from None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except (FileNotDecryptedError, PyPdfError, NotImplementedError):
            opened = False
        if not opened:
            raise InputError(
                source,
                "is an encrypted PDF; its text cannot be read without the password",
                reason=ReasonCode.ENCRYPTED,
            )
    return reader


def extract_pdf(raw: bytes, source: str) -> PdfContent:
    """Read the text and metadata of a PDF, or raise an InputError with the reason."""
    reader = _open(raw, source)
    try:
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise InputError(
                source,
                f"has {len(pages):,} pages, over the {MAX_PAGES:,}-page limit",
                reason=ReasonCode.LIMIT_REACHED,
            )
        texts = []
        for page in pages:
            contents = page.get_contents()
            if contents is not None:
                # Decode first: extract_text() swallows pypdf's limit errors and returns "".
                contents.get_data()
            texts.append((page.extract_text() or "").strip())
        text = "\n\n".join(texts).strip()
        info = reader.metadata
    except LimitReachedError as exc:
        raise InputError(
            source, f"a PDF stream is over pypdf's limits: {exc}", reason=ReasonCode.LIMIT_REACHED
        ) from None
    except (PdfReadError, PyPdfError) as exc:
        raise InputError(
            source, f"its text could not be read: {exc}", reason=ReasonCode.UNREADABLE
        ) from None
    if not text:
        raise InputError(
            source,
            "has no text layer (a scanned PDF? run OCR on it first)",
            reason=ReasonCode.NO_TEXT,
        )
    return PdfContent(
        text=text,
        title=(info.title if info else None) or None,
        author=(info.author if info else None) or None,
        published=normalise_timestamp(info.creation_date if info else None),
    )
