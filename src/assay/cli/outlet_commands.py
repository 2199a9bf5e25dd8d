"""Commands for outlets: list them, grade one, import kinds and grades from a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assay.cli import EXIT_BAD_INPUT, app, render
from assay.cli.options import DEFAULT_PROJECT, JsonFlag, ProjectPath
from assay.pipeline.outlet_grading import GradeRequest
from assay.project import Project

outlets_app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(outlets_app, name="outlets")


@outlets_app.callback()
def outlets(
    ctx: typer.Context, project_path: ProjectPath = DEFAULT_PROJECT, as_json: JsonFlag = False
) -> None:
    """List outlets with their kind, Admiralty grade, documents and track record.

    An outlet no analyst has graded shows the pack's default grade for its kind
    (F, cannot be judged, when its kind is unknown). The track record counts the
    outlet's documents that took a side on a claim settled with `assay resolve`: right,
    wrong, or pending while the claim is open.

    Example: assay outlets
    """
    if ctx.invoked_subcommand is not None:
        # `assay outlets -p P grade ...`: the folder given before the subcommand counts.
        ctx.obj = {"project": project_path, "json": as_json}
        return
    with Project.open(project_path) as project:
        rows = project.outlets()
        records = project.track_records()
    render.outlets(rows, as_json=as_json, records=records)


def _project(ctx: typer.Context, given: Path) -> Path:
    """The subcommand's folder, or the one given before it (``assay outlets -p P grade``)."""
    before = (ctx.obj or {}).get("project")
    return before if given == DEFAULT_PROJECT and before is not None else given


def _json(ctx: typer.Context, given: bool) -> bool:
    return given or bool((ctx.obj or {}).get("json"))


@outlets_app.command()
def grade(  # noqa: PLR0913, PLR0917 - one parameter per command-line option
    ctx: typer.Context,
    outlet: Annotated[str, typer.Argument(help="The outlet's domain (or name), e.g. reuters.com.")],
    letter: Annotated[str, typer.Argument(metavar="GRADE", help="Admiralty reliability, A to F.")],
    note: Annotated[str, typer.Option(help="Why: kept with the grade in its history.")] = "",
    kind: Annotated[
        str | None, typer.Option(help="Also set the outlet's kind (wire, newspaper, ...).")
    ] = None,
    by: Annotated[str, typer.Option(help="Who grades (kept in the history).")] = "analyst",
    project_path: ProjectPath = DEFAULT_PROJECT,
    as_json: JsonFlag = False,
) -> None:
    """Grade an outlet's reliability, A (completely reliable) to F (cannot be judged).

    Every grade is kept with who gave it, when and why; `assay show O3` shows the history.

    Example: assay outlets grade meridianwire.example B --note "wire; corrections published"
    """
    with Project.open(_project(ctx, project_path)) as project:
        given = project.grade_outlet(outlet, GradeRequest(letter, kind, note, by))
    if _json(ctx, as_json):
        render.emit_json(given)
    else:
        render.message(f"graded {outlet} {given.grade}" + (f" ({note})" if note else ""))


@outlets_app.command(name="import")
def import_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A YAML outlet file (see examples/corpus).")],
    by: Annotated[str, typer.Option(help="Who grades (kept in the history).")] = "analyst",
    project_path: ProjectPath = DEFAULT_PROJECT,
    as_json: JsonFlag = False,
) -> None:
    """Record outlets' kinds and grades from a YAML file; bad entries are named and skipped.

    Example: assay outlets import examples/corpus/outlets.yaml
    """
    with Project.open(_project(ctx, project_path)) as project:
        report = project.import_outlets(path, by)
    if _json(ctx, as_json):
        render.emit_json(report)
    else:
        render.message(f"{len(report.graded)} outlets graded, {len(report.kinds_set)} given a kind")
        for domain in report.unknown:
            render.error_message(f"{path}: no outlet {domain!r} in this project")
        for failure in report.failures:
            render.error_message(failure)
    if not report.ok:
        raise typer.Exit(EXIT_BAD_INPUT)
