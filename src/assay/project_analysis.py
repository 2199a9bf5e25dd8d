"""The analyst's side of :class:`~assay.project.Project`: trace, assess, grade, settle, ACH.

Kept apart from the façade's ingest-and-read half so each module has one job; the
methods are the same ones the CLI, the API and the web app call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from assay.errors import InputError, NotFoundError
from assay.ids import IdKind, format_id
from assay.packs import Pack
from assay.pipeline.assessing import assess_claims, claim_matrix, trace_claim
from assay.pipeline.outlet_grading import (
    GradeRequest,
    OutletFileReport,
    grade_outlet,
    import_outlet_file,
)
from assay.progress import NullProgress, Progress
from assay.records import (
    CONSISTENCY,
    AchMatrix,
    Assessment,
    CellOverride,
    ClaimDetail,
    ClaimSummary,
    ClaimTrace,
    DocumentDetail,
    OutletGrade,
    Resolution,
    TrackRecord,
)
from assay.store import Store

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_DOCUMENT_ID = re.compile(r"^[Dd]\d+$")


class ProjectCore(Protocol):
    """The half of Project the analyst's methods stand on: its store and its readers."""

    store: Store

    @property
    def path(self) -> Path:
        """The project folder."""
        ...

    def pack(self) -> Pack:
        """The domain pack in use."""
        ...

    def claims(self) -> list[ClaimSummary]:
        """Every listed claim."""
        ...

    def claim(self, claim_id: str) -> ClaimDetail:
        """One claim, or NotFoundError."""
        ...

    def document(self, document_id: str) -> DocumentDetail:
        """One document, or NotFoundError."""
        ...

    @staticmethod
    def _key(record_id: str, expected: IdKind) -> int:
        """The key a readable ID names, or NotFoundError for an ID of another kind."""
        ...


class AnalysisMethods(ProjectCore):
    """Lineage, assessment, grading, resolutions and ACH, mixed into Project."""

    def _no_claim(self, key: int) -> NotFoundError:
        return NotFoundError(
            f"no claim {format_id(IdKind.CLAIM, key)} in {self.path}",
            hint="list claims with `assay claims`",
        )

    def track_records(self) -> dict[int, TrackRecord]:
        """Each outlet's record on settled claims (right, wrong) and open ones (pending)."""
        with self.store.transaction() as repo:
            return repo.track_records()

    def resolve(
        self, claim_id: str, verdict: bool, evidence: str, *, note: str = "", by: str = "analyst"
    ) -> Resolution:
        """Settle a claim as true or false on ``evidence``; kept as history.

        ``evidence`` is an http(s) URL, a stored document's ID (``D12``) or a citation in
        words. Every outlet's track record counts the resolution from then on.
        """
        text = evidence.strip()
        if not text:
            raise InputError(
                claim_id, "a resolution needs --evidence: the URL or document that settles it"
            )
        if _SCHEME.match(text) and urlsplit(text).scheme.lower() not in ("http", "https"):
            raise InputError(text, "evidence URLs must be http or https")
        if _DOCUMENT_ID.match(text):
            self.document(text)  # raises NotFoundError for a document the project lacks
        claim = self.claim(claim_id).summary.claim
        resolution = Resolution(claim.key, verdict, text, note, by, datetime.now(UTC))
        with self.store.transaction() as repo:
            repo.add_resolution(resolution)
        return resolution

    def ach(self, claim_id: str) -> AchMatrix:
        """The claim's competing hypotheses and evidence-by-hypothesis matrix."""
        key = self._key(claim_id, IdKind.CLAIM)
        found = claim_matrix(self.store, self.pack(), key)
        if found is None:
            raise self._no_claim(key)
        return found

    def add_hypothesis(self, claim_id: str, label: str, *, by: str, note: str = "") -> AchMatrix:
        """Add an analyst's hypothesis to a claim's matrix; its cells start neutral."""
        if not label.strip():
            raise InputError(claim_id, "a hypothesis needs a label")
        claim = self.claim(claim_id).summary.claim
        with self.store.transaction() as repo:
            repo.add_hypothesis(claim.key, label.strip(), by, note, datetime.now(UTC))
        return self.ach(claim_id)

    def override_cell(  # noqa: PLR0913 - one cell, its new value, who and why
        self, claim_id: str, hypothesis: str, document_id: str, value: str, *, by: str, why: str
    ) -> AchMatrix:
        """Set one cell of the matrix by hand (CC, C, N, I, II), recording who and why."""
        matrix = self.ach(claim_id)
        keys = [h.key for h in matrix.hypotheses]
        if hypothesis.upper() not in keys:
            raise InputError(hypothesis, f"no such hypothesis; this claim has {', '.join(keys)}")
        if value.upper() not in CONSISTENCY:
            raise InputError(value, f"a cell is one of {', '.join(CONSISTENCY)}")
        if not why.strip():
            raise InputError(claim_id, "an override needs a reason (--why)")
        rows = {item.document_id: item for item in matrix.items}
        if document_id.upper() not in rows:
            raise InputError(
                document_id, f"not an evidence item of {claim_id}; items: {', '.join(rows)}"
            )
        document_key = self._key(document_id, IdKind.DOCUMENT)
        override = CellOverride(
            matrix.claim.key,
            hypothesis.upper(),
            document_key,
            value.upper(),
            by,
            why,
            datetime.now(UTC),
        )
        with self.store.transaction() as repo:
            repo.add_override(override)
        return self.ach(claim_id)

    def resolutions(self, claim_id: str) -> list[Resolution]:
        """Every resolution of a claim, oldest first (the latest counts)."""
        key = self._key(claim_id, IdKind.CLAIM)
        with self.store.transaction() as repo:
            return repo.resolutions(key)

    def trace(self, claim_id: str) -> ClaimTrace:
        """The independent lines of reporting on a claim: origins, echoes and the edges."""
        key = self._key(claim_id, IdKind.CLAIM)
        found = trace_claim(self.store, self.pack(), key)
        if found is None:
            raise self._no_claim(key)
        return found

    def assess(
        self, claim_ids: Sequence[str] = (), progress: Progress | None = None
    ) -> list[Assessment]:
        """Assess the claims named (default: every listed claim) and keep each assessment."""
        if claim_ids:
            keys = [self._key(claim_id, IdKind.CLAIM) for claim_id in claim_ids]
            with self.store.transaction() as repo:
                known = {s.claim.key for s in repo.list_claims(keys)}
            for key in keys:
                if key not in known:
                    raise self._no_claim(key)
        else:
            keys = [summary.claim.key for summary in self.claims()]
        return assess_claims(self.store, self.pack(), keys, progress or NullProgress())

    def assessments(self, claim_id: str) -> list[Assessment]:
        """Every assessment made of a claim, oldest first."""
        claim = self.claim(claim_id).summary.claim
        with self.store.transaction() as repo:
            return repo.assessments(claim)

    def grade_outlet(self, target: str, request: GradeRequest) -> OutletGrade:
        """Grade the outlet whose domain (or name) is ``target``; the history is kept."""
        return grade_outlet(self.store, target, request)

    def import_outlets(self, path: str | Path, by: str = "analyst") -> OutletFileReport:
        """Record the outlet kinds and grades listed in a YAML outlet file."""
        return import_outlet_file(self.store, Path(path), by)
