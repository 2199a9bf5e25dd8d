"""Docs that must not drift: generated pages are fresh, every command and setting is named."""

import importlib.util
from pathlib import Path
from types import ModuleType

from typer.main import get_command

from assay.cli import app
from assay.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_pages_are_fresh() -> None:
    assert load_generator().stale_pages() == []


def test_every_command_is_in_the_readme_and_the_reference() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert f"assay {name}" in readme, name
        assert f"## `assay {name}`" in reference, name


def test_every_setting_is_on_the_settings_page() -> None:
    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.env_var}`" in page


def test_readme_opens_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:30]
    assert any("make demo" in line for line in head)
    assert any("make test" in line for line in head)


def test_exit_codes_are_documented_where_users_look() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for code in ("3", "4", "5"):
        assert f"{code} " in reference
