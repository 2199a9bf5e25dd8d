"""Rendering lineage trees and assessments (or ``--json``)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from assay.assess import stance_counts
from assay.cli.render import emit_json, jsonable, stdout
from assay.cli.render_claims import STANCE_STYLE
from assay.records import (
    AchMatrix,
    Assessment,
    ClaimTrace,
    LineMember,
    ReportingLine,
    Resolution,
    Stance,
)

_CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


def _member_label(member: LineMember) -> str:
    document = member.document
    outlet = document.outlet.name if document.outlet else "no outlet"
    date = (document.published or "undated")[:10]
    style = STANCE_STYLE[member.stance]
    speaker = f"; {escape(member.speaker)}" if member.speaker else ""
    captures = f"; {document.captures} captures" if document.captures > 1 else ""
    return (
        f"[bold]{document.id}[/] {date} {escape(outlet)}: "
        f"[{style}]{member.stance.value}[/], {member.evidence.value.replace('_', ' ')}"
        f"{speaker}{captures}"
    )


def _line_label(line: ReportingLine) -> str:
    return (
        f"[bold]line {line.number}[/] ({line.reliability}{line.credibility}: source "
        f"{line.reliability}, {_CREDIBILITY[line.credibility]}) origin "
        + _member_label(line.origin)
    )


def _folded(markup: str) -> Text:
    """A tree label that wraps within the terminal instead of being cut off."""
    return Text.from_markup(markup, overflow="fold")


def trace(found: ClaimTrace, *, as_json: bool) -> None:
    """A claim's lines as a tree: each origin, its echoes and the edge each came by."""
    if as_json:
        emit_json(found)
        return
    counts = stance_counts(found.lines)
    echoes = sum(len(line.echoes) for line in found.lines)
    root = Tree(
        _folded(
            f"[bold]{found.claim.id}[/] {escape(found.claim.text)}: {len(found.lines)} independent "
            f"lines ({counts[Stance.SUPPORTS]} support, {counts[Stance.REFUTES]} refute, "
            f"{counts[Stance.DISCUSSES]} discuss), {echoes} echoes"
        )
    )
    for line in found.lines:
        branch = root.add(_folded(_line_label(line)))
        for echo in line.echoes:
            via = echo.via
            how = (
                f" [dim]<- {via.kind.value} D{via.parent_key}: {escape(via.evidence[:90])}[/]"
                if via
                else ""
            )
            branch.add(_folded(_member_label(echo) + how))
    stdout().print(root, soft_wrap=False)


def assessment_json(assessment: Assessment) -> dict[str, Any]:
    """An assessment as JSON, with the claim's ID and text."""
    data: dict[str, Any] = jsonable(assessment)
    claim = data.pop("claim")
    return {"claim_id": assessment.claim.id, "claim": claim["text"], **data}


def _short_reason(reason: str) -> str:
    """The first two parts of a driver's reason: its stance and its evidence."""
    return ", ".join(reason.split(", ")[:2])


def assessments(rows: list[Assessment], *, as_json: bool, top: int = 2) -> None:
    """One short block per claim: what it says, the verdict, the lines and top drivers.

    A block rather than a table, so the drivers stay readable in an 80-column terminal;
    `assay assess C12` gives every line's pull and reasons.
    """
    if as_json:
        emit_json([assessment_json(row) for row in rows])
        return
    for row in rows:
        counts = row.line_stances
        drivers = "; ".join(
            f"{d.document_id} {d.log_odds:+.1f} {escape(_short_reason(d.reason))}"
            for d in row.drivers[:top]
        )
        stdout().print(
            f"[bold]{row.claim.id}[/] {escape(row.claim.text)}\n"
            f"    [bold]{row.word}[/] ({row.probability:.0%}), {row.confidence} confidence; "
            f"{row.lines} independent lines ({counts.get(Stance.SUPPORTS, 0)} support, "
            f"{counts.get(Stance.REFUTES, 0)} refute, {counts.get(Stance.DISCUSSES, 0)} "
            f"discuss), {row.echoes} echo{'' if row.echoes == 1 else 'es'}\n"
            f"    drivers: {drivers or 'no line pulls either way'}"
        )


def assessment_detail(
    row: Assessment, history: list[Assessment], resolutions: list[Resolution]
) -> None:
    """One claim's assessment in full: drivers with leave-one-out, missing evidence, history."""
    stdout().print(
        f"[bold]{row.claim.id}[/] {escape(row.claim.text)}\n"
        f"  {row.word} ({row.probability:.0%}), {row.confidence} confidence; prior "
        f"{row.prior:.0%}; {row.lines} independent lines from {row.documents} documents"
    )
    table = Table("Line", "Origin", "Log-odds", "P without it", "Why", box=box.SIMPLE_HEAD)
    for driver in row.drivers:
        table.add_row(
            str(driver.line),
            driver.document_id,
            f"{driver.log_odds:+.2f}",
            f"{driver.without:.0%}",
            escape(driver.reason),
        )
    stdout().print(table)
    for missing in row.missing:
        stdout().print(
            f"  would change it: {escape(missing.description)} -> {missing.probability:.0%}"
        )
    if resolutions:
        last = resolutions[-1]
        stdout().print(
            f"  settled {'true' if last.verdict else 'false'} on {last.at:%Y-%m-%d} by "
            f"{escape(last.by)}: {escape(last.evidence)}"
        )
    if len(history) > 1:
        stdout().print(
            "  history: "
            + ", ".join(f"{h.at:%Y-%m-%d %H:%M} {h.probability:.0%}" for h in history[-5:])
        )


_CELL_STYLE = {"CC": "bold green", "C": "green", "N": "dim", "I": "red", "II": "bold red"}


def ach(matrix: AchMatrix, *, as_json: bool) -> None:
    """The evidence-by-hypothesis matrix, most diagnostic items first."""
    if as_json:
        emit_json(matrix)
        return
    stdout().print(f"[bold]{matrix.claim.id}[/] {escape(matrix.claim.text)}")
    for hypothesis in matrix.hypotheses:
        mark = "  <- least inconsistent" if hypothesis.key == matrix.least_inconsistent else ""
        added = f" (added by {escape(hypothesis.added_by)})" if hypothesis.added_by else ""
        stdout().print(
            f"  {hypothesis.key}: {escape(hypothesis.label)}{added}; inconsistency "
            f"{matrix.inconsistency[hypothesis.key]:.2f}{mark}"
        )
    if matrix.least_inconsistent is None:
        stdout().print("  no hypothesis is least inconsistent: the lowest score is shared")
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("Evidence (independent line)", overflow="fold", min_width=30)
    table.add_column("Weight", justify="right")
    table.add_column("Diag.", justify="right")
    for hypothesis in matrix.hypotheses:
        table.add_column(hypothesis.key, justify="center")
    for item in sorted(matrix.items, key=lambda i: (-i.diagnosticity, -i.weight)):
        cells = []
        for hypothesis in matrix.hypotheses:
            value = item.cells[hypothesis.key]
            star = "*" if hypothesis.key in item.overridden else ""
            cells.append(f"[{_CELL_STYLE[value]}]{value}{star}[/]")
        table.add_row(
            escape(f"line {item.line}: {item.description}"),
            f"{item.weight:.2f}",
            f"{item.diagnosticity:.0f}",
            *cells,
        )
    stdout().print(table)
    overrides = [o for item in matrix.items for o in item.overridden.values()]
    for override in overrides:
        stdout().print(
            f"  * {override.hypothesis} x D{override.document_key} set to {override.value} by "
            f"{escape(override.by)}: {escape(override.why)}"
        )
