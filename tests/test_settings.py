from pathlib import Path

import pytest

from assay.errors import ConfigError
from assay.settings import SETTINGS, Settings, load_settings, settings_table_matches_dataclass


def test_settings_table_and_dataclass_agree() -> None:
    assert settings_table_matches_dataclass()


def test_defaults_when_nothing_is_set(tmp_path: Path) -> None:
    assert load_settings(tmp_path, environ={}) == Settings()


def test_later_sources_win(tmp_path: Path) -> None:
    (tmp_path / "assay.toml").write_text("jobs = 3\nmin_text_chars = 10\n", encoding="utf-8")
    settings = load_settings(tmp_path, environ={"ASSAY_JOBS": "5"}, overrides={"min_text_chars": 7})
    assert settings.jobs == 5
    assert settings.min_text_chars == 7
    assert settings.max_input_mb == 50


def test_override_of_none_keeps_lower_layer(tmp_path: Path) -> None:
    settings = load_settings(tmp_path, environ={"ASSAY_JOBS": "2"}, overrides={"jobs": None})
    assert settings.jobs == 2
    assert settings.worker_count == 2


def test_bad_value_names_its_origin(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ASSAY_JOBS: setting 'jobs' must be a whole number"):
        load_settings(tmp_path, environ={"ASSAY_JOBS": "many"})


def test_value_below_minimum_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        load_settings(tmp_path, environ={"ASSAY_MAX_INPUT_MB": "0"})


def test_unknown_key_in_config_file_lists_valid_settings(tmp_path: Path) -> None:
    (tmp_path / "assay.toml").write_text("jbos = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'jbos'; valid settings are") as info:
        load_settings(tmp_path, environ={})
    assert "jobs" in str(info.value)


def test_malformed_config_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "assay.toml").write_text("jobs = = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"assay\.toml: not valid TOML"):
        load_settings(tmp_path, environ={})


def test_each_setting_has_four_spellings() -> None:
    for setting in SETTINGS:
        assert setting.env_var == "ASSAY_" + setting.name.upper()
        assert setting.flag == "--" + setting.name.replace("_", "-")
