"""Calibrating the claim assessment on Emergent, checking it on RumourEval 2017.

Emergent (``../shared/data/emergent``) gives 300 rumoured claims, each with a veracity
label and the headline stances of the articles that reported it; RumourEval 2017
(``../shared/data/rumoureval2017``) gives 325 rumour threads with a veracity label and
the stance of every tweet. Both have the shape of assay's problem: many tellings, each
with a stance, and a claim that turned out true or false.

Each distinct source (an Emergent domain, a RumourEval tweet) becomes one line of
reporting with that stance, an ungraded origin (F) and a named but unexamined basis,
and goes through assay's own :func:`assay.assess.assess`. Neither set has bodies, so
no lineage can be traced: sources that copy each other count as independent here.

``--fit`` fits the pack's calibration parameters (``line_scale``, the pull of a line
relative to the pack's weights, and ``refute_scale``, a refuting line's pull relative to
a supporting one) and the data set's prior by minimising log loss on Emergent's 240
training claims (true and false only). Without it, the pack's stored values are used
and only the prior (the data set's own base rate) is fitted on the training claims.
Either way the figures are on the 60 held-out test claims (binary: true vs false;
three-way with the ICD 203 "roughly even chance" band read as "unknown"), against two
baselines: the training majority class, and a vote of stances (more for than against:
true), given as a smoothed share for the probability scores.

Usage: python bench/calibration.py [--fit]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from assay.assess import assess
from assay.packs import load_packs
from assay.packs.policy import AssessmentPolicy
from assay.records import (
    Claim,
    Document,
    Evidence,
    LineMember,
    ReportingLine,
    Stance,
)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
EMERGENT = SHARED / "emergent"
RUMOUREVAL = SHARED / "rumoureval2017"
EMERGENT_STANCES = {"for": Stance.SUPPORTS, "against": Stance.REFUTES}
RUMOUR_STANCES = {"support": Stance.SUPPORTS, "deny": Stance.REFUTES}
LINE_EVIDENCE = Evidence.NAMED_SOURCE
EVEN = (0.45, 0.55)  # ICD 203 "roughly even chance": read as "unknown" in the 3-way score


@dataclass(frozen=True)
class Case:
    """One claim: its split, its veracity (true/false/unknown) and its lines' stances."""

    key: str
    split: str
    truth: str
    stances: tuple[Stance, ...]


