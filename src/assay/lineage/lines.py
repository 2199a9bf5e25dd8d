"""Independent lines of reporting on one claim: origins, and the echoes that add nothing.

Documents are read in publication order. A document joins the line of an earlier one
it draws on (an edge from :mod:`assay.lineage.edges`) when their stances agree (or one
only discusses), unless it brings strong evidence of its own that the whole line lacks
(documents, imagery or an official statement) and is not a copy, or it quotes a party
to the transfer, whose word is always its own. A document that joined no line that way
joins an earlier line quoting the same party with the same kind of evidence (two
reports of one briefing, whatever else they cite); otherwise, with evidence of its own,
it starts a line. One with no source of its own cannot be an origin in any useful
sense, so it joins the earlier line it resembles most (a ``repeats`` edge); if there is
none, it starts an unsourced line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assay.lineage.edges import STRENGTH, publication_order
from assay.lineage.evidence import Telling, stronger
from assay.records import (
    Claim,
    ClaimTrace,
    Document,
    Evidence,
    LineageEdge,
    LineageKind,
    LineMember,
    ReportingLine,
    Stance,
)

# Reused passages make a copy from this share of the later text on; below it, a shared
# quotation or paragraph, which leaves room for evidence of its own.
COPY_COVERAGE = 0.3
_SIDES = (Stance.SUPPORTS, Stance.REFUTES)


@dataclass(frozen=True, slots=True)
class Reading:
    """A document bearing on the claim: its stance and how it tells the claim."""

    document: Document
    stance: Stance
    telling: Telling
    stated: bool = True


@dataclass
class _Line:
    origin: LineMember
    echoes: list[LineMember] = field(default_factory=list)

    def members(self) -> list[LineMember]:
        return [self.origin, *self.echoes]

    @property
    def direction(self) -> Stance | None:
        """The first side its members took: the origin's, else the first echo's."""
        return next((m.stance for m in self.members() if m.stance in _SIDES), None)


def _member(reading: Reading, via: LineageEdge | None = None) -> LineMember:
    return LineMember(
        reading.document,
        reading.stance,
        reading.telling.evidence,
        reading.telling.speaker,
        reading.telling.speaker_party,
        via,
        reading.stated,
    )


def _compatible(line: _Line, stance: Stance) -> bool:
    """Whether a telling of ``stance`` can echo ``line``.

    One that only discusses can echo any line; one that takes a side, a line on that side
    or one that has taken no side yet (a hedged report raising the claim); never a line
    on the other side.
    """
    return stance not in _SIDES or line.direction in (None, stance)


def _is_copy(edge: LineageEdge) -> bool:
    if edge.kind is LineageKind.PASSAGE_REUSE:
        return edge.score >= COPY_COVERAGE
    return edge.kind in (LineageKind.NEAR_COPY, LineageKind.SYNDICATION)


def _brings_own_evidence(
    reading: Reading, line: _Line, edge: LineageEdge, parties: set[str | None]
) -> bool:
    """True when an echo adds what its line lacks; a copy never does.

    That is a party's word, a named official on the record the line has not quoted, or
    stronger evidence of documents, imagery or a statement.
    """
    evidence = reading.telling.evidence
    if _is_copy(edge):
        return False
    if reading.telling.speaker_party in parties and not evidence.weak:
        return line.origin.speaker_party != reading.telling.speaker_party
    if reading.telling.on_record and reading.telling.speaker:
        quoted = {(member.speaker or "").casefold() for member in line.members()}
        return reading.telling.speaker.casefold() not in quoted
    if not evidence.strong:
        return False
    return all(stronger(evidence, member.evidence) for member in line.members())


def _same_source(reading: Reading, lines: Sequence[_Line]) -> tuple[_Line, LineageEdge] | None:
    """An earlier line quoting the same party with the same kind of evidence."""
    party = reading.telling.speaker_party
    if party is None or reading.telling.evidence.weak:
        return None
    for line in lines:
        origin = line.origin
        if (
            origin.speaker_party == party
            and origin.evidence is reading.telling.evidence
            and origin.stance is reading.stance
        ):
            edge = LineageEdge(
                reading.document.key,
                origin.document.key,
                LineageKind.SAME_SOURCE,
                1.0,
                f"both quote {origin.speaker or party}: {reading.telling.speaker or party}",
            )
            return line, edge
    return None


def trace_lines(
    claim: Claim,
    readings: Sequence[Reading],
    edges: Sequence[LineageEdge],
    resemblance: Callable[[Document, Document], float],
) -> ClaimTrace:
    """Group ``readings`` into independent lines, using ``edges`` among their documents."""
    by_child: dict[int, list[LineageEdge]] = {}
    for edge in sorted(edges, key=lambda e: (STRENGTH[e.kind], -e.score)):
        by_child.setdefault(edge.child_key, []).append(edge)
    parties = {claim.supplier, claim.recipient} - {None}
    lines: list[_Line] = []
    line_of: dict[int, _Line] = {}
    used: list[LineageEdge] = list(edges)
    for reading in sorted(readings, key=lambda r: publication_order(r.document)):
        key = reading.document.key
        joined = None
        for edge in by_child.get(key, []):
            parent_line = line_of.get(edge.parent_key)
            if parent_line is None or not _compatible(parent_line, reading.stance):
                continue
            if not _brings_own_evidence(reading, parent_line, edge, parties):
                joined = (parent_line, edge)
            break
        if joined is None:
            joined = _same_source(reading, lines)
            if joined is None and reading.telling.evidence is Evidence.UNSOURCED:
                joined = _resembled_line(reading, lines, resemblance)
            if joined is not None:
                used.append(joined[1])
        if joined is not None:
            line, edge = joined
            line.echoes.append(_member(reading, edge))
        else:
            line = _Line(_member(reading))
            lines.append(line)
        line_of[key] = line
    result = tuple(
        ReportingLine(
            n,
            line.origin,
            tuple(line.echoes),
            "F",
            6,
            line.direction if line.origin.stance not in _SIDES else None,
        )
        for n, line in enumerate(lines, start=1)
    )
    return ClaimTrace(claim, result, tuple(used))


def _resembled_line(
    reading: Reading, lines: Sequence[_Line], resemblance: Callable[[Document, Document], float]
) -> tuple[_Line, LineageEdge] | None:
    """The earlier same-stance line whose documents ``reading`` resembles most."""
    best: tuple[float, int, _Line, Document] | None = None
    for index, line in enumerate(lines):
        if not _compatible(line, reading.stance):
            continue
        for member in line.members():
            score = resemblance(reading.document, member.document)
            candidate = (score, -index, line, member.document)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None
    score, _, line, parent = best
    edge = LineageEdge(
        reading.document.key,
        parent.key,
        LineageKind.REPEATS,
        round(score, 3),
        "names no source of its own; closest earlier telling with the same stance",
    )
    return line, edge
