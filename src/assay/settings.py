"""Settings: one table, spelled four ways.

Each setting has one ``snake_case`` name that is also the ``assay.toml`` key, the
``ASSAY_UPPER`` environment variable and the ``--kebab-case`` flag where a command
takes it. Later sources win: defaults, then ``assay.toml`` in the project folder,
then the environment, then explicit overrides. The table also feeds the generated
``docs/settings.md`` so the docs cannot drift from the code.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from assay.errors import ConfigError

CONFIG_FILE_NAME = "assay.toml"


@dataclass(frozen=True, slots=True)
class Setting:
    """One row of the settings table."""

    name: str
    type: type[int] | type[str]
    default: int | str
    help: str
    minimum: int | None = None

    @property
    def env_var(self) -> str:
        """The environment variable that sets it."""
        return f"ASSAY_{self.name.upper()}"

    @property
    def flag(self) -> str:
        """The command-line flag that sets it."""
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "jobs",
        int,
        0,
        "Worker processes for parsing and extraction; 0 means one per CPU core.",
        minimum=0,
    ),
    Setting(
        "max_input_mb",
        int,
        50,
        "Largest input, in MiB: a file, a fetched body (after decompression) or a WARC record.",
        minimum=1,
    ),
    Setting(
        "min_text_chars",
        int,
        25,
        "Fewest characters of main text that make a document; less is a no_text failure.",
        minimum=1,
    ),
    Setting(
        "parse_timeout_s",
        int,
        20,
        "Wall-clock seconds one document may take to parse before its worker is stopped.",
        minimum=1,
    ),
    Setting(
        "parse_memory_mb",
        int,
        1024,
        "Memory, in MiB, one parsing worker may take beyond its start-up size; more fails.",
        minimum=128,
    ),
    Setting(
        "fetch_timeout_s",
        int,
        30,
        "Wall-clock seconds one URL may take, redirects and body included.",
        minimum=1,
    ),
    Setting(
        "per_host",
        int,
        4,
        "Most requests in flight to one host at once.",
        minimum=1,
    ),
    Setting(
        "pack",
        str,
        "arms_transfers",
        "The domain pack whose names and cues claim extraction uses.",
    ),
    Setting(
        "busy_timeout_ms",
        int,
        10000,
        "How long a writer waits for another process's lock on the store before giving up.",
        minimum=0,
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The resolved settings of one project; build it with :func:`load_settings`."""

    jobs: int = 0
    max_input_mb: int = 50
    min_text_chars: int = 25
    parse_timeout_s: int = 20
    parse_memory_mb: int = 1024
    fetch_timeout_s: int = 30
    per_host: int = 4
    pack: str = "arms_transfers"
    busy_timeout_ms: int = 10000

    @property
    def worker_count(self) -> int:
        """How many worker processes parsing uses."""
        return self.jobs if self.jobs > 0 else max(1, os.cpu_count() or 1)

    @property
    def max_input_bytes(self) -> int:
        """``max_input_mb`` in bytes."""
        return self.max_input_mb * 1024 * 1024


def _coerce(setting: Setting, value: object, origin: str) -> int | str:
    if setting.type is int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ConfigError(
                f"{origin}: setting {setting.name!r} must be a whole number, got {value!r}"
            ) from None
        if setting.minimum is not None and number < setting.minimum:
            raise ConfigError(
                f"{origin}: setting {setting.name!r} must be at least {setting.minimum}, "
                f"got {number}"
            )
        return number
    return str(value)


def _read_config_file(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    known = {setting.name for setting in SETTINGS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting {unknown[0]!r}; valid settings are "
            + ", ".join(sorted(known))
        )
    return data


def load_settings(
    project_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, object] | None = None,
) -> Settings:
    """Resolve the settings from defaults, ``assay.toml``, ``ASSAY_*`` variables and overrides."""
    environ = os.environ if environ is None else environ
    resolved = Settings()
    config = _read_config_file(project_dir / CONFIG_FILE_NAME) if project_dir else {}
    by_name = {setting.name: setting for setting in SETTINGS}
    for setting in SETTINGS:
        layers: list[tuple[str, object]] = []
        if setting.name in config:
            layers.append((CONFIG_FILE_NAME, config[setting.name]))
        if setting.env_var in environ:
            layers.append((setting.env_var, environ[setting.env_var]))
        if overrides and overrides.get(setting.name) is not None:
            layers.append((setting.flag, overrides[setting.name]))
        for origin, value in layers:
            changes: dict[str, Any] = {setting.name: _coerce(setting, value, origin)}
            resolved = replace(resolved, **changes)
    extra = set(overrides or {}) - set(by_name)
    if extra:
        raise ConfigError(f"unknown setting {sorted(extra)[0]!r}; valid: {', '.join(by_name)}")
    return resolved


def settings_table_matches_dataclass() -> bool:
    """True when SETTINGS and the Settings dataclass list the same names and defaults."""
    table = {setting.name: setting.default for setting in SETTINGS}
    dataclass_defaults = {f.name: f.default for f in fields(Settings)}
    return table == dataclass_defaults
