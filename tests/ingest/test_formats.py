import pytest

from assay.errors import InputError, ReasonCode, UnsupportedFormatError
from assay.ingest.formats import HTML, PDF, PLAIN_TEXT, sniff_media_type


@pytest.mark.parametrize(
    ("raw", "suffix", "expected"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", ".txt", HTML),
        (b"  <!-- saved page -->\n<html lang='en'>", "", HTML),
        (b"<p>fragment</p>", ".html", HTML),
        (b"Plain words on a line.", ".txt", PLAIN_TEXT),
        (b"No extension at all", "", PLAIN_TEXT),
        (b"%PDF-1.7\n...", ".html", PDF),
    ],
)
def test_html_and_text_are_told_apart_by_bytes_then_name(
    raw: bytes, suffix: str, expected: object
) -> None:
    assert sniff_media_type(raw, "f", suffix) == expected


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (b"\x89PNG\r\n\x1a\n....", "PNG image"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_known_binary_formats_are_named(raw: bytes, what: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=what) as info:
        sniff_media_type(raw, "report.html", ".html")
    assert info.value.reason is ReasonCode.UNSUPPORTED_FORMAT


def test_other_binary_data_is_refused_as_binary() -> None:
    with pytest.raises(InputError, match="binary file") as info:
        sniff_media_type(b"abc\x00\x01\x02def", "blob.txt", ".txt")
    assert info.value.reason is ReasonCode.BINARY


def test_a_served_html_type_makes_a_fragment_html() -> None:
    assert sniff_media_type(b"<p>fragment</p>", "https://x.example/a", "", "text/html") == HTML
