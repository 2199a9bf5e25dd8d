"""Grading outlets: one at a time from the command line, or from an outlet file.

A grade is appended to the outlet's history with who gave it, when and why; the latest
is the outlet's current grade. An outlet file is YAML, a list of entries such as
``{domain: meridianwire.example, kind: wire, grade: B, note: "..."}``: each entry is
checked on its own, a bad one is reported with its position and why, and the good
ones are still recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from assay.errors import InputError, NotFoundError
from assay.records import ADMIRALTY_GRADES, OutletGrade, OutletKind
from assay.store import Store
from assay.store.repository import Repository

KINDS = tuple(kind.value for kind in OutletKind)


@dataclass(slots=True)
class OutletFileReport:
    """What an outlet file changed, and the entries that were refused."""

    graded: list[str] = field(default_factory=list)
    kinds_set: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every entry was recorded."""
        return not self.failures and not self.unknown


def check_grade(grade: str) -> str:
    """``grade`` upper-cased, or a ValueError naming the valid grades."""
    value = grade.strip().upper()
    if value not in ADMIRALTY_GRADES:
        raise ValueError(f"grade must be one of {', '.join(ADMIRALTY_GRADES)}, got {grade!r}")
    return value


def check_kind(kind: str | None) -> OutletKind | None:
    """``kind`` as an OutletKind, or a ValueError naming the valid kinds."""
    if kind is None:
        return None
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    return OutletKind(kind)


def _outlet_key(repo: Repository, target: str) -> int:
    key = repo.find_outlet_by_domain(target)
    if key is None:
        raise NotFoundError(
            f"no outlet {target!r} in this project", hint="list outlets with `assay outlets`"
        )
    return key


@dataclass(frozen=True, slots=True)
class GradeRequest:
    """A grade to give: the letter, optionally the outlet's kind, why, and who gives it."""

    grade: str
    kind: str | None = None
    note: str = ""
    by: str = "analyst"


def grade_outlet(store: Store, target: str, request: GradeRequest) -> OutletGrade:
    """Append a grade for the outlet whose domain (or name) is ``target``."""
    try:
        grade, kind = check_grade(request.grade), check_kind(request.kind)
    except ValueError as exc:
        raise InputError(target, str(exc)) from None
    with store.transaction() as repo:
        key = _outlet_key(repo, target)
        record = OutletGrade(key, grade, kind, request.note, request.by, datetime.now(UTC))
        repo.add_outlet_grade(record)
    return record


def _entry(repo: Repository, entry: Any, by: str, report: OutletFileReport) -> None:  # noqa: ANN401
    if not isinstance(entry, dict) or not isinstance(entry.get("domain"), str):
        raise ValueError("each entry must be a mapping with a `domain`")
    domain = entry["domain"]
    kind = check_kind(entry.get("kind"))
    grade = check_grade(str(entry["grade"])) if entry.get("grade") is not None else None
    country = entry.get("country")
    if country is not None and not isinstance(country, str):
        raise ValueError("`country` must be text")
    if kind is None and grade is None:
        raise ValueError(f"{domain}: give a `kind`, a `grade` or both")
    key = repo.find_outlet_by_domain(domain)
    if key is None:
        report.unknown.append(domain)
        return
    if grade is not None:
        note = str(entry.get("note") or "")
        repo.add_outlet_grade(OutletGrade(key, grade, kind, note, by, datetime.now(UTC)), country)
        report.graded.append(domain)
    elif kind is not None:
        repo.set_outlet_kind(key, kind, country)
        report.kinds_set.append(domain)


def import_outlet_file(store: Store, path: Path, by: str = "analyst") -> OutletFileReport:
    """Record the kinds and grades listed in the YAML outlet file ``path``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"is not valid YAML: {exc}") from None
    entries = data.get("outlets") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise InputError(str(path), "must be a list of outlets (or a mapping with `outlets:`)")
    report = OutletFileReport()
    with store.transaction() as repo:
        for number, entry in enumerate(entries, start=1):
            try:
                with repo.savepoint():
                    _entry(repo, entry, by, report)
            except ValueError as exc:
                report.failures.append(f"{path}: entry {number}: {exc}")
    return report
