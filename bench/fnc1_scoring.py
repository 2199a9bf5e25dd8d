"""FNC-1 data reading and scoring, exactly as ``../shared/data/fnc1/PROVENANCE.md`` defines them.

The data is read in place from ``../shared/data/fnc1`` (never copied). Two metrics:

- the official weighted score: +0.25 for an unrelated row predicted unrelated; for a
  related row, +0.25 when any related label is predicted and +0.75 more when it is the
  gold label; reported as raw points and as a percentage of the maximum;
- Hanselowski et al.'s class-wise F1 and their unweighted mean (macro-F1), from the
  4x4 confusion matrix, with 0 for every empty denominator.

``check_scorer`` re-scores the archived competition outputs in ``reference_predictions/``
and compares them with the table in PROVENANCE.md, so the scorer is checked before any
figure of ours is trusted. Raw points must match exactly; rounded figures may differ by one
unit in their last printed place, because the table's Talos agree F1 (0.536) was evidently
rounded from rounded precision and recall (0.494, 0.585): the exact value is
2226/4157 = 0.53548. The training script and the stance benchmarks import the
readers from here so that every figure comes from one reading of the data.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fnc1"
LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset(LABELS[:3])

# The archived outputs scored by us, as printed in PROVENANCE.md:
# raw, percent, F1 agree, disagree, discuss, unrelated, macro-F1, accuracy.
REFERENCE = {
    "talos": (9555.00, 82.01, 0.536, 0.030, 0.761, 0.979, 0.576, 0.891),
    "athene": (9633.75, 82.68, 0.532, 0.126, 0.766, 0.983, 0.602, 0.896),
    "riedel": (9569.75, 82.13, 0.440, 0.078, 0.757, 0.976, 0.563, 0.886),
}
# Raw points exactly; the rest to one unit of the last printed place (see the docstring).
_TOLERANCES = (0.0, 0.01, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001)
# Published competition-test scores (FNC-1 leaderboard and baseline README), in percent.
PUBLISHED = {
    "FNC-1 baseline": 75.20,
    "Talos (rank 1)": 82.02,
    "Athene (rank 2)": 81.97,
    "UCLMR (rank 3)": 81.72,
}


@dataclass(frozen=True)
class StanceRow:
    """One labelled (headline, body) pair of FNC-1, in file order."""

    headline: str
    body_id: int
    stance: str


@dataclass(frozen=True)
class Scores:
    """FNC-1 figures for one set of predictions."""

    raw: float
    maximum: float
    f1: dict[str, float]
    accuracy: float
    confusion: list[list[int]]

    @property
    def percent(self) -> float:
        """The relative FNC-1 score the leaderboard reports."""
        return 100.0 * self.raw / self.maximum if self.maximum else 0.0

    @property
    def macro_f1(self) -> float:
        """Unweighted mean of the four class F1s."""
        return sum(self.f1[label] for label in LABELS) / len(LABELS)


def _rows(reader: csv.DictReader[str]) -> list[StanceRow]:
    return [StanceRow(row["Headline"], int(row["Body ID"]), row["Stance"]) for row in reader]


def read_stances(path: Path) -> list[StanceRow]:
    """Read a stances CSV (plain or gzipped), keeping the file order the scorer relies on."""
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            return _rows(csv.DictReader(handle))
    with path.open(encoding="utf-8", newline="") as handle:
        return _rows(csv.DictReader(handle))


def read_bodies(path: Path) -> dict[int, str]:
    """Read a bodies CSV into ``{Body ID: text}``; bodies hold newlines, so a real parser."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}


def read_holdout_ids(data: Path = DATA) -> set[int]:
    """Body ids of the baseline's hold-out split (the rest of train is its training part)."""
    with (data / "baseline_holdout_split.csv").open(encoding="utf-8", newline="") as handle:
        return {int(row["Body ID"]) for row in csv.DictReader(handle) if row["split"] == "holdout"}


