"""Pages built to exhaust a parser cost one recorded failure each, never the batch."""

from pathlib import Path

from tests.conftest import write_page

import assay
from assay.errors import ReasonCode
from assay.ingest.parsing import MAX_TEXT_CHARS


def hostile(folder: Path) -> dict[str, Path]:
    pages = {
        "rows.html": "<table>" + "<tr><td>cell</td><td>more</td></tr>" * 200_000 + "</table>",
        "paragraphs.html": "<p>Paragraph text here.</p>" * 300_000,
        "nested.html": "<div>" * 100_000 + "deep text" + "</div>" * 100_000,
    }
    paths = {}
    for name, body in pages.items():
        path = folder / name
        path.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
        paths[name] = path
    return paths


def test_hostile_pages_are_refused_with_reasons_while_the_batch_goes_on(
    project_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    paths = hostile(folder)
    normal = write_page(folder, "normal.html")
    overrides = {"parse_timeout_s": 2, "parse_memory_mb": 128, "jobs": 2}
    with assay.Project.open(project_dir, create=True, overrides=overrides) as project:
        report = project.add([*paths.values(), normal])
        assert [a.source for a in report.added] == [str(normal)]
        reasons = {Path(f.source).name: f.reason for f in report.failures}
        assert reasons["paragraphs.html"] in {ReasonCode.TIMEOUT, ReasonCode.MEMORY_LIMIT}
        assert reasons["rows.html"] in {ReasonCode.TIMEOUT, ReasonCode.MEMORY_LIMIT}
        assert reasons["nested.html"] is ReasonCode.LIMIT_REACHED
        assert len(project.failures()) == 3
        assert project.verify().ok


def test_a_worker_stopped_at_its_deadline_says_so(project_dir: Path, tmp_path: Path) -> None:
    path = hostile(tmp_path)["paragraphs.html"]
    with assay.Project.open(project_dir, create=True, overrides={"parse_timeout_s": 1}) as project:
        report = project.add([path])
    [failure] = report.failures
    assert failure.reason is ReasonCode.TIMEOUT
    assert "longer than the 1 s deadline" in failure.message


def test_a_worker_over_its_memory_cap_says_so(project_dir: Path, tmp_path: Path) -> None:
    path = hostile(tmp_path)["rows.html"]
    overrides = {"parse_memory_mb": 128, "parse_timeout_s": 60}
    with assay.Project.open(project_dir, create=True, overrides=overrides) as project:
        report = project.add([path])
    [failure] = report.failures
    assert failure.reason is ReasonCode.MEMORY_LIMIT
    assert "memory cap of 128 MiB above the worker's start-up size" in failure.message


def test_overlong_main_text_is_truncated_and_the_cut_recorded(
    project: assay.Project, tmp_path: Path
) -> None:
    words = "A sentence of an overlong report. " * (MAX_TEXT_CHARS // 30)
    path = tmp_path / "long.txt"
    path.write_text("Overlong report\n" + words, encoding="utf-8")
    report = project.add([path])
    assert report.truncated == [str(path)]
    document = project.documents()[0]
    assert len(document.text) == MAX_TEXT_CHARS
    derive = [e for e in project.document("D1").custody if e.action.value == "derive"]
    assert int(derive[0].detail["truncated_from_chars"]) > MAX_TEXT_CHARS


def test_a_giant_text_node_is_named_as_beyond_the_parser(
    project: assay.Project, tmp_path: Path
) -> None:
    path = tmp_path / "node.html"
    path.write_text(
        "<html><body><article><p>" + "word " * 2_100_000 + "</p></article></body></html>",
        encoding="utf-8",
    )
    [failure] = project.add([path]).failures
    assert failure.reason is ReasonCode.LIMIT_REACHED
    assert "single text run of 10,500,000 characters" in failure.message


def test_deep_nesting_is_named_as_beyond_the_parser(project: assay.Project, tmp_path: Path) -> None:
    path = hostile(tmp_path)["nested.html"]
    [failure] = project.add([path]).failures
    assert failure.reason is ReasonCode.LIMIT_REACHED
    assert "nested more than 255 deep" in failure.message
