"""Shared fixtures, named for what you get.

- ``project``: an empty project on a real SQLite file (WAL) in ``tmp_path``, closed at teardown.
- ``populated_project``: ``project`` with a few written pages added.
- ``canned_web``: a real HTTP server on 127.0.0.1 serving the routes a test sets.
- ``cli``: a function that runs the real ``assay`` command in-process and returns the result.
- ``demo_corpus``: the bundled example corpus folder.
- ``shared_data``: ``../shared/data``, or the test is skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.canned_web import CannedWeb, serve
from typer.testing import CliRunner, Result

import assay
from assay.cli import app

REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO_CORPUS = REPO_ROOT / "examples" / "corpus"
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
SHARED_SEEDS = REPO_ROOT.parent / "shared" / "seeds"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<link rel="canonical" href="https://www.{domain}/news/{slug}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>{title}</h1><p class="byline">By {author}</p>
{paragraphs}
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Markets close higher</a></li>
<li><a href="/b">Weather warning for the coast</a></li></ul></aside>
<footer>Copyright 2026 {site}. All rights reserved.</footer>
</body></html>
"""


def write_page(
    folder: Path,
    name: str,
    *,
    title: str = "Officials discuss a regional agreement",
    body: tuple[str, ...] = (
        "Officials from several governments met on Tuesday to discuss a regional agreement.",
        "The talks, which lasted most of the day, ended without a joint statement.",
        "A spokesperson said further meetings were planned for next month.",
    ),
    site: str = "Harbour Times",
    domain: str = "harbourtimes.example",
    author: str = "Ana Example",
    published: str = "2026-03-14T09:30:00Z",
) -> Path:
    """Write a realistic news page with navigation, banner, related links and footer."""
    paragraphs = "\n".join(f"<p>{text}</p>" for text in body)
    path = folder / name
    path.write_text(
        PAGE.format(
            title=title,
            site=site,
            domain=domain,
            author=author,
            published=published,
            slug=Path(name).stem,
            paragraphs=paragraphs,
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ASSAY_* variable from the developer's shell leaks into a test."""
    for name in list(os.environ):
        if name.startswith("ASSAY_"):
            monkeypatch.delenv(name)


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """Where a test's project lives."""
    return tmp_path / "project"


@pytest.fixture
def project(project_dir: Path) -> Iterator[assay.Project]:
    """An empty project on a real SQLite store."""
    with assay.open(project_dir, create=True) as opened:
        yield opened


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A folder of three distinct written pages."""
    folder = tmp_path / "pages"
    folder.mkdir()
    write_page(folder, "a.html", title="Port authority reports record traffic")
    write_page(
        folder,
        "b.html",
        title="Parliament debates a new budget",
        body=(
            "Lawmakers debated the draft budget late into the night on Wednesday.",
            "The finance minister defended the spending plan against sharp criticism.",
        ),
        site="Capital Ledger",
        domain="capitalledger.example",
    )
    (folder / "c.txt").write_text(
        "---\ntitle: Harvest forecast revised\nsite_name: Farm Desk\n"
        "published: 2026-04-02T10:00:00Z\n---\n"
        "The agriculture ministry revised its harvest forecast upward after late rains.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def populated_project(project: assay.Project, pages: Path) -> assay.Project:
    """A project with the three pages of ``pages`` added."""
    report = project.add([pages])
    assert report.ok, report.failures
    return project


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``assay`` with the given arguments in-process; returns the click Result."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), env=env, catch_exceptions=False)

    return run


@pytest.fixture
def canned_web() -> Iterator[CannedWeb]:
    """A real HTTP server on 127.0.0.1 with routes the test sets."""
    with serve() as web:
        yield web


@pytest.fixture
def demo_corpus() -> Path:
    """The bundled example corpus."""
    return DEMO_CORPUS


@pytest.fixture
def shared_data() -> Path:
    """The third-party evaluation data beside the repository."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"../shared/data is absent ({SHARED_DATA}); third-party data is not bundled")
    return SHARED_DATA
