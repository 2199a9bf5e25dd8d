"""The demo corpus's hard cases, pinned: echoes, denials by the accused, independent origins.

The whole pipeline runs on the bundled corpus (ingest, extraction, matching, stance,
lineage, grades, assessment) with the corpus's outlet file imported, as `make demo` does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

import assay
from assay.assess import assess
from assay.records import Claim, ClaimTrace, Evidence, Stance

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
STRONG = (Evidence.DOCUMENTS, Evidence.IMAGERY, Evidence.OFFICIAL_STATEMENT, Evidence.INTELLIGENCE)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> assay.Project:
    project = assay.open(tmp_path_factory.mktemp("demo") / "project", create=True)
    assert project.add([CORPUS]).ok
    project.extract()
    project.match()
    assert project.import_outlets(CORPUS / "outlets.yaml").ok
    return project


def _claim_id(project: assay.Project, spelling: tuple[str, str, str, str]) -> str:
    for summary in project.claims():
        claim = summary.claim
        if (claim.supplier, claim.recipient, claim.item, claim.stage) == spelling:
            return claim.id
    raise AssertionError(f"no claim {spelling}")


def _reassess(project: assay.Project, trace: ClaimTrace, lines: list[int]) -> float:
    pack = project.pack()
    assert pack.policy is not None
    kept = [line for line in trace.lines if line.number in lines]
    at = datetime.now(UTC)
    return assess(trace.claim, kept, pack.policy, at=at, pack_sha256=pack.sha256).probability


def test_many_echoes_of_one_unsourced_origin_do_not_score_high(demo: assay.Project) -> None:
    claim_id = _claim_id(demo, ("RUS", "IRN", "iskander-m", "delivery"))
    trace = demo.trace(claim_id)
    supporting = [
        member
        for line in trace.lines
        for member in (line.origin, *line.echoes)
        if member.stance is Stance.SUPPORTS
    ]
    echoes = sum(len(line.echoes) for line in trace.lines)
    assert len(supporting) >= 5
    assert echoes >= 5
    assert len(trace.lines) < len(supporting)
    [assessment] = demo.assess([claim_id])
    assert assessment.probability < 0.45
    assert assessment.word in {"almost no chance", "very unlikely", "unlikely"}


def test_echoes_add_nothing_to_the_odds(demo: assay.Project) -> None:
    claim_id = _claim_id(demo, ("RUS", "IRN", "iskander-m", "delivery"))
    trace = demo.trace(claim_id)
    pack = demo.pack()
    assert pack.policy is not None
    bare = replace(trace, lines=tuple(replace(line, echoes=()) for line in trace.lines))
    at = datetime.now(UTC)
    with_echoes = assess(trace.claim, trace.lines, pack.policy, at=at, pack_sha256="")
    without = assess(bare.claim, bare.lines, pack.policy, at=at, pack_sha256="")
    assert with_echoes.probability == pytest.approx(without.probability)


def test_a_denial_by_the_accused_does_not_sink_a_well_sourced_claim(demo: assay.Project) -> None:
    claim_id = _claim_id(demo, ("IRN", "RUS", "fath-360", "delivery"))
    trace = demo.trace(claim_id)
    denials = [
        line
        for line in trace.lines
        if line.stance is Stance.REFUTES and line.origin.speaker_party == "IRN"
    ]
    assert denials, "Tehran's denial is a line of its own"
    [assessment] = demo.assess([claim_id])
    assert assessment.probability >= 0.8
    pulls = {driver.line: driver for driver in assessment.drivers}
    strongest_support = max(d.log_odds for d in assessment.drivers)
    for denial in denials:
        driver = pulls[denial.number]
        assert abs(driver.log_odds) < strongest_support / 2
        assert abs(driver.without - assessment.probability) < 0.05


def test_two_independent_well_sourced_origins_outweigh_one(demo: assay.Project) -> None:
    claim_id = _claim_id(demo, ("IRN", "RUS", "fath-360", "delivery"))
    trace = demo.trace(claim_id)
    sourced = [
        line.number
        for line in trace.lines
        if line.stance is Stance.SUPPORTS and line.origin.evidence in STRONG
    ]
    assert len(sourced) >= 2
    one = _reassess(demo, trace, sourced[:1])
    two = _reassess(demo, trace, sourced[:2])
    assert two > one


def test_the_copies_of_the_wire_story_join_its_line(demo: assay.Project) -> None:
    claim_id = _claim_id(demo, ("IRN", "RUS", "fath-360", "delivery"))
    trace = demo.trace(claim_id)
    wire = next(line for line in trace.lines if line.origin.document.captures == 2)
    kinds = {echo.via.kind.value for echo in wire.echoes if echo.via is not None}
    assert "near_copy" in kinds or "syndication" in kinds
    for edge in trace.edges:
        assert edge.child_key != edge.parent_key


def test_assessments_are_kept_as_history(demo: assay.Project) -> None:
    claim_id = _claim_id(demo, ("IRN", "RUS", "fath-360", "delivery"))
    before = len(demo.assessments(claim_id))
    demo.assess([claim_id])
    history = demo.assessments(claim_id)
    assert len(history) == before + 1
    assert history[-1].pack_sha256 == demo.pack().sha256
    assert history[-1].method.startswith("assay.assess@")


def test_missing_evidence_names_the_parties_in_words(demo: assay.Project) -> None:
    pack = demo.pack()
    assert pack.policy is not None
    claim = Claim(0, "IRN", "RUS", "fath-360", "delivery", "a claim")
    names = {"IRN": "Iran", "RUS": "Russia"}
    found = assess(claim, [], pack.policy, at=datetime.now(UTC), pack_sha256="", names=names)
    assert any("admission by Iran or Russia" in m.description for m in found.missing)
    claim_id = _claim_id(demo, ("RUS", "IRN", "iskander-m", "delivery"))
    [assessment] = demo.assess([claim_id])
    descriptions = " ".join(m.description for m in assessment.missing)
    assert "RUS" not in descriptions
    assert "IRN" not in descriptions
