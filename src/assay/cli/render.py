"""Rendering records for people (Rich tables on stdout) or scripts (``--json``).

Messages and errors go to stderr so that stdout carries only data.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from assay.packs import Pack
from assay.records import (
    Document,
    DocumentDetail,
    IngestFailure,
    IngestReport,
    Outlet,
    OutletDetail,
    RefetchReport,
    TrackRecord,
    VerifyReport,
)

_PREVIEW_CHARS = 600


@cache
def stdout() -> Console:
    """The console for data."""
    return Console(highlight=False, soft_wrap=True)


@cache
def stderr() -> Console:
    """The console for messages, errors and progress."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def jsonable(value: object) -> Any:  # noqa: ANN401 - JSON values are any shape
    """Turn records (with their readable ``id``), enums and times into JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        identifier = getattr(value, "id", None)
        if isinstance(identifier, str):
            data = {"id": identifier, **data}
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    return value


def emit_json(value: object) -> None:
    """Write ``value`` as indented JSON to stdout."""
    typer.echo(json.dumps(jsonable(value), indent=2, ensure_ascii=False))


def message(text: str) -> None:
    """A note for the user, on stderr."""
    stderr().print(escape(text))


def error_message(text: str, hint: str | None = None) -> None:
    """A red ``error:`` line and an optional ``hint:`` line, on stderr."""
    stderr().print(f"[bold red]error:[/] {escape(text)}")
    if hint:
        stderr().print(f"[yellow]hint:[/] {escape(hint)}")


def _outlet_name(outlet: Outlet | None) -> str:
    return outlet.name if outlet else "-"


def documents(rows: list[Document], *, as_json: bool) -> None:
    """The document list."""
    if as_json:
        emit_json([_document_summary(doc) for doc in rows])
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("ID", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Outlet", no_wrap=True, max_width=24)
    table.add_column("Title", ratio=1)
    table.add_column("Copies", justify="right")
    table.add_column("Family", no_wrap=True)
    for doc in rows:
        table.add_row(
            doc.id,
            (doc.published or "-")[:10],
            escape(_outlet_name(doc.outlet)),
            escape(doc.title or "(untitled)"),
            str(doc.captures),
            doc.family or "-",
        )
    stdout().print(table)
    stdout().print(f"{len(rows)} documents")


def _document_summary(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = jsonable(doc)
    data["text_chars"] = len(doc.text)
    del data["text"]
    return data


def document_detail(detail: DocumentDetail, *, as_json: bool, full_text: bool) -> None:
    """One document: metadata, captures, custody and its text."""
    doc = detail.document
    if as_json:
        emit_json(detail)
        return
    out = stdout()
    out.print(f"[bold]{doc.id}[/]  {escape(doc.title or '(untitled)')}")
    fields = {
        "outlet": f"{_outlet_name(doc.outlet)} ({doc.outlet.id})" if doc.outlet else "-",
        "url": doc.url or "-",
        "author": doc.author or "-",
        "published": doc.published or "-",
        "language": doc.language or "-",
        "media type": doc.media_type,
        "family": doc.family or "-",
        "raw sha256": doc.raw_sha256,
        "text sha256": doc.text_sha256,
    }
    for name, value in fields.items():
        out.print(f"  [dim]{name:>12}[/]  {escape(value)}")
    captures = Table(
        "Captured (UTC)", "Source", "Origin", "Link", "Bytes", "Tool", title="Captures"
    )
    for capture in detail.captures:
        hops = "".join(f"\n  ↳ {r.status} {escape(r.url)}" for r in capture.redirects)
        final = (
            f"\n  = {escape(capture.final_url)}" if capture.redirects and capture.final_url else ""
        )
        captures.add_row(
            capture.captured_at.strftime("%Y-%m-%d %H:%M:%S"),
            escape(capture.source) + hops + final,
            capture.origin.value,
            capture.duplicate.value,
            f"{capture.size:,}",
            f"{capture.tool} {capture.tool_version}",
        )
    out.print(captures)
    _versions(detail)
    if detail.near_duplicates:
        near = ", ".join(f"{n.id} ({n.similarity:.2f})" for n in detail.near_duplicates)
        out.print(f"[bold]Near-duplicates[/] ({doc.family}): {near}")
    custody = Table("#", "At (UTC)", "Action", "Detail", title="Custody")
    for event in detail.custody:
        summary = ", ".join(f"{k}={v}" for k, v in sorted(event.detail.items()))
        custody.add_row(
            str(event.key),
            event.at.strftime("%Y-%m-%d %H:%M:%S"),
            event.action.value,
            escape(summary),
        )
    out.print(custody)
    text = (
        doc.text
        if full_text or len(doc.text) <= _PREVIEW_CHARS
        else (doc.text[:_PREVIEW_CHARS] + f" … ({len(doc.text):,} characters; --text for all)")
    )
    out.print(escape(text))


def _versions(detail: DocumentDetail) -> None:
    table = Table("Version", "Captured (UTC)", "Text sha256", "Hedging changed", title="Versions")
    table.add_row(
        "1",
        detail.captures[0].captured_at.strftime("%Y-%m-%d %H:%M:%S"),
        detail.document.text_sha256[:16],
        "-",
    )
    for version in detail.versions:
        change = ", ".join(
            [f"+{cue}" for cue in version.added_cues] + [f"-{cue}" for cue in version.removed_cues]
        )
        table.add_row(
            str(version.number),
            version.captured_at.strftime("%Y-%m-%d %H:%M:%S"),
            version.text_sha256[:16],
            f"[yellow]{escape(change)}[/]" if change else "none",
        )
    stdout().print(table)


def outlets(
    rows: list[tuple[Outlet, int]],
    *,
    as_json: bool,
    records: Mapping[int, TrackRecord] | None = None,
) -> None:
    """The outlet list, with each outlet's track record on settled claims."""
    found = records or {}
    if as_json:
        emit_json(
            [
                {
                    **jsonable(outlet),
                    "documents": count,
                    "record": jsonable(found.get(outlet.key, TrackRecord(outlet.key))),
                }
                for outlet, count in rows
            ]
        )
        return
    table = Table("ID", "Name", "Domain", "Kind", "Grade", "Documents", "Right/wrong/pending")
    for outlet, count in rows:
        record = found.get(outlet.key, TrackRecord(outlet.key))
        table.add_row(
            outlet.id,
            escape(outlet.name),
            outlet.domain or "-",
            outlet.kind.value,
            outlet.reliability,
            str(count),
            f"{record.right}/{record.wrong}/{record.pending}",
        )
    stdout().print(table)


