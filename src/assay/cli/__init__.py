"""The ``assay`` command: a thin Typer front end over :class:`assay.Project`.

Errors are translated here, once, for every command: a red ``error:`` line and a
``hint:`` on stderr, and an exit code that says what went wrong.

Exit codes: 0 success; 1 unexpected error; 2 usage or configuration error;
3 bad input (some inputs failed; the rest were added); 4 not found (an unknown ID);
5 store error (missing, locked, newer version, or evidence that fails verification);
130 stopped with Ctrl-C (what was committed stays).
"""

from __future__ import annotations

import os
from typing import Any

import typer
from typer.core import TyperGroup

from assay.errors import AssayError, ConfigError, InputError, NotFoundError, StoreError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_NOT_FOUND = 4
EXIT_STORE = 5
EXIT_INTERRUPTED = 130


def exit_code_for(error: AssayError) -> int:
    """The exit code of an error, by its branch of the error tree."""
    if isinstance(error, InputError):
        return EXIT_BAD_INPUT
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND
    if isinstance(error, StoreError):
        return EXIT_STORE
    if isinstance(error, ConfigError):
        return EXIT_USAGE
    return EXIT_ERROR


class AssayGroup(TyperGroup):
    """The command group that translates AssayError into a message and an exit code."""

    # typer hands every command a typer.Context (a subclass of the type its base names),
    # and the base returns whatever the command returns.
    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]  # noqa: ANN401
        """Run the command; show assay's own errors briefly unless --debug or ASSAY_DEBUG."""
        try:
            return super().invoke(ctx)
        except AssayError as error:
            if ctx.meta.get("assay.debug") or os.environ.get("ASSAY_DEBUG"):
                raise
            from assay.cli.render import error_message  # noqa: PLC0415 - keeps start-up light

            error_message(error.message, error.hint)
            raise typer.Exit(exit_code_for(error)) from None


EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 unexpected error; 2 usage or configuration error; "
    "3 bad input (the other inputs were still added); 4 not found (unknown ID); "
    "5 store error (missing, locked, newer version, or evidence failing verification); "
    "130 stopped with Ctrl-C (what was committed stays)."
)

app = typer.Typer(
    cls=AssayGroup,
    epilog=EXIT_CODES_HELP,
    name="assay",
    help="Weigh the evidence behind claims in the news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for every error."),
) -> None:
    """Weigh the evidence behind claims in the news."""
    ctx.meta["assay.debug"] = debug


def _register_commands() -> None:
    from assay.cli import (  # noqa: PLC0415, F401 - importing registers the commands
        add,
        claims,
        documents,
        fetch_commands,
        outlet_commands,
        project_commands,
    )


_register_commands()


def main() -> None:
    """Entry point of the ``assay`` console script."""
    app()
