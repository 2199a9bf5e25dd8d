"""The project store: the database, its schema and the evidence archive.

A project is a folder holding ``assay.db`` (SQLite in WAL mode) and ``archive/``
(raw bytes by SHA-256). :class:`Store` opens both and hands out one
:class:`Repository` per transaction; nothing else in assay opens the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from assay.errors import StoreError, StoreLockedError
from assay.records import CustodyEvent
from assay.store.archive import Archive, sha256_hex
from assay.store.database import DATABASE_FILE_NAME, create_store_engine, sqlite_url
from assay.store.repository import GENESIS_HASH, Repository, custody_entry_hash
from assay.store.schema import ensure_schema

__all__ = ["Archive", "Repository", "Store", "check_custody_chain", "sha256_hex"]

ARCHIVE_DIR_NAME = "archive"


def is_project_dir(path: Path) -> bool:
    """True when ``path`` holds an assay database."""
    return (path / DATABASE_FILE_NAME).is_file()


class Store:
    """The database and archive of one project folder."""

    def __init__(self, project_dir: Path, *, create: bool, busy_timeout_ms: int = 10000) -> None:
        """Open the store in ``project_dir``; with ``create`` make it first if absent."""
        self.project_dir = project_dir
        if not is_project_dir(project_dir):
            if not create:
                raise StoreError(
                    f"no assay project at {project_dir}",
                    hint=f"create one with `assay init {project_dir}` or add documents to it "
                    "with `assay add`",
                )
            if project_dir.exists() and not project_dir.is_dir():
                raise StoreError(f"{project_dir} is a file, not a project folder")
            project_dir.mkdir(parents=True, exist_ok=True)
        self.archive = Archive(project_dir / ARCHIVE_DIR_NAME)
        self.engine = create_store_engine(sqlite_url(project_dir), busy_timeout_ms=busy_timeout_ms)
        try:
            ensure_schema(self.engine, str(project_dir / DATABASE_FILE_NAME))
        except OperationalError as exc:
            self.engine.dispose()
            raise _store_error(exc, project_dir) from exc
        except BaseException:
            self.engine.dispose()
            raise

    @contextmanager
    def transaction(self) -> Iterator[Repository]:
        """A repository inside one transaction: committed on success, rolled back on error."""
        try:
            with self.engine.begin() as connection:
                yield Repository(connection)
        except OperationalError as exc:
            raise _store_error(exc, self.project_dir) from exc

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def _store_error(exc: SQLAlchemyError, project_dir: Path) -> StoreError:
    text = str(exc.orig if isinstance(exc, OperationalError) else exc)
    if "locked" in text or "busy" in text:
        return StoreLockedError(
            f"{project_dir}: the store is locked by another process ({text})",
            hint="wait for the other assay command to finish, or raise ASSAY_BUSY_TIMEOUT_MS",
        )
    return StoreError(f"{project_dir}: the store could not be used: {text}")


def check_custody_chain(events: list[CustodyEvent]) -> list[str]:
    """Problems with the custody chain: an entry whose hash or link does not match."""
    problems = []
    prev_hash = GENESIS_HASH
    for event in events:
        if event.prev_hash != prev_hash:
            problems.append(
                f"custody entry {event.key}: links to {event.prev_hash[:12]}, "
                f"but the entry before it hashes to {prev_hash[:12]} (an entry was removed or "
                "changed)"
            )
        expected = custody_entry_hash(event.prev_hash, event)
        if expected != event.entry_hash:
            problems.append(f"custody entry {event.key}: its content no longer matches its hash")
        prev_hash = event.entry_hash
    return problems
