"""Analysis of competing hypotheses (Heuer): which explanation the evidence fits least badly.

For a transfer claim the standing hypotheses are that it was delivered, that it was
agreed but not delivered, that there was no transfer, and that a different system or
recipient is involved. Each independent line of reporting is one evidence item; how it
fits each hypothesis follows from its stance, whether its document states this very
claim or a linked one (another stage, a category, a party left unknown), the strength
of its evidence and the speaker's interest. Analysts add hypotheses and override cells;
their cells win. Hypotheses are ranked by weighted inconsistency.
"""

from __future__ import annotations

from collections.abc import Sequence

from assay.assess.odds import line_weight
from assay.packs.policy import AssessmentPolicy
from assay.records import (
    AchMatrix,
    CellOverride,
    Claim,
    EvidenceItem,
    Hypothesis,
    ReportingLine,
    Stance,
)

STANDING = (
    Hypothesis("H1", "delivered"),
    Hypothesis("H2", "agreed but not delivered"),
    Hypothesis("H3", "no transfer"),
    Hypothesis("H4", "a different system or recipient"),
)
SCORE = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
_DELIVERY_STAGES = ("delivery",)


def _fit(line: ReportingLine, claim: Claim) -> dict[str, str]:
    """The standing cells of one line, before analysts' overrides."""
    origin = line.origin
    strong = origin.evidence.strong and line.reliability in ("A", "B", "C")
    party = origin.speaker_party in {claim.supplier, claim.recipient} - {None}
    delivery = claim.stage in _DELIVERY_STAGES
    if line.stance is Stance.SUPPORTS:
        if not origin.stated:
            return {"H1": "C", "H2": "N", "H3": "I", "H4": "C"}
        if delivery:
            return {
                "H1": "CC" if strong else "C",
                "H2": "I",
                "H3": "II" if strong else "I",
                "H4": "I",
            }
        return {"H1": "C", "H2": "C", "H3": "II" if strong else "I", "H4": "N"}
    if line.stance is Stance.REFUTES:
        against = "I" if party or not strong else "II"
        return {"H1": against, "H2": "C" if delivery else "I", "H3": "C", "H4": "N"}
    return {"H1": "N", "H2": "N", "H3": "N", "H4": "N"}


def _describe(line: ReportingLine) -> str:
    origin = line.origin
    speaker = f" ({origin.speaker})" if origin.speaker else ""
    echoes = f", {len(line.echoes)} echoes" if line.echoes else ""
    return (
        f"{origin.document.id} {line.stance.value}, {origin.evidence.value.replace('_', ' ')}"
        f"{speaker}, source {line.reliability}{echoes}"
    )


def ach_matrix(
    claim: Claim,
    lines: Sequence[ReportingLine],
    policy: AssessmentPolicy,
    *,
    extra: Sequence[Hypothesis] = (),
    overrides: Sequence[CellOverride] = (),
) -> AchMatrix:
    """The matrix for ``claim``: standing and analysts' hypotheses, one row per line."""
    hypotheses = (*STANDING, *extra)
    latest: dict[tuple[str, int], CellOverride] = {}
    for override in overrides:  # oldest first: the last one for a cell wins
        latest[(override.hypothesis, override.document_key)] = override
    items = []
    for line in lines:
        cells = _fit(line, claim)
        cells.update({h.key: "N" for h in extra})
        overridden = {
            h.key: latest[(h.key, line.origin.document.key)]
            for h in hypotheses
            if (h.key, line.origin.document.key) in latest
        }
        cells.update({key: o.value for key, o in overridden.items()})
        scores = [SCORE[cells[h.key]] for h in hypotheses]
        weight = abs(line_weight(line, claim, policy).log_odds) or 0.1
        items.append(
            EvidenceItem(
                line.number,
                line.origin.document.id,
                _describe(line),
                round(weight, 3),
                cells,
                overridden,
                float(max(scores) - min(scores)),
            )
        )
    inconsistency = _inconsistency(hypotheses, items)
    lowest = min(inconsistency.values())
    tied = [h.key for h in hypotheses if inconsistency[h.key] == lowest]
    least = tied[0] if len(tied) == 1 else None
    return AchMatrix(claim, hypotheses, tuple(items), inconsistency, least)


def _inconsistency(
    hypotheses: Sequence[Hypothesis], items: Sequence[EvidenceItem]
) -> dict[str, float]:
    return {
        h.key: round(sum(item.weight * max(0, -SCORE[item.cells[h.key]]) for item in items), 3)
        for h in hypotheses
    }
