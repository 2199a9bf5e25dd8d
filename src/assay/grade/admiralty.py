"""Admiralty grades: how reliable a source is (A-F) and how credible a line is (1-6).

Reliability belongs to the outlet: the analyst's latest grade, else the pack's default
for the outlet's kind, else F (cannot be judged). Credibility belongs to the
information in one line of reporting and follows NATO's 1-6 scale from its evidence
and from whether other independent lines agree:

1 confirmed: two or more other independent, sourced lines say the same;
2 probably true: documents, imagery or an official statement, or one sourced line agrees;
3 possibly true: intelligence, eyewitnesses or a named source, uncorroborated;
4 doubtful: anonymous sources only;
5 improbable: anonymous or unsourced, and contradicted by documents, imagery or a statement;
6 cannot be judged: no source at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from assay.packs.policy import AssessmentPolicy
from assay.records import Evidence, Outlet, ReportingLine, Stance

DIRECTIONS = {Stance.SUPPORTS: 1, Stance.REFUTES: -1}


def default_grade(outlet: Outlet | None, policy: AssessmentPolicy | None) -> str:
    """The grade an outlet has before an analyst grades it: by its kind, else F."""
    if outlet is None or policy is None:
        return "F"
    return policy.grades_by_kind.get(policy.kind_of(outlet.kind, outlet.domain), "F")


def credibility(line: ReportingLine, others: Sequence[ReportingLine]) -> int:
    """The 1-6 credibility of ``line`` given the other independent lines."""
    direction = DIRECTIONS.get(line.stance, 0)
    evidence = line.origin.evidence
    agreeing = [
        o
        for o in others
        if direction and DIRECTIONS.get(o.stance) == direction and not o.origin.evidence.weak
    ]
    opposing = [
        o
        for o in others
        if direction and DIRECTIONS.get(o.stance) == -direction and o.origin.evidence.strong
    ]
    if len(agreeing) >= 2 and evidence is not Evidence.UNSOURCED:
        return 1
    if evidence.strong or (agreeing and not evidence.weak):
        return 2
    if not evidence.weak:
        return 3
    if opposing:
        return 5
    return 4 if evidence is Evidence.ANONYMOUS else 6


def grade_lines(
    lines: Sequence[ReportingLine], reliability_of: Callable[[Outlet | None], str]
) -> tuple[ReportingLine, ...]:
    """``lines`` with each origin's reliability and each line's credibility filled in."""
    graded = [
        replace(line, reliability=reliability_of(line.origin.document.outlet)) for line in lines
    ]
    return tuple(
        replace(line, credibility=credibility(line, [o for o in graded if o is not line]))
        for line in graded
    )
