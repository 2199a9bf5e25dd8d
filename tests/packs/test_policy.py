"""A pack's assessment.yaml: loaded and checked, with errors naming the file and the field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from assay.errors import InvalidPackError
from assay.packs import load_pack
from assay.packs.policy import POLICY_FILE, load_policy
from assay.records import ADMIRALTY_GRADES, Evidence, OutletKind

PACK_DIR = Path(__file__).resolve().parents[2] / "src" / "assay" / "packs" / "arms_transfers"
REAL = PACK_DIR / POLICY_FILE

Edit = Callable[[dict[str, Any]], None]


def edited(tmp_path: Path, change: Edit) -> Path:
    """A copy of the real assessment.yaml with ``change`` applied to its data."""
    data = yaml.safe_load(REAL.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / POLICY_FILE
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_the_real_policy_loads_with_every_grade_weight_and_interest() -> None:
    policy = load_policy(REAL)
    assert policy.grades_by_kind[OutletKind.WIRE] == "B"
    assert policy.grades_by_kind[OutletKind.CONTENT_FARM] == "E"
    assert policy.grades_by_kind[OutletKind.UNKNOWN] == "F"
    assert set(policy.evidence_weights) == set(Evidence)
    assert set(policy.reliability_weights) == set(ADMIRALTY_GRADES)
    assert set(policy.interest) == {
        "denial_by_party",
        "admission_by_party",
        "uninvolved_government",
        "read_from_text",
    }
    assert {"delivery", "deal", "offer", "halt"} <= set(policy.base_rates)
    assert all(0.0 < rate < 1.0 for rate in policy.base_rates.values())
    assert policy.own_evidence_by_kind[OutletKind.GOVERNMENT] is Evidence.OFFICIAL_STATEMENT


def test_the_real_policy_weighs_stronger_evidence_more() -> None:
    weights = load_policy(REAL).evidence_weights
    ordered = [weights[evidence] for evidence in Evidence]
    assert ordered == sorted(ordered, reverse=True)


def test_the_installed_pack_carries_the_same_policy() -> None:
    assert load_pack(PACK_DIR).policy == load_policy(REAL)


def test_known_outlets_match_their_subdomains_but_not_lookalikes() -> None:
    policy = load_policy(REAL)
    known = policy.known_outlet("uk.reuters.com")
    assert known is not None
    assert (known.name, known.kind) == ("Reuters", OutletKind.WIRE)
    assert policy.known_outlet("notreuters.com") is None
    assert policy.known_outlet(None) is None
    state = policy.known_outlet("state.gov")
    assert state is not None
    assert state.country == "USA"
    assert policy.kind_of(OutletKind.UNKNOWN, "reuters.com") is OutletKind.WIRE
    assert policy.kind_of(OutletKind.BLOG, "reuters.com") is OutletKind.BLOG


def test_a_stage_without_a_base_rate_gets_the_mean_of_the_others() -> None:
    policy = load_policy(REAL)
    rates = list(policy.base_rates.values())
    assert policy.base_rate("no-such-stage") == pytest.approx(sum(rates) / len(rates))
    assert policy.base_rate("delivery") == policy.base_rates["delivery"]


def _bad_grade(data: dict[str, Any]) -> None:
    data["grades_by_kind"]["wire"] = "Z"


def _unknown_kind(data: dict[str, Any]) -> None:
    data["grades_by_kind"]["tabloid"] = "D"


def _unknown_evidence(data: dict[str, Any]) -> None:
    data["evidence_weights"]["rumour"] = 0.3


def _missing_evidence(data: dict[str, Any]) -> None:
    del data["evidence_weights"]["imagery"]


def _base_rate_above_one(data: dict[str, Any]) -> None:
    data["base_rates"]["delivery"] = 1.5


def _base_rate_as_text(data: dict[str, Any]) -> None:
    data["base_rates"]["deal"] = "often"


def _negative_weight(data: dict[str, Any]) -> None:
    data["evidence_weights"]["documents"] = -2.0


def _missing_reliability(data: dict[str, Any]) -> None:
    del data["reliability_weights"]["C"]


def _missing_interest(data: dict[str, Any]) -> None:
    del data["interest"]["denial_by_party"]


def _no_grades(data: dict[str, Any]) -> None:
    data["grades_by_kind"] = {}


def _bad_outlet_kind(data: dict[str, Any]) -> None:
    data["outlets"].append({"domain": "x.example", "kind": "tabloid", "name": "X"})


def _bad_own_evidence(data: dict[str, Any]) -> None:
    data["own_evidence_by_kind"]["osint"] = "vibes"


@pytest.mark.parametrize(
    ("change", "names"),
    [
        (_bad_grade, ["grades_by_kind.wire", "grades A to F"]),
        (_unknown_kind, ["grades_by_kind.tabloid"]),
        (_unknown_evidence, ["evidence_weights", "rumour"]),
        (_missing_evidence, ["evidence_weights", "imagery"]),
        (_base_rate_above_one, ["base_rates.delivery", "1.5"]),
        (_base_rate_as_text, ["base_rates.deal", "often"]),
        (_negative_weight, ["evidence_weights.documents", "-2.0"]),
        (_missing_reliability, ["reliability_weights"]),
        (_missing_interest, ["interest", "denial_by_party"]),
        (_no_grades, ["grades_by_kind", "non-empty"]),
        (_bad_outlet_kind, ["x.example", "kind"]),
        (_bad_own_evidence, ["own_evidence_by_kind.osint"]),
    ],
)
def test_a_bad_policy_is_refused_naming_the_file_and_the_field(
    tmp_path: Path, change: Edit, names: list[str]
) -> None:
    path = edited(tmp_path, change)
    with pytest.raises(InvalidPackError) as caught:
        load_policy(path)
    message = str(caught.value)
    assert message.startswith(f"{POLICY_FILE}:"), message
    for name in names:
        assert name in message, message


def test_a_policy_that_is_not_yaml_or_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / POLICY_FILE
    path.write_text("grades_by_kind: [unclosed\n", encoding="utf-8")
    with pytest.raises(InvalidPackError, match=r"assessment\.yaml: not valid YAML"):
        load_policy(path)
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(InvalidPackError, match=r"assessment\.yaml: must be a mapping"):
        load_policy(path)


def test_a_missing_policy_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(InvalidPackError, match=r"assessment\.yaml: cannot be read"):
        load_policy(tmp_path / POLICY_FILE)


def test_a_pack_with_a_bad_policy_does_not_load(tmp_path: Path) -> None:
    folder = tmp_path / "arms_transfers"
    shutil.copytree(PACK_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    edited(folder, _base_rate_above_one)
    with pytest.raises(InvalidPackError, match=r"assessment\.yaml: `base_rates\.delivery`"):
        load_pack(folder)


def test_a_pack_without_a_policy_loads_with_none(tmp_path: Path) -> None:
    folder = tmp_path / "arms_transfers"
    shutil.copytree(PACK_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / POLICY_FILE).unlink()
    assert load_pack(folder).policy is None
