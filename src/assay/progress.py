"""The Progress protocol: how long work reports itself without knowing who is watching.

The core calls these three methods; the CLI passes a Rich bar, the web app a logger,
and tests a :class:`RecordedProgress`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Progress(Protocol):
    """Receives progress of one long task."""

    def start(self, description: str, total: int | None) -> None:
        """A task of ``total`` steps begins (None: the total is not known yet)."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps are done."""

    def finish(self) -> None:
        """The task ended (successfully or not)."""


class NullProgress:
    """Progress that goes nowhere, for callers that do not watch."""

    def start(self, description: str, total: int | None) -> None:
        """Ignore the start."""

    def advance(self, steps: int = 1) -> None:
        """Ignore a step."""

    def finish(self) -> None:
        """Ignore the end."""


@dataclass
class RecordedProgress:
    """Progress that remembers what it was told, for tests."""

    events: list[tuple[str, int | None]] = field(default_factory=list)
    done: int = 0

    def start(self, description: str, total: int | None) -> None:
        """Record the start and its total."""
        self.events.append((description, total))

    def advance(self, steps: int = 1) -> None:
        """Count the steps."""
        self.done += steps

    def finish(self) -> None:
        """Record the end."""
        self.events.append(("finish", self.done))
