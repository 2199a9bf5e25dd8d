"""Bad input to the analyst's commands: clear errors, nothing half-written."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

import assay
from assay.assess import ach_matrix, logistic
from assay.cli import EXIT_BAD_INPUT
from assay.errors import InputError, InvalidPackError, NotFoundError
from assay.packs.policy import load_policy
from assay.pipeline.outlet_grading import GradeRequest
from assay.records import Claim

Cli = Callable[..., Result]
POLICY = Path(__file__).resolve().parent.parent / "src/assay/packs/arms_transfers/assessment.yaml"

REPORT = (
    "---\ntitle: Iran sends drones to Russia\nurl: https://wire.example/drones\n"
    "site_name: Wire Example\npublished: 2026-03-01T10:00:00Z\n---\n"
    "Iran has delivered Mohajer-6 drones to Russia, two U.S. officials said.\n"
)


@pytest.fixture
def claim_id(project: assay.Project, tmp_path: Path) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    project.add([folder])
    project.extract()
    project.match()
    [summary] = [s for s in project.claims() if s.claim.item == "mohajer-6"]
    return summary.claim.id


def test_outlet_options_given_before_the_subcommand_are_used(
    cli: Cli, project: assay.Project, claim_id: str
) -> None:
    where = str(project.path)
    result = cli("outlets", "-p", where, "--json", "grade", "wire.example", "B", "--note", "x")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["grade"] == "B"
    assert [g.grade for g in project.outlet("O1").grades] == ["B"]


def test_a_name_shared_by_two_outlets_is_refused_with_their_domains(
    project: assay.Project, claim_id: str
) -> None:
    project.close()
    with sqlite3.connect(project.path / "assay.db") as db:
        db.execute(
            "INSERT INTO outlets (outlet_key, domain, name, kind, reliability, created_at) "
            "VALUES ('wire2.example', 'wire2.example', 'Wire Example', 'unknown', 'F', "
            "'2026-01-01 00:00:00')"
        )
    with (
        assay.open(project.path) as reopened,
        pytest.raises(InputError, match=r"wire\.example, wire2\.example"),
    ):
        reopened.grade_outlet("wire example", GradeRequest("B"))


def test_evidence_must_be_a_web_address_a_stored_document_or_words(
    project: assay.Project, claim_id: str
) -> None:
    with pytest.raises(InputError, match="http or https"):
        project.resolve(claim_id, True, "javascript:alert(1)")
    with pytest.raises(NotFoundError):
        project.resolve(claim_id, True, "D999")
    assert project.resolutions(claim_id) == []
    project.resolve(claim_id, True, "D1")
    project.resolve(claim_id, False, "Court ruling of 4 May, case 12/2026")
    assert [r.evidence for r in project.resolutions(claim_id)] == [
        "D1",
        "Court ruling of 4 May, case 12/2026",
    ]


def test_an_outlet_entry_that_sets_nothing_is_reported(
    project: assay.Project, claim_id: str, tmp_path: Path
) -> None:
    listing = tmp_path / "outlets.yaml"
    listing.write_text("- {domain: wire.example, country: RUS}\n", encoding="utf-8")
    report = project.import_outlets(listing)
    assert not report.ok
    assert "give a `kind`, a `grade` or both" in report.failures[0]


def test_a_bad_cell_leaves_the_matrix_as_it_was(
    cli: Cli, project: assay.Project, claim_id: str
) -> None:
    where = str(project.path)
    result = cli(
        "ach",
        claim_id,
        "--add-hypothesis",
        "via a third country",
        "--set",
        "H5:D1:maybe",
        "--why",
        "x",
        "-p",
        where,
    )
    assert result.exit_code == EXIT_BAD_INPUT
    assert [h.key for h in project.ach(claim_id).hypotheses] == ["H1", "H2", "H3", "H4"]


def test_no_hypothesis_is_singled_out_when_nothing_tells_them_apart() -> None:
    claim = Claim(1, "AAA", "BBB", "item", "delivery", "a claim")
    matrix = ach_matrix(claim, [], load_policy(POLICY))
    assert matrix.least_inconsistent is None
    assert set(matrix.inconsistency.values()) == {0.0}


def test_probabilities_stay_finite_at_extreme_odds() -> None:
    assert logistic(-1000.0) == pytest.approx(0.0)
    assert logistic(1000.0) == pytest.approx(1.0)
    assert math.isfinite(logistic(-745.0))


def test_a_policy_section_of_the_wrong_shape_names_the_field(tmp_path: Path) -> None:
    text = POLICY.read_text(encoding="utf-8")
    bad = tmp_path / "assessment.yaml"
    bad.write_text(text + "\nown_evidence_by_kind: [osint]\n", encoding="utf-8")
    with pytest.raises(InvalidPackError, match="own_evidence_by_kind"):
        load_policy(bad)
