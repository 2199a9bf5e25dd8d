"""`assay trace`, `assay assess` and `assay outlets grade|import` on a small real project."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import assay
from assay.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, app

Cli = Callable[..., Result]

REPORT = """---
title: Iran sends drones to Russia
url: https://meridianwire.example/news/iran-drones
site_name: Meridian Wire
published: 2026-01-10T09:00:00Z
---
Iran has sent Mohajer-6 drones to Russia, officials said. The drones arrived by ship at a
Caspian port last week after a voyage of three nights from the Iranian coast.
"""
REPEAT = """---
title: Drones for Moscow
url: https://dailybuzz.example/drones-for-moscow
site_name: Daily Buzz
published: 2026-01-11T09:00:00Z
---
Iran has sent Mohajer-6 drones to Russia. The drones arrived by ship at a Caspian port last
week after a voyage of three nights from the Iranian coast.
"""
DENIAL = """---
title: Tehran denies drone report
site_name: Capital Ledger
published: 2026-01-12T09:00:00Z
---
Iran's foreign ministry denied that Iran had sent Mohajer-6 drones to Russia and called
the reports baseless. The ministry said no such shipment had taken place.
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project holding a report, an unsourced repeat and a denial by the accused, built once."""
    root = tmp_path_factory.mktemp("assess")
    folder = root / "texts"
    folder.mkdir()
    for name, text in (
        ("a-report.txt", REPORT),
        ("b-repeat.txt", REPEAT),
        ("c-denial.txt", DENIAL),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    clean: dict[str, str | None] = {k: None for k in os.environ if k.startswith("ASSAY_")}
    added = CliRunner().invoke(
        app, ["add", str(folder), "--project", str(root / "project")], env=clean
    )
    assert added.exit_code == 0, added.output
    return root / "project"


@pytest.fixture
def built(template: Path, project_dir: Path) -> Path:
    """A fresh copy of the template project, for a test to change as it likes."""
    shutil.copytree(template, project_dir)
    return project_dir


def claim_ids(cli: Cli, project_dir: Path) -> list[str]:
    listed = cli("claims", "--project", str(project_dir), "--json")
    assert listed.exit_code == 0, listed.output
    return [row["id"] for row in json.loads(listed.stdout)]


def test_assess_gives_one_row_per_claim(cli: Cli, built: Path) -> None:
    ids = claim_ids(cli, built)
    assert "C1" in ids
    table = cli("assess", "--project", str(built))
    assert table.exit_code == 0, table.output
    for claim_id in ids:
        assert claim_id in table.stdout
    as_json = cli("assess", "--project", str(built), "--json")
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    assert sorted(row["claim_id"] for row in rows) == sorted(ids)
    for row in rows:
        assert 0.0 < row["probability"] < 1.0
        assert row["word"] in {
            "almost no chance",
            "very unlikely",
            "unlikely",
            "roughly even chance",
            "likely",
            "very likely",
            "almost certain",
        }
        assert row["confidence"] in {"low", "moderate", "high"}
        assert row["method"].startswith("assay.assess@")
        assert len(row["pack_sha256"]) == 64


def test_a_report_its_echo_and_a_denial_by_the_accused_stay_below_even_chance(
    cli: Cli, built: Path
) -> None:
    shown = cli("assess", "C1", "--project", str(built), "--json")
    assert shown.exit_code == 0, shown.output
    [row] = json.loads(shown.stdout)
    assert row["claim"] == "Iran delivered Mohajer-6 drones to Russia"
    assert row["probability"] < 0.5
    assert row["confidence"] == "low"
    assert row["documents"] == 3
    assert row["lines"] == 2, "the unsourced repeat is an echo, not a line"
    reasons = " ".join(driver["reason"] for driver in row["drivers"])
    assert "denial by an accused party" in reasons
    assert "1 echo not counted" in reasons


def test_assess_one_claim_shows_its_drivers_for_people(cli: Cli, built: Path) -> None:
    shown = cli("assess", "C1", "--project", str(built))
    assert shown.exit_code == 0, shown.output
    assert "C1" in shown.stdout
    assert "P without it" in shown.stdout
    assert "would change it" in shown.stdout


def test_assessing_twice_keeps_both_assessments(cli: Cli, built: Path) -> None:
    for _ in range(2):
        result = cli("assess", "C1", "--project", str(built), "--json")
        assert result.exit_code == 0, result.output
    with assay.open(built) as project:
        history = project.assessments("C1")
    assert len(history) == 2
    assert history[0].at <= history[1].at
    assert history[0].key is not None
    assert history[1].key is not None
    assert history[0].key < history[1].key
    assert history[0].probability == pytest.approx(history[1].probability)


def test_trace_shows_the_lines_of_a_claim(cli: Cli, built: Path) -> None:
    traced = cli("trace", "C1", "--project", str(built), "--json")
    assert traced.exit_code == 0, traced.output
    found = json.loads(traced.stdout)
    assert found["claim"]["id"] == "C1"
    lines = found["lines"]
    assert [line["number"] for line in lines] == [1, 2]
    assert [line["origin"]["stance"] for line in lines] == ["supports", "refutes"]
    assert lines[0]["origin"]["document"]["id"] == "D1"
    assert [echo["document"]["id"] for echo in lines[0]["echoes"]] == ["D2"]
    assert lines[0]["echoes"][0]["via"]["parent_key"] == 1
    assert lines[1]["origin"]["speaker_party"] == "IRN"
    assert lines[1]["echoes"] == []
    for line in lines:
        assert line["reliability"] in "ABCDEF"
        assert 1 <= line["credibility"] <= 6
    table = cli("trace", "C1", "--project", str(built))
    assert table.exit_code == 0, table.output
    assert "2 independent lines" in table.stdout
    assert "line 2" in table.stdout
    assert "D2" in table.stdout


def test_trace_of_an_unknown_claim_exits_4(cli: Cli, built: Path) -> None:
    result = cli("trace", "C999", "--project", str(built))
    assert result.exit_code == EXIT_NOT_FOUND
    assert "no claim C999" in result.stderr


def test_assess_of_an_unknown_claim_exits_4(cli: Cli, built: Path) -> None:
    result = cli("assess", "C999", "--project", str(built))
    assert result.exit_code == EXIT_NOT_FOUND
    assert "no claim C999" in result.stderr


def test_grading_an_outlet_records_it_and_keeps_the_history(cli: Cli, built: Path) -> None:
    first = cli("outlets", "grade", "meridianwire.example", "B", "--note", "x", "-p", str(built))
    assert first.exit_code == 0, first.output
    second = cli(
        "outlets",
        "grade",
        "www.MeridianWire.example",
        "c",
        "--note",
        "a correction missed",
        "--kind",
        "wire",
        "--by",
        "ana",
        "-p",
        str(built),
        "--json",
    )
    assert second.exit_code == 0, second.output
    given = json.loads(second.stdout)
    assert (given["grade"], given["kind"], given["by"]) == ("C", "wire", "ana")

    shown = json.loads(cli("show", "O1", "-p", str(built), "--json").stdout)
    assert shown["outlet"]["domain"] == "meridianwire.example"
    assert shown["outlet"]["reliability"] == "C"
    assert shown["outlet"]["kind"] == "wire"
    assert [(g["grade"], g["note"]) for g in shown["grades"]] == [
        ("B", "x"),
        ("C", "a correction missed"),
    ]
    with assay.open(built) as project:
        detail = project.outlet("O1")
    assert [(g.grade, g.note, g.by) for g in detail.grades] == [
        ("B", "x", "analyst"),
        ("C", "a correction missed", "ana"),
    ]
    assert detail.grades[0].at <= detail.grades[1].at


def test_an_outlet_without_a_domain_is_graded_by_its_name(cli: Cli, built: Path) -> None:
    result = cli("outlets", "grade", "Capital Ledger", "D", "-p", str(built))
    assert result.exit_code == 0, result.output
    outlets = json.loads(cli("outlets", "-p", str(built), "--json").stdout)
    ledger = next(o for o in outlets if o["name"] == "Capital Ledger")
    assert ledger["domain"] is None
    assert ledger["reliability"] == "D"


def test_an_outlets_grade_reaches_its_lines_in_the_trace(cli: Cli, built: Path) -> None:
    before = json.loads(cli("trace", "C1", "-p", str(built), "--json").stdout)
    assert before["lines"][0]["reliability"] == "F", "an unknown kind cannot be judged"
    assert cli("outlets", "grade", "meridianwire.example", "A", "-p", str(built)).exit_code == 0
    after = json.loads(cli("trace", "C1", "-p", str(built), "--json").stdout)
    assert after["lines"][0]["reliability"] == "A"
    first = json.loads(cli("assess", "C1", "-p", str(built), "--json").stdout)[0]
    assert cli("outlets", "grade", "meridianwire.example", "E", "-p", str(built)).exit_code == 0
    second = json.loads(cli("assess", "C1", "-p", str(built), "--json").stdout)[0]
    assert second["probability"] < first["probability"]


def test_a_grade_outside_a_to_f_exits_3_naming_the_valid_grades(cli: Cli, built: Path) -> None:
    result = cli("outlets", "grade", "meridianwire.example", "Z", "-p", str(built))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "A, B, C, D, E, F" in result.stderr
    with assay.open(built) as project:
        assert project.outlet("O1").grades == []


def test_grading_an_unknown_outlet_exits_4(cli: Cli, built: Path) -> None:
    result = cli("outlets", "grade", "nowhere.example", "B", "-p", str(built))
    assert result.exit_code == EXIT_NOT_FOUND
    assert "nowhere.example" in result.stderr


def test_importing_outlets_records_good_entries_and_names_bad_ones(
    cli: Cli, built: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "outlets.yaml"
    listing.write_text(
        "outlets:\n"
        "  - {domain: meridianwire.example, kind: wire, grade: B, note: corrections published}\n"
        "  - {domain: dailybuzz.example, kind: content_farm, grade: Q}\n"
        "  - {domain: nowhere.example, grade: C}\n",
        encoding="utf-8",
    )
    result = cli("outlets", "import", str(listing), "-p", str(built))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "entry 2" in result.stderr
    assert "'Q'" in result.stderr
    assert "nowhere.example" in result.stderr
    assert "1 outlets graded" in result.stderr
    with assay.open(built) as project:
        wire = project.outlet("O1")
        buzz = project.outlet("O2")
    assert (wire.outlet.domain, wire.outlet.reliability, wire.outlet.kind) == (
        "meridianwire.example",
        "B",
        "wire",
    )
    assert [(g.grade, g.note) for g in wire.grades] == [("B", "corrections published")]
    assert buzz.outlet.domain == "dailybuzz.example"
    assert buzz.grades == []
    assert buzz.outlet.kind == "unknown", "a refused entry changes nothing"


def test_importing_a_clean_outlet_file_exits_0(cli: Cli, built: Path, tmp_path: Path) -> None:
    listing = tmp_path / "outlets.yaml"
    listing.write_text(
        "- {domain: meridianwire.example, kind: wire}\n"
        "- {domain: dailybuzz.example, kind: content_farm, grade: E}\n",
        encoding="utf-8",
    )
    result = cli("outlets", "import", str(listing), "-p", str(built), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["graded"] == ["dailybuzz.example"]
    assert report["kinds_set"] == ["meridianwire.example"]
    outlets = json.loads(cli("outlets", "-p", str(built), "--json").stdout)
    by_domain = {o["domain"]: o for o in outlets}
    assert by_domain["meridianwire.example"]["kind"] == "wire"
    assert by_domain["meridianwire.example"]["reliability"] == "B", "the pack's grade for a wire"
    assert by_domain["dailybuzz.example"]["reliability"] == "E"
