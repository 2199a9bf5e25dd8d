"""Refetching changed pages into versions, and near-duplicate families."""

from pathlib import Path

from tests.canned_web import CannedWeb
from tests.conftest import PAGE, write_page

import assay
from assay.ingest.near_duplicates import families, find_similar, signatures
from assay.records import DuplicateKind


def story(paragraphs: str, related: str = "Markets close higher") -> str:
    page = PAGE.format(
        title="Ministry comments on shipment",
        site="Harbour Times",
        domain="harbourtimes.example",
        author="Ana Example",
        published="2026-03-14T09:30:00Z",
        slug="shipment",
        paragraphs=paragraphs,
    )
    return page.replace("Markets close higher", related)


FIRST = (
    "<p>A shipment of equipment arrived at the port on Monday, officials said.</p>"
    "<p>The ministry declined to comment on the cargo.</p>"
)
HEDGED = (
    "<p>A shipment of equipment reportedly arrived at the port on Monday, according to "
    "unnamed sources.</p><p>The ministry declined to comment on the cargo.</p>"
)


def test_a_changed_page_becomes_a_flagged_version(
    project: assay.Project, canned_web: CannedWeb
) -> None:
    url = canned_web.route("/shipment", story(FIRST))
    project.add([url])
    canned_web.route("/shipment", story(HEDGED))
    report = project.refetch()
    assert report.ok, report.failures
    assert report.checked == 1
    [version] = report.new_versions
    assert version.number == 2
    assert set(version.added_cues) == {"reportedly", "according to"}
    assert "officials said" in version.removed_cues
    assert "+A shipment of equipment reportedly arrived" in version.diff
    detail = project.document("D1")
    assert [v.number for v in detail.versions] == [2]
    assert detail.document.versions == 2
    assert detail.captures[-1].duplicate is DuplicateKind.NEW_VERSION
    assert "officials said" in detail.document.text  # the first capture's text is kept


def test_an_unchanged_page_and_a_furniture_change_make_no_version(
    project: assay.Project, canned_web: CannedWeb
) -> None:
    url = canned_web.route("/shipment", story(FIRST))
    project.add([url])
    assert project.refetch().unchanged == [url]
    canned_web.route("/shipment", story(FIRST, related="Storm warning for the coast"))
    report = project.refetch(["D1"])
    assert report.new_versions == []
    assert report.unchanged == [url]
    captures = project.document("D1").captures
    assert [c.duplicate for c in captures] == [DuplicateKind.ORIGINAL, DuplicateKind.SAME_TEXT]


def test_a_refetch_that_fails_is_recorded(project: assay.Project, canned_web: CannedWeb) -> None:
    url = canned_web.route("/shipment", story(FIRST))
    project.add([url])
    canned_web.routes.pop("/shipment")
    report = project.refetch()
    assert not report.ok
    assert report.failures[0].source == url


def test_near_copies_form_a_family_and_unrelated_pages_do_not(
    project: assay.Project, tmp_path: Path
) -> None:
    body = (
        "Officials confirmed on Tuesday that a cargo ship carrying industrial equipment docked "
        "at the northern port after a three day voyage across the sea.",
        "The harbour authority said inspections were routine and that the vessel would leave "
        "once unloading was complete later this week.",
        "Local traders welcomed the arrival, saying supplies had been short since the winter "
        "storms closed the route for almost a month.",
    )
    write_page(tmp_path, "original.html", title="Cargo ship docks at northern port", body=body)
    changed = tuple(
        text.replace("Tuesday", "Wednesday").replace("routine", "normal") for text in body
    )
    write_page(
        tmp_path,
        "copy.html",
        title="Cargo vessel docks at northern port",
        body=changed,
        site="Clickbait Daily",
        domain="clickbaitdaily.example",
    )
    write_page(
        tmp_path,
        "other.html",
        title="Library opens new wing",
        body=(
            "The city library opened a new wing for children on Saturday.",
            "Volunteers read stories to visitors throughout the afternoon.",
        ),
    )
    report = project.add([tmp_path])
    assert report.near_duplicate_pairs == 1
    copy, original, other = project.documents()  # in file-name order
    assert {copy.family, original.family} == {"F1"}
    assert other.family is None
    near = project.document("D1").near_duplicates
    assert [(n.id, n.similarity > 0.5) for n in near] == [("D2", True)]


def test_minhash_families_on_generated_rewrites() -> None:
    words = [f"word{n}" for n in range(2000)]
    base = " ".join(words[(n * 7) % 2000] for n in range(600))
    rewrite = base.split()
    for position in range(0, 600, 10):  # 10 % of the words changed
        rewrite[position] = "changed"
    texts = [base, " ".join(rewrite), " ".join(reversed(words[:600]))]
    signed = signatures(texts)
    pairs = find_similar({}, dict(enumerate(signed)))
    assert [(p.first, p.second) for p in pairs] == [(0, 1)]
    assert families([(0, 1), (5, 1), (7, 8)]) == {0: 0, 1: 0, 5: 0, 7: 7, 8: 7}
