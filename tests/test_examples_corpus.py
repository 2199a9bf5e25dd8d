"""The bundled demo corpus ingests cleanly and shows what the demo promises."""

from pathlib import Path

import pytest
import yaml

import assay
from assay.records import DuplicateKind

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


@pytest.fixture(scope="module")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> assay.Project:
    project = assay.open(tmp_path_factory.mktemp("demo") / "project", create=True)
    report = project.add([CORPUS])
    assert report.ok, report.failures
    return project


def manifest() -> list[dict[str, object]]:
    data = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    entries = data["documents"] if isinstance(data, dict) else data
    assert isinstance(entries, list)
    return entries


def test_the_corpus_is_large_and_described_by_its_manifest() -> None:
    documents = sorted(p.name for p in CORPUS.iterdir() if p.suffix in {".html", ".txt"})
    assert len(documents) >= 40
    assert sorted(str(entry["file"]) for entry in manifest()) == documents


def test_every_file_becomes_a_document_except_the_byte_identical_copy(
    demo_project: assay.Project,
) -> None:
    documents = demo_project.documents()
    files = manifest()
    assert len(documents) == len(files) - 1
    copies = [d for d in documents if d.captures == 2]
    assert len(copies) == 1
    detail = demo_project.document(copies[0].id)
    assert [c.duplicate for c in detail.captures] == [
        DuplicateKind.ORIGINAL,
        DuplicateKind.SAME_BYTES,
    ]


def test_pages_keep_their_metadata_and_lose_their_furniture(demo_project: assay.Project) -> None:
    for document in demo_project.documents():
        assert document.title, document.id
        assert document.language == "en", document.id
        assert "cookie" not in document.text.lower()[:200], document.id
        if document.media_type == "text/html":
            assert document.outlet is not None, document.id
            assert document.published, document.id
    outlets = {outlet.domain for outlet, _ in demo_project.outlets() if outlet.domain}
    assert all(domain.endswith(".example") for domain in outlets)
    assert len(outlets) >= 15


def test_publication_times_come_from_the_page_meta_tags(demo_project: assay.Project) -> None:
    by_file = {str(e["file"]): e for e in manifest()}
    checked = 0
    for document in demo_project.documents():
        source = Path(demo_project.document(document.id).captures[0].source).name
        expected = str(by_file[source].get("published", ""))
        if document.media_type == "text/html" and "T" in expected:
            assert document.published is not None
            assert document.published[:16] == expected.replace("+00:00", "Z")[:16], source
            checked += 1
    assert checked >= 30


def test_the_syndicated_and_scraped_copies_form_one_near_duplicate_family(
    demo_project: assay.Project,
) -> None:
    by_file = {}
    for document in demo_project.documents():
        source = Path(demo_project.document(document.id).captures[0].source).name
        by_file[source[:3]] = document
    wire, syndicated, scraped = by_file["016"], by_file["018"], by_file["019"]
    assert wire.family is not None
    assert wire.family == syndicated.family == scraped.family
    unrelated = [d for key, d in by_file.items() if key in {"048", "050"}]
    assert all(d.family is None for d in unrelated)
