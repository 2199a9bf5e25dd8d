from pathlib import Path

import assay


def test_all_names_every_public_member_once() -> None:
    public = {name for name in dir(assay) if not name.startswith("_")} - {
        # submodules, present once imported
        "cli",
        "errors",
        "assess",
        "extract",
        "grade",
        "lineage",
        "match",
        "ids",
        "ingest",
        "pipeline",
        "progress",
        "project",
        "project_analysis",
        "records",
        "settings",
        "store",
        "version",
        "packs",
    }
    assert sorted(assay.__all__) == sorted(public | {"__version__"})
    assert len(set(assay.__all__)) == len(assay.__all__)


def test_python_api_gives_the_same_operations_as_the_cli(tmp_path: Path, pages: Path) -> None:
    with assay.open(tmp_path / "p", create=True) as project:
        report = project.add([pages])
        assert report.ok
        assert [doc.id for doc in project.documents()] == ["D1", "D2", "D3"]
        assert project.show("D2").document.title == "Parliament debates a new budget"  # type: ignore[union-attr]
        assert project.verify().ok
