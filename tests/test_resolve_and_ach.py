"""Settling claims (track records) and the ACH matrix, through the project and the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

import assay
from assay.assess import STANDING
from assay.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND
from assay.errors import InputError

Cli = Callable[..., Result]

REPORT = (
    "---\ntitle: Iran sends drones to Russia\nurl: https://wire.example/drones\n"
    "site_name: Wire Example\npublished: 2026-03-01T10:00:00Z\n---\n"
    "Iran has delivered Mohajer-6 drones to Russia, two U.S. officials said, citing an "
    "intelligence assessment. The drones were shipped across the Caspian Sea.\n"
)
DENIAL = (
    "---\ntitle: Tehran denies drone report\nurl: https://daily.example/denial\n"
    "site_name: Daily Example\npublished: 2026-03-03T10:00:00Z\n---\n"
    "Iran's foreign ministry denied that Iran had delivered Mohajer-6 drones to Russia and "
    "called the report baseless.\n"
)


@pytest.fixture
def stories(project: assay.Project, tmp_path: Path) -> str:
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "denial.txt").write_text(DENIAL, encoding="utf-8")
    assert project.add([folder]).ok
    project.extract()
    project.match()
    [claim] = [s.claim for s in project.claims() if s.claim.item == "mohajer-6"]
    return claim.id


def test_settling_a_claim_updates_each_outlets_track_record(
    project: assay.Project, stories: str
) -> None:
    outlets = {outlet.domain: outlet.key for outlet, _ in project.outlets()}
    before = project.track_records()
    wire = before[outlets["wire.example"]]
    assert (wire.right, wire.wrong) == (0, 0)
    assert wire.pending >= 1
    project.resolve(stories, True, "https://records.example/settled", note="sanctions notice")
    after = project.track_records()
    assert after[outlets["wire.example"]].right >= 1
    assert after[outlets["wire.example"]].pending == wire.pending - 1
    assert after[outlets["daily.example"]].wrong >= 1
    detail = project.outlet(f"O{outlets['wire.example']}")
    assert detail.record is not None
    assert detail.record.right >= 1


def test_a_later_resolution_replaces_the_verdict_and_keeps_the_history(
    project: assay.Project, stories: str
) -> None:
    project.resolve(stories, True, "https://records.example/first")
    project.resolve(stories, False, "https://records.example/retraction")
    history = project.resolutions(stories)
    assert [r.verdict for r in history] == [True, False]
    outlets = {outlet.domain: outlet.key for outlet, _ in project.outlets()}
    assert project.track_records()[outlets["daily.example"]].right >= 1


def test_a_resolution_needs_evidence_and_a_web_address(
    project: assay.Project, stories: str
) -> None:
    with pytest.raises(InputError, match="needs --evidence"):
        project.resolve(stories, True, "  ")
    with pytest.raises(InputError, match="http or https"):
        project.resolve(stories, True, "file:///etc/passwd")
    assert project.resolutions(stories) == []


def test_the_matrix_ranks_the_hypothesis_the_evidence_fits_least_badly(
    project: assay.Project, stories: str
) -> None:
    matrix = project.ach(stories)
    assert [h.key for h in matrix.hypotheses] == [h.key for h in STANDING]
    assert matrix.least_inconsistent == "H1"
    assert matrix.inconsistency["H3"] > matrix.inconsistency["H1"]
    for item in matrix.items:
        values = {item.cells[h.key] for h in matrix.hypotheses}
        assert (item.diagnosticity == 0) == (len(values) == 1)


def test_analysts_add_hypotheses_and_override_cells_with_who_and_why(
    project: assay.Project, stories: str
) -> None:
    matrix = project.add_hypothesis(stories, "shipped through a third country", by="ana")
    added = matrix.hypotheses[-1]
    assert (added.key, added.added_by) == ("H5", "ana")
    item = matrix.items[0]
    changed = project.override_cell(
        stories, "H5", item.document_id, "II", by="ben", why="no transit seen"
    )
    row = next(i for i in changed.items if i.document_id == item.document_id)
    assert row.cells["H5"] == "II"
    assert row.overridden["H5"].by == "ben"
    assert row.overridden["H5"].why == "no transit seen"
    assert changed.inconsistency["H5"] > 0
    with pytest.raises(InputError, match="needs a reason"):
        project.override_cell(stories, "H5", item.document_id, "C", by="ben", why="")
    with pytest.raises(InputError, match="one of CC, C, N, I, II"):
        project.override_cell(stories, "H5", item.document_id, "maybe", by="ben", why="x")


def test_resolve_and_ach_on_the_command_line(
    cli: Cli, project: assay.Project, stories: str
) -> None:
    where = str(project.path)
    evidence = "https://records.example/x"
    result = cli("resolve", stories, "true", "--evidence", evidence, "-p", where)
    assert result.exit_code == 0, result.output
    result = cli("resolve", stories, "maybe", "--evidence", evidence, "-p", where)
    assert result.exit_code == EXIT_BAD_INPUT
    result = cli("resolve", "C999", "true", "--evidence", evidence, "-p", where)
    assert result.exit_code == EXIT_NOT_FOUND
    result = cli("ach", stories, "--json", "-p", where)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["least_inconsistent"] == "H1"
    result = cli("ach", stories, "--set", "H2-D1-I", "-p", where)
    assert result.exit_code == EXIT_BAD_INPUT
    result = cli("outlets", "--json", "-p", where)
    records = {row["domain"]: row["record"] for row in json.loads(result.stdout)}
    assert records["wire.example"]["right"] >= 1
