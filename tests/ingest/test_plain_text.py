from assay.ingest.plain_text import read_text_document


def test_front_matter_gives_metadata_and_is_removed_from_the_text() -> None:
    content = read_text_document(
        "---\ntitle: A note\nurl: https://www.notes.example/a\nsite_name: Notes\n"
        "author: R. Analyst\npublished: 2026-04-02T10:00:00Z\nlanguage: en\n---\nBody text here.\n"
    )
    assert content.text == "Body text here."
    assert content.metadata == {
        "title": "A note",
        "url": "https://www.notes.example/a",
        "site_name": "Notes",
        "author": "R. Analyst",
        "published": "2026-04-02T10:00:00Z",
        "language": "en",
    }


def test_without_front_matter_a_short_first_line_is_the_title() -> None:
    content = read_text_document("Headline of the day\nFirst paragraph.\r\nSecond.")
    assert content.metadata == {"title": "Headline of the day"}
    assert content.text == "Headline of the day\nFirst paragraph.\nSecond."


def test_a_single_line_has_no_title() -> None:
    assert read_text_document("Only one line of text.").metadata == {}


def test_broken_front_matter_is_kept_as_text() -> None:
    raw = "---\ntitle: [unclosed\n---\nBody."
    content = read_text_document(raw)
    assert content.text.startswith("---")
    assert "title" in content.metadata  # the first line becomes the title, nothing is lost
    assert content.metadata["title"] == "---"


def test_front_matter_that_is_not_a_mapping_is_kept_as_text() -> None:
    content = read_text_document("---\n- a\n- b\n---\nBody.")
    assert content.text.startswith("---")


def test_unclosed_front_matter_is_kept_as_text() -> None:
    content = read_text_document("---\ntitle: x\nno closing line")
    assert content.text.startswith("---")
