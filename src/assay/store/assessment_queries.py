"""The repository's queries for outlet grades and assessments, both kept as history.

A grade or an assessment is only ever appended: the outlet's current grade is its
latest one (copied onto the outlet row for listing), and an assessment made last week
can be read exactly as it was, next to today's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from assay.errors import InputError
from assay.records import (
    Assessment,
    CellOverride,
    Claim,
    Driver,
    Hypothesis,
    MissingEvidence,
    OutletGrade,
    OutletKind,
    Resolution,
    Stance,
    StanceBasis,
    TrackRecord,
)
from assay.store.tables import (
    ach_hypotheses,
    ach_overrides,
    assessments,
    claim_resolutions,
    documents,
    outlet_grades,
    outlets,
    stances,
)


class AssessmentQueries:
    """Queries about outlet grades and claim assessments."""

    connection: sa.Connection

    def find_outlet_by_domain(self, domain: str) -> int | None:
        """The key of the outlet whose domain is ``domain`` (or, failing that, named so).

        A name that several outlets share is refused with the domains to choose from.
        """
        wanted = domain.strip().lower().removeprefix("www.")
        found = self.connection.execute(
            sa.select(outlets.c.id).where(outlets.c.domain == wanted)
        ).scalar_one_or_none()
        if found is None:
            named = self.connection.execute(
                sa.select(outlets.c.id, outlets.c.domain).where(
                    sa.func.lower(outlets.c.name) == wanted.casefold()
                )
            ).all()
            if len(named) > 1:
                domains = ", ".join(str(row.domain) for row in named)
                raise InputError(domain, f"names {len(named)} outlets; give a domain: {domains}")
            found = named[0].id if named else None
        return None if found is None else int(found)

    def add_outlet_grade(self, grade: OutletGrade, country: str | None = None) -> None:
        """Append a grade and make it (and its kind, if given) the outlet's current one."""
        self.connection.execute(
            outlet_grades.insert().values(
                outlet_id=grade.outlet_key,
                grade=grade.grade,
                kind=grade.kind.value if grade.kind else None,
                note=grade.note,
                graded_by=grade.by,
                at=grade.at,
            )
        )
        values: dict[str, Any] = {"reliability": grade.grade}
        if grade.kind is not None:
            values["kind"] = grade.kind.value
        if country:
            values["country"] = country
        self.connection.execute(
            outlets.update().where(outlets.c.id == grade.outlet_key).values(**values)
        )

    def set_outlet_kind(self, outlet_key: int, kind: OutletKind, country: str | None) -> None:
        """Record what sort of publisher an outlet is, without grading it."""
        values: dict[str, Any] = {"kind": kind.value}
        if country:
            values["country"] = country
        self.connection.execute(outlets.update().where(outlets.c.id == outlet_key).values(**values))

    def outlet_grades(self, outlet_key: int | None = None) -> list[OutletGrade]:
        """Every grade given (to one outlet, or to all), oldest first."""
        query = sa.select(outlet_grades).order_by(outlet_grades.c.id)
        if outlet_key is not None:
            query = query.where(outlet_grades.c.outlet_id == outlet_key)
        return [
            OutletGrade(
                row.outlet_id,
                row.grade,
                OutletKind(row.kind) if row.kind else None,
                row.note,
                row.graded_by,
                row.at,
            )
            for row in self.connection.execute(query)
        ]

    def add_assessment(self, assessment: Assessment) -> int:
        """Append an assessment; return its key."""
        result = self.connection.execute(
            assessments.insert().values(
                claim_id=assessment.claim.key,
                at=assessment.at,
                prior=assessment.prior,
                probability=assessment.probability,
                word=assessment.word,
                confidence=assessment.confidence,
                lines=assessment.lines,
                documents=assessment.documents,
                line_stances={s.value: n for s, n in assessment.line_stances.items()},
                drivers=[_driver_json(d) for d in assessment.drivers],
                missing=[
                    {"description": m.description, "probability": m.probability}
                    for m in assessment.missing
                ],
                method=assessment.method,
                pack_sha256=assessment.pack_sha256,
            )
        )
        key = result.inserted_primary_key
        return int(key[0]) if key else 0

    def assessments(self, claim: Claim) -> list[Assessment]:
        """Every assessment of ``claim``, oldest first."""
        query = (
            sa.select(assessments)
            .where(assessments.c.claim_id == claim.key)
            .order_by(assessments.c.id)
        )
        return [
            Assessment(
                claim=claim,
                at=row.at,
                prior=row.prior,
                probability=row.probability,
                word=row.word,
                confidence=row.confidence,
                lines=row.lines,
                documents=row.documents,
                line_stances={Stance(s): n for s, n in row.line_stances.items()},
                drivers=tuple(Driver(**d) for d in row.drivers),
                missing=tuple(MissingEvidence(**m) for m in row.missing),
                method=row.method,
                pack_sha256=row.pack_sha256,
                key=row.id,
            )
            for row in self.connection.execute(query)
        ]

    def add_resolution(self, resolution: Resolution) -> None:
        """Append a claim's resolution."""
        self.connection.execute(
            claim_resolutions.insert().values(
                claim_id=resolution.claim_key,
                verdict=resolution.verdict,
                evidence=resolution.evidence,
                note=resolution.note,
                resolved_by=resolution.by,
                at=resolution.at,
            )
        )

    def resolutions(self, claim_key: int | None = None) -> list[Resolution]:
        """Every resolution (of one claim, or of all), oldest first."""
        query = sa.select(claim_resolutions).order_by(claim_resolutions.c.id)
        if claim_key is not None:
            query = query.where(claim_resolutions.c.claim_id == claim_key)
        return [
            Resolution(
                row.claim_id, bool(row.verdict), row.evidence, row.note, row.resolved_by, row.at
            )
            for row in self.connection.execute(query)
        ]

    def track_records(self) -> dict[int, TrackRecord]:
        """Each outlet's record: its documents' own stances on settled and open claims.

        Only stances a document takes in its own sentences count (not ones read from
        its text against a linked claim), and only supports and refutes.
        """
        verdicts = {r.claim_key: r.verdict for r in self.resolutions()}
        query = (
            sa.select(documents.c.outlet_id, stances.c.claim_id, stances.c.stance)
            .select_from(stances.join(documents, documents.c.id == stances.c.document_id))
            .where(documents.c.outlet_id.is_not(None))
            .where(stances.c.basis == StanceBasis.MENTIONS.value)
            .where(stances.c.stance.in_([Stance.SUPPORTS.value, Stance.REFUTES.value]))
        )
        counts: dict[int, list[int]] = {}
        for outlet_id, claim_id, stance in self.connection.execute(query):
            tally = counts.setdefault(outlet_id, [0, 0, 0])
            if claim_id not in verdicts:
                tally[2] += 1
            elif (stance == Stance.SUPPORTS.value) == verdicts[claim_id]:
                tally[0] += 1
            else:
                tally[1] += 1
        return {key: TrackRecord(key, *tally) for key, tally in counts.items()}

    def add_hypothesis(self, claim_key: int, label: str, by: str, note: str, at: datetime) -> None:
        """Add an analyst's hypothesis to a claim's ACH matrix."""
        self.connection.execute(
            ach_hypotheses.insert().values(
                claim_id=claim_key, label=label, added_by=by, note=note, at=at
            )
        )

    def hypotheses(self, claim_key: int, first_key: int) -> list[Hypothesis]:
        """Analysts' hypotheses of a claim, numbered on from ``first_key`` (H5, H6, ...)."""
        query = (
            sa.select(ach_hypotheses)
            .where(ach_hypotheses.c.claim_id == claim_key)
            .order_by(ach_hypotheses.c.id)
        )
        return [
            Hypothesis(f"H{first_key + n}", row.label, row.added_by, row.note)
            for n, row in enumerate(self.connection.execute(query))
        ]

    def add_override(self, override: CellOverride) -> None:
        """Append an analyst's reading of one cell."""
        self.connection.execute(
            ach_overrides.insert().values(
                claim_id=override.claim_key,
                hypothesis=override.hypothesis,
                document_id=override.document_key,
                value=override.value,
                overridden_by=override.by,
                why=override.why,
                at=override.at,
            )
        )

    def overrides(self, claim_key: int) -> list[CellOverride]:
        """Every override of a claim's cells, oldest first."""
        query = (
            sa.select(ach_overrides)
            .where(ach_overrides.c.claim_id == claim_key)
            .order_by(ach_overrides.c.id)
        )
        return [
            CellOverride(
                row.claim_id,
                row.hypothesis,
                row.document_id,
                row.value,
                row.overridden_by,
                row.why,
                row.at,
            )
            for row in self.connection.execute(query)
        ]


def _driver_json(driver: Driver) -> dict[str, Any]:
    return {
        "line": driver.line,
        "document_id": driver.document_id,
        "log_odds": driver.log_odds,
        "reason": driver.reason,
        "without": driver.without,
    }
