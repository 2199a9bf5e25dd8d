"""Rendering canonical claims, their documents' stances and matching runs (or ``--json``)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.markup import escape
from rich.table import Table

from assay.cli.render import emit_json, error_message, jsonable, stdout
from assay.cli.render_mentions import mention_summary
from assay.records import (
    Claim,
    ClaimDetail,
    ClaimDocument,
    ClaimSummary,
    MatchReport,
    RelatedClaim,
    Stance,
)

_NONE = "—"
STANCE_STYLE = {
    Stance.SUPPORTS: "green",
    Stance.REFUTES: "red",
    Stance.DISCUSSES: "yellow",
    Stance.UNRELATED: "dim",
}
_LINK_WORDS = {
    ("stage", True): "same transfer, another stage:",
    ("stage", False): "same transfer, another stage:",
    ("refines", True): "names a system of",
    ("refines", False): "is refined by",
    ("names_party", True): "names a party left unknown in",
    ("names_party", False): "is given a party by",
}


def _claim_json(claim: Claim) -> dict[str, Any]:
    data: dict[str, Any] = jsonable(claim)
    del data["key"]
    return data


def claim_summary(summary: ClaimSummary) -> dict[str, Any]:
    """A claim and its counts as JSON."""
    return {
        **_claim_json(summary.claim),
        "documents": summary.documents,
        "mentions": summary.mentions,
        "stances": {stance.value: summary.stances.get(stance, 0) for stance in Stance},
        "first_published": summary.first_published,
    }


def _stance_cell(stance: Stance, text: str | None = None) -> str:
    return f"[{STANCE_STYLE[stance]}]{escape(text or stance.value)}[/]"


def claims(rows: list[ClaimSummary], *, as_json: bool) -> None:
    """One row per claim: what is claimed, how many documents state it, how they stand."""
    if as_json:
        emit_json([claim_summary(row) for row in rows])
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("ID")
    table.add_column("Claim", overflow="fold", min_width=24)
    for column in ("Docs", "Sup", "Ref", "Disc"):
        table.add_column(column, justify="right")
    table.add_column("First")
    for row in rows:
        table.add_row(
            row.claim.id,
            escape(row.claim.text),
            str(row.documents),
            _stance_cell(Stance.SUPPORTS, str(row.stances.get(Stance.SUPPORTS, 0))),
            _stance_cell(Stance.REFUTES, str(row.stances.get(Stance.REFUTES, 0))),
            _stance_cell(Stance.DISCUSSES, str(row.stances.get(Stance.DISCUSSES, 0))),
            (row.first_published or _NONE)[:10],
        )
    stdout().print(table)
    stdout().print(
        f"{len(rows)} claims. Docs: documents stating the claim. Sup/Ref/Disc: documents "
        "supporting, refuting or discussing it, those stating a linked claim included."
    )


def _document_json(row: ClaimDocument) -> dict[str, Any]:
    document = row.document
    stance: dict[str, Any] = jsonable(row.stance)
    for key in ("document_key", "claim_key"):
        del stance[key]
    return {
        "document": document.id,
        "title": document.title,
        "url": document.url,
        "outlet": document.outlet.name if document.outlet else None,
        "outlet_id": document.outlet.id if document.outlet else None,
        "published": document.published,
        "stance": stance,
        "mentions": [mention_summary(m) for m in row.mentions],
    }


def _related_json(link: RelatedClaim) -> dict[str, Any]:
    return {"kind": link.kind, "outgoing": link.outgoing, "claim": _claim_json(link.claim)}


def claim_detail(detail: ClaimDetail, *, as_json: bool) -> None:
    """One claim: every mention with its document, outlet, date, stance and modality."""
    if as_json:
        emit_json(
            {
                **claim_summary(detail.summary),
                "documents_bearing": [_document_json(row) for row in detail.documents],
                "related": [_related_json(link) for link in detail.related],
            }
        )
        return
    summary = detail.summary
    claim = summary.claim
    console = stdout()
    console.print(f"[bold]{claim.id}[/]  {escape(claim.text)}")
    console.print(
        f"supplier {claim.supplier or '?'} → recipient {claim.recipient or '?'}; "
        f"item {escape(claim.item)}; stage {claim.stage}; stated in {summary.documents} "
        f"documents ({summary.mentions} mentions); first published "
        f"{summary.first_published or 'unknown'}"
    )
    console.print(
        "stances: "
        + ", ".join(
            _stance_cell(stance, f"{summary.stances.get(stance, 0)} {stance.value}")
            for stance in Stance
        )
    )
    _mention_table(detail)
    _text_table(detail)
    for link in detail.related:
        words = _LINK_WORDS.get((link.kind, link.outgoing), link.kind)
        console.print(f"  {words} {link.claim.id} {escape(link.claim.text)}")


def _mention_table(detail: ClaimDetail) -> None:
    """Mentions grouped by document; a document's outlet, date and stance on its first row."""
    table = Table(box=box.SIMPLE_HEAD, title="Mentions, oldest document first")
    for column in ("Mention", "Doc"):
        table.add_column(column, no_wrap=True)
    table.add_column("Outlet", overflow="fold", min_width=10, max_width=16)
    for column in ("Date", "Stance", "Modality"):
        table.add_column(column, no_wrap=True)
    table.add_column("Said by", overflow="fold", min_width=8, max_width=18)
    table.add_column("Words", overflow="fold", min_width=16)
    for row in detail.documents:
        document, reading = row.document, row.stance
        for index, mention in enumerate(row.mentions):
            said = mention.claim
            first = index == 0
            outlet = document.outlet.name if document.outlet else _NONE
            table.add_row(
                mention.id,
                document.id if first else "",
                escape(outlet) if first else "",
                (document.published or _NONE)[:10] if first else "",
                _stance_cell(reading.stance, f"{reading.stance.value} {reading.score:.2f}")
                if first
                else "",
                said.modality.value if said.polarity == "positive" else "denied",
                escape(f"{said.speaker} ({said.speaker_type})") if said.speaker else _NONE,
                f"“{escape(mention.text)}”",
            )
    stdout().print(table)


def _text_table(detail: ClaimDetail) -> None:
    rows = [row for row in detail.documents if not row.mentions]
    if not rows:
        return
    table = Table(box=box.SIMPLE_HEAD, title="Documents stating only related claims (model)")
    for column in ("Doc", "Outlet", "Published", "Stance", "Title"):
        table.add_column(column, overflow="fold")
    for row in rows:
        document, reading = row.document, row.stance
        table.add_row(
            document.id,
            escape(document.outlet.name) if document.outlet else _NONE,
            (document.published or _NONE)[:10],
            _stance_cell(reading.stance, f"{reading.stance.value} {reading.score:.2f}"),
            escape(document.title or _NONE),
        )
    stdout().print(table)


def match_report(report: MatchReport, *, as_json: bool) -> None:
    """The summary of one matching run."""
    if as_json:
        emit_json(report)
        return
    for where, why in report.failures:
        error_message(f"{where}: stance reading failed: {why}")
    stdout().print(
        f"matched mentions into {report.claims} claims ({report.new_claims} new, "
        f"{report.links} links); read {report.stances} stances ({report.current} already current)"
    )
