"""Assessment time for one claim told by many documents (1,000 by default).

A seeded set of short dated articles from many outlets is written, all telling one
claim: a wire's sourced origin, newspaper rewrites that cite the wire by name, near-copies
of it with a sentence changed, content-farm repeats padded with filler, and a few
denials by the accused. They are added, extracted and matched as ``assay add`` does (not
timed); then the claim is traced (lineage edges among all its documents, lines, grades)
and assessed, each timed: the wait after each new batch of reporting. The texts are the
team's own template sentences.

Usage: python bench/assessment_speed.py [--documents 1000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import assay

BODY = (
    "Iran has delivered Mohajer-6 drones to Russia, two U.S. officials said on {day}, "
    "citing an intelligence assessment. The officials said the drones were shipped across "
    "the Caspian Sea in several batches during the spring and handed to Russian units. "
    "{closing} responded to requests for comment.\n"
)
FILLER = (
    "Analysts say such reports deserve careful reading.",
    "The region has seen many such stories over the past year.",
    "Observers expect more details to emerge in the coming weeks.",
    "The story has drawn wide attention on social media.",
    "Experts note that verification of such claims takes time.",
    "Markets showed little reaction to the news on Tuesday.",
)


def _front(number: int, title: str, domain: str, site: str) -> str:
    """Front matter, and the headline again as the text's first line, as pages print it."""
    day = 1 + number // 40
    return (
        f"---\ntitle: {title}\nurl: https://{domain}/story-{number}\nsite_name: {site}\n"
        f"published: 2026-03-{min(day, 28):02d}T{number % 24:02d}:00:00Z\n---\n"
        f"{title} (story {number})\n\n"
    )


def _article(number: int, rng: random.Random) -> str:
    kind = number % 10
    if number == 0:
        head = _front(0, "Iran delivers drones to Russia, officials say", "wire.example", "Wire")
        return head + BODY.format(day="Monday", closing="Neither government")
    if kind < 4:
        paper = f"paper{number % 37}.example"
        return _front(
            number, f"Tehran sent drones to Moscow ({number})", paper, f"Paper {number % 37}"
        ) + (
            "According to Wire, which first reported it, Iran has delivered Mohajer-6 drones to "
            "Russia. " + " ".join(rng.sample(FILLER, 3)) + "\n"
        )
    if kind < 7:
        mirror = f"mirror{number % 23}.example"
        return _front(number, "Iran delivers drones to Russia", mirror, f"Mirror {number % 23}") + (
            BODY.format(day=f"day {number}", closing=rng.choice(["Neither capital", "No one"]))
        )
    if kind < 9:
        farm = f"farm{number % 11}.example"
        return _front(
            number,
            f"Iran sends drones to Russia: what we know ({number})",
            farm,
            f"Farm {number % 11}",
        ) + (
            "Iran sends drones to Russia, and many people are talking about it. "
            "Iran has reportedly delivered Mohajer-6 drones to Russia. "
            + " ".join(rng.sample(FILLER, 4))
            + "\n"
        )
    paper = f"paper{number % 37}.example"
    return _front(
        number, f"Tehran denies drone report ({number})", paper, f"Paper {number % 37}"
    ) + (
        "Iran's foreign ministry denied that Iran had delivered Mohajer-6 drones to Russia "
        "and called the report baseless.\n"
    )


def main() -> int:
    """Write, add and match the articles; time trace and assessment of the claim."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--documents", type=int, default=1000, help="articles telling the claim")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for number in range(args.documents):
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
