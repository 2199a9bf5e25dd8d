"""A Rich progress bar that fulfils the core's Progress protocol, drawn on stderr."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class RichProgress:
    """Shows the core's progress as a bar; silent when stderr is not a terminal."""

    def __init__(self, console: Console) -> None:
        """Draw on ``console``."""
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task: TaskID | None = None

    def start(self, description: str, total: int | None) -> None:
        """Show a new bar of ``total`` steps."""
        self._bar.start()
        self._task = self._bar.add_task(description, total=total)

    def advance(self, steps: int = 1) -> None:
        """Move the bar on."""
        if self._task is not None:
            self._bar.advance(self._task, steps)

    def finish(self) -> None:
        """Remove the bar."""
        self._bar.stop()
        self._task = None
