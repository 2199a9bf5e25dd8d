r"""Scoring main-text extraction on the Zyte/Scrapinghub article-extraction benchmark.

The data is read in place from ``../shared/data/article-extraction`` (never copied).
The scorer follows the benchmark's evaluate.py as its PROVENANCE.md describes it:
``\w+`` tokens, multisets of 4-token shingles, per-page TP/FP/FN normalised to sum to
one, precision and recall averaged over pages, F1 from the two means, and exact-match
accuracy on token lists. ``check_scorer`` re-scores the archived outputs of other
systems and compares with the published table, so the scorer is checked before our
own figures are trusted.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "article-extraction"
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4

# Published point estimates (README of the benchmark, as listed in PROVENANCE.md).
PUBLISHED = {
    "trafilatura": (0.958, 0.938, 0.978, 0.293),
    "rs_trafilatura": (0.970, 0.951, 0.990, 0.287),
    "go_trafilatura": (0.960, 0.940, 0.980, 0.287),
    "readability": (0.922, 0.913, 0.931, 0.315),
    "html-text": (0.665, 0.500, 0.994, 0.000),
    "AutoExtract": (0.970, 0.984, 0.956, 0.470),
    "Diffbot": (0.951, 0.958, 0.944, 0.348),
}


@dataclass(frozen=True)
class Scores:
    """Benchmark figures for one system."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    pages: int


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < _SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


def _page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    expected, found = _shingles(truth), _shingles(predicted)
    tp = fp = fn = 0
    for shingle in expected.keys() | found.keys():
        t, p = expected[shingle], found[shingle]
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(truth: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Score ``predicted`` bodies against ``truth`` bodies (both keyed by page id)."""
    if set(truth) != set(predicted):
        raise ValueError("predictions must cover exactly the ground-truth ids")
    precisions, recalls, exact = [], [], 0
    for key, body in truth.items():
        tp, fp, fn = _page_counts(body, predicted[key])
        if fp == 0 and fn == 0:
            precision = recall = 1.0
        else:
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
        if tp + fp > 0:
            precisions.append(precision)
        if tp + fn > 0:
            recalls.append(recall)
        exact += _TOKEN.findall(body) == _TOKEN.findall(predicted[key])
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(f1, p, r, exact / len(truth), len(truth))


def load_truth(data: Path = DATA) -> dict[str, str]:
    """Ground-truth article bodies by page id."""
    raw = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value["articleBody"] for key, value in raw.items()}


def load_reference(system: str, data: Path = DATA) -> dict[str, str]:
    """The archived output of another system, by page id."""
    with gzip.open(data / "reference_outputs" / f"{system}.json.gz", "rt", encoding="utf-8") as f:
        raw = json.load(f)
    output = raw.get("output", raw) if isinstance(raw, dict) and "output" in raw else raw
    return {key: (value.get("articleBody") or "") for key, value in output.items()}


def load_pages(data: Path = DATA) -> dict[str, bytes]:
    """The raw HTML bytes of every page, by page id."""
    return {
        path.name.removesuffix(".html.gz"): gzip.decompress(path.read_bytes())
        for path in sorted((data / "html").glob("*.html.gz"))
    }


def check_scorer(data: Path = DATA, tolerance: float = 0.0015) -> list[str]:
    """Re-score the archived systems; return the ones that do not match the published table."""
    truth = load_truth(data)
    mismatches = []
    for system, published in PUBLISHED.items():
        scores = score(truth, load_reference(system, data))
        mine = (scores.f1, scores.precision, scores.recall, scores.accuracy)
        if any(abs(a - b) > tolerance for a, b in zip(mine, published, strict=True)):
            mismatches.append(f"{system}: scored {mine}, published {published}")
    return mismatches


def extract_all(pages: Mapping[str, bytes], extract: Callable[[bytes], str]) -> dict[str, str]:
    """Run ``extract`` over every page."""
    return {key: extract(raw) for key, raw in pages.items()}
