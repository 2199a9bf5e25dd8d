"""The commands and views added for web inputs: refetch, packs, versions and families shown."""

import json
from collections.abc import Callable
from pathlib import Path

from tests.canned_web import CannedWeb
from tests.conftest import write_page
from tests.test_versions_and_families import FIRST, HEDGED, story
from tests.test_web_inputs import rss
from typer.testing import Result

from assay.cli import EXIT_BAD_INPUT

Cli = Callable[..., Result]


def test_refetch_reports_a_flagged_version_and_show_lists_it(
    cli: Cli, canned_web: CannedWeb, project_dir: Path
) -> None:
    url = canned_web.route("/shipment", story(FIRST))
    assert cli("add", url, "-p", str(project_dir)).exit_code == 0
    canned_web.route("/shipment", story(HEDGED))
    result = cli("refetch", "-p", str(project_dir))
    assert result.exit_code == 0, result.output
    assert "D1 version 2" in result.stdout
    assert "hedging/attribution changed: +reportedly" in result.stdout
    assert "new versions 1" in result.stdout
    shown = cli("show", "D1", "-p", str(project_dir))
    assert "Versions" in shown.stdout
    assert "+reportedly" in shown.stdout
    detail = json.loads(cli("show", "D1", "-p", str(project_dir), "--json").stdout)
    assert detail["versions"][0]["added_cues"] == ["reportedly", "according to"]


def test_refetch_as_json_and_a_failed_refetch_exits_3(
    cli: Cli, canned_web: CannedWeb, project_dir: Path
) -> None:
    url = canned_web.route("/shipment", story(FIRST))
    cli("add", url, "-p", str(project_dir))
    report = json.loads(cli("refetch", "D1", "-p", str(project_dir), "--json").stdout)
    assert (report["checked"], report["unchanged"], report["ok"]) == (1, [url], True)
    canned_web.routes.pop("/shipment")
    failed = cli("refetch", "-p", str(project_dir))
    assert failed.exit_code == EXIT_BAD_INPUT
    assert "[http_error]" in failed.stderr


def test_packs_are_listed(cli: Cli, project_dir: Path) -> None:
    listed = json.loads(cli("packs", "-p", str(project_dir), "--json").stdout)
    assert [(p["name"], p["version"]) for p in listed] == [("arms_transfers", "1.0.0")]
    assert listed[0]["weapon_systems"] >= 150
    assert "arms_transfers" in cli("packs", "-p", str(project_dir)).stdout


def test_the_add_summary_names_feed_content_and_families(
    cli: Cli, canned_web: CannedWeb, project_dir: Path, tmp_path: Path
) -> None:
    items = [
        ("New berth planned", "/missing", "The harbour master said the berth opens in spring.")
    ]
    feed = canned_web.route("/feed.xml", rss(canned_web, items), content_type="application/rss+xml")
    body = tuple(
        f"Sentence number {n} about the harbour and its new cargo berth." for n in range(8)
    )
    write_page(tmp_path, "a.html", title="Berth opens", body=body)
    write_page(tmp_path, "b.html", title="Berth opens soon", body=(*body[:7], "A changed end."))
    result = cli(
        "add", feed, str(tmp_path / "a.html"), str(tmp_path / "b.html"), "-p", str(project_dir)
    )
    assert result.exit_code == 0, result.output
    assert "from the feed's own content (page not fetched)" in result.stdout
    assert "near-duplicate pairs found: 1" in result.stdout
    shown = cli("show", "D2", "-p", str(project_dir))
    assert "Near-duplicates" in shown.stdout
    assert "F1" in cli("documents", "-p", str(project_dir)).stdout
