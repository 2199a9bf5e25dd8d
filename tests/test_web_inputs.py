"""URLs, feeds and OPML through the whole ingest, against a real loopback server."""

from pathlib import Path

from tests.canned_web import CannedWeb
from tests.conftest import PAGE

import assay
from assay.errors import ReasonCode
from assay.records import CaptureOrigin, DuplicateKind

ARTICLE = PAGE.format(
    title="Port authority reports record traffic",
    site="Harbour Times",
    domain="harbourtimes.example",
    author="Ana Example",
    published="2026-03-14T09:30:00Z",
    slug="traffic",
    paragraphs="<p>Officials from several governments met on Tuesday to discuss traffic.</p>"
    "<p>The talks ended without a joint statement, a spokesperson said.</p>",
)


def article(title: str, sentence: str) -> str:
    return PAGE.format(
        title=title,
        site="Harbour Times",
        domain="harbourtimes.example",
        author="Ana Example",
        published="2026-03-15T10:00:00Z",
        slug=title.lower().replace(" ", "-"),
        paragraphs=f"<p>{sentence}</p><p>Further details were not given by the ministry.</p>",
    )


def rss(web: CannedWeb, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{web.url(path)}</link>"
        f"<pubDate>Mon, 16 Mar 2026 08:00:00 GMT</pubDate><description>{summary}</description>"
        "</item>"
        for title, path, summary in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour feed</title>'
        f"<link>{web.url('/')}</link>{entries}</channel></rss>"
    )


def test_a_url_becomes_a_document_with_its_redirects(
    project: assay.Project, canned_web: CannedWeb
) -> None:
    canned_web.route("/story", ARTICLE)
    start = canned_web.route("/s/1", status=301, headers={"Location": "/story"})
    report = project.add([start])
    assert report.ok, report.failures
    detail = project.document("D1")
    capture = detail.captures[0]
    assert capture.origin is CaptureOrigin.URL
    assert capture.source == start
    assert capture.final_url == canned_web.url("/story")
    assert [(r.url, r.status) for r in capture.redirects] == [(start, 301)]
    assert capture.http_status == 200
    assert detail.document.outlet is not None
    assert detail.document.outlet.domain == "harbourtimes.example"

    again = project.add([start])
    assert again.unchanged == [start]
    assert len(canned_web.headers_for("/story")) == 1


def test_a_failed_url_is_recorded_and_the_rest_goes_on(
    project: assay.Project, canned_web: CannedWeb, pages: Path
) -> None:
    missing = canned_web.url("/gone")
    report = project.add([pages, missing])
    assert len(report.added) == 3
    assert [(f.source, f.reason) for f in report.failures] == [(missing, ReasonCode.HTTP_ERROR)]
    assert [f.source for f in project.failures()] == [missing]


def test_a_feed_adds_each_entry_and_later_only_the_new_ones(
    project: assay.Project, canned_web: CannedWeb
) -> None:
    canned_web.route("/a", article("Ferry service resumes", "The ferry service resumed on Monday."))
    canned_web.route(
        "/b", article("Bridge repairs finish", "Repairs to the bridge finished early.")
    )
    items = [("Ferry service resumes", "/a", "Ferry"), ("Bridge repairs finish", "/b", "Bridge")]
    feed = canned_web.route("/feed.xml", rss(canned_web, items), content_type="application/rss+xml")
    first = project.add([feed])
    assert first.ok, first.failures
    assert len(first.added) == 2

    canned_web.route("/c", article("Market hall reopens", "The market hall reopened to traders."))
    items.append(("Market hall reopens", "/c", "Market"))
    canned_web.route("/feed.xml", rss(canned_web, items), content_type="application/rss+xml")
    second = project.add([feed])
    assert [a.source for a in second.added] == [canned_web.url("/c")]
    assert len(canned_web.headers_for("/a")) == 1
    titles = [doc.title for doc in project.documents()]
    assert titles == ["Ferry service resumes", "Bridge repairs finish", "Market hall reopens"]


def test_an_entry_whose_page_fails_is_taken_from_the_feed_and_marked(
    project: assay.Project, canned_web: CannedWeb
) -> None:
    summary = "The harbour master said the new berth would open in spring after long delays."
    items = [("New berth planned", "/missing", summary)]
    feed = canned_web.route("/feed.xml", rss(canned_web, items), content_type="application/rss+xml")
    report = project.add([feed])
    assert report.ok, report.failures
    assert report.from_feed_content == [canned_web.url("/missing")]
    detail = project.document("D1")
    assert detail.captures[0].origin is CaptureOrigin.FEED_ITEM
    assert "new berth would open in spring" in detail.document.text
    assert detail.document.title == "New berth planned"
    assert detail.document.published == "2026-03-16T08:00:00Z"


def test_an_atom_feed_and_an_opml_list(
    project: assay.Project, canned_web: CannedWeb, tmp_path: Path
) -> None:
    canned_web.route("/x", article("Rail link approved", "The council approved the rail link."))
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom news</title><entry><title>Rail link approved</title>"
        f'<link href="{canned_web.url("/x")}"/><updated>2026-03-17T09:00:00Z</updated>'
        "<summary>Rail</summary></entry></feed>"
    )
    feed = canned_web.route("/atom.xml", atom, content_type="application/atom+xml")
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        f'<outline text="Atom" type="rss" xmlUrl="{feed}"/></body></opml>',
        encoding="utf-8",
    )
    report = project.add([opml])
    assert report.ok, report.failures
    assert [doc.title for doc in project.documents()] == ["Rail link approved"]


def test_a_feed_with_an_external_entity_is_refused_and_reads_no_file(
    project: assay.Project, canned_web: CannedWeb
) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title>'
        "<description>&xxe;</description></item></channel></rss>"
    )
    feed = canned_web.route("/evil.xml", xxe, content_type="application/rss+xml")
    report = project.add([feed])
    assert [(f.source, f.reason) for f in report.failures] == [(feed, ReasonCode.UNSAFE_XML)]
    assert project.documents() == []


def test_a_billion_laughs_feed_is_refused(project: assay.Project, tmp_path: Path) -> None:
    lol = "".join(
        f'<!ENTITY lol{n} "{"&lol" + str(n - 1) + ";" * 1}' + f'{"&lol" + str(n - 1) + ";" * 9}">'
        for n in range(1, 10)
    )
    laughs = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{lol}]>'
        "<rss><channel><title>&lol9;</title></channel></rss>"
    )
    path = tmp_path / "laughs.xml"
    path.write_text(laughs, encoding="utf-8")
    report = project.add([path])
    assert [f.reason for f in report.failures] == [ReasonCode.UNSAFE_XML]


def test_a_doctype_pointing_at_a_local_file_is_refused(
    project: assay.Project, tmp_path: Path
) -> None:
    path = tmp_path / "doctype.rss"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss version="2.0">'
        "<channel><title>t</title></channel></rss>",
        encoding="utf-8",
    )
    report = project.add([path])
    assert [f.reason for f in report.failures] == [ReasonCode.UNSAFE_XML]
    assert "points at a local file" in report.failures[0].message


def test_the_same_story_from_a_url_and_a_file_is_one_document(
    project: assay.Project, canned_web: CannedWeb, tmp_path: Path
) -> None:
    url = canned_web.route("/story", ARTICLE)
    saved = tmp_path / "saved.html"
    saved.write_text(ARTICLE, encoding="utf-8")
    report = project.add([saved, url])
    assert len(report.added) == 1
    assert [d.duplicate for d in report.duplicates] == [DuplicateKind.SAME_BYTES]
