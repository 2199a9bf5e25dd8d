"""Commands about the project itself: init and verify."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assay.cli import EXIT_STORE, app, render
from assay.cli.options import DEFAULT_PROJECT, JsonFlag, ProjectPath
from assay.cli.progress_bar import RichProgress
from assay.project import Project


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the project in.")] = (
        DEFAULT_PROJECT
    ),
) -> None:
    """Create an empty project.

    Example: assay init my-project
    """
    with Project.open(directory, create=True) as project:
        render.message(f"project ready at {project.path}")


@app.command()
def verify(project_path: ProjectPath = DEFAULT_PROJECT, as_json: JsonFlag = False) -> None:
    """Re-hash every archived item and check the custody log.

    Example: assay verify
    """
    with Project.open(project_path) as project:
        report = project.verify(RichProgress(render.stderr()))
    render.verify_report(report, as_json=as_json)
    if not report.ok:
        raise typer.Exit(EXIT_STORE)


@app.command()
def packs(project_path: ProjectPath = DEFAULT_PROJECT, as_json: JsonFlag = False) -> None:
    """List the domain packs in use, with their versions and content hashes.

    Example: assay packs --json
    """
    with Project.open(project_path, create=True) as project:
        rows = project.packs()
    render.packs(rows, as_json=as_json)
