"""Commands for claims: extract mentions, match them into claims, list and show them."""

from __future__ import annotations

from typing import Annotated

import typer

from assay.cli import EXIT_BAD_INPUT, app, render, render_assessment, render_claims, render_mentions
from assay.cli.options import DEFAULT_PROJECT, JsonFlag, ProjectPath
from assay.cli.progress_bar import RichProgress
from assay.cli.render import stderr
from assay.project import Project
from assay.records import CONSISTENCY


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


@app.command()
def trace(
    claim_id: Annotated[str, typer.Argument(help="The claim, such as C12.")],
    project_path: ProjectPath = DEFAULT_PROJECT,
    as_json: JsonFlag = False,
) -> None:
    """Draw a claim's independent lines of reporting: each origin and its echoes.

    An echo is joined to its line by the edge that shows it: a near-copy, syndication,
    reused passages, a link, a citation ("according to ..."), or, for a document that
    names no source, the earlier telling it repeats.

    Example: assay trace C12
    """
    with Project.open(project_path) as project:
        found = project.trace(claim_id)
    render_assessment.trace(found, as_json=as_json)


@app.command()
def assess(
    claim_ids: Annotated[
        list[str] | None, typer.Argument(help="Claims to assess (default: every claim).")
    ] = None,
    project_path: ProjectPath = DEFAULT_PROJECT,
    as_json: JsonFlag = False,
) -> None:
    """Assess claims: probability, ICD 203 word, confidence and the lines that drive it.

    Each run is kept in the claim's history, stamped with the method and the pack.
    With one claim, the full account: every line's pull, the probability without it,
    and the evidence that would change the result most.

    Example: assay assess C12
    """
    with Project.open(project_path) as project:
        rows = project.assess(claim_ids or (), RichProgress(stderr()))
        single = len(rows) == 1 and bool(claim_ids)
        history = project.assessments(rows[0].claim.id) if single else []
        settled = project.resolutions(rows[0].claim.id) if single else []
    if single and not as_json:
        render_assessment.assessment_detail(rows[0], history, settled)
    else:
        render_assessment.assessments(rows, as_json=as_json)


@app.command()
def resolve(  # noqa: PLR0913, PLR0917 - one parameter per command-line option
    claim_id: Annotated[str, typer.Argument(help="The claim, such as C12.")],
    verdict: Annotated[str, typer.Argument(help="true or false.")],
    evidence: Annotated[
        str, typer.Option(help="The URL or document that settles it (required).")
    ] = "",
    note: Annotated[str, typer.Option(help="Why, in a sentence (kept).")] = "",
    by: Annotated[str, typer.Option(help="Who settles it (kept).")] = "analyst",
    project_path: ProjectPath = DEFAULT_PROJECT,
    as_json: JsonFlag = False,
) -> None:
    """Settle a claim as true or false; every outlet's track record counts it.

    Resolutions are kept as history; the latest one counts.

    Example: assay resolve C16 true --evidence https://example.org/sanctions-notice
    """
    if verdict.lower() not in ("true", "false"):
        render.error_message(f"verdict must be true or false, got {verdict!r}")
        raise typer.Exit(EXIT_BAD_INPUT)
    with Project.open(project_path) as project:
        settled = project.resolve(claim_id, verdict.lower() == "true", evidence, note=note, by=by)
    if as_json:
        render.emit_json(settled)
    else:
        render.message(f"{claim_id} settled {verdict.lower()} on {settled.evidence}")


@app.command()
def ach(  # noqa: PLR0913, PLR0917 - one parameter per command-line option
    claim_id: Annotated[str, typer.Argument(help="The claim, such as C12.")],
    add_hypothesis: Annotated[
        str | None, typer.Option("--add-hypothesis", help="Add a hypothesis with this label.")
    ] = None,
    set_cell: Annotated[
        str | None,
        typer.Option("--set", help="Override a cell: HYPOTHESIS:DOCUMENT:VALUE, e.g. H2:D16:I."),
    ] = None,
    by: Annotated[str, typer.Option(help="Who changes the matrix (kept).")] = "analyst",
    why: Annotated[str, typer.Option(help="Why (required with --set; kept).")] = "",
    project_path: ProjectPath = DEFAULT_PROJECT,
    as_json: JsonFlag = False,
) -> None:
    """Competing hypotheses for a claim and how each line of evidence fits them (ACH).

    Cells: CC very consistent, C consistent, N neutral, I inconsistent, II very
    inconsistent. Hypotheses are ranked by weighted inconsistency; the least
    inconsistent is marked (none where the lowest score is shared). Added hypotheses and
    overridden cells keep who and why; an added hypothesis starts neutral everywhere.

    Example: assay ach C16 --set H2:D20:I --why "the denial names no evidence"
    """
    parts = set_cell.split(":") if set_cell is not None else []
    # Check --set before anything is written, so a bad one leaves the matrix as it was.
    if set_cell is not None and (
        len(parts) != len(("hypothesis", "document", "value"))
        or parts[2].upper() not in CONSISTENCY
        or not why.strip()
    ):
        render.error_message(
            f"--set takes HYPOTHESIS:DOCUMENT:VALUE with VALUE one of {', '.join(CONSISTENCY)} "
            f"and a reason in --why; got {set_cell!r}"
        )
        raise typer.Exit(EXIT_BAD_INPUT)
    with Project.open(project_path) as project:
        if add_hypothesis is not None:
            project.add_hypothesis(claim_id, add_hypothesis, by=by, note=why)
        if parts:
            project.override_cell(claim_id, *parts, by=by, why=why)
        matrix = project.ach(claim_id)
    render_assessment.ach(matrix, as_json=as_json)
