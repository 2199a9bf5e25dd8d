"""Rendering claim mentions and extraction runs, for people or for scripts (``--json``)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.markup import escape
from rich.table import Table

from assay.cli.render import emit_json, error_message, jsonable, stdout
from assay.records import ExtractReport, Mention

_NONE = "—"


def _party(actor: str | None) -> str:
    return actor or "?"


def mention_summary(mention: Mention) -> dict[str, Any]:
    """A mention as JSON: the claim, its words and where they are."""
    claim = jsonable(mention.claim)
    return {
        "id": mention.id,
        "document": mention.document_id,
        **claim,
        "sentence": mention.sentence,
        "text": mention.text,
        "extractor": mention.extractor,
    }


def mentions(rows: list[Mention], *, as_json: bool) -> None:
    """One row per mention: who, what, to whom, status, how said, by whom, on what."""
    if as_json:
        emit_json([mention_summary(row) for row in rows])
        return
    table = Table(box=box.SIMPLE_HEAD, show_lines=False)
    for column in ("ID", "Doc", "Claim", "Status", "Modality", "Attribution", "Basis", "Words"):
        table.add_column(column, overflow="fold")
    for row in rows:
        claim = row.claim
        direction = f"{_party(claim.supplier)} → {_party(claim.recipient)}"
        quantity = f"{claim.quantity:,} x " if claim.quantity else ""
        status = claim.status if claim.polarity == "positive" else f"not {claim.status}"
        speaker = (
            f"{escape(claim.speaker)} ({claim.speaker_type.value})" if claim.speaker else _NONE
        )
        table.add_row(
            row.id,
            row.document_id,
            f"{direction}: {quantity}{escape(claim.item)}",
            status,
            claim.modality.value,
            speaker,
            claim.basis or _NONE,
            f"“{escape(row.text)}”",
        )
    stdout().print(table)
    stdout().print(f"{len(rows)} mentions")


def extract_report(report: ExtractReport, *, as_json: bool) -> None:
    """The summary of one extraction run."""
    if as_json:
        emit_json({**jsonable(report), "parsed_share": report.parsed_share})
        return
    for document_id, why in report.failures:
        error_message(f"{document_id}: extraction failed: {why}")
    stdout().print(
        f"extracted {report.mentions} mentions from {report.documents} documents "
        f"({report.current} already current); parsed {report.parsed} of "
        f"{report.sentences} sentences ({report.parsed_share:.0%})"
    )
