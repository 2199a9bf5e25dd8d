"""Assessment: probability from independent lines, its ICD 203 word, confidence and drivers."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assay.assess import assess, confidence, icd203_word, line_weight, logistic, logit
from assay.grade import default_grade, grade_lines
from assay.lineage import LineageInputs, Reading, find_edges, trace_lines
from assay.lineage.evidence import Telling
from assay.packs import load_pack
from assay.packs.policy import AssessmentPolicy
from assay.records import (
    Assessment,
    Claim,
    Document,
    Evidence,
    LineMember,
    Outlet,
    OutletKind,
    ReportingLine,
    Stance,
)

PACK_DIR = Path(__file__).resolve().parents[2] / "src" / "assay" / "packs" / "arms_transfers"
CLAIM = Claim(1, "IRN", "RUS", "mohajer-6", "delivery", "Iran delivered Mohajer-6 drones to Russia")
AT = datetime(2026, 2, 1, tzinfo=UTC)
TEXT = (
    "Iran has sent a first batch of Mohajer-6 drones to Russia. The drones were loaded onto "
    "a cargo vessel at the port of Bandar Anzali and crossed the Caspian Sea to Astrakhan."
)


@pytest.fixture(scope="module")
def policy() -> AssessmentPolicy:
    loaded = load_pack(PACK_DIR).policy
    assert loaded is not None
    return loaded


def document(key: int, text: str = TEXT, kind: OutletKind = OutletKind.NEWSPAPER) -> Document:
    return Document(
        key=key,
        title=f"Story {key}",
        author=None,
        published=(AT + timedelta(hours=key)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        language="en",
        site_name=None,
        url=None,
        text=text,
        raw_sha256=f"{key:064x}",
        text_sha256=f"{key:064x}",
        media_type="text/plain",
        added_at=AT,
        outlet=Outlet(key, f"outlet{key}.example", f"Outlet {key}", kind),
    )


def line(
    number: int,
    stance: Stance = Stance.SUPPORTS,
    evidence: Evidence = Evidence.NAMED_SOURCE,
    *,
    reliability: str = "B",
    party: str | None = None,
    echoes: int = 0,
    kind: OutletKind = OutletKind.NEWSPAPER,
) -> ReportingLine:
    origin = LineMember(document(number, kind=kind), stance, evidence, None, party)
    copies = tuple(
        LineMember(document(1000 + number * 100 + n), stance, Evidence.UNSOURCED, None, None)
        for n in range(echoes)
    )
    return ReportingLine(number, origin, copies, reliability, 3)


def run(lines: list[ReportingLine], policy: AssessmentPolicy) -> Assessment:
    return assess(CLAIM, lines, policy, at=AT, pack_sha256="f" * 64)


# --- ICD 203 words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("probability", "word"),
    [
        (0.0, "almost no chance"),
        (0.04, "almost no chance"),
        (0.05, "very unlikely"),
        (0.19, "very unlikely"),
        (0.2, "unlikely"),
        (0.45, "roughly even chance"),
        (0.5, "roughly even chance"),
        (0.55, "likely"),
        (0.8, "very likely"),
        (0.95, "almost certain"),
        (0.96, "almost certain"),
        (1.0, "almost certain"),
    ],
)
def test_icd203_words_belong_to_the_upper_word_at_a_boundary(probability: float, word: str) -> None:
    assert icd203_word(probability) == word


@pytest.mark.parametrize("probability", [-0.01, 1.01, math.nan])
def test_a_probability_outside_zero_to_one_is_refused(probability: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        icd203_word(probability)


# --- weights and probability --------------------------------------------------------


def test_no_lines_leave_the_base_rate_for_the_claims_stage(policy: AssessmentPolicy) -> None:
    found = run([], policy)
    assert found.prior == policy.base_rate("delivery")
    assert found.probability == pytest.approx(found.prior)
    assert (found.lines, found.documents, found.drivers) == (0, 0, ())
    assert found.word == icd203_word(found.prior)
    assert found.confidence == "low"


def test_echoes_add_nothing_to_a_lines_weight(policy: AssessmentPolicy) -> None:
    alone = line(1, evidence=Evidence.UNSOURCED, reliability="E")
    echoed = line(1, evidence=Evidence.UNSOURCED, reliability="E", echoes=50)
    assert line_weight(echoed, CLAIM, policy).log_odds == line_weight(alone, CLAIM, policy).log_odds
    assert "50 echoes not counted" in line_weight(echoed, CLAIM, policy).reason
    one, fifty = run([alone], policy), run([echoed], policy)
    assert fifty.probability == pytest.approx(one.probability)
    assert fifty.probability < 0.45
    assert (fifty.lines, fifty.documents) == (1, 51)


def traced_assessment(readings: list[Reading], policy: AssessmentPolicy) -> Assessment:
    """Lineage, default grades and assessment, as the pipeline runs them."""
    inputs = LineageInputs([r.document for r in readings])
    traced = trace_lines(CLAIM, readings, find_edges(inputs), inputs.resemblance)
    return run(list(grade_lines(traced.lines, lambda o: default_grade(o, policy))), policy)


def test_fifty_traced_repeats_of_one_unsourced_origin_stay_unlikely(
    policy: AssessmentPolicy,
) -> None:
    documents = [document(1)] + [
        document(n, f"Shocking, share now ({n}): {TEXT}", OutletKind.CONTENT_FARM)
        for n in range(2, 52)
    ]
    readings = [
        Reading(d, Stance.SUPPORTS, Telling(Evidence.UNSOURCED, None, None)) for d in documents
    ]
    many = traced_assessment(readings, policy)
    alone = traced_assessment(readings[:1], policy)
    assert (many.lines, many.documents) == (1, 51)
    assert many.drivers[0].document_id == "D1"
    assert many.probability <= alone.probability
    assert many.probability < 0.45


def test_a_discussing_line_does_not_pull(policy: AssessmentPolicy) -> None:
    found = run([line(1, Stance.DISCUSSES, Evidence.DOCUMENTS)], policy)
    assert found.probability == pytest.approx(found.prior)
    assert found.drivers == ()


def test_a_partys_denial_moves_the_odds_far_less_than_a_non_partys(
    policy: AssessmentPolicy,
) -> None:
    by_party = line(
        1, Stance.REFUTES, Evidence.OFFICIAL_STATEMENT, reliability="C", party=CLAIM.supplier
    )
    by_other = line(1, Stance.REFUTES, Evidence.OFFICIAL_STATEMENT, reliability="C", party="FRA")
    party_found, other_found = run([by_party], policy), run([by_other], policy)
    party_pull = logit(party_found.probability) - logit(party_found.prior)
    other_pull = logit(other_found.probability) - logit(other_found.prior)
    assert party_pull < 0
    assert other_pull < 0
    assert abs(party_pull) <= 0.25 * abs(other_pull)
    assert "denial by an accused party" in party_found.drivers[0].reason
    assert party_found.probability > other_found.probability


def test_a_recipients_denial_is_discounted_as_a_partys_too(policy: AssessmentPolicy) -> None:
    by_recipient = line(
        1, Stance.REFUTES, Evidence.OFFICIAL_STATEMENT, reliability="C", party="RUS"
    )
    by_other = line(1, Stance.REFUTES, Evidence.OFFICIAL_STATEMENT, reliability="C", party="FRA")
    weight = line_weight(by_recipient, CLAIM, policy)
    assert weight.log_odds < 0
    assert weight.log_odds == pytest.approx(
        policy.interest["denial_by_party"] * line_weight(by_other, CLAIM, policy).log_odds
    )


def test_a_partys_admission_moves_the_odds_more_than_a_newspapers_report(
    policy: AssessmentPolicy,
) -> None:
    admission = line(1, Stance.SUPPORTS, Evidence.NAMED_SOURCE, reliability="C", party="RUS")
    report = line(1, Stance.SUPPORTS, Evidence.NAMED_SOURCE, reliability="C")
    assert (
        line_weight(admission, CLAIM, policy).log_odds > line_weight(report, CLAIM, policy).log_odds
    )


def test_two_independent_well_sourced_lines_give_a_higher_probability_than_one(
    policy: AssessmentPolicy,
) -> None:
    one = run([line(1, evidence=Evidence.INTELLIGENCE)], policy)
    two = run(
        [line(1, evidence=Evidence.INTELLIGENCE), line(2, evidence=Evidence.INTELLIGENCE)], policy
    )
    assert two.probability > one.probability > one.prior
    assert logit(two.probability) - logit(two.prior) == pytest.approx(
        2 * (logit(one.probability) - logit(one.prior))
    )


def test_a_less_reliable_source_pulls_less(policy: AssessmentPolicy) -> None:
    reliable = run([line(1, evidence=Evidence.DOCUMENTS, reliability="A")], policy)
    unreliable = run([line(1, evidence=Evidence.DOCUMENTS, reliability="E")], policy)
    assert reliable.probability > unreliable.probability > reliable.prior


def test_a_stance_read_from_the_text_counts_for_less(policy: AssessmentPolicy) -> None:
    stated = line(1, evidence=Evidence.DOCUMENTS)
    origin = stated.origin
    unstated = ReportingLine(
        1,
        LineMember(origin.document, origin.stance, origin.evidence, None, None, None, False),
        (),
        "B",
        2,
    )
    assert line_weight(unstated, CLAIM, policy).log_odds == pytest.approx(
        0.5 * line_weight(stated, CLAIM, policy).log_odds
    )
    assert "stance read from the text" in line_weight(unstated, CLAIM, policy).reason


def test_drivers_are_sorted_by_pull_and_each_without_is_the_probability_without_that_line(
    policy: AssessmentPolicy,
) -> None:
    lines = [
        line(1, evidence=Evidence.ANONYMOUS, reliability="C"),
        line(2, Stance.REFUTES, Evidence.DOCUMENTS, reliability="B"),
        line(3, evidence=Evidence.INTELLIGENCE, reliability="B"),
        line(4, Stance.DISCUSSES, Evidence.DOCUMENTS, reliability="A"),
        line(5, Stance.REFUTES, Evidence.OFFICIAL_STATEMENT, reliability="C", party="IRN"),
    ]
    found = run(lines, policy)
    pulls = [abs(d.log_odds) for d in found.drivers]
    assert pulls == sorted(pulls, reverse=True)
    assert [d.line for d in found.drivers] == [2, 3, 1, 5], "a discussing line does not drive"
    for driver in found.drivers:
        rest = [candidate for candidate in lines if candidate.number != driver.line]
        assert driver.without == pytest.approx(run(rest, policy).probability)
        assert driver.document_id == f"D{driver.line}"
    assert found.probability == pytest.approx(
        logistic(logit(found.prior) + sum(d.log_odds for d in found.drivers))
    )


def test_the_assessment_names_the_evidence_that_would_move_it_most(
    policy: AssessmentPolicy,
) -> None:
    found = run([line(1, evidence=Evidence.ANONYMOUS)], policy)
    assert len(found.missing) == 2
    moves = [abs(m.probability - found.probability) for m in found.missing]
    assert moves == sorted(moves, reverse=True)
    assert all(0.0 < m.probability < 1.0 for m in found.missing)


def test_the_assessment_is_stamped_with_method_pack_and_time(policy: AssessmentPolicy) -> None:
    found = run([line(1)], policy)
    assert found.method.startswith("assay.assess@")
    assert (found.pack_sha256, found.at, found.claim, found.key) == ("f" * 64, AT, CLAIM, None)
    assert found.word == icd203_word(found.probability)


# --- confidence ---------------------------------------------------------------------


def weights(lines: list[ReportingLine], policy: AssessmentPolicy) -> list[float]:
    return [line_weight(candidate, CLAIM, policy).log_odds for candidate in lines]


def test_three_agreeing_sourced_reliable_lines_give_high_confidence(
    policy: AssessmentPolicy,
) -> None:
    lines = [
        line(1, evidence=Evidence.INTELLIGENCE),
        line(2, evidence=Evidence.NAMED_SOURCE),
        line(3, evidence=Evidence.EYEWITNESS, reliability="C"),
    ]
    assert confidence(lines, weights(lines, policy)) == "high"
    assert run(lines, policy).confidence == "high"


def test_one_line_gives_low_confidence_however_strong(policy: AssessmentPolicy) -> None:
    lines = [line(1, evidence=Evidence.DOCUMENTS, reliability="A")]
    assert confidence(lines, weights(lines, policy)) == "low"


def test_two_agreeing_reliable_lines_give_moderate_confidence(policy: AssessmentPolicy) -> None:
    lines = [line(1, evidence=Evidence.INTELLIGENCE), line(2, evidence=Evidence.NAMED_SOURCE)]
    assert confidence(lines, weights(lines, policy)) == "moderate"


def test_lines_that_disagree_give_low_confidence(policy: AssessmentPolicy) -> None:
    lines = [
        line(1, evidence=Evidence.INTELLIGENCE),
        line(2, Stance.REFUTES, Evidence.INTELLIGENCE),
        line(3, evidence=Evidence.INTELLIGENCE),
        line(4, Stance.REFUTES, Evidence.INTELLIGENCE),
    ]
    assert confidence(lines, weights(lines, policy)) == "low"


def test_unsourced_or_unreliable_lines_do_not_raise_confidence(policy: AssessmentPolicy) -> None:
    unsourced = [line(n, evidence=Evidence.UNSOURCED) for n in (1, 2, 3, 4)]
    assert confidence(unsourced, weights(unsourced, policy)) == "low"
    unreliable = [line(n, evidence=Evidence.INTELLIGENCE, reliability="E") for n in (1, 2, 3)]
    assert confidence(unreliable, weights(unreliable, policy)) == "low"
    anonymous = [line(n, evidence=Evidence.ANONYMOUS) for n in (1, 2, 3)]
    assert confidence(anonymous, weights(anonymous, policy)) == "low"
