"""Main-text extraction quality of assay's ingest on the article-extraction benchmark.

Prints precision, recall, F1 and accuracy of assay's own ingest path (decoding and
trafilatura with assay's settings, exactly as ``assay add`` runs it) on the 181 real
pages in ``../shared/data/article-extraction``, beside the published figures. The
scorer is checked against the archived outputs of seven systems first.

Usage: python bench/extraction_quality.py [--json]
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import article_extraction as benchmark
from assay.errors import InputError
from assay.ingest import parse_item
from assay.records import SourceItem


def extract_with_assay(raw: bytes) -> str:
    """The main text assay's ingest stores for these bytes ("" when it stores none)."""
    item = SourceItem("page.html", raw, datetime.now(UTC))
    try:
        return parse_item(item, min_text_chars=1).text
    except InputError:
        return ""


def measure() -> dict[str, float]:
    """Score assay on the benchmark; raise if the scorer does not reproduce published figures."""
    mismatches = benchmark.check_scorer()
    if mismatches:
        raise SystemExit("scorer does not reproduce the published table:\n" + "\n".join(mismatches))
    pages = benchmark.load_pages()
    started = time.perf_counter()
    predicted = benchmark.extract_all(pages, extract_with_assay)
    elapsed = time.perf_counter() - started
    scores = benchmark.score(benchmark.load_truth(), predicted)
    return {
        "f1": round(scores.f1, 4),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "accuracy": round(scores.accuracy, 4),
        "pages": scores.pages,
        "pages_per_second": round(scores.pages / elapsed, 1),
    }


def main() -> int:
    """Print the figures (a table, or JSON with --json)."""
    if not benchmark.DATA.is_dir():
        print(f"skipped: {benchmark.DATA} is absent (third-party data is not bundled)")
        return 0
    figures = measure()
    if "--json" in sys.argv:
        print(json.dumps(figures))
        return 0
    print(
        f"article-extraction benchmark, {figures['pages']} pages (scorer checked against 7 systems)"
    )
    print(f"{'system':<22}{'F1':>7}{'P':>7}{'R':>7}{'acc':>7}")
    print(
        f"{'assay (this build)':<22}{figures['f1']:>7.3f}{figures['precision']:>7.3f}"
        f"{figures['recall']:>7.3f}{figures['accuracy']:>7.3f}"
    )
    for system, (f1, p, r, acc) in benchmark.PUBLISHED.items():
        print(f"{system + ' (published)':<22}{f1:>7.3f}{p:>7.3f}{r:>7.3f}{acc:>7.3f}")
    print(f"extraction speed: {figures['pages_per_second']} pages/s (one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
