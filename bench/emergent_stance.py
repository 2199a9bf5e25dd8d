"""Emergent headline stance: the shipped model's headline head on the 524 test articles.

Ferreira & Vlachos (NAACL 2016) label each article headline ``for``, ``against`` or
``observing`` toward its claim; their logistic regression reached 73 % accuracy on the
test split (60 claims, 524 articles). The data is read in place from
``../shared/data/emergent`` (never copied). The headline head was trained on the
training split only (240 claims); the test split is never used for training or tuning.

Usage: python bench/emergent_stance.py [--data ../shared/data/emergent] [--threads 2]
       [--model DIR]  (another model folder, trusted as it is; default the shipped one)
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "emergent"
LABELS = ("for", "against", "observing")
# Emergent's labels as assay's stance names (FNC-1's agree, disagree, discuss).
STANCES = {"for": "supports", "against": "refutes", "observing": "discusses"}
PUBLISHED_ACCURACY = 0.7328  # Ferreira & Vlachos 2016, mscproject README


@dataclass(frozen=True)
class HeadlinePair:
    """One article headline, its claim, the gold stance and the claim id (for grouping)."""

    claim: str
    headline: str
    stance: str
    claim_id: str


def read_pairs(path: Path) -> list[HeadlinePair]:
    """Read a ``url-versions-2015-06-14-clean*.csv`` file in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            HeadlinePair(
                row["claimHeadline"],
                row["articleHeadline"],
                row["articleHeadlineStance"],
                row["claimId"],
            )
            for row in csv.DictReader(handle)
        ]


def read_split(data: Path, name: str) -> list[HeadlinePair]:
    """The ``train`` (240 claims) or ``test`` (60 claims) split."""
    if name not in ("train", "test"):
        raise ValueError(f"unknown split {name!r}; expected train or test")
    return read_pairs(data / f"url-versions-2015-06-14-clean-{name}.csv")


@dataclass(frozen=True)
class HeadlineScores:
    """Accuracy, per-class F1 and the confusion matrix (rows gold, columns predicted)."""

    accuracy: float
    f1: dict[str, float]
    confusion: list[list[int]]


def score(gold: Sequence[str], predicted: Sequence[str]) -> HeadlineScores:
    """Score Emergent labels (for / against / observing) row by row."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} gold rows")
    index = {label: i for i, label in enumerate(LABELS)}
    confusion = [[0] * len(LABELS) for _ in LABELS]
    for g, p in zip(gold, predicted, strict=True):
        confusion[index[g]][index[p]] += 1
    f1 = {}
    for i, label in enumerate(LABELS):
        tp = confusion[i][i]
        predicted_count = sum(row[i] for row in confusion)
        gold_count = sum(confusion[i])
        f1[label] = 2 * tp / (predicted_count + gold_count) if predicted_count + gold_count else 0.0
    correct = sum(confusion[i][i] for i in range(len(LABELS)))
    return HeadlineScores(correct / len(gold) if gold else 0.0, f1, confusion)


def format_scores(name: str, scores: HeadlineScores) -> str:
    """Printable figures."""
    per_class = "  ".join(f"{label} {scores.f1[label]:.3f}" for label in LABELS)
    lines = [f"{name}: accuracy {scores.accuracy:.4f}  F1: {per_class}"]
    header = " ".join(f"{x:>9}" for x in LABELS)
    lines.append(f"  confusion (rows gold, columns predicted): {header}")
    for label, row in zip(LABELS, scores.confusion, strict=True):
        lines.append(f"  {label:>41} " + " ".join(f"{x:>9}" for x in row))
    return "\n".join(lines)


def measure(data: Path = DATA, threads: int = 2) -> HeadlineScores:
    """The shipped model's scores on the Emergent test split (for the quality gate)."""
    from assay.match.stance import StanceModel  # noqa: PLC0415 - loads the model

    pairs = read_split(data, "test")
    predictions = StanceModel.load(threads=threads).predict_headlines(
        [(p.claim, p.headline) for p in pairs]
    )
    back = {stance: label for label, stance in STANCES.items()}
    return score([p.stance for p in pairs], [back[x.label.value] for x in predictions])


def main() -> None:
    """Predict the test split with the shipped model and print the figures."""
    from assay.match.stance import StanceModel  # noqa: PLC0415 - loads the model
    from assay.match.stance.artifacts import MANIFEST, sha256  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    pairs = read_split(args.data, "test")
    if args.model is None:
        model = StanceModel.load(threads=args.threads)
    else:
        digest = sha256((args.model / MANIFEST).read_bytes())
        model = StanceModel.load(args.model, expected_sha256=digest, threads=args.threads)
    start = time.perf_counter()
    predictions = model.predict_headlines([(p.claim, p.headline) for p in pairs])
    elapsed = time.perf_counter() - start
    back = {stance: label for label, stance in STANCES.items()}
    scores = score([p.stance for p in pairs], [back[x.label.value] for x in predictions])
    print(f"model {model.version}")
    print(format_scores(f"Emergent headline stance, test ({len(pairs)} articles)", scores))
    print(f"published: Ferreira & Vlachos 2016 accuracy {PUBLISHED_ACCURACY:.4f}")
    print(f"{len(pairs) / elapsed:.0f} pairs/s with {args.threads} threads")


if __name__ == "__main__":
    main()