def read_emergent(folder: Path = EMERGENT) -> list[Case]:
    """One case per claim; a source's stance is the most frequent of its articles'."""
    split = {}
    with (folder / "claims.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            split[row["claimId"]] = (row["split"], row["claimTruth"])
    sources: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    with (folder / "edata_all.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            sources[row["claimId"]][row["source"]][row["articleHeadlineStance"]] += 1
    cases = []
    for claim, by_source in sorted(sources.items()):
        stances = tuple(
            EMERGENT_STANCES.get(counts.most_common(1)[0][0], Stance.DISCUSSES)
            for _, counts in sorted(by_source.items())
        )
        cases.append(Case(claim, *split[claim], stances))
    return cases


def read_rumoureval(folder: Path = RUMOUREVAL) -> list[Case]:
    """One case per thread; every labelled tweet is a line."""
    stances: dict[str, list[Stance]] = defaultdict(list)
    with (folder / "tweets.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            stances[row["thread_id"]].append(RUMOUR_STANCES.get(row["stance"], Stance.DISCUSSES))
    cases = []
    with (folder / "threads.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            truth = {"unverified": "unknown"}.get(row["veracity"], row["veracity"])
            cases.append(
                Case(row["thread_id"], row["split"], truth, tuple(stances[row["thread_id"]]))
            )
    return cases


def _document(number: int) -> Document:
    return Document(
        key=number,
        title=None,
        author=None,
        published=None,
        language=None,
        site_name=None,
        url=None,
        text="",
        raw_sha256="0" * 64,
        text_sha256="0" * 64,
        media_type="text/plain",
        added_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def _lines(case: Case) -> list[ReportingLine]:
    return [
        ReportingLine(n, LineMember(_document(n), stance, LINE_EVIDENCE, None, None), (), "F", 6)
        for n, stance in enumerate(case.stances, start=1)
    ]


def probability(case: Case, policy: AssessmentPolicy) -> float:
    """The probability assay gives the case's claim."""
    claim = Claim(0, None, None, "item", "claim", "claim")
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return assess(claim, _lines(case), policy, at=at, pack_sha256="").probability


def with_parameters(
    policy: AssessmentPolicy, prior: float, scale: float, refute: float
) -> AssessmentPolicy:
    """``policy`` with a prior for every stage and the two calibration parameters set."""
    return replace(
        policy,
        base_rates={"claim": prior},
        calibration={"line_scale": scale, "refute_scale": refute},
    )


def _binary(cases: Sequence[Case]) -> list[Case]:
    return [c for c in cases if c.truth in ("true", "false")]


def log_loss(cases: Sequence[Case], predict: Callable[[Case], float]) -> float:
    """Mean negative log-likelihood of the true/false labels."""
    total = 0.0
    for case in cases:
        p = min(max(predict(case), 1e-6), 1 - 1e-6)
        total -= math.log(p if case.truth == "true" else 1 - p)
    return total / len(cases)


def fit(
    policy: AssessmentPolicy, train: Sequence[Case], free: int, fixed: tuple[float, float]
) -> tuple[float, float, float]:
    """Prior and the first ``free - 1`` of (line scale, refute scale), by training log loss.

    The prior is the data set's own base rate in log-odds, so it is always fitted; the
    parameters not fitted keep the values in ``fixed``.
    """
    cases = _binary(train)

    def parameters(x: np.ndarray) -> tuple[float, float, float]:
        scales = [math.exp(v) for v in x[1:]] + list(fixed[len(x) - 1 :])
        return 1 / (1 + math.exp(-x[0])), scales[0], scales[1]

    def loss(x: np.ndarray) -> float:
        fitted = with_parameters(policy, *parameters(x))
        return log_loss(cases, lambda c: probability(c, fitted))

    start = np.zeros(free)
    best = minimize(loss, start, method="Nelder-Mead", options={"xatol": 1e-4, "fatol": 1e-6})
    return parameters(best.x)


@dataclass(frozen=True)
class Scores:
    """Held-out figures of one predictor."""

    brier: float
    log_loss: float
    accuracy: float
    accuracy_3way: float


def score(cases: Sequence[Case], predict: Callable[[Case], float]) -> Scores:
    """Binary Brier, log loss and accuracy over true/false cases; 3-way accuracy over all."""
    binary = _binary(cases)
    brier = sum((predict(c) - (c.truth == "true")) ** 2 for c in binary) / len(binary)
    right = sum((predict(c) >= 0.5) == (c.truth == "true") for c in binary)

    def three_way(p: float) -> str:
        return "unknown" if EVEN[0] <= p < EVEN[1] else ("true" if p >= EVEN[1] else "false")

    right3 = sum(three_way(predict(c)) == c.truth for c in cases)
    return Scores(brier, log_loss(binary, predict), right / len(binary), right3 / len(cases))


def vote(case: Case) -> float:
    """Baseline: the smoothed share of supporting among supporting and refuting lines."""
    n_for = case.stances.count(Stance.SUPPORTS)
    n_against = case.stances.count(Stance.REFUTES)
    return (n_for + 1) / (n_for + n_against + 2)


def reliability_table(cases: Sequence[Case], predict: Callable[[Case], float]) -> list[str]:
    """Predicted against observed frequency, in five bins (true/false cases)."""
    rows = []
    edges = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)
    binary = _binary(cases)
    for low, high in itertools.pairwise(edges):
        inside = [c for c in binary if low <= predict(c) < high]
        if not inside:
            rows.append(f"    {low:.1f}-{min(high, 1):.1f}: no claims")
            continue
        mean = sum(predict(c) for c in inside) / len(inside)
        seen = sum(c.truth == "true" for c in inside) / len(inside)
        rows.append(
            f"    {low:.1f}-{min(high, 1):.1f}: {len(inside):3} claims, "
            f"predicted {mean:.2f}, true {seen:.2f}"
        )
    return rows


def _print(name: str, s: Scores) -> None:
    print(
        f"  {name:34} Brier {s.brier:.3f}  log loss {s.log_loss:.3f}  accuracy {s.accuracy:.3f}"
        f"  3-way accuracy {s.accuracy_3way:.3f}"
    )


def run(refit: bool) -> dict[str, float]:
    """Print every figure; return the ones the quality gate keeps."""
    [pack] = [p for p in load_packs() if p.policy is not None][:1]
    policy = pack.policy
    assert policy is not None
    cases = read_emergent()
    train = [c for c in cases if c.split == "train"]
    test = [c for c in cases if c.split == "test"]
    binary_train = _binary(train)
    base = sum(c.truth == "true" for c in binary_train) / len(binary_train)
    if refit:
        free = fit(policy, train, 3, (1.0, 1.0))
        print(
            f"fitted on {len(binary_train)} Emergent training claims, refute_scale free: "
            f"prior {free[0]:.3f}, line_scale {free[1]:.3f}, refute_scale {free[2]:.3f}"
        )
        fitted_free = with_parameters(policy, *free)
        _print(
            "held out, refute_scale free",
            score([c for c in cases if c.split == "test"], lambda c: probability(c, fitted_free)),
        )
        prior, scale, refute = fit(policy, train, 2, (1.0, 1.0))
        print(
            f"fitted with refute_scale 1 (the pack's choice): prior {prior:.3f}, "
            f"line_scale {scale:.3f}"
        )
    else:
        stored = (
            policy.calibration.get("line_scale", 1.0),
            policy.calibration.get("refute_scale", 1.0),
        )
        prior, scale, refute = fit(policy, train, 1, stored)
        print(
            f"pack calibration: line_scale {scale:.3f}, refute_scale {refute:.3f}; "
            f"prior {prior:.3f} fitted on Emergent's training claims"
        )
    fitted = with_parameters(policy, prior, scale, refute)
    predictors: dict[str, Callable[[Case], float]] = {
        "assay (calibrated)": lambda c: probability(c, fitted),
        "baseline: base rate (majority class)": lambda c: base,
        "baseline: vote of stances": vote,
    }
    print(f"Emergent test: {len(_binary(test))} true/false claims of {len(test)}")
    results = {name: score(test, predict) for name, predict in predictors.items()}
    for name, s in results.items():
        _print(name, s)
    print("  reliability (assay, Emergent test):")
    print("\n".join(reliability_table(test, predictors["assay (calibrated)"])))
    figures = {
        "calibration.emergent_test.accuracy": results["assay (calibrated)"].accuracy,
        "calibration.emergent_test.brier_skill": 1
        - results["assay (calibrated)"].brier
        / results["baseline: base rate (majority class)"].brier,
    }
    if RUMOUREVAL.is_dir():
        threads = read_rumoureval()
        for split in ("test", "all"):
            chosen = threads if split == "all" else [t for t in threads if t.split == split]
            print(
                f"RumourEval 2017 {split}: {len(_binary(chosen))} true/false threads of "
                f"{len(chosen)} (parameters from Emergent, unchanged)"
            )
            for name, predict in predictors.items():
                _print(name, score(chosen, predict))
        print("  reliability (assay, RumourEval all):")
        print("\n".join(reliability_table(threads, predictors["assay (calibrated)"])))
    return figures


def main() -> int:
    """Fit (with --fit) and print the held-out figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--fit", action="store_true", help="fit the parameters on Emergent train")
    args = parser.parse_args()
    if not EMERGENT.is_dir():
        print(f"skipped: {EMERGENT} not found")
        return 0
    run(args.fit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
