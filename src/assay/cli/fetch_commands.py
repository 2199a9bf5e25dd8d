"""Commands that go back to the web: refetch stored URLs, watch feeds."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from assay.cli import EXIT_BAD_INPUT, EXIT_INTERRUPTED, app, render
from assay.cli.options import DEFAULT_PROJECT, IgnoreRobots, JsonFlag, ProjectPath
from assay.cli.progress_bar import RichProgress
from assay.project import Project

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_interval(text: str) -> float:
    """Seconds in an interval such as ``15m``, ``30s``, ``1h`` or ``90``."""
    match = _INTERVAL.match(text)
    seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"] if match else 0.0
    if seconds <= 0:
        raise typer.BadParameter(f"{text!r}: use a positive number with s, m, h or d, such as 15m")
    return seconds


@app.command()
def refetch(
    document_ids: Annotated[
        list[str] | None, typer.Argument(help="Documents to refetch (default: every URL).")
    ] = None,
    project_path: ProjectPath = DEFAULT_PROJECT,
    ignore_robots: IgnoreRobots = False,
    as_json: JsonFlag = False,
) -> None:
    """Fetch stored URLs again; a changed text becomes a new version.

    Example: assay refetch D12 D14
    """
    with Project.open(project_path) as project:
        report = project.refetch(
            document_ids or [], RichProgress(render.stderr()), respect_robots=not ignore_robots
        )
    render.refetch_report(report, as_json=as_json)
    if not report.ok:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs or OPML files to poll.")],
    project_path: ProjectPath = DEFAULT_PROJECT,
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 1h.")] = "15m",
    max_polls: Annotated[int, typer.Option(help="Stop after this many polls (0: never).")] = 0,
    ignore_robots: IgnoreRobots = False,
) -> None:
    """Poll feeds and add their new entries until stopped with Ctrl-C.

    The first Ctrl-C lets the poll in progress finish and commit; a second one stops
    at once, and the batch in flight is rolled back, to be fetched again next time.

    Example: assay watch https://example.org/feed.xml --every 15m
    """
    interval = parse_interval(every)
    stop = StopRequest()
    polls = added = 0
    with stop.installed(), Project.open(project_path, create=True) as project:
        while not stop.requested:
            report = project.add(feeds, respect_robots=not ignore_robots)
            polls += 1
            added += len(report.added)
            render.poll_line(polls, report)
            if max_polls and polls >= max_polls:
                return
            stop.wait(interval)
    render.message(f"stopped after {polls} polls; {added} documents added, all committed")
    raise typer.Exit(EXIT_INTERRUPTED)


class StopRequest:
    """Turns the first SIGINT into a polite request and the second into KeyboardInterrupt."""

    def __init__(self) -> None:
        """No stop requested yet."""
        self._event = threading.Event()

    @property
    def requested(self) -> bool:
        """True once Ctrl-C was pressed."""
        return self._event.is_set()

    def wait(self, seconds: float) -> None:
        """Sleep, waking early if a stop is requested."""
        self._event.wait(seconds)

    def _handle(self, signum: int, frame: object) -> None:
        if self._event.is_set():
            raise KeyboardInterrupt
        self._event.set()
        render.message("stopping after the current poll (Ctrl-C again to stop at once)")

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Handle SIGINT this way inside the block."""
        previous = signal.signal(signal.SIGINT, self._handle)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
