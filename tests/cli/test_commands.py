"""The assay command: exit codes, --json output and help, on a real store."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import Result

from assay.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_STORE, EXIT_USAGE, app
from assay.errors import StoreError

Cli = Callable[..., Result]


def command_names() -> list[str]:
    group = get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_the_command_set() -> None:
    assert command_names() == [
        "ach",
        "add",
        "assess",
        "claims",
        "documents",
        "extract",
        "failures",
        "init",
        "match",
        "mentions",
        "outlets",
        "packs",
        "refetch",
        "resolve",
        "show",
        "trace",
        "verify",
        "watch",
    ]


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_with_an_example(cli: Cli, name: str) -> None:
    result = cli(name, "--help")
    assert result.exit_code == 0
    assert "Example: assay" in result.stdout


def test_init_creates_a_project(cli: Cli, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "p"))
    assert result.exit_code == 0
    assert (tmp_path / "p" / "assay.db").is_file()


def test_add_then_list_and_show_as_json(cli: Cli, pages: Path, project_dir: Path) -> None:
    added = cli("add", str(pages), "--project", str(project_dir), "--json")
    assert added.exit_code == 0, added.output
    report = json.loads(added.stdout)
    assert [entry["id"] for entry in report["added"]] == ["D1", "D2", "D3"]

    listed = json.loads(cli("documents", "-p", str(project_dir), "--json").stdout)
    assert [doc["id"] for doc in listed] == ["D1", "D2", "D3"]
    assert listed[0]["outlet"]["id"] == "O1"
    assert "text" not in listed[0]
    assert listed[0]["text_chars"] > 100

    shown = json.loads(cli("show", "D1", "-p", str(project_dir), "--json").stdout)
    assert shown["document"]["title"] == "Port authority reports record traffic"
    assert shown["captures"][0]["source"] == str(pages / "a.html")
    assert [event["action"] for event in shown["custody"]] == ["add", "derive"]

    outlet = json.loads(cli("show", "o2", "-p", str(project_dir), "--json").stdout)
    assert outlet["outlet"]["name"] == "Capital Ledger"

    outlets = json.loads(cli("outlets", "-p", str(project_dir), "--json").stdout)
    assert (outlets[0]["id"], outlets[0]["documents"], outlets[0]["reliability"]) == ("O1", 1, "F")


def test_tables_for_people(cli: Cli, pages: Path, project_dir: Path) -> None:
    cli("add", str(pages), "-p", str(project_dir))
    listing = cli("documents", "-p", str(project_dir))
    assert "Harbour Times" in listing.stdout
    assert "3 documents" in listing.stdout
    shown = cli("show", "D1", "-p", str(project_dir), "--text")
    assert "Officials from several governments" in shown.stdout
    assert "Custody" in shown.stdout
    assert "Harbour Times" in cli("show", "O1", "-p", str(project_dir)).stdout
    assert "verify ok" in cli("verify", "-p", str(project_dir)).stdout


def test_add_with_bad_inputs_exits_3_and_names_each(
    cli: Cli, pages: Path, project_dir: Path
) -> None:
    (pages / "empty.txt").write_bytes(b"")
    result = cli("add", str(pages), str(pages / "absent.html"), "-p", str(project_dir))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "empty.txt: is empty [empty]" in result.stderr
    assert "absent.html: no such file or folder [not_found]" in result.stderr
    assert "added 3," in result.stdout
    failures = json.loads(cli("failures", "-p", str(project_dir), "--json").stdout)
    assert sorted(f["reason"] for f in failures) == ["empty", "not_found"]
    assert "2 failures" in cli("failures", "-p", str(project_dir)).stdout


def test_unknown_id_exits_4_with_a_hint(cli: Cli, pages: Path, project_dir: Path) -> None:
    cli("add", str(pages), "-p", str(project_dir))
    result = cli("show", "D99", "-p", str(project_dir))
    assert result.exit_code == EXIT_NOT_FOUND
    assert "error: no document D99" in result.stderr
    assert "hint: list documents with `assay documents`" in result.stderr
    assert cli("show", "X1", "-p", str(project_dir)).exit_code == EXIT_NOT_FOUND


def test_missing_project_exits_5(cli: Cli, tmp_path: Path) -> None:
    result = cli("documents", "-p", str(tmp_path / "nothing"))
    assert result.exit_code == EXIT_STORE
    assert "no assay project" in result.stderr


def test_bad_setting_exits_2(cli: Cli, pages: Path, project_dir: Path) -> None:
    result = cli("add", str(pages), "-p", str(project_dir), env={"ASSAY_JOBS": "lots"})
    assert result.exit_code == EXIT_USAGE
    assert "ASSAY_JOBS" in result.stderr


def test_verify_exits_5_and_names_the_source_of_damaged_evidence(
    cli: Cli, pages: Path, project_dir: Path
) -> None:
    cli("add", str(pages), "-p", str(project_dir))
    shown = json.loads(cli("show", "D2", "-p", str(project_dir), "--json").stdout)
    digest = shown["document"]["raw_sha256"]
    archived = project_dir / "archive" / "sha256" / digest[:2] / digest[2:4] / digest
    archived.write_bytes(b"forged")
    result = cli("verify", "-p", str(project_dir))
    assert result.exit_code == EXIT_STORE
    assert f"archive item {digest} is altered (from {pages / 'b.html'})" in result.stderr
    report = json.loads(cli("verify", "-p", str(project_dir), "--json").stdout)
    assert report["ok"] is False


def test_project_comes_from_the_environment(cli: Cli, pages: Path, project_dir: Path) -> None:
    env = {"ASSAY_PROJECT": str(project_dir)}
    assert cli("add", str(pages), env=env).exit_code == 0
    assert len(json.loads(cli("documents", "--json", env=env).stdout)) == 3


def test_debug_shows_the_traceback(cli: Cli, tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        cli("--debug", "documents", "-p", str(tmp_path / "nothing"))
