import codecs

import pytest

from assay.errors import InputError, ReasonCode
from assay.ingest.decoding import declared_charset, decode_bytes


def test_utf8_is_taken_as_is() -> None:
    text = "Tehran \u2013 Moscow"
    assert decode_bytes(text.encode(), "f") == (text, "utf-8")


def test_byte_order_mark_wins() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + b"note", "f")
    assert (text, encoding) == ("note", "utf-8-sig")
    text, encoding = decode_bytes("note".encode("utf-16"), "f")
    assert text == "note"


def test_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    raw = '<meta charset="iso-8859-1"><p>déjà</p>'.encode("latin-1")
    assert declared_charset(raw) == "iso8859-1"
    text, encoding = decode_bytes(raw, "f", declared=declared_charset(raw))
    assert "déjà" in text
    assert encoding == "iso8859-1"


def test_undeclared_legacy_text_is_detected_as_a_common_web_encoding() -> None:
    raw = "Le café était fermé; déjà vu à Paris, résumé complet.".encode("latin-1")
    text, encoding = decode_bytes(raw, "f")
    assert text == "Le café était fermé; déjà vu à Paris, résumé complet."
    assert encoding == "cp1252"


def test_cyrillic_legacy_text_is_detected() -> None:
    sentence = "Министерство иностранных дел отвергло сообщения о поставках. "  # noqa: RUF001
    raw = (sentence * 3).encode("cp1251")
    text, _ = decode_bytes(raw, "f")
    assert text.startswith("Министерство")


def test_bytes_no_encoding_explains_are_refused_with_the_first_bad_byte() -> None:
    raw = b"Hello \xff\xfe\xfd\xfc world " * 3 + bytes(range(0x80, 0xA0)) * 4
    with pytest.raises(InputError, match=r"byte 0xff at offset 6") as info:
        decode_bytes(raw, "garbled.txt")
    assert info.value.reason is ReasonCode.BAD_ENCODING
    assert info.value.source == "garbled.txt"


def test_unknown_declared_charset_is_ignored() -> None:
    assert declared_charset(b'<meta charset="no-such-charset">') is None
    assert declared_charset(b"<p>no declaration</p>") is None
