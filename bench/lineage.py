"""Lineage on the demo corpus: echo edges and independent lines against the manifest.

``examples/corpus/manifest.yaml`` gives, for each document and story claim, the origin
of the line of reporting it belongs to (``line``). This runs the whole pipeline on the
corpus in a temporary project (with the corpus's outlet file imported), traces each
story's main claim, and compares:

- echo edges: a document the manifest puts in another document's line is an echo of
  that origin. Precision and recall of (echo, origin) pairs over labelled documents.
  The two byte-identical files are one stored document with two captures, so the later
  file counts as an echo found where the manifest expects it.
- independent lines per claim: found against expected, in all and supporting.

The demo corpus was in view while lineage was written (there is no held-out part), so
take these as development figures.

Usage: python bench/lineage.py [--errors]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assay.project import Project
from assay.records import Assessment, ClaimTrace, Stance

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"

# Each story's main claim as stored claims spell it: supplier, recipient, item, stage.
STORY_CLAIMS = {
    "ru-ir-iskander": ("RUS", "IRN", "iskander-m", "delivery"),
    "ir-ru-fath360": ("IRN", "RUS", "fath-360", "delivery"),
    "kp-ru-kn23": ("PRK", "RUS", "kn-23", "delivery"),
    "ru-ir-su35": ("RUS", "IRN", "su-35", "deal"),
    "ir-sd-mohajer6": ("IRN", "SDN", "mohajer-6", "delivery"),
}


@dataclass
class StoryResult:
    """One story: its claim, the found and expected lines, and the echo pairs."""

    story: str
    claim_id: str | None
    expected_lines: dict[str, int]
    found_lines: dict[str, int]
    gold_echoes: set[tuple[str, str]]
    found_echoes: set[tuple[str, str]]
    assessment: Assessment | None = None


def _files_of(project: Project) -> dict[int, list[str]]:
    files: dict[int, list[str]] = {}
    for document in project.documents():
        names = sorted(Path(c.source).name for c in project.document(document.id).captures)
        files[document.key] = names
    return files


def _found_lines(trace: ClaimTrace, files: dict[int, list[str]]) -> dict[str, str]:
    """Each file in the trace -> the file of its line's origin."""
    found: dict[str, str] = {}
    for line in trace.lines:
        origin = files[line.origin.document.key][0]
        for name in files[line.origin.document.key]:
            found[name] = origin
        for echo in line.echoes:
            for name in files[echo.document.key]:
                found[name] = origin
    return found


def measure(project: Project) -> list[StoryResult]:
    """Trace and assess each story's main claim and compare with the manifest."""
    manifest: dict[str, Any] = yaml.safe_load(
        (CORPUS / "manifest.yaml").read_text(encoding="utf-8")
    )
    files = _files_of(project)
    claims = {
        (s.claim.supplier, s.claim.recipient, s.claim.item, s.claim.stage): s.claim.id
        for s in project.claims()
    }
    results = []
    for story, spelling in STORY_CLAIMS.items():
        gold = {
            entry["file"]: (label["line"], label["stance"])
            for entry in manifest["documents"]
            for label in entry.get("claims", [])
            if label["key"] == story
        }
        gold_echoes = {(f, line) for f, (line, _) in gold.items() if line != f}
        claim_id = claims.get(spelling)
        result = StoryResult(story, claim_id, manifest["lines"][story], {}, gold_echoes, set())
        if claim_id is not None:
            trace = project.trace(claim_id)
            found = _found_lines(trace, files)
            result.found_echoes = {(f, o) for f, o in found.items() if f in gold and o != f}
            result.found_lines = {
                "supporting": sum(1 for li in trace.lines if li.stance is Stance.SUPPORTS),
                "refuting": sum(1 for li in trace.lines if li.stance is Stance.REFUTES),
                "total": len(trace.lines),
            }
            [result.assessment] = project.assess([claim_id])
        results.append(result)
    return results


def run() -> list[StoryResult]:
    """Build a project from the demo corpus in a temporary folder and measure it."""
    with tempfile.TemporaryDirectory() as folder, Project.open(folder, create=True) as project:
        project.add([str(CORPUS)])
        project.extract()
        project.match()
        project.import_outlets(CORPUS / "outlets.yaml")
        return measure(project)


def totals(results: list[StoryResult]) -> dict[str, float]:
    """Echo-edge precision and recall over all stories, and line-count agreement."""
    gold = set().union(*(r.gold_echoes for r in results))
    found = set().union(*(r.found_echoes for r in results))
    right = len(gold & found)
    exact = sum(r.found_lines.get("total") == r.expected_lines["total"] for r in results)
    supporting = sum(
        r.found_lines.get("supporting") == r.expected_lines["supporting"] for r in results
    )
    return {
        "echo_precision": right / len(found) if found else 0.0,
        "echo_recall": right / len(gold) if gold else 0.0,
        "claims_with_expected_lines": exact / len(results),
        "claims_with_expected_supporting_lines": supporting / len(results),
        "mean_abs_line_error": sum(
            abs(r.found_lines.get("total", 0) - r.expected_lines["total"]) for r in results
        )
        / len(results),
    }


def main() -> int:
    """Print the figures (and with --errors, every wrong or missed echo)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--errors", action="store_true", help="list wrong and missed echoes")
    args = parser.parse_args()
    results = run()
    figures = totals(results)
    print(
        f"lineage, demo corpus: echo edges precision {figures['echo_precision']:.3f} "
        f"recall {figures['echo_recall']:.3f}; independent lines as expected in "
        f"{figures['claims_with_expected_lines']:.0%} of claims (supporting lines "
        f"{figures['claims_with_expected_supporting_lines']:.0%}), mean error "
        f"{figures['mean_abs_line_error']:.1f} lines"
    )
    for r in results:
        found = r.found_lines or {"supporting": 0, "refuting": 0, "total": 0}
        a = r.assessment
        verdict = f"{a.probability:.0%} {a.word}, {a.confidence} confidence" if a else "no claim"
        print(
            f"  {r.story:15} {r.claim_id or '-':4} lines {found['total']} (expected "
            f"{r.expected_lines['total']}), supporting {found['supporting']} (expected "
            f"{r.expected_lines['supporting']}), refuting {found['refuting']} (expected "
            f"{r.expected_lines['refuting']}); {verdict}"
        )
        if args.errors:
            for pair in sorted(r.found_echoes - r.gold_echoes):
                print(f"    wrong echo: {pair[0][:40]} -> {pair[1][:40]}")
            for pair in sorted(r.gold_echoes - r.found_echoes):
                print(f"    missed echo: {pair[0][:40]} -> {pair[1][:40]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
