"""Assessment time for one claim told by many documents (1,000 mentions by default).

A seeded set of short articles is written, all telling one claim: one sourced origin,
wire-style rewrites that cite it, near-copies with a sentence changed, unsourced
repeats padded with filler, and a few denials by the accused. They are added, extracted
and matched as ``assay add`` does (not timed), then the claim is traced (lineage edges
among all its documents, lines, grades) and assessed, and that is timed: the cost an
analyst waits for after each new batch of reporting. The articles are the team's own
template text about a fictional pair of states' transfer.

Usage: python bench/assessment_speed.py [--mentions 1000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import assay

ORIGIN = (
    "Iran delivers drones to Russia, officials say\n\n"
    "Iran has delivered Mohajer-6 drones to Russia, two U.S. officials said on Monday, "
    "citing an intelligence assessment. The officials said the drones were shipped across "
    "the Caspian Sea in several batches during the spring and handed to Russian units. "
    "Neither government responded to requests for comment.\n"
)
FILLER = (
    "Analysts say such reports deserve careful reading.",
    "The region has seen many such stories over the past year.",
    "Observers expect more details to emerge in the coming weeks.",
    "The story has drawn wide attention on social media.",
    "Experts note that verification of such claims takes time.",
    "Markets showed little reaction to the news on Tuesday.",
)


def _article(number: int, rng: random.Random) -> str:
    kind = number % 10
    if number == 0:
        return ORIGIN
    if kind < 4:
        return (
            f"Report: Tehran sent drones to Moscow ({number})\n\n"
            "According to Meridian Wire, Iran has delivered Mohajer-6 drones to Russia. "
            + " ".join(rng.sample(FILLER, 3))
            + "\n"
        )
    if kind < 7:
        return ORIGIN.replace("on Monday", f"on day {number}").replace(
            "Neither government", rng.choice(["Neither capital", "No government"])
        )
    if kind < 9:
        return (
            f"Iran sends drones to Russia: what we know ({number})\n\n"
            "Iran sends drones to Russia, and many people are talking about it. "
            "Iran has reportedly delivered Mohajer-6 drones to Russia. "
            + " ".join(rng.sample(FILLER, 4))
            + "\n"
        )
    return (
        f"Tehran denies drone report ({number})\n\n"
        "Iran's foreign ministry denied that Iran had delivered Mohajer-6 drones to Russia "
        "and called the report baseless.\n"
    )


def main() -> int:
    """Write, add and match the articles; time trace and assessment of the claim."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mentions", type=int, default=1000, help="documents telling the claim")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for number in range(args.mentions):
            (folder / f"{number:05d}.txt").write_text(_article(number, rng), encoding="utf-8")
        with assay.open(Path(tmp) / "project", create=True) as project:
            project.add([folder])
            project.extract()
            project.match()
            summary = max(project.claims(), key=lambda s: s.mentions)
            start = time.perf_counter()
            trace = project.trace(summary.claim.id)
            traced = time.perf_counter() - start
            start = time.perf_counter()
            [assessment] = project.assess([summary.claim.id])
            assessed = time.perf_counter() - start
    echoes = sum(len(line.echoes) for line in trace.lines)
    print(
        f"assessment of {summary.claim.id} ({summary.claim.text}): {summary.mentions} mentions "
        f"in {summary.documents} documents -> {len(trace.lines)} lines, {echoes} echoes, "
        f"{len(trace.edges)} edges; {assessment.probability:.0%} {assessment.word}"
    )
    print(
        f"  `assay trace`: {traced:.2f} s; "
        f"`assay assess` (traces, weighs, stores): {assessed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
