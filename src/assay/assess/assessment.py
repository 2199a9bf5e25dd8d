"""Assess one claim from its independent lines: probability, word, confidence, drivers.

Prior odds from the pack's base rate for the claim's stage, times one likelihood ratio
per line (:mod:`assay.assess.odds`): in log-odds, a sum. Then the ICD 203 word, an
analytic confidence from how many lines there are, how reliable and how sourced they
are and how far they agree, each line's pull with the probability without it
(leave-one-line-out), and the evidence not yet seen that would move the result most.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from assay.assess.odds import DIRECTIONS, line_weight, logistic, logit
from assay.assess.words import icd203_word
from assay.packs.policy import AssessmentPolicy
from assay.records import (
    Assessment,
    Claim,
    Driver,
    Evidence,
    MissingEvidence,
    ReportingLine,
    Stance,
)

METHOD = "assay.assess@1"
RELIABLE = ("A", "B", "C")
_SOURCED = frozenset(Evidence) - {Evidence.ANONYMOUS, Evidence.UNSOURCED}


@dataclass(frozen=True, slots=True)
class _Hypothetical:
    description: str
    log_odds: float


def confidence(lines: Sequence[ReportingLine], weights: Sequence[float]) -> str:
    """Low, moderate or high: number, reliability, sourcing and agreement of the lines."""
    directional = [
        (line, w)
        for line, w in zip(lines, weights, strict=True)
        if line.stance in DIRECTIONS and line.origin.evidence is not Evidence.UNSOURCED
    ]
    total = sum(abs(w) for _, w in directional)
    agreement = abs(sum(w for _, w in directional)) / total if total else 0.0
    solid = sum(
        1
        for line, _ in directional
        if line.reliability in RELIABLE and line.origin.evidence in _SOURCED
    )
    if len(directional) >= 3 and solid >= 2 and agreement >= 0.7:
        return "high"
    if len(directional) >= 2 and solid >= 1 and agreement >= 0.5:
        return "moderate"
    return "low"


def _hypotheticals(
    claim: Claim, policy: AssessmentPolicy, names: Mapping[str, str]
) -> list[_Hypothetical]:
    """Evidence that could still arrive, each as the log-odds it would add."""
    documents = policy.evidence_weights[Evidence.DOCUMENTS] * policy.reliability_weights["B"]
    statement = policy.evidence_weights[Evidence.OFFICIAL_STATEMENT]
    statement *= policy.reliability_weights["C"]
    found = [
        _Hypothetical(
            "independent documents or imagery confirming it, from a B-graded source", documents
        ),
        _Hypothetical("independent documents or imagery contradicting it", -documents),
        _Hypothetical(
            "an on-the-record denial by a government that is not a party",
            -statement * policy.interest["uninvolved_government"],
        ),
    ]
    parties = [names.get(p, p) for p in (claim.supplier, claim.recipient) if p]
    if parties:
        found.append(
            _Hypothetical(
                f"an on-the-record admission by {' or '.join(parties)}",
                statement * policy.interest["admission_by_party"],
            )
        )
    return found


def assess(  # noqa: PLR0913 - the claim, its lines, the policy and three stamps
    claim: Claim,
    lines: Sequence[ReportingLine],
    policy: AssessmentPolicy,
    *,
    at: datetime,
    pack_sha256: str,
    names: Mapping[str, str] | None = None,
) -> Assessment:
    """The assessment of ``claim`` from its graded independent ``lines``.

    ``names`` spells the parties' IDs for people ("AAA" -> "Alpha") in the missing
    evidence; without it the IDs are shown.
    """
    prior = policy.base_rate(claim.stage)
    weighed = [line_weight(line, claim, policy) for line in lines]
    weights = [w.log_odds for w in weighed]
    total = logit(prior) + sum(weights)
    probability = logistic(total)
    drivers = sorted(
        (
            Driver(
                line.number,
                line.origin.document.id,
                w.log_odds,
                w.reason,
                logistic(total - w.log_odds),
            )
            for line, w in zip(lines, weighed, strict=True)
            if w.log_odds
        ),
        key=lambda d: -abs(d.log_odds),
    )
    missing = sorted(
        (
            MissingEvidence(h.description, logistic(total + h.log_odds))
            for h in _hypotheticals(claim, policy, names or {})
        ),
        key=lambda m: -abs(m.probability - probability),
    )[:2]
    counted = sum(1 + len(line.echoes) for line in lines)
    return Assessment(
        claim=claim,
        at=at,
        prior=prior,
        probability=probability,
        word=icd203_word(probability),
        confidence=confidence(lines, weights),
        lines=len(lines),
        documents=counted,
        line_stances=stance_counts(lines),
        drivers=tuple(drivers),
        missing=tuple(missing),
        method=METHOD,
        pack_sha256=pack_sha256,
    )


def stance_counts(lines: Sequence[ReportingLine]) -> dict[Stance, int]:
    """Independent lines by stance."""
    counts = dict.fromkeys((Stance.SUPPORTS, Stance.REFUTES, Stance.DISCUSSES), 0)
    for line in lines:
        if line.stance in counts:
            counts[line.stance] += 1
    return counts
