"""Document stance on the demo corpus, against the stances its manifest was written with.

``examples/corpus/manifest.yaml`` labels each document's stance (supports, refutes,
discusses) on each of the five story claims it bears on. This runs the whole pipeline
(ingest, extraction, matching, stance reading) on the corpus in a temporary project,
then reads each labelled (document, story) pair off the stored claims: the story's
parties with its system or the system's category, at any stage. Where several stored
claims fit, a reading from the document's own mentions comes before a reading of the
text alone, then the reading with most mentions. A pair with no reading counts as
``unrelated``, so as an error.

The demo corpus was in view while the way mentions and model are combined was chosen
(there is no held-out part for document stance): take this as a development figure.

Usage: python bench/document_stance.py
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from assay.project import Project
from assay.records import ClaimDocument, Stance, StanceBasis

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"


@dataclass(frozen=True)
class Story:
    """A manifest claim key as stored claims spell it."""

    supplier: str
    recipient: str
    items: frozenset[str]


STORIES = {
    "ru-ir-iskander": Story("RUS", "IRN", frozenset({"iskander-m", "category:ballistic_missile"})),
    "ir-ru-fath360": Story("IRN", "RUS", frozenset({"fath-360", "category:ballistic_missile"})),
    "kp-ru-kn23": Story(
        "PRK", "RUS", frozenset({"kn-23", "category:ballistic_missile", "category:artillery"})
    ),
    "ru-ir-su35": Story("RUS", "IRN", frozenset({"su-35", "category:combat_aircraft"})),
    "ir-sd-mohajer6": Story("IRN", "SDN", frozenset({"mohajer-6", "category:drone"})),
}


def _preference(row: ClaimDocument) -> tuple[bool, int, float]:
    return (row.stance.basis is StanceBasis.MENTIONS, len(row.mentions), row.stance.score)


def measure(project: Project) -> list[tuple[str, str, Stance, Stance]]:
    """(file, story, expected, found) for every labelled pair."""
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    by_name = {
        Path(capture.source).name: document.key
        for document in project.documents()
        for capture in project.document(document.id).captures
    }
    readings: dict[tuple[int, str], list[ClaimDocument]] = {}
    for summary in project.claims():
        claim = summary.claim
        for name, story in STORIES.items():
            if (claim.supplier, claim.recipient) == (story.supplier, story.recipient) and (
                claim.item in story.items
            ):
                for row in project.claim(claim.id).documents:
                    readings.setdefault((row.document.key, name), []).append(row)
    results = []
    for entry in manifest["documents"]:
        key = by_name.get(entry["file"])
        for label in entry.get("claims", []):
            found = readings.get((key, label["key"]), []) if key is not None else []
            best = max(found, key=_preference).stance.stance if found else Stance.UNRELATED
            results.append((entry["file"], label["key"], Stance(label["stance"]), best))
    return results


def run() -> list[tuple[str, str, Stance, Stance]]:
    """Build a project from the demo corpus in a temporary folder and measure it."""
    with tempfile.TemporaryDirectory() as folder, Project.open(folder, create=True) as project:
        project.add([str(CORPUS)])
        project.extract()
        project.match()
        return measure(project)


def main() -> int:
    """Run the pipeline on the demo corpus and print agreement with the manifest."""
    results = run()
    right = sum(expected == found for _, _, expected, found in results)
    print(f"document stance, demo corpus: {right}/{len(results)} = {right / len(results):.3f}")
    confusion = Counter((expected, found) for _, _, expected, found in results)
    stances = list(Stance)
    print("  confusion (rows manifest, columns assay): " + " ".join(f"{s:>10}" for s in stances))
    for expected in stances[:3]:
        cells = " ".join(f"{confusion[(expected, found)]:>10}" for found in stances)
        print(f"  {expected:>41} {cells}")
    for name, story, expected, found in results:
        if expected != found:
            print(f"  {name} {story}: manifest {expected}, assay {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
