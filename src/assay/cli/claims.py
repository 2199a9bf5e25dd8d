"""Commands for claims: extract mentions, match them into claims, list and show them."""

from __future__ import annotations

from typing import Annotated

import typer

from assay.cli import EXIT_BAD_INPUT, app, render_claims, render_mentions
from assay.cli.options import DEFAULT_PROJECT, JsonFlag, ProjectPath
from assay.cli.progress_bar import RichProgress
from assay.cli.render import stderr
from assay.project import Project


@app.command()
def extract(
    document_ids: Annotated[
        list[str] | None, typer.Argument(help="Documents to extract (default: all that need it).")
    ] = None,
    project_path: ProjectPath = DEFAULT_PROJECT,
    force: Annotated[
        bool, typer.Option("--force", help="Extract again even where nothing changed.")
    ] = False,
    jobs: Annotated[int | None, typer.Option(help="Worker processes (0: one per core).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Find arms-transfer claim mentions in documents (`add` already does this).

    Only documents whose text, pack or extractor changed are read again.

    Example: assay extract D12 --force
    """
    with Project.open(project_path, overrides={"jobs": jobs}) as project:
        report = project.extract(document_ids or (), RichProgress(stderr()), force=force)
    render_mentions.extract_report(report, as_json=as_json)
    if report.failures:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def mentions(
    document_id: Annotated[
        str | None, typer.Argument(help="Only this document's mentions, such as D12.")
    ] = None,
    project_path: ProjectPath = DEFAULT_PROJECT,
    as_json: JsonFlag = False,
) -> None:
    """List claim mentions with modality, attribution and evidence basis.

    Example: assay mentions D12 --json
    """
    with Project.open(project_path) as project:
        rows = project.mentions(document_id)
    render_mentions.mentions(rows, as_json=as_json)


@app.command(name="match")
def match_command(
    project_path: ProjectPath = DEFAULT_PROJECT,
    force: Annotated[
        bool, typer.Option("--force", help="Read every stance again even where nothing changed.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Group mentions into claims, link related claims, read stances (`add` does this).

    Only stances whose claim, document text, mentions or model changed are read again.

    Example: assay match --force
    """
    with Project.open(project_path) as project:
        report = project.match(RichProgress(stderr()), force=force)
    render_claims.match_report(report, as_json=as_json)
    if report.failures:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def claims(project_path: ProjectPath = DEFAULT_PROJECT, as_json: JsonFlag = False) -> None:
    """List claims with their number of documents and how the documents stand.

    A document supports a claim it carries (in its own voice or relaying sources it
    does not dispute, hedged or not), refutes one it denies or finds baseless, and
    discusses one it only raises. Stances count every document read against the claim:
    those stating it and those stating a linked claim. `assay show C12` shows every
    mention behind a claim.

    Example: assay claims --json
    """
    with Project.open(project_path) as project:
        rows = project.claims()
    render_claims.claims(rows, as_json=as_json)
