"""Turning bytes into text without guessing silently.

Order of trust: a byte-order mark, then strict UTF-8, then the charset the page
declares, then statistical detection (charset-normalizer) when it is confident.
Bytes that no encoding explains are refused rather than decoded into mojibake:
a claim quoted from garbled text is worse than no claim.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from assay.errors import InputError, ReasonCode

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_MAX_CHAOS = 0.1
_MIN_COHERENCE = 0.3
_MARGIN = 0.05
# Among detections that fit about equally well, the encodings the web actually uses win
# (WHATWG's legacy defaults): short texts otherwise come back as rare code pages.
_PREFERRED = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "cp1250",
    "koi8_r",
    "iso8859_2",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
    "cp1256",
    "cp1253",
    "cp1254",
)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if any."""
    match = _DECLARED.search(raw[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _first_bad_byte(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"
    return "no bad byte"  # pragma: no cover - only called after UTF-8 failed


def _detect(raw: bytes) -> tuple[str, str] | None:
    matches = [m for m in from_bytes(raw) if m.encoding not in {"utf_8", "ascii"}]
    if not matches:
        return None
    best = matches[0]
    if best.chaos > _MAX_CHAOS or best.coherence < _MIN_COHERENCE:
        return None
    close = {
        m.encoding: m
        for m in matches
        if m.chaos <= best.chaos + _MARGIN and m.coherence >= best.coherence - _MARGIN
    }
    chosen = next((close[name] for name in _PREFERRED if name in close), best)
    return str(chosen), chosen.encoding


def decode_bytes(raw: bytes, source: str, *, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``raw`` or raise an InputError with reason bad_encoding."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return raw.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    detected = _detect(raw)
    if detected is not None:
        return detected
    said = f"it declares {declared} but " if declared else ""
    raise InputError(
        source,
        f"is not valid text: {said}it is not UTF-8 ({_first_bad_byte(raw)}) and no other "
        "encoding explains its bytes",
        reason=ReasonCode.BAD_ENCODING,
        hint="re-save the file as UTF-8",
    )
