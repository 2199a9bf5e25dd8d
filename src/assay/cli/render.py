"""Rendering records for people (Rich tables on stdout) or scripts (``--json``).

Messages and errors go to stderr so that stdout carries only data.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from assay.records import (
    Document,
    DocumentDetail,
    IngestFailure,
    IngestReport,
    Outlet,
    OutletDetail,
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
    table = Table("ID", "Published", "Outlet", "Title", "Lang", "Chars", "Copies")
    for doc in rows:
        table.add_row(
            doc.id,
            doc.published or "-",
            escape(_outlet_name(doc.outlet)),
            escape(doc.title or "(untitled)"),
            doc.language or "-",
            f"{len(doc.text):,}",
            str(doc.captures),
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
        "raw sha256": doc.raw_sha256,
        "text sha256": doc.text_sha256,
    }
    for name, value in fields.items():
        out.print(f"  [dim]{name:>12}[/]  {escape(value)}")
    captures = Table("Captured (UTC)", "Source", "Link", "Bytes", "Tool", title="Captures")
    for capture in detail.captures:
        captures.add_row(
            capture.captured_at.strftime("%Y-%m-%d %H:%M:%S"),
            escape(capture.final_url or capture.source),
            capture.duplicate.value,
            f"{capture.size:,}",
            f"{capture.tool} {capture.tool_version}",
        )
    out.print(captures)
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


def outlets(rows: list[tuple[Outlet, int]], *, as_json: bool) -> None:
    """The outlet list."""
    if as_json:
        emit_json([{**jsonable(outlet), "documents": count} for outlet, count in rows])
        return
    table = Table("ID", "Name", "Domain", "Kind", "Grade", "Documents")
    for outlet, count in rows:
        table.add_row(
            outlet.id,
            escape(outlet.name),
            outlet.domain or "-",
            outlet.kind.value,
            outlet.reliability,
            str(count),
        )
    stdout().print(table)


def outlet_detail(detail: OutletDetail, *, as_json: bool) -> None:
    """One outlet and its documents."""
    if as_json:
        emit_json(
            {
                "outlet": jsonable(detail.outlet),
                "documents": [_document_summary(d) for d in detail.documents],
            }
        )
        return
    outlet = detail.outlet
    stdout().print(
        f"[bold]{outlet.id}[/]  {escape(outlet.name)}  ({outlet.domain or 'no domain'}; "
        f"kind {outlet.kind.value}; reliability {outlet.reliability})"
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
