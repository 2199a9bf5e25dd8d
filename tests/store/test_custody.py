from pathlib import Path

import pytest
import sqlalchemy as sa

import assay
from assay.store import check_custody_chain


def test_custody_log_records_add_and_derive_for_each_new_document(
    populated_project: assay.Project,
) -> None:
    with populated_project.store.transaction() as repo:
        events = repo.custody_events()
    actions = [event.action.value for event in events]
    assert actions.count("add") == 3
    assert actions.count("derive") == 3
    assert check_custody_chain(events) == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE custody_log SET action = 'export' WHERE id = 1",
        "DELETE FROM custody_log WHERE id = 1",
    ],
)
def test_store_refuses_to_change_the_custody_log(
    populated_project: assay.Project, statement: str
) -> None:
    with (
        pytest.raises(sa.exc.DatabaseError, match="append-only"),
        populated_project.store.engine.begin() as connection,
    ):
        connection.execute(sa.text(statement))
    with populated_project.store.transaction() as repo:
        assert len(repo.custody_events()) == 6


def test_hash_chain_exposes_an_edit_made_around_the_triggers(
    populated_project: assay.Project,
) -> None:
    with populated_project.store.engine.begin() as connection:
        connection.execute(sa.text("DROP TRIGGER custody_log_no_update"))
        connection.execute(
            sa.text("UPDATE custody_log SET subject_sha256 = :fake WHERE id = 2"),
            {"fake": "0" * 64},
        )
    report = populated_project.verify()
    assert not report.ok
    assert any("entry 2" in problem for problem in report.custody_problems)


def test_verify_names_altered_and_missing_items_with_their_source(
    populated_project: assay.Project, pages: Path
) -> None:
    documents = populated_project.documents()
    altered, missing = documents[0], documents[1]
    archive = populated_project.store.archive
    archive.path_for(altered.raw_sha256).write_bytes(b"changed")
    archive.path_for(missing.raw_sha256).unlink()
    report = populated_project.verify()
    assert not report.ok
    found = {problem.raw_sha256: problem for problem in report.problems}
    assert found[altered.raw_sha256].problem == "altered"
    assert found[missing.raw_sha256].problem == "missing"
    assert found[altered.raw_sha256].sources == [str(pages / "a.html")]
    assert report.checked == 3


def test_verify_of_an_intact_project_is_ok(populated_project: assay.Project) -> None:
    report = populated_project.verify()
    assert report.ok
    assert report.checked == 3
    assert report.custody_events == 6
    assert report.unreferenced == []
