"""The add command: ingest files, folders, globs, URLs, feeds and web archives."""

from __future__ import annotations

from typing import Annotated

import typer

from assay.cli import EXIT_BAD_INPUT, app, render
from assay.cli.options import DEFAULT_PROJECT, IgnoreRobots, JsonFlag, ProjectPath
from assay.cli.progress_bar import RichProgress
from assay.project import Project


@app.command()
def add(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, quoted globs, URLs, feeds, OPML, WARCs.")
    ],
    project_path: ProjectPath = DEFAULT_PROJECT,
    jobs: Annotated[int | None, typer.Option(help="Worker processes (0: one per core).")] = None,
    ignore_robots: IgnoreRobots = False,
    as_json: JsonFlag = False,
) -> None:
    """Add documents; the project is created if needed.

    Example: assay add reports/ https://example.org/story feeds.opml
    """
    with Project.open(project_path, create=True, overrides={"jobs": jobs}) as project:
        report = project.add(
            inputs, RichProgress(render.stderr()), respect_robots=not ignore_robots
        )
    render.ingest_report(report, as_json=as_json)
    if not report.ok:
        raise typer.Exit(EXIT_BAD_INPUT)
