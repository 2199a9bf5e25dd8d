"""A pack's assessment policy: default source grades and the weights of the evidence.

The core owns the shape (:class:`AssessmentPolicy`); a pack's ``assessment.yaml``
fills it, because what a publisher of a given kind is worth and how often claims of
a given kind turn out true depend on the domain. The file is checked on load and an
error names the file and the field at fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assay.errors import InvalidPackError
from assay.records import ADMIRALTY_GRADES, Evidence, OutletKind

POLICY_FILE = "assessment.yaml"
CALIBRATION = ("line_scale", "refute_scale")
INTERESTS = ("denial_by_party", "admission_by_party", "uninvolved_government", "read_from_text")


@dataclass(frozen=True, slots=True)
class KnownOutlet:
    """A publisher whose kind is public knowledge."""

    domain: str
    kind: OutletKind
    name: str
    country: str | None = None


@dataclass(frozen=True)
class AssessmentPolicy:
    """Default grades, known outlets, base rates and the weights of a line of reporting."""

    grades_by_kind: Mapping[OutletKind, str]
    outlets: Mapping[str, KnownOutlet]
    base_rates: Mapping[str, float]
    evidence_weights: Mapping[Evidence, float]
    reliability_weights: Mapping[str, float]
    interest: Mapping[str, float]
    own_evidence_by_kind: Mapping[OutletKind, Evidence] = field(default_factory=dict)
    calibration: Mapping[str, float] = field(default_factory=dict)

    def kind_of(self, kind: OutletKind, domain: str | None) -> OutletKind:
        """An outlet's kind: as recorded, else as the pack knows its domain."""
        if kind is OutletKind.UNKNOWN:
            known = self.known_outlet(domain)
            return known.kind if known else kind
        return kind

    def known_outlet(self, domain: str | None) -> KnownOutlet | None:
        """The listed publisher of ``domain`` or of a domain it is a subdomain of."""
        while domain:
            if domain in self.outlets:
                return self.outlets[domain]
            domain = domain.partition(".")[2] if "." in domain else ""
        return None

    def base_rate(self, stage: str) -> float:
        """The prior for a claim of ``stage`` (the mean of all stages if it is not listed)."""
        if stage in self.base_rates:
            return self.base_rates[stage]
        return sum(self.base_rates.values()) / len(self.base_rates)


def _fail(path: Path, message: str) -> InvalidPackError:
    return InvalidPackError(f"{path.name}: {message}")


def _mapping(path: Path, data: Mapping[str, Any], field: str) -> Mapping[str, Any]:
    value = data.get(field)
    if not isinstance(value, dict) or not value:
        raise _fail(path, f"`{field}` must be a non-empty mapping, got {value!r}")
    return value


def _number(path: Path, where: str, value: object, bounds: tuple[float, float]) -> float:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise _fail(path, f"`{where}` must be a number from {low} to {high}, got {value!r}")
    return float(value)


def _numbers(
    path: Path, data: Mapping[str, Any], field: str, keys: tuple[str, ...], high: float
) -> dict[str, float]:
    table = _mapping(path, data, field)
    unknown = sorted(set(table) - set(keys))
    if unknown:
        raise _fail(path, f"`{field}` has unknown keys {unknown}; valid: {', '.join(keys)}")
    return {key: _number(path, f"{field}.{key}", table[key], (0.0, high)) for key in table}


def _outlets(path: Path, entries: object) -> dict[str, KnownOutlet]:
    if not isinstance(entries, list):
        raise _fail(path, f"`outlets` must be a list, got {entries!r}")
    kinds = [kind.value for kind in OutletKind]
    found: dict[str, KnownOutlet] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(f), str) for f in ("domain", "kind", "name")
        ):
            raise _fail(path, f"each outlet needs text `domain`, `kind` and `name`: {entry!r}")
        if entry["kind"] not in kinds:
            raise _fail(path, f"outlet {entry['domain']}: `kind` must be one of {kinds}")
        country = entry.get("country")
        if country is not None and not isinstance(country, str):
            raise _fail(path, f"outlet {entry['domain']}: `country` must be text, got {country!r}")
        domain = entry["domain"].strip().lower()
        found[domain] = KnownOutlet(domain, OutletKind(entry["kind"]), entry["name"], country)
    return found


def load_policy(path: Path) -> AssessmentPolicy:
    """Read and check a pack's ``assessment.yaml``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(path, f"cannot be read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise _fail(path, f"not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise _fail(path, "must be a mapping of sections")
    grades = _mapping(path, data, "grades_by_kind")
    kinds = tuple(kind.value for kind in OutletKind)
    by_kind: dict[OutletKind, str] = {}
    for kind, grade in grades.items():
        if kind not in kinds or grade not in ADMIRALTY_GRADES:
            raise _fail(path, f"`grades_by_kind.{kind}`: kinds are {kinds}, grades A to F")
        by_kind[OutletKind(kind)] = grade
    base_rates = {
        stage: _number(path, f"base_rates.{stage}", value, (0.01, 0.99))
        for stage, value in _mapping(path, data, "base_rates").items()
    }
    evidence = _numbers(path, data, "evidence_weights", tuple(e.value for e in Evidence), 10.0)
    missing = sorted(e.value for e in Evidence if e.value not in evidence)
    if missing:
        raise _fail(path, f"`evidence_weights` lacks {missing}")
    reliability = _numbers(path, data, "reliability_weights", ADMIRALTY_GRADES, 1.0)
    if set(reliability) != set(ADMIRALTY_GRADES):
        raise _fail(path, "`reliability_weights` needs a weight for each grade A to F")
    interest = _numbers(path, data, "interest", INTERESTS, 10.0)
    if set(interest) != set(INTERESTS):
        raise _fail(path, f"`interest` needs {', '.join(INTERESTS)}")
    own: dict[OutletKind, Evidence] = {}
    own_table = data.get("own_evidence_by_kind") or {}
    if not isinstance(own_table, dict):
        raise _fail(path, f"`own_evidence_by_kind` must be a mapping, got {own_table!r}")
    for kind, brings in own_table.items():
        if kind not in kinds or brings not in {e.value for e in Evidence}:
            raise _fail(
                path,
                f"`own_evidence_by_kind.{kind}`: kinds are {kinds}, "
                f"evidence one of {[e.value for e in Evidence]}",
            )
        own[OutletKind(kind)] = Evidence(brings)
    return AssessmentPolicy(
        grades_by_kind=by_kind,
        outlets=_outlets(path, data.get("outlets", [])),
        base_rates=base_rates,
        evidence_weights={Evidence(k): v for k, v in evidence.items()},
        reliability_weights=reliability,
        interest=interest,
        own_evidence_by_kind=own,
        calibration=_numbers(path, data, "calibration", CALIBRATION, 10.0)
        if "calibration" in data
        else {},
    )
