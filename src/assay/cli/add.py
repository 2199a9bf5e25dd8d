"""The add command: ingest files, folders, globs, URLs, feeds and web archives."""

from __future__ import annotations

from typing import Annotated

import typer

from assay.cli import EXIT_BAD_INPUT, app, render, render_claims, render_mentions
from assay.cli.options import DEFAULT_PROJECT, IgnoreRobots, JsonFlag, ProjectPath
from assay.cli.progress_bar import RichProgress
from assay.project import Project


@app.command()
def add(  # noqa: PLR0913, PLR0917 - one parameter per command-line option
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, quoted globs, URLs, feeds, OPML, WARCs.")
    ],
    project_path: ProjectPath = DEFAULT_PROJECT,
    jobs: Annotated[int | None, typer.Option(help="Worker processes (0: one per core).")] = None,
    ignore_robots: IgnoreRobots = False,
    extract: Annotated[
        bool,
        typer.Option(
            help="Extract claim mentions from the new documents afterwards, match them into "
            "claims and read each document's stance."
        ),
    ] = True,
    as_json: JsonFlag = False,
) -> None:
    """Add documents, extract their claims and read stances; the project is made if needed.

    Example: assay add reports/ https://example.org/story feeds.opml
    """
    with Project.open(project_path, create=True, overrides={"jobs": jobs}) as project:
        report = project.add(
            inputs, RichProgress(render.stderr()), respect_robots=not ignore_robots
        )
        extraction = project.extract(progress=RichProgress(render.stderr())) if extract else None
        matching = project.match(RichProgress(render.stderr())) if extract else None
    render.ingest_report(report, as_json=as_json)
    if extraction is not None and matching is not None and not as_json:
        render_mentions.extract_report(extraction, as_json=False)
        render_claims.match_report(matching, as_json=False)
    failed = (extraction is not None and extraction.failures) or (
        matching is not None and matching.failures
    )
    if not report.ok or failed:
        raise typer.Exit(EXIT_BAD_INPUT)
