from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.conftest import write_page

from assay.errors import InputError, ReasonCode
from assay.ingest import parse_item
from assay.ingest.html_pages import extract_page
from assay.records import SourceItem


def test_main_text_and_metadata_come_from_the_page_not_its_furniture(tmp_path: Path) -> None:
    page = write_page(
        tmp_path,
        "story.html",
        title="Ministry denies shipment report",
        body=(
            "The foreign ministry on Monday denied a report about a shipment of equipment.",
            "A spokesperson called the report baseless and politically motivated.",
        ),
        site="Meridian Wire",
        domain="meridianwire.example",
        author="Jane Roe",
        published="2026-05-02T08:15:00+02:00",
    )
    content = extract_page(page.read_text(encoding="utf-8"))
    assert "spokesperson called the report baseless" in content.text
    assert "cookies" not in content.text
    assert "Copyright" not in content.text
    assert "Weather warning" not in content.text
    assert content.title == "Ministry denies shipment report"
    assert content.author == "Jane Roe"
    assert content.site_name == "Meridian Wire"
    assert content.url == "https://www.meridianwire.example/news/story"
    assert content.published == "2026-05-02T06:15:00Z"


def test_a_page_of_navigation_only_is_a_no_text_failure_not_an_empty_document() -> None:
    raw = b"<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>"
    item = SourceItem("nav.html", raw, datetime.now(UTC))
    with pytest.raises(InputError, match="extraction found only") as info:
        parse_item(item, min_text_chars=25)
    assert info.value.reason is ReasonCode.NO_TEXT


def test_a_page_with_no_body_text_at_all_says_no_main_text() -> None:
    item = SourceItem(
        "blank.html", b"<html><head><title>t</title></head><body></body></html>", datetime.now(UTC)
    )
    with pytest.raises(InputError, match="no main text"):
        parse_item(item, min_text_chars=25)
