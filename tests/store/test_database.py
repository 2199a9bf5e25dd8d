from pathlib import Path

import pytest
import sqlalchemy as sa

from assay.errors import StoreError
from assay.store import Store
from assay.store.database import SQLITE_SYNCHRONOUS

SYNCHRONOUS_LEVELS = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}


def test_sqlite_store_runs_in_wal_with_foreign_keys_busy_timeout_and_full_sync(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "p", create=True, busy_timeout_ms=4321)
    try:
        with store.engine.connect() as connection:

            def pragma(name: str) -> object:
                return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 4321
            assert SYNCHRONOUS_LEVELS[int(str(pragma("synchronous")))] == SQLITE_SYNCHRONOUS
            assert SQLITE_SYNCHRONOUS == "FULL"
    finally:
        store.close()
    assert (tmp_path / "p" / "assay.db").is_file()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    store = Store(tmp_path / "p", create=True)
    insert = sa.text(
        "INSERT INTO captures (document_id, raw_sha256, source, captured_at, size,"
        " media_type, tool, tool_version, duplicate) VALUES (999, 'x', 's',"
        " '2026-01-01 00:00:00', 1, 'text/plain', 't', '1', 'original')"
    )
    try:
        with pytest.raises(sa.exc.IntegrityError, match="FOREIGN KEY"), store.engine.begin() as c:
            c.execute(insert)
    finally:
        store.close()


def test_opening_a_missing_project_without_create_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no assay project") as info:
        Store(tmp_path / "absent", create=False)
    assert info.value.hint is not None
    assert "assay init" in info.value.hint
    assert not (tmp_path / "absent").exists()


def test_a_file_in_place_of_the_project_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="is a file"):
        Store(target, create=True)
