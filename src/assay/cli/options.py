"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_PROJECT = Path("assay-project")

ProjectPath = Annotated[
    Path,
    typer.Option(
        "--project",
        "-p",
        envvar="ASSAY_PROJECT",
        help="The project folder (a database and an archive).",
        show_default=True,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
IgnoreRobots = Annotated[
    bool,
    typer.Option(
        "--ignore-robots", help="Fetch even where robots.txt disallows it (your own archives)."
    ),
]
