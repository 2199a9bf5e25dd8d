"""FNC-1 stance: the shipped model on the competition test set, beside the published systems.

Prints the official weighted score, macro-F1, class-wise F1 and the confusion matrix
(scored by ``fnc1_scoring``, which is checked against archived outputs first), and the
throughput of ``StanceModel.predict`` over all 25,413 pairs, features and sentence
embeddings included. The hold-out figure is printed by ``scripts/train_stance.py``:
the shipped model was trained on all of train, hold-out included.

Usage: python bench/fnc1_stance.py [--data ../shared/data/fnc1] [--threads 2]
       [--model DIR]  (another model folder, trusted as it is; default the shipped one)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import fnc1_scoring

# assay's stance names back to FNC-1's labels.
FNC_NAMES = dict(
    zip(("supports", "refutes", "discusses", "unrelated"), fnc1_scoring.LABELS, strict=True)
)


def measure(data: Path = fnc1_scoring.DATA, threads: int = 2) -> fnc1_scoring.Scores:
    """The shipped model's scores on the competition test set (for the quality gate)."""
    from assay.match.stance import StanceModel  # noqa: PLC0415 - loads the model

    model = StanceModel.load(threads=threads)
    rows, bodies = fnc1_scoring.read_split(data, "test")
    found = model.predict([(r.headline, bodies[r.body_id]) for r in rows])
    return fnc1_scoring.score([r.stance for r in rows], [FNC_NAMES[p.label] for p in found])


def main() -> None:
    """Predict the competition test set and print the figures."""
    from assay.match.stance import StanceModel  # noqa: PLC0415 - loads the model
    from assay.match.stance.artifacts import MANIFEST, sha256  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=fnc1_scoring.DATA)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    problems = fnc1_scoring.check_scorer(args.data)
    if problems:
        raise SystemExit("the scorer does not reproduce PROVENANCE.md: " + "; ".join(problems))
    if args.model is None:
        model = StanceModel.load(threads=args.threads)
    else:
        digest = sha256((args.model / MANIFEST).read_bytes())
        model = StanceModel.load(args.model, expected_sha256=digest, threads=args.threads)
    rows, bodies = fnc1_scoring.read_split(args.data, "test")
    start = time.perf_counter()
    found = model.predict([(r.headline, bodies[r.body_id]) for r in rows])
    elapsed = time.perf_counter() - start
    scores = fnc1_scoring.score([r.stance for r in rows], [FNC_NAMES[p.label] for p in found])
    print(f"model {model.version}")
    print(fnc1_scoring.format_scores(f"assay stance, competition test ({len(rows)} pairs)", scores))
    print("published (FNC score, competition test):")
    for name, percent in fnc1_scoring.PUBLISHED.items():
        print(f"  {name:<16} {percent:.2f} %")
    print(f"  {'assay':<16} {scores.percent:.2f} %  (macro-F1 {scores.macro_f1:.3f})")
    documents = len({r.body_id for r in rows})
    print(
        f"{len(rows) / elapsed:.0f} pairs/s with {args.threads} threads ({elapsed:.0f} s; "
        f"{documents} distinct bodies, each embedded once: {documents / elapsed:.1f} bodies/s)"
    )


if __name__ == "__main__":
    main()
