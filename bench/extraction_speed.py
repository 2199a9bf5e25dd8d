"""Claim-extraction speed: documents per second on demo-like 700-word articles.

Articles are assembled (seeded, so every run reads the same text) from the sentences
of the bundled demo corpus (examples/corpus, written by the team): a headline, then
paragraphs of sentences drawn until the article passes 700 words. They are added to a
fresh project without extraction, then ``Project.extract`` is timed the way
``assay add`` runs it: worker processes, one per core unless ``--jobs`` says
otherwise. The share of sentences sent to the parser shows what the pre-filter saves.

Usage: python bench/extraction_speed.py [--documents 1000] [--jobs 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import assay
from assay.extract.sentences import split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
WORDS = 700


def _sentence_pool() -> tuple[list[str], list[str]]:
    headlines: list[str] = []
    body: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, assay.open(Path(tmp), create=True) as project:
        project.add([CORPUS])
        for document in project.documents():
            headlines.append(document.title or split_sentences(document.text)[0].text)
            body.extend(s.text for s in split_sentences(document.text))
    return headlines, body


def write_articles(folder: Path, count: int, seed: int = 11) -> int:
    """Write ``count`` articles of at least 700 words; return the number of words."""
    rng = random.Random(seed)
    headlines, body = _sentence_pool()
    total = 0
    for number in range(count):
        paragraphs: list[str] = []
        words = 0
        while words < WORDS:
            paragraph = " ".join(rng.sample(body, 4))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        text = rng.choice(headlines) + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"article-{number:05d}.txt").write_text(text, encoding="utf-8")
        total += words
    return total


def run(count: int, jobs: int) -> dict[str, float]:
    """Time extraction over ``count`` articles; return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "articles"
        inputs.mkdir()
        words = write_articles(inputs, count)
        with assay.open(Path(tmp) / "project", create=True) as project:
            project.add([inputs])
        overrides = {"jobs": jobs} if jobs else None
        with assay.Project.open(Path(tmp) / "project", overrides=overrides) as project:
            started = time.perf_counter()
            report = project.extract()
            seconds = time.perf_counter() - started
    return {
        "documents": report.documents,
        "words_per_document": words / count,
        "seconds": seconds,
        "documents_per_second": report.documents / seconds,
        "sentences": report.sentences,
        "parsed": report.parsed,
        "parsed_share": report.parsed_share,
        "mentions": report.mentions,
    }


def main(argv: list[str]) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per core)")
    args = parser.parse_args(argv)
    figures = run(args.documents, args.jobs)
    print(
        f"extraction: {figures['documents']:.0f} documents of {figures['words_per_document']:.0f} "
        f"words in {figures['seconds']:.1f} s = {figures['documents_per_second']:.1f} docs/s; "
        f"parsed {figures['parsed']:.0f} of {figures['sentences']:.0f} sentences "
        f"({figures['parsed_share']:.1%}); {figures['mentions']:.0f} mentions"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