def outlet_detail(detail: OutletDetail, *, as_json: bool) -> None:
    """One outlet and its documents."""
    if as_json:
        emit_json(
            {
                "outlet": jsonable(detail.outlet),
                "grades": jsonable(detail.grades),
                "record": jsonable(detail.record),
                "documents": [_document_summary(d) for d in detail.documents],
            }
        )
        return
    outlet = detail.outlet
    stdout().print(
        f"[bold]{outlet.id}[/]  {escape(outlet.name)}  ({outlet.domain or 'no domain'}; "
        f"kind {outlet.kind.value}; reliability {outlet.reliability})"
    )
    for grade in detail.grades:
        stdout().print(
            f"  graded {grade.grade} on {grade.at:%Y-%m-%d %H:%M} by {escape(grade.by)}"
            + (f": {escape(grade.note)}" if grade.note else "")
        )
    if detail.record is not None:
        record = detail.record
        stdout().print(
            f"  track record: {record.right} right, {record.wrong} wrong, {record.pending} pending"
        )
    documents(detail.documents, as_json=False)


def failures(rows: list[IngestFailure], *, as_json: bool) -> None:
    """Recorded ingest failures."""
    if as_json:
        emit_json(rows)
        return
    table = Table("Source", "Reason", "Message")
    for failure in rows:
        table.add_row(escape(failure.source), failure.reason.value, escape(failure.message))
    stdout().print(table)
    stdout().print(f"{len(rows)} failures")


