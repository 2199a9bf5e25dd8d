"""The weight of one independent line of reporting, in natural log-odds.

A line pulls toward the claim when it supports it and away when it refutes it; a line
that only discusses it does not pull. How far: the weight of what it rests on, times
its origin's reliability, times the speaker's interest. A party denying a transfer it
is accused of is expected whatever the truth, so its denial moves little; a party
admitting one speaks against its interest and moves much; a government that is neither
supplier nor recipient confirming it moves more than a newspaper. Echoes add nothing:
fifty rewrites of one report are one line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from assay.packs.policy import AssessmentPolicy
from assay.records import Claim, OutletKind, ReportingLine, Stance

DIRECTIONS = {Stance.SUPPORTS: 1, Stance.REFUTES: -1}
_OFFICIAL_KINDS = (OutletKind.GOVERNMENT, OutletKind.INTERGOVERNMENTAL)


@dataclass(frozen=True, slots=True)
class LineWeight:
    """A line's log-odds and the words that explain it."""

    log_odds: float
    reason: str


def _interest(line: ReportingLine, claim: Claim, policy: AssessmentPolicy) -> tuple[float, str]:
    party = line.origin.speaker_party
    parties = {claim.supplier, claim.recipient} - {None}
    outlet = line.origin.document.outlet
    if party is not None and party in parties:
        if line.stance is Stance.REFUTES:
            return policy.interest["denial_by_party"], "denial by an accused party"
        return policy.interest["admission_by_party"], "admission by a party"
    official = party is not None or (
        outlet is not None and policy.kind_of(outlet.kind, outlet.domain) in _OFFICIAL_KINDS
    )
    if official and line.stance is Stance.SUPPORTS:
        return policy.interest["uninvolved_government"], "confirmed by an uninvolved government"
    return 1.0, ""


def line_weight(line: ReportingLine, claim: Claim, policy: AssessmentPolicy) -> LineWeight:
    """The log-odds ``line`` adds to the claim, and why."""
    direction = DIRECTIONS.get(line.stance, 0)
    if not direction:
        return LineWeight(0.0, f"{line.stance.value}: no direction")
    evidence = policy.evidence_weights[line.origin.evidence]
    reliability = policy.reliability_weights[line.reliability]
    interest, why = _interest(line, claim, policy)
    if not line.origin.stated:
        interest *= policy.interest["read_from_text"]
        why = ", ".join(filter(None, [why, "stance read from the text, claim not stated"]))
    parts = [
        f"{line.stance.value}",
        f"{line.origin.evidence.value.replace('_', ' ')}",
        f"source {line.reliability}",
    ]
    if why:
        parts.append(why)
    if line.echoes:
        parts.append(f"{len(line.echoes)} echo{'es' if len(line.echoes) > 1 else ''} not counted")
    scale = policy.calibration.get("line_scale", 1.0)
    if direction < 0:
        scale *= policy.calibration.get("refute_scale", 1.0)
    return LineWeight(direction * evidence * reliability * interest * scale, ", ".join(parts))


def logistic(log_odds: float) -> float:
    """Probability from natural log-odds, without overflow at either end."""
    if log_odds >= 0:
        return 1.0 / (1.0 + math.exp(-log_odds))
    small = math.exp(log_odds)
    return small / (1.0 + small)


def logit(probability: float) -> float:
    """Natural log-odds of ``probability``."""
    return math.log(probability / (1.0 - probability))
