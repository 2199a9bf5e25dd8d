"""Tracing and assessing claims: lineage, grades and odds, fed from the store.

For one claim: every document bearing on it (its own and its linked claims' tellers)
with its stance and its mentions; the raw HTML of web pages, for links; the analyst's
grades, else the pack's defaults. Lineage groups them into independent lines, grading
fills in reliability and credibility, and the assessment weighs the lines. Each
assessment is appended to the claim's history in its own transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from assay.assess import STANDING, ach_matrix, assess
from assay.errors import ConfigError
from assay.grade import default_grade, grade_lines
from assay.lineage import LineageInputs, Publisher, Reading, find_edges, telling, trace_lines
from assay.packs import Pack
from assay.packs.policy import AssessmentPolicy
from assay.pipeline.claim_reading import read_claim
from assay.progress import Progress
from assay.records import (
    AchMatrix,
    Assessment,
    ClaimDetail,
    ClaimTrace,
    Mention,
    Outlet,
    Stance,
    StanceBasis,
)
from assay.store import Store
from assay.store.repository import Repository

HTML_TYPES = ("text/html", "application/xhtml+xml")


def policy_of(pack: Pack) -> AssessmentPolicy:
    """The pack's assessment policy, or a clear error if it has none."""
    if pack.policy is None:
        raise ConfigError(
            f"pack {pack.ref} has no assessment.yaml, so claims cannot be graded or assessed",
            hint="add an assessment.yaml to the pack (see docs/packs.md)",
        )
    return pack.policy


class Grades:
    """The reliability of each outlet: the analyst's latest grade, else the pack's default."""

    def __init__(self, repo: Repository, policy: AssessmentPolicy) -> None:
        """Read which outlets an analyst has graded."""
        self._graded = {grade.outlet_key for grade in repo.outlet_grades()}
        self._policy = policy

    def __call__(self, outlet: Outlet | None) -> str:
        """The grade of ``outlet`` (F when there is none)."""
        if outlet is not None and outlet.key in self._graded:
            return outlet.reliability
        return default_grade(outlet, self._policy)

    def publisher(self, outlet: Outlet | None) -> Publisher | None:
        """What ``outlet`` brings in its own voice: name, state, kind of evidence."""
        if outlet is None:
            return None
        known = self._policy.known_outlet(outlet.domain)
        kind = self._policy.kind_of(outlet.kind, outlet.domain)
        return Publisher(
            outlet.name,
            outlet.country or (known.country if known else None),
            self._policy.own_evidence_by_kind.get(kind),
            unreliable=self(outlet) == "E",
        )


def graded_outlets(store: Store, pack: Pack) -> list[tuple[Outlet, int]]:
    """Every outlet with its number of documents, showing the grade in force.

    That is the analyst's latest grade, or, for an outlet nobody has graded, the pack's
    default for its kind.
    """
    with store.transaction() as repo:
        rows = repo.list_outlets()
        if pack.policy is None:
            return rows
        grades = Grades(repo, pack.policy)
    return [(replace(outlet, reliability=grades(outlet)), count) for outlet, count in rows]


def _raw_html(store: Store, detail: ClaimDetail) -> dict[int, str]:
    found: dict[int, str] = {}
    for row in detail.documents:
        document = row.document
        if document.media_type.split(";")[0] in HTML_TYPES:
            path = store.archive.path_for(document.raw_sha256)
            if path.is_file():
                found[document.key] = path.read_bytes().decode("utf-8", errors="replace")
    return found


def trace_claim(store: Store, pack: Pack, claim_key: int) -> ClaimTrace | None:
    """The independent lines of reporting on claim ``claim_key``, graded; None if unknown."""
    policy = policy_of(pack)
    with store.transaction() as repo:
        detail = read_claim(repo, claim_key)
        if detail is None:
            return None
        grades = Grades(repo, policy)
        linked = {claim_key} | {r.claim.key for r in detail.related}
        mentions: dict[int, list[Mention]] = {}
        for row in detail.documents:
            mentions[row.document.key] = [
                m for m in repo.list_mentions(row.document.key) if m.claim_key in linked
            ]
    bearing = [row for row in detail.documents if row.stance.stance is not Stance.UNRELATED]
    readings = [
        Reading(
            row.document,
            row.stance.stance,
            telling(
                row.document,
                row.stance.stance,
                mentions[row.document.key],
                pack.gazetteer,
                grades.publisher(row.document.outlet),
            ),
            row.stance.basis is StanceBasis.MENTIONS,
        )
        for row in bearing
    ]
    inputs = LineageInputs(
        [row.document for row in bearing],
        _raw_html(store, detail),
        pack.lexicon.attributions,
    )
    trace = trace_lines(detail.summary.claim, readings, find_edges(inputs), inputs.resemblance)
    return replace(trace, lines=grade_lines(trace.lines, grades))


def assess_claims(
    store: Store, pack: Pack, claim_keys: Sequence[int], progress: Progress
) -> list[Assessment]:
    """Assess each claim and append the assessment to its history."""
    policy = policy_of(pack)
    found: list[Assessment] = []
    progress.start("Assessing claims", len(claim_keys))
    try:
        for key in claim_keys:
            trace = trace_claim(store, pack, key)
            progress.advance()
            if trace is None:
                continue
            parties = (trace.claim.supplier, trace.claim.recipient)
            names = {
                party: pack.gazetteer.actors[party].name
                for party in parties
                if party is not None and party in pack.gazetteer.actors
            }
            assessment = assess(
                trace.claim,
                trace.lines,
                policy,
                at=datetime.now(UTC),
                pack_sha256=pack.sha256,
                names=names,
            )
            with store.transaction() as repo:
                assessment = replace(assessment, key=repo.add_assessment(assessment))
            found.append(assessment)
    finally:
        progress.finish()
    return found


def claim_matrix(store: Store, pack: Pack, claim_key: int) -> AchMatrix | None:
    """The ACH matrix of claim ``claim_key`` with analysts' hypotheses and overrides."""
    trace = trace_claim(store, pack, claim_key)
    if trace is None:
        return None
    with store.transaction() as repo:
        extra = repo.hypotheses(claim_key, len(STANDING) + 1)
        overrides = repo.overrides(claim_key)
    return ach_matrix(trace.claim, trace.lines, policy_of(pack), extra=extra, overrides=overrides)
