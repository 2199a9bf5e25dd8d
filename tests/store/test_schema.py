from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from assay.errors import StoreVersionError
from assay.store import Store
from assay.store.database import create_store_engine, sqlite_url
from assay.store.schema import (
    _alembic_config,
    current_revision,
    head_revision,
    upgrade_schema,
)
from assay.store.tables import metadata


def test_new_store_is_created_at_the_head_revision(tmp_path: Path) -> None:
    store = Store(tmp_path / "p", create=True)
    try:
        assert current_revision(store.engine) == head_revision()
    finally:
        store.close()


def test_migrated_schema_matches_the_table_metadata(tmp_path: Path) -> None:
    store = Store(tmp_path / "p", create=True)
    try:
        with store.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), metadata)
        assert diff == []
    finally:
        store.close()


def test_store_from_an_older_version_is_upgraded_with_its_data(tmp_path: Path) -> None:
    project = tmp_path / "old"
    project.mkdir()
    engine = create_store_engine(sqlite_url(project))
    upgrade_schema(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO outlets (outlet_key, name, kind, reliability, created_at) "
                "VALUES ('old.example', 'Old Outlet', 'unknown', 'F', :at)"
            ),
            {"at": datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)},
        )
    assert "custody_log" not in sa.inspect(engine).get_table_names()
    engine.dispose()

    store = Store(project, create=False)
    try:
        assert current_revision(store.engine) == head_revision()
        assert "custody_log" in sa.inspect(store.engine).get_table_names()
        with store.transaction() as repo:
            outlets = repo.list_outlets()
        assert [(o.name, o.domain) for o, _ in outlets] == [("Old Outlet", None)]
    finally:
        store.close()


def test_store_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    store = Store(tmp_path / "p", create=True)
    with store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    before = (tmp_path / "p" / "assay.db").read_bytes()
    with pytest.raises(StoreVersionError, match="newer assay") as info:
        Store(tmp_path / "p", create=False)
    assert info.value.hint is not None
    assert "upgrade assay" in info.value.hint
    engine = create_store_engine(sqlite_url(tmp_path / "p"))
    assert current_revision(engine) == "9999"
    engine.dispose()
    assert len(before) > 0


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "foreign"
    project.mkdir()
    engine = sa.create_engine(sqlite_url(project))
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(StoreVersionError, match="not an assay store"):
        Store(project, create=False)


def test_every_revision_can_be_undone_and_redone(tmp_path: Path) -> None:
    project = tmp_path / "p"
    Store(project, create=True).close()
    engine = create_store_engine(sqlite_url(project))
    try:
        with engine.begin() as connection:
            command.downgrade(_alembic_config(connection), "base")
        assert set(sa.inspect(engine).get_table_names()) == {"alembic_version"}
        upgrade_schema(engine)
        assert current_revision(engine) == head_revision()
        assert {"documents", "custody_log"} <= set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
