"""`assay watch`: polling a feed, and stopping with Ctrl-C without losing anything."""

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.canned_web import CannedWeb
from tests.test_web_inputs import article, rss
from typer.testing import Result

import assay
from assay.cli.fetch_commands import parse_interval

Cli = Callable[..., Result]


def feed_with_two_items(web: CannedWeb) -> str:
    web.route("/a", article("Ferry service resumes", "The ferry service resumed on Monday."))
    web.route("/b", article("Bridge repairs finish", "Repairs to the bridge finished early."))
    items = [("Ferry service resumes", "/a", "Ferry"), ("Bridge repairs finish", "/b", "Bridge")]
    return web.route(
        "/feed.xml",
        rss(web, items),
        content_type="application/rss+xml",
        headers={"ETag": '"feed-v1"'},
    )


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("15m", 900.0), ("30s", 30.0), ("1h", 3600.0), ("90", 90.0), ("0.5s", 0.5)],
)
def test_intervals_are_read_like_people_write_them(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


def test_a_bad_interval_is_a_usage_error(cli: Cli, project_dir: Path) -> None:
    result = cli("watch", "http://127.0.0.1:9/feed", "-p", str(project_dir), "--every", "0")
    assert result.exit_code == 2
    assert "positive number" in result.output


def test_watch_polls_and_adds_only_new_entries(
    cli: Cli, canned_web: CannedWeb, project_dir: Path
) -> None:
    feed = feed_with_two_items(canned_web)
    result = cli("watch", feed, "-p", str(project_dir), "--every", "0.1s", "--max-polls", "2")
    assert result.exit_code == 0, result.output
    assert "poll 1: added 2" in result.stdout
    assert "poll 2: added 0" in result.stdout
    assert canned_web.headers_for("/feed.xml")[1].get("if-none-match") == '"feed-v1"'
    listed = json.loads(cli("documents", "-p", str(project_dir), "--json").stdout)
    assert len(listed) == 2


def test_ctrl_c_stops_watch_and_loses_nothing(canned_web: CannedWeb, project_dir: Path) -> None:
    feed = feed_with_two_items(canned_web)
    command = [
        str(Path(sys.executable).with_name("assay")),
        "watch",
        feed,
        "-p",
        str(project_dir),
        "--every",
        "60s",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "poll 1" not in _peek(project_dir):
            time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "stopped after 1 polls; 2 documents added, all committed" in stderr
    with assay.open(project_dir) as project:
        assert len(project.documents()) == 2
        assert project.verify().ok


def _peek(project_dir: Path) -> str:
    """'poll 1' once the first poll's documents are committed."""
    if not (project_dir / "assay.db").exists():
        return ""
    try:
        with assay.open(project_dir) as project:
            return "poll 1" if len(project.documents()) == 2 else ""
    except assay.StoreError:
        return ""