def ingest_report(report: IngestReport, *, as_json: bool) -> None:
    """The summary of one ``add``: counts, then one line per failure."""
    if as_json:
        emit_json(report)
        return
    for failure in report.failures:
        error_message(f"{failure.source}: {failure.message} [{failure.reason.value}]")
    summary = (
        f"added {len(report.added)}, duplicates {len(report.duplicates)}, "
        f"unchanged {len(report.unchanged)}, skipped {len(report.skipped)}, "
        f"failed {len(report.failures)}"
    )
    stdout().print(summary)
    for duplicate in report.duplicates:
        kind = duplicate.duplicate.value
        stdout().print(f"  duplicate ({kind}) of {duplicate.id}: {escape(duplicate.source)}")
    for skipped in report.skipped:
        stdout().print(f"  skipped {escape(skipped.source)}: {escape(skipped.reason)}")
    for source in report.from_feed_content:
        stdout().print(f"  from the feed's own content (page not fetched): {escape(source)}")
    for source in report.truncated:
        stdout().print(f"  main text truncated: {escape(source)}")
    if report.near_duplicate_pairs:
        stdout().print(f"  near-duplicate pairs found: {report.near_duplicate_pairs}")


def packs(rows: list[Pack], *, as_json: bool) -> None:
    """The packs in use."""
    summaries = [
        {
            "name": pack.name,
            "version": pack.version,
            "sha256": pack.sha256,
            "path": str(pack.path),
            "actors": len(pack.gazetteer.actors),
            "weapon_systems": len(pack.catalog.systems),
            "categories": len(pack.catalog.categories),
        }
        for pack in rows
    ]
    if as_json:
        emit_json(summaries)
        return
    table = Table("Pack", "Version", "SHA-256", "Actors", "Systems", "Categories")
    for row in summaries:
        table.add_row(
            str(row["name"]),
            str(row["version"]),
            str(row["sha256"])[:16],
            str(row["actors"]),
            str(row["weapon_systems"]),
            str(row["categories"]),
        )
    stdout().print(table)


def poll_line(poll: int, report: IngestReport) -> None:
    """One line per feed poll of ``watch``."""
    for failure in report.failures:
        error_message(f"{failure.source}: {failure.message} [{failure.reason.value}]")
    stdout().print(
        f"poll {poll}: added {len(report.added)}, already known {len(report.unchanged)}, "
        f"failed {len(report.failures)}"
    )


def refetch_report(report: RefetchReport, *, as_json: bool) -> None:
    """The outcome of ``refetch``: new versions, flagged edits, failures."""
    if as_json:
        emit_json({**jsonable(report), "ok": report.ok})
        return
    for failure in report.failures:
        error_message(f"{failure.source}: {failure.message} [{failure.reason.value}]")
    for version in report.new_versions:
        flag = ""
        if version.flagged:
            cues = [f"+{c}" for c in version.added_cues] + [f"-{c}" for c in version.removed_cues]
            flag = f"  [yellow]hedging/attribution changed: {escape(', '.join(cues))}[/]"
        stdout().print(f"  D{version.document_key} version {version.number}{flag}")
    stdout().print(
        f"refetched {report.checked}: new versions {len(report.new_versions)}, "
        f"unchanged {len(report.unchanged)}, failed {len(report.failures)}"
    )


def verify_report(report: VerifyReport, *, as_json: bool) -> None:
    """The outcome of ``verify``: every damaged item named with its sources."""
    if as_json:
        emit_json({**jsonable(report), "ok": report.ok})
        return
    for problem in report.problems:
        sources = ", ".join(problem.sources)
        error_message(f"archive item {problem.raw_sha256} is {problem.problem} (from {sources})")
    for text in report.custody_problems:
        error_message(text)
    state = "[green]ok[/]" if report.ok else "[red]FAILED[/]"
    stdout().print(
        f"verify {state}: {report.checked} archive items re-hashed, {len(report.problems)} "
        f"damaged; {report.custody_events} custody entries, "
        f"{len(report.custody_problems)} broken; {len(report.unreferenced)} unreferenced"
    )
