"""Sentence-embedding speed: sentences per second through the encoder and through the cache.

Sentences are drawn (seeded, so every run reads the same text) from the bundled demo
corpus (examples/corpus, written by the team), after it is added to a throw-away
project and split the way extraction splits it. Three figures: the bare encoder
(every sentence encoded, no cache), a cold cache (distinct sentences encoded and
written to the project store), and a warm cache (every sentence read back from the
store). Model loading is timed apart, since it happens once per process.

Usage: python bench/embedding_speed.py [--sentences 2000] [--threads 2] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

import assay
from assay.extract.sentences import split_sentences
from assay.match.embeddings import DEFAULT_BATCH_SIZE, SentenceEncoder, Vectors
from assay.pipeline.embedding import embed_texts

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def draw_sentences(project: assay.Project, count: int, seed: int = 7) -> list[str]:
    """``count`` sentences of the demo corpus added to ``project``, drawn with replacement."""
    project.add([CORPUS])
    pool = [s.text for d in project.documents() for s in split_sentences(d.text)]
    return random.Random(seed).choices(pool, k=count)


def _timed(label: str, count: int, work: Callable[[], Vectors]) -> Vectors:
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    print(f"{label}: {count} sentences in {seconds:.2f} s = {count / seconds:,.0f} sentences/s")
    return result


def run(count: int, threads: int | None, batch_size: int) -> None:
    """Print the load time and the three speeds for ``count`` sentences."""
    with tempfile.TemporaryDirectory() as tmp, assay.open(Path(tmp), create=True) as project:
        texts = draw_sentences(project, count)
        started = time.perf_counter()
        encoder = SentenceEncoder(threads=threads, batch_size=batch_size)
        print(f"model load and check: {time.perf_counter() - started:.2f} s")
        words = sum(len(text.split()) for text in texts) / max(count, 1)
        print(
            f"{count} sentences ({len(set(texts))} distinct, {words:.0f} words on average), "
            f"{encoder.threads} threads, batches of {encoder.batch_size}"
        )
        encoder.encode(texts[:batch_size])  # the first run sets up buffers; not timed
        bare = _timed("encoder", count, lambda: encoder.encode(texts))
        _timed(
            "cache cold (encode + store)", count, lambda: embed_texts(project.store, encoder, texts)
        )
        warm = _timed(
            "cache warm (store only)", count, lambda: embed_texts(project.store, encoder, texts)
        )
        print(f"warm rows equal the encoder's: {bool(np.array_equal(warm, bare))}")


def main(argv: list[str]) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=None, help="intra-op threads")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    args = parser.parse_args(argv)
    run(args.sentences, args.threads, args.batch_size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
