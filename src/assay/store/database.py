"""Opening the database: an SQLAlchemy engine with the pragmas the store relies on.

For SQLite the store uses WAL (readers never block the writer), foreign keys on, a
busy timeout so a second process waits rather than fails, and ``synchronous=FULL``
because the custody log is evidence: a committed entry must survive a power cut.
The driver's own transaction handling is switched off so that SAVEPOINTs work and
SQLAlchemy issues ``BEGIN`` itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

DATABASE_FILE_NAME = "assay.db"
SQLITE_SYNCHRONOUS = "FULL"


def sqlite_url(project_dir: Path) -> str:
    """The SQLAlchemy URL of a project's embedded database."""
    return f"sqlite:///{(project_dir / DATABASE_FILE_NAME).resolve().as_posix()}"


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def set_pragmas(dbapi_connection: Any, _record: Any) -> None:  # noqa: ANN401 - DB-API objects
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN")


def create_store_engine(url: str, *, busy_timeout_ms: int = 10000) -> Engine:
    """Create the engine for ``url``; SQLite URLs get the pragmas described above."""
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    return engine
