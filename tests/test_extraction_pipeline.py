"""Extraction through the project and the CLI: stored, stamped, not repeated, listed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

import assay
from assay.errors import NotFoundError

STORY = (
    "Iran sends drones to Russia\n\nIran has sent Shahed-136 drones to Russia, officials said.\n"
)
OTHER = "Weather report\n\nRain is expected across the north on Tuesday.\n"


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "weather.txt").write_text(OTHER, encoding="utf-8")
    return folder


def test_mentions_are_stored_with_their_words_and_stamp(
    project: assay.Project, texts: Path
) -> None:
    project.add([texts])
    report = project.extract()
    assert (report.documents, report.mentions) == (2, 2)
    mentions = project.mentions()
    assert {(m.claim.supplier, m.claim.recipient, m.claim.item) for m in mentions} == {
        ("IRN", "RUS", "category:drone"),
        ("IRN", "RUS", "shahed-136"),
    }
    for mention in mentions:
        assert mention.id.startswith("M")
        assert mention.text in mention.sentence
        assert "arms_transfers@" in mention.extractor


def test_extraction_is_not_repeated_unless_forced(project: assay.Project, texts: Path) -> None:
    project.add([texts])
    project.extract()
    again = project.extract()
    assert (again.documents, again.current) == (0, 2)
    forced = project.extract(force=True)
    assert forced.documents == 2
    assert len(project.mentions()) == 2


def test_an_unknown_document_is_named(project: assay.Project) -> None:
    with pytest.raises(NotFoundError, match="no document D99"):
        project.mentions("D99")
    with pytest.raises(NotFoundError, match="no document D99"):
        project.extract(["D99"])


def test_add_extracts_and_mentions_lists_them(
    cli: Callable[..., Result], texts: Path, tmp_path: Path
) -> None:
    where = str(tmp_path / "p")
    added = cli("add", str(texts), "--project", where)
    assert added.exit_code == 0, added.output
    assert "extracted 2 mentions from 2 documents" in added.output
    listed = cli("mentions", "--project", where, "--json")
    rows = json.loads(listed.stdout)
    assert {row["item"] for row in rows} == {"category:drone", "shahed-136"}
    by_item = {row["item"]: row for row in rows}
    assert (by_item["shahed-136"]["modality"], by_item["shahed-136"]["speaker"]) == (
        "attributed",
        "officials",
    )
    assert by_item["category:drone"]["modality"] == "asserted"  # the headline says it plainly
    table = cli("mentions", "D1", "--project", where)
    assert table.stdout.rstrip().endswith("2 mentions")


def test_add_can_leave_extraction_for_later(
    cli: Callable[..., Result], texts: Path, tmp_path: Path
) -> None:
    where = str(tmp_path / "p")
    cli("add", str(texts), "--project", where, "--no-extract")
    assert json.loads(cli("mentions", "--project", where, "--json").stdout) == []
    extracted = cli("extract", "--project", where, "--json")
    assert json.loads(extracted.stdout)["mentions"] == 2
