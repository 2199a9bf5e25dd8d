"""Claims through the project and the CLI: grouped, numbered for good, linked, stances read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

import assay
from assay.errors import NotFoundError
from assay.records import ClaimDetail, Stance, StanceBasis

SENDS = (
    "Iran sends drones to Russia\n\n"
    "Iran has sent Mohajer-6 drones to Russia, officials said. The drones arrived by ship.\n"
)
DENIES = (
    "Tehran denies drone report\n\n"
    "Iran's foreign ministry denied that Iran had sent Mohajer-6 drones to Russia and "
    "called the reports baseless. The ministry said no such shipment had taken place.\n"
)
CATEGORY = "Drones for Moscow\n\nIran delivered drones to Russia last spring, two diplomats said.\n"
WEATHER = "Weather report\n\nRain is expected across the north on Tuesday.\n"


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in (
        ("a-sends.txt", SENDS),
        ("b-denies.txt", DENIES),
        ("c-weather.txt", WEATHER),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _claim(project: assay.Project, item: str) -> ClaimDetail:
    [summary] = [s for s in project.claims() if s.claim.item == item]
    detail = project.show(summary.claim.id)
    assert isinstance(detail, ClaimDetail)
    return detail


def test_documents_stating_a_claim_get_its_stance_from_their_own_sentences(
    project: assay.Project, texts: Path
) -> None:
    project.add([texts])
    project.extract()
    report = project.match()
    assert report.claims == report.new_claims >= 1
    assert report.stances >= 2
    detail = _claim(project, "mohajer-6")
    claim = detail.summary.claim
    assert (claim.supplier, claim.recipient, claim.stage) == ("IRN", "RUS", "delivery")
    assert claim.text == "Iran delivered Mohajer-6 drones to Russia"
    assert detail.summary.documents == 2
    stances = {row.document.title: row.stance for row in detail.documents}
    assert stances["Iran sends drones to Russia"].stance is Stance.SUPPORTS
    assert stances["Tehran denies drone report"].stance is Stance.REFUTES
    assert all(s.basis is StanceBasis.MENTIONS for s in stances.values())
    for row in detail.documents:
        assert row.mentions, "a document stating the claim lists its mentions"
        assert all(m.claim_id == claim.id for m in row.mentions)
        assert abs(sum(row.stance.probabilities.values()) - 1.0) < 1e-6
        assert 0.0 < row.stance.score <= 1.0
    assert detail.summary.stances[Stance.SUPPORTS] == 1
    assert detail.summary.stances[Stance.REFUTES] == 1


def test_claim_ids_stay_when_more_reporting_arrives(
    project: assay.Project, texts: Path, tmp_path: Path
) -> None:
    project.add([texts])
    project.extract()
    project.match()
    before = {s.claim.id: (s.claim.item, s.claim.stage) for s in project.claims()}
    more = tmp_path / "more"
    more.mkdir()
    (more / "d-category.txt").write_text(CATEGORY, encoding="utf-8")
    project.add([more])
    project.extract()
    report = project.match()
    after = {s.claim.id: (s.claim.item, s.claim.stage) for s in project.claims()}
    assert before.items() <= after.items()
    assert report.new_claims == len(after) - len(before) >= 0
    assert report.current >= 2, "readings whose inputs did not change are not redone"


def test_a_system_claim_refines_its_category_claim_and_related_documents_are_read(
    project: assay.Project, texts: Path, tmp_path: Path
) -> None:
    (texts / "d-category.txt").write_text(CATEGORY, encoding="utf-8")
    project.add([texts])
    project.extract()
    project.match()
    system = _claim(project, "mohajer-6")
    category = _claim(project, "category:drone")
    assert any(
        link.kind == "refines" and link.outgoing and link.claim.id == category.summary.claim.id
        for link in system.related
    )
    assert any(
        link.kind == "refines" and not link.outgoing and link.claim.id == system.summary.claim.id
        for link in category.related
    )
    for detail in (system, category):
        pairs = [(link.kind, link.claim.key) for link in detail.related]
        stage_links = [pair for pair in pairs if pair[0] == "stage"]
        assert len(stage_links) == len(set(stage_links)), "a stage link is shown once"
    # The category-only document bears on the system claim through the link, read by the model.
    text_only = [row for row in system.documents if not row.mentions]
    assert [row.document.title for row in text_only] == ["Drones for Moscow"]
    assert text_only[0].stance.basis is StanceBasis.TEXT


def test_matching_again_redoes_nothing_unless_forced(project: assay.Project, texts: Path) -> None:
    project.add([texts])
    project.extract()
    first = project.match()
    again = project.match()
    assert (again.new_claims, again.stances, again.current) == (0, 0, first.stances)
    forced = project.match(force=True)
    assert forced.stances == first.stances


def test_an_unknown_claim_is_named(project: assay.Project) -> None:
    with pytest.raises(NotFoundError, match="no claim C99"):
        project.claim("C99")
    with pytest.raises(NotFoundError, match="not a claim ID"):
        project.claim("D1")


def test_claims_and_show_on_the_command_line(
    cli: Callable[..., Result], texts: Path, project_dir: Path
) -> None:
    added = cli("add", str(texts), "--project", str(project_dir))
    assert added.exit_code == 0, added.output
    assert "claims" in added.output
    listed = cli("claims", "--project", str(project_dir), "--json")
    assert listed.exit_code == 0, listed.output
    claims = json.loads(listed.stdout)
    mohajer = next(c for c in claims if c["item"] == "mohajer-6")
    assert mohajer["documents"] == 2
    assert mohajer["stances"]["supports"] == 1
    assert mohajer["stances"]["refutes"] == 1
    shown = cli("show", mohajer["id"], "--project", str(project_dir), "--json")
    assert shown.exit_code == 0, shown.output
    detail = json.loads(shown.stdout)
    assert detail["id"] == mohajer["id"]
    bearing = detail["documents_bearing"]
    assert {row["stance"]["stance"] for row in bearing} == {"supports", "refutes"}
    for row in bearing:
        assert row["document"].startswith("D")
        assert row["mentions"][0]["modality"] in {"attributed", "denied", "asserted"}
    table = cli("show", mohajer["id"], "--project", str(project_dir))
    assert "Mohajer-6" in table.stdout
    assert "refutes" in table.stdout
    people = cli("claims", "--project", str(project_dir))
    assert mohajer["id"] in people.stdout
    rerun = cli("match", "--project", str(project_dir), "--json")
    assert json.loads(rerun.stdout)["stances"] == 0