def read_split(data: Path, name: str) -> tuple[list[StanceRow], dict[int, str]]:
    """Rows and bodies of ``train``, ``test`` (competition), ``fit`` or ``holdout``.

    ``fit`` and ``holdout`` split train by body id as the baseline did; tuning uses
    them only, and ``test`` is read once the model is fixed.
    """
    if name == "test":
        rows = read_stances(data / "competition_test_stances.csv")
        return rows, read_bodies(data / "competition_test_bodies.csv")
    rows = read_stances(data / "train_stances.csv")
    bodies = read_bodies(data / "train_bodies.csv")
    if name == "train":
        return rows, bodies
    holdout = read_holdout_ids(data)
    if name not in ("fit", "holdout"):
        raise ValueError(f"unknown split {name!r}; expected train, test, fit or holdout")
    keep = (name == "holdout").__eq__
    return [row for row in rows if keep(row.body_id in holdout)], bodies


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def score(gold: Sequence[str], predicted: Sequence[str]) -> Scores:
    """Score ``predicted`` labels against ``gold`` labels, row by row."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} gold rows")
    unknown = (set(gold) | set(predicted)) - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels {sorted(unknown)}; expected one of {LABELS}")
    index = {label: i for i, label in enumerate(LABELS)}
    confusion = [[0] * len(LABELS) for _ in LABELS]
    raw = maximum = 0.0
    for g, p in zip(gold, predicted, strict=True):
        confusion[index[g]][index[p]] += 1
        if g in RELATED:
            maximum += 1.0
            raw += (0.25 if p in RELATED else 0.0) + (0.75 if p == g else 0.0)
        else:
            maximum += 0.25
            raw += 0.25 if p == g else 0.0
    f1 = {}
    for i, label in enumerate(LABELS):
        tp = confusion[i][i]
        fp = sum(confusion[j][i] for j in range(len(LABELS))) - tp
        fn = sum(confusion[i]) - tp
        f1[label] = _f1(tp, fp, fn)
    correct = sum(confusion[i][i] for i in range(len(LABELS)))
    return Scores(raw, maximum, f1, correct / len(gold) if gold else 0.0, confusion)


def score_rows(gold: Sequence[StanceRow], predicted: Sequence[StanceRow]) -> Scores:
    """Score prediction rows, checking Headline and Body ID row by row as the official code."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} prediction rows for {len(gold)} gold rows")
    for number, (g, p) in enumerate(zip(gold, predicted, strict=True), start=2):
        if (g.headline, g.body_id) != (p.headline, p.body_id):
            raise ValueError(f"line {number}: prediction row does not match the gold row")
    return score([g.stance for g in gold], [p.stance for p in predicted])


def check_scorer(data: Path = DATA) -> list[str]:
    """Re-score the archived outputs; return the figures that differ from PROVENANCE.md."""
    gold = read_stances(data / "competition_test_stances.csv")
    problems = []
    for name, expected in REFERENCE.items():
        path = data / "reference_predictions" / f"{name}_submission.csv.gz"
        scores = score_rows(gold, read_stances(path))
        found = (
            scores.raw,
            scores.percent,
            *(scores.f1[label] for label in LABELS),
            scores.macro_f1,
            scores.accuracy,
        )
        for value, want, tolerance in zip(found, expected, _TOLERANCES, strict=True):
            if abs(value - want) > tolerance + 1e-9:
                problems.append(f"{name}: got {value:.4f}, PROVENANCE.md says {want}")
    return problems


def format_scores(name: str, scores: Scores) -> str:
    """Figures and the confusion matrix (rows gold, columns predicted) as printable lines."""
    per_class = "  ".join(f"{label} {scores.f1[label]:.3f}" for label in LABELS)
    lines = [
        f"{name}: FNC {scores.raw:,.2f} / {scores.maximum:,.2f} = {scores.percent:.2f} %  "
        f"macro-F1 {scores.macro_f1:.3f}  accuracy {scores.accuracy:.3f}",
        f"  F1: {per_class}",
        "  confusion (rows gold, columns predicted): " + " ".join(f"{x:>9}" for x in LABELS),
    ]
    for label, row in zip(LABELS, scores.confusion, strict=True):
        lines.append(f"  {label:>41} " + " ".join(f"{x:>9}" for x in row))
    return "\n".join(lines)


def main() -> None:
    """Check the scorer against the archived outputs and print their figures."""
    gold = read_stances(DATA / "competition_test_stances.csv")
    for name in REFERENCE:
        path = DATA / "reference_predictions" / f"{name}_submission.csv.gz"
        print(format_scores(name, score_rows(gold, read_stances(path))))
    problems = check_scorer()
    print("scorer check:", "ok" if not problems else "; ".join(problems))


if __name__ == "__main__":
    main()
