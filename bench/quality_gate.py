"""The quality gate: measured figures must not fall below the floors in quality_floors.json.

Floors only rise. ``--raise-floors`` lifts every floor to the figure just measured when
that is higher and never lowers one; lowering a floor needs ``--allow-regression`` and a
reason in the commit. Figures whose data is absent (``../shared`` not beside the clone)
are reported as skipped, not passed.

Usage: python bench/quality_gate.py [--raise-floors] [--allow-regression]
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import article_extraction
import calibration
import claim_grouping
import claim_mentions
import document_stance
import emergent_stance
import extraction_quality
import fnc1_scoring
import fnc1_stance
import lineage
import near_duplicates

FLOORS = Path(__file__).resolve().parent / "quality_floors.json"


def _extraction() -> dict[str, float] | None:
    if not article_extraction.DATA.is_dir():
        return None
    figures = extraction_quality.measure()
    return {
        f"extraction.article_extraction.{name}": figures[name]
        for name in ("f1", "precision", "recall")
    }


def _near_duplicates() -> dict[str, float]:
    vocabulary = near_duplicates.build_vocabulary()
    figures = {}
    for share in (0.05, 0.15, 0.30):
        quality = near_duplicates.measure_quality(vocabulary, share)
        percent = round(share * 100)
        figures[f"near_duplicates.rewrites_{percent}pct.recall"] = quality.recall
        figures[f"near_duplicates.rewrites_{percent}pct.precision"] = quality.precision
    return figures


def _claim_mentions() -> dict[str, float]:
    figures = {}
    for part in claim_mentions.PARTS:
        measured = claim_mentions.figures(claim_mentions.measure(part))
        for name in (
            "precision",
            "recall",
            "modality_found_right",
            "attribution_type_found_right",
            "basis_found_right",
        ):
            figures[f"claim_mentions.{part}.{name}"] = measured[name]
    return figures


def _claim_grouping() -> dict[str, float]:
    figures = {}
    for part in claim_mentions.PARTS:
        grouping = claim_grouping.measure(part)
        figures[f"claim_grouping.{part}.bcubed_precision"] = grouping.precision
        figures[f"claim_grouping.{part}.bcubed_recall"] = grouping.recall
    return figures


def _document_stance() -> dict[str, float]:
    results = document_stance.run()
    right = sum(expected == found for _, _, expected, found in results)
    return {"document_stance.demo_corpus.accuracy": right / len(results)}


def _lineage() -> dict[str, float]:
    figures = lineage.totals(lineage.run())
    return {
        "lineage.demo_corpus.echo_precision": figures["echo_precision"],
        "lineage.demo_corpus.echo_recall": figures["echo_recall"],
    }


def _calibration() -> dict[str, float] | None:
    if not calibration.EMERGENT.is_dir():
        return None
    with contextlib.redirect_stdout(io.StringIO()):
        return calibration.run(refit=False)


def _fnc1() -> dict[str, float] | None:
    if not (fnc1_scoring.DATA / "competition_test_stances.csv").is_file():
        return None
    scores = fnc1_stance.measure()
    figures = {
        "stance.fnc1_test.fnc_score": scores.percent / 100,
        "stance.fnc1_test.macro_f1": scores.macro_f1,
    }
    figures.update({f"stance.fnc1_test.f1_{name}": value for name, value in scores.f1.items()})
    return figures


def _emergent() -> dict[str, float] | None:
    if not emergent_stance.DATA.is_dir():
        return None
    return {"stance.emergent_test.accuracy": emergent_stance.measure().accuracy}


MEASURES: dict[str, Callable[[], dict[str, float] | None]] = {
    "claim mentions on the team's labelled corpus (always present)": _claim_mentions,
    "claim grouping on the team's labelled corpus (always present)": _claim_grouping,
    "document stance on the demo corpus's manifest (always present)": _document_stance,
    "lineage on the demo corpus's manifest (always present)": _lineage,
    "claim assessment calibrated on Emergent (held-out test claims)": _calibration,
    "stance on the FNC-1 competition test set": _fnc1,
    "headline stance on the Emergent test split": _emergent,
    "extraction on article-extraction (181 real pages)": _extraction,
    "near-duplicates on generated rewrites (team-made, always present)": _near_duplicates,
}


def raised(floors: dict[str, float], measured: dict[str, float]) -> dict[str, float]:
    """The floors lifted to the measured figures where those are higher; never lowered."""
    updated = dict(floors)
    for name, value in measured.items():
        truncated = math.floor(value * 1000) / 1000
        if truncated > updated.get(name, -math.inf):
            updated[name] = truncated
    return updated


def main(argv: list[str]) -> int:
    """Measure, compare with the floors, print a line per figure; exit 1 on any regression."""
    floors: dict[str, float] = json.loads(FLOORS.read_text(encoding="utf-8"))
    measured: dict[str, float] = {}
    for label, measure in MEASURES.items():
        figures = measure()
        if figures is None:
            print(f"skipped: {label} (its data is absent)")
            continue
        measured.update(figures)
    failed = []
    for name, value in sorted(measured.items()):
        floor = floors.get(name)
        state = "ok" if floor is None or value >= floor else "BELOW FLOOR"
        print(f"{state:>11}  {name} = {value:.4f} (floor {floor})")
        if state != "ok":
            failed.append(name)
    if "--raise-floors" in argv:
        FLOORS.write_text(json.dumps(raised(floors, measured), indent=2) + "\n", encoding="utf-8")
        print(f"floors raised where the measured figure is higher: {FLOORS}")
    if failed and "--allow-regression" not in argv:
        print(f"quality gate FAILED: {', '.join(failed)}")
        return 1
    print("quality gate passed" if measured else "quality gate: nothing measured")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
