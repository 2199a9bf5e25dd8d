"""Admiralty grades: an outlet's default reliability and a line's 1-6 credibility."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from assay.grade import credibility, default_grade, grade_lines
from assay.packs import load_pack
from assay.packs.policy import AssessmentPolicy
from assay.records import (
    Document,
    Evidence,
    LineMember,
    Outlet,
    OutletKind,
    ReportingLine,
    Stance,
)

PACK_DIR = Path(__file__).resolve().parents[2] / "src" / "assay" / "packs" / "arms_transfers"


@pytest.fixture(scope="module")
def policy() -> AssessmentPolicy:
    loaded = load_pack(PACK_DIR).policy
    assert loaded is not None
    return loaded


def outlet(key: int, kind: OutletKind = OutletKind.NEWSPAPER, domain: str | None = None) -> Outlet:
    return Outlet(key, domain or f"outlet{key}.example", f"Outlet {key}", kind)


def line(
    number: int,
    stance: Stance = Stance.SUPPORTS,
    evidence: Evidence = Evidence.NAMED_SOURCE,
    source: Outlet | None = None,
) -> ReportingLine:
    document = Document(
        key=number,
        title=f"Story {number}",
        author=None,
        published="2026-01-01T00:00:00Z",
        language="en",
        site_name=None,
        url=None,
        text="Iran has sent Mohajer-6 drones to Russia.",
        raw_sha256="0" * 64,
        text_sha256="1" * 64,
        media_type="text/plain",
        added_at=datetime.now(UTC),
        outlet=source if source is not None else outlet(number),
    )
    return ReportingLine(number, LineMember(document, stance, evidence, None, None), (), "F", 6)


@pytest.mark.parametrize(
    ("kind", "grade"),
    [
        (OutletKind.WIRE, "B"),
        (OutletKind.INTERGOVERNMENTAL, "B"),
        (OutletKind.NEWSPAPER, "C"),
        (OutletKind.GOVERNMENT, "C"),
        (OutletKind.BLOG, "D"),
        (OutletKind.CONTENT_FARM, "E"),
        (OutletKind.SOCIAL, "E"),
        (OutletKind.UNKNOWN, "F"),
    ],
)
def test_an_ungraded_outlet_gets_the_packs_grade_for_its_kind(
    policy: AssessmentPolicy, kind: OutletKind, grade: str
) -> None:
    assert default_grade(outlet(1, kind, "nobody-knows.example"), policy) == grade


@pytest.mark.parametrize(
    ("domain", "grade"),
    [
        ("reuters.com", "B"),
        ("uk.reuters.com", "B"),
        ("state.gov", "C"),
        ("bellingcat.com", "C"),
        ("notreuters.com", "F"),
    ],
)
def test_an_outlet_of_unknown_kind_on_a_domain_the_pack_knows_gets_that_kinds_grade(
    policy: AssessmentPolicy, domain: str, grade: str
) -> None:
    assert default_grade(outlet(1, OutletKind.UNKNOWN, domain), policy) == grade


def test_a_recorded_kind_wins_over_the_packs_list_of_domains(policy: AssessmentPolicy) -> None:
    assert default_grade(outlet(1, OutletKind.CONTENT_FARM, "reuters.com"), policy) == "E"


def test_no_outlet_or_no_policy_cannot_be_judged(policy: AssessmentPolicy) -> None:
    assert default_grade(None, policy) == "F"
    assert default_grade(outlet(1, OutletKind.WIRE), None) == "F"


def test_a_line_two_other_sourced_lines_agree_with_is_confirmed() -> None:
    subject = line(1, evidence=Evidence.ANONYMOUS)
    others = [line(2, evidence=Evidence.NAMED_SOURCE), line(3, evidence=Evidence.EYEWITNESS)]
    assert credibility(subject, others) == 1


def test_agreement_from_unsourced_or_anonymous_lines_confirms_nothing() -> None:
    subject = line(1, evidence=Evidence.NAMED_SOURCE)
    others = [line(2, evidence=Evidence.UNSOURCED), line(3, evidence=Evidence.ANONYMOUS)]
    assert credibility(subject, others) == 3


def test_an_unsourced_line_is_never_confirmed_however_many_agree() -> None:
    subject = line(1, evidence=Evidence.UNSOURCED)
    others = [line(n, evidence=Evidence.DOCUMENTS) for n in (2, 3, 4)]
    assert credibility(subject, others) == 6


def test_lines_of_the_opposite_stance_do_not_count_as_agreement() -> None:
    subject = line(1, evidence=Evidence.NAMED_SOURCE)
    others = [line(n, Stance.REFUTES, Evidence.NAMED_SOURCE) for n in (2, 3)]
    assert credibility(subject, others) == 3


def test_documents_imagery_or_a_statement_alone_make_a_line_probably_true() -> None:
    for evidence in (Evidence.DOCUMENTS, Evidence.IMAGERY, Evidence.OFFICIAL_STATEMENT):
        assert credibility(line(1, evidence=evidence), []) == 2


def test_a_sourced_line_with_one_sourced_line_agreeing_is_probably_true() -> None:
    assert credibility(line(1), [line(2, evidence=Evidence.INTELLIGENCE)]) == 2


def test_an_uncorroborated_named_source_is_possibly_true() -> None:
    assert credibility(line(1, evidence=Evidence.NAMED_SOURCE), []) == 3


def test_a_lone_anonymous_line_is_doubtful() -> None:
    assert credibility(line(1, evidence=Evidence.ANONYMOUS), []) == 4


def test_a_lone_unsourced_line_cannot_be_judged() -> None:
    assert credibility(line(1, evidence=Evidence.UNSOURCED), []) == 6


def test_an_anonymous_line_contradicted_by_documents_is_improbable() -> None:
    denial = line(2, Stance.REFUTES, Evidence.DOCUMENTS)
    assert credibility(line(1, evidence=Evidence.ANONYMOUS), [denial]) == 5
    assert credibility(line(1, evidence=Evidence.UNSOURCED), [denial]) == 5


def test_a_weak_contradiction_does_not_make_a_line_improbable() -> None:
    denial = line(2, Stance.REFUTES, Evidence.NAMED_SOURCE)
    assert credibility(line(1, evidence=Evidence.ANONYMOUS), [denial]) == 4


def test_a_line_that_only_discusses_has_no_agreement_and_is_graded_by_its_evidence() -> None:
    subject = line(1, Stance.DISCUSSES, Evidence.NAMED_SOURCE)
    others = [line(n, Stance.DISCUSSES, Evidence.DOCUMENTS) for n in (2, 3)]
    assert credibility(subject, others) == 3


def test_grade_lines_fills_reliability_from_the_origin_outlet_and_credibility_from_others(
    policy: AssessmentPolicy,
) -> None:
    lines = [
        line(1, evidence=Evidence.ANONYMOUS, source=outlet(1, OutletKind.WIRE)),
        line(2, evidence=Evidence.NAMED_SOURCE, source=outlet(2, OutletKind.CONTENT_FARM)),
        line(3, evidence=Evidence.INTELLIGENCE, source=outlet(3, OutletKind.UNKNOWN, "x.example")),
    ]
    graded = grade_lines(lines, lambda o: default_grade(o, policy))
    assert [g.reliability for g in graded] == ["B", "E", "F"]
    assert [g.credibility for g in graded] == [1, 2, 2]
    assert [g.number for g in graded] == [1, 2, 3]
    assert [(g.reliability, g.credibility) for g in lines] == [("F", 6)] * 3, "inputs unchanged"
