from pathlib import Path

from assay.errors import ReasonCode
from assay.ingest.sources import expand_sources


def test_folders_are_walked_sorted_and_keep_only_document_types(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.html").write_text("x", encoding="utf-8")
    expanded = expand_sources([str(tmp_path)])
    assert expanded.files == [tmp_path / "b.html", tmp_path / "sub" / "a.txt"]
    assert [Path(s.source).name for s in expanded.skipped] == ["notes.yaml"]
    assert expanded.failures == []


def test_globs_are_expanded_and_duplicates_dropped(tmp_path: Path) -> None:
    for name in ("one.html", "two.html", "three.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    expanded = expand_sources([str(tmp_path / "*.html"), str(tmp_path / "one.html")])
    assert [p.name for p in expanded.files] == ["one.html", "two.html"]


def test_a_named_file_is_tried_whatever_its_extension(tmp_path: Path) -> None:
    (tmp_path / "report.dat").write_text("x", encoding="utf-8")
    assert expand_sources([str(tmp_path / "report.dat")]).files == [tmp_path / "report.dat"]


def test_missing_paths_and_empty_globs_are_failures(tmp_path: Path) -> None:
    expanded = expand_sources([str(tmp_path / "absent.html"), str(tmp_path / "*.pdf")])
    assert expanded.files == []
    assert [f.reason for f in expanded.failures] == [ReasonCode.NOT_FOUND, ReasonCode.NOT_FOUND]
    assert "matches no file" in expanded.failures[1].message
