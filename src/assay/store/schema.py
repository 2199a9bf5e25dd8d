"""Bringing a store's schema to the version this assay expects.

A new store is created at the newest revision. A store made by an older assay is
upgraded in place, each revision in its own transaction. A store made by a newer
assay, or a database that is not an assay store, is refused with a message that
says what to do; it is never touched.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from assay.errors import StoreVersionError

SCRIPT_LOCATION = "assay.store:migrations"


def _alembic_config(connection: object | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The schema revision this version of assay writes."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise StoreVersionError("assay ships no store migrations; reinstall assay")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision a store is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine, target: str = "head") -> None:
    """Run migrations up to ``target`` (a revision such as ``"0001"``, or ``"head"``)."""
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), target)


def ensure_schema(engine: Engine, location: str) -> None:
    """Create, upgrade or refuse the store at ``location`` (named in messages)."""
    known = {
        script.revision
        for script in ScriptDirectory.from_config(_alembic_config()).walk_revisions()
    }
    revision = current_revision(engine)
    if revision is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise StoreVersionError(
                f"{location}: this database has tables ({', '.join(sorted(tables)[:3])} ...) "
                "but is not an assay store",
                hint="point --project at an assay project folder, or at an empty one",
            )
    elif revision not in known:
        raise StoreVersionError(
            f"{location}: the store is at schema revision {revision!r}, which this assay "
            f"does not know (it writes {head_revision()!r}); it was made by a newer assay",
            hint="upgrade assay (pip install -U assay) to open this project",
        )
    if revision != head_revision():
        upgrade_schema(engine)
