"""Commands that list and show records: documents, failures, show."""

from __future__ import annotations

from typing import Annotated

import typer

from assay.cli import app, render, render_claims
from assay.cli.options import DEFAULT_PROJECT, JsonFlag, ProjectPath
from assay.project import Project
from assay.records import ClaimDetail, DocumentDetail


@app.command()
def documents(project_path: ProjectPath = DEFAULT_PROJECT, as_json: JsonFlag = False) -> None:
    """List documents with outlet, date and title.

    Example: assay documents --json
    """
    with Project.open(project_path) as project:
        rows = project.documents()
    render.documents(rows, as_json=as_json)


@app.command()
def failures(project_path: ProjectPath = DEFAULT_PROJECT, as_json: JsonFlag = False) -> None:
    """List inputs that failed to become documents, with reasons.

    Example: assay failures
    """
    with Project.open(project_path) as project:
        rows = project.failures()
    render.failures(rows, as_json=as_json)


@app.command()
def show(
    record_id: Annotated[
        str, typer.Argument(help="A document, outlet or claim ID, such as D12, O3 or C7.")
    ],
    project_path: ProjectPath = DEFAULT_PROJECT,
    full_text: Annotated[bool, typer.Option("--text", help="Print the whole main text.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Show one document (captures, custody), outlet, or claim (mentions, stances).

    Example: assay show C7
    """
    with Project.open(project_path) as project:
        detail = project.show(record_id)
    if isinstance(detail, DocumentDetail):
        render.document_detail(detail, as_json=as_json, full_text=full_text)
    elif isinstance(detail, ClaimDetail):
        render_claims.claim_detail(detail, as_json=as_json)
    else:
        render.outlet_detail(detail, as_json=as_json)
