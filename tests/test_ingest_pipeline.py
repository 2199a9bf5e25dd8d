"""Adding documents: duplicates linked, idempotent runs, stable IDs, parallel = serial."""

import shutil
from pathlib import Path

from tests.conftest import write_page
from tests.test_bad_input import row_counts

import assay
from assay.records import DuplicateKind


def test_adding_the_same_inputs_twice_changes_nothing(
    populated_project: assay.Project, pages: Path
) -> None:
    before = row_counts(populated_project)
    archive_before = sorted(populated_project.store.archive.iter_digests())
    report = populated_project.add([pages])
    assert report.ok
    assert report.added == []
    assert report.duplicates == []
    assert sorted(Path(s).name for s in report.unchanged) == ["a.html", "b.html", "c.txt"]
    assert row_counts(populated_project) == before
    assert sorted(populated_project.store.archive.iter_digests()) == archive_before


def test_same_bytes_under_another_name_are_linked_not_stored_twice(
    populated_project: assay.Project, pages: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy-of-a.html"
    shutil.copy(pages / "a.html", copy)
    report = populated_project.add([copy])
    assert [(d.id, d.duplicate) for d in report.duplicates] == [("D1", DuplicateKind.SAME_BYTES)]
    assert len(populated_project.documents()) == 3
    detail = populated_project.document("D1")
    assert [c.source for c in detail.captures] == [str(pages / "a.html"), str(copy)]
    assert detail.document.captures == 2


def test_same_text_with_other_page_furniture_is_linked_as_same_text(
    populated_project: assay.Project, tmp_path: Path
) -> None:
    restyled = tmp_path / "restyled.html"
    restyled.write_text(
        "<html><head><title>Port authority reports record traffic</title></head><body>"
        "<div id='menu'>Sections: Sport | Culture</div><main><h1>Port authority reports record "
        "traffic</h1><p>Officials from several governments met on Tuesday to discuss a regional "
        "agreement.</p><p>The talks, which lasted most of the day, ended without a joint "
        "statement.</p><p>A spokesperson said further meetings were planned for next month."
        "</p></main></body></html>",
        encoding="utf-8",
    )
    report = populated_project.add([restyled])
    assert [(d.id, d.duplicate) for d in report.duplicates] == [("D1", DuplicateKind.SAME_TEXT)]
    detail = populated_project.document("D1")
    assert detail.captures[1].duplicate is DuplicateKind.SAME_TEXT
    assert populated_project.store.archive.contains(detail.captures[1].raw_sha256)


def test_ids_are_stable_across_runs_and_machines(pages: Path, tmp_path: Path) -> None:
    def build(name: str) -> list[tuple[str, str, str | None]]:
        with assay.open(tmp_path / name, create=True) as project:
            project.add([pages])
            return [
                (d.id, d.raw_sha256, d.outlet.id if d.outlet else None) for d in project.documents()
            ]

    assert build("first") == build("second")


def test_outlets_come_from_the_domain_or_the_site_name(populated_project: assay.Project) -> None:
    outlets = {outlet.name: (outlet.domain, count) for outlet, count in populated_project.outlets()}
    assert outlets == {
        "Harbour Times": ("harbourtimes.example", 1),
        "Capital Ledger": ("capitalledger.example", 1),
        "Farm Desk": (None, 1),
    }
    detail = populated_project.outlet("O1")
    assert [d.id for d in detail.documents] == ["D1"]


def test_documents_carry_their_metadata(populated_project: assay.Project) -> None:
    first, _, note = populated_project.documents()
    assert first.title == "Port authority reports record traffic"
    assert first.author == "Ana Example"
    assert first.published == "2026-03-14T09:30:00Z"
    assert first.language == "en"
    assert first.url == "https://www.harbourtimes.example/news/a"
    assert first.media_type == "text/html"
    assert len(first.raw_sha256) == len(first.text_sha256) == 64
    assert note.title == "Harvest forecast revised"
    assert note.media_type == "text/plain"


def test_parallel_parsing_gives_the_same_store_as_serial(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(40):
        write_page(
            folder,
            f"page-{number:02d}.html",
            title=f"Council approves plan number {number}",
            body=(
                f"The council approved plan number {number} after a long debate.",
                f"Residents said plan {number} would change the harbour district.",
            ),
        )
    results = []
    for jobs in (1, 2):
        with assay.Project.open(
            tmp_path / f"jobs{jobs}", create=True, overrides={"jobs": jobs}
        ) as project:
            report = project.add([folder])
            assert report.ok
            results.append([(d.id, d.text_sha256, d.title) for d in project.documents()])
    assert results[0] == results[1]
    assert len(results[0]) == 40


def test_progress_is_reported_for_every_input(project: assay.Project, pages: Path) -> None:
    progress = assay.RecordedProgress()
    project.add([pages], progress)
    assert progress.events == [("Adding documents", 3), ("finish", 3)]
