"""Throughput of ``assay add`` on generated news pages.

Writes N distinct HTML pages of about 600 words each, with the page furniture real
sites carry (navigation, cookie banner, share bar, related links, footer), then
times one ``Project.add`` over the folder with the default settings (one parser per
core). Prints documents per second, peak RSS of the main process and of the
largest worker, and archive and database bytes per document.

Usage: python bench/ingest_throughput.py --documents 1000 10000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import assay

WORDS = [
    "government",
    "officials",
    "said",
    "report",
    "ministry",
    "statement",
    "agreement",
    "talks",
    "delegation",
    "capital",
    "border",
    "port",
    "shipment",
    "cargo",
    "analysts",
    "according",
    "sources",
    "week",
    "month",
    "spokesperson",
    "denied",
    "confirmed",
    "committee",
    "parliament",
    "budget",
    "trade",
    "exports",
    "imports",
    "sanctions",
    "meeting",
    "summit",
    "region",
    "security",
    "council",
    "embassy",
    "foreign",
    "defence",
    "economy",
    "market",
    "energy",
    "oil",
    "prices",
    "harbour",
    "investigation",
    "documents",
    "satellite",
    "images",
    "experts",
    "published",
    "interview",
    "press",
    "conference",
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "on",
    "for",
    "with",
    "that",
    "by",
    "from",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
]
# Distinct pages must not look like near-duplicates of each other, as real articles
# do not: widen the vocabulary with a thousand made-up words.
_SYLLABLES = ["ka", "lo", "mer", "tan", "vi", "dor", "sel", "qua", "ri", "bon", "est", "ul"]
WORDS = WORDS + [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES[:7]]

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Daily Sample</title>
<link rel="canonical" href="https://www.dailysample{site}.example/news/{n}">
<meta property="og:site_name" content="Daily Sample {site}">
<meta name="author" content="Staff Writer {author}">
<meta property="article:published_time" content="2026-{month:02d}-{day:02d}T08:00:00Z">
</head><body>
<header><nav><a href="/">Home</a><a href="/world">World</a><a href="/business">Business</a>
<a href="/opinion">Opinion</a><a href="/sport">Sport</a></nav></header>
<div class="cookie-consent">We and our partners use cookies. <button>Accept all</button></div>
<div class="share"><a href="#">Share</a><a href="#">Post</a><a href="#">Email</a></div>
<article><h1>{title}</h1><p class="byline">By Staff Writer {author}</p>
{paragraphs}
</article>
<aside class="related"><h2>Most read</h2><ul><li><a href="/1">Markets edge higher</a></li>
<li><a href="/2">Storm warning issued for the coast</a></li><li><a href="/3">Cup final preview</a>
</li></ul></aside>
<footer><p>&copy; 2026 The Daily Sample. All rights reserved.</p><a href="/privacy">Privacy</a>
</footer></body></html>
"""


def write_pages(folder: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` distinct pages of about 600 words; return the bytes written."""
    rng = random.Random(seed)
    written = 0
    for n in range(count):
        paragraphs = []
        for _ in range(8):
            words = rng.choices(WORDS, k=75)
            paragraphs.append("<p>" + " ".join(words).capitalize() + ".</p>")
        html = PAGE.format(
            title=" ".join(rng.choices(WORDS, k=7)).capitalize(),
            site=n % 50,
            n=n,
            author=n % 200,
            month=1 + n % 12,
            day=1 + n % 28,
            paragraphs="\n".join(paragraphs),
        )
        path = folder / f"page-{n:06d}.html"
        path.write_text(html, encoding="utf-8")
        written += len(html.encode("utf-8"))
    return written


def run(count: int) -> dict[str, float]:
    """Generate ``count`` pages, add them to a fresh project, and return the figures."""
    with tempfile.TemporaryDirectory(prefix="assay-bench-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        input_bytes = write_pages(pages, count)
        started = time.perf_counter()
        with TreeMemory() as memory, assay.open(Path(tmp) / "project", create=True) as project:
            report = project.add([pages])
            elapsed = time.perf_counter() - started
            archive_bytes = project.store.archive.bytes_on_disk()
        if not report.ok or len(report.added) != count:
            raise SystemExit(f"bench run failed: {report.failures[:3]}")
        database = Path(tmp) / "project" / "assay.db"
        database_bytes = database.stat().st_size + sum(
            p.stat().st_size for p in database.parent.glob("assay.db-*")
        )
    return {
        "documents": count,
        "seconds": elapsed,
        "documents_per_second": count / elapsed,
        "input_bytes_per_document": input_bytes / count,
        "archive_bytes_per_document": archive_bytes / count,
        "database_bytes_per_document": database_bytes / count,
        "peak_rss_total_mib": memory.peak_total / 1024,
        "peak_rss_process_mib": memory.peak_single / 1024,
    }


class TreeMemory:
    """Samples the resident memory of this process and all its descendants.

    Parser workers are children of a forkserver, not of this process, so
    ``getrusage(RUSAGE_CHILDREN)`` never sees them; /proc does.
    """

    def __init__(self, interval: float = 0.1) -> None:
        """Sample every ``interval`` seconds once started."""
        self.interval = interval
        self.peak_total = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        """Start sampling."""
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Stop sampling."""
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = [_rss_kib(pid) for pid in _descendants(os.getpid())]
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            self._stop.wait(self.interval)


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree.extend(frontier)
    return tree


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    """Run each size and print a line of figures for it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000])
    args = parser.parse_args()
    print(f"assay {assay.__version__} ingest throughput (generated ~600-word pages)")
    for count in args.documents:
        figures = run(count)
        print(
            f"{count:>7,} docs: {figures['seconds']:7.1f} s, "
            f"{figures['documents_per_second']:6.1f} docs/s, "
            f"input {figures['input_bytes_per_document']:,.0f} B/doc, "
            f"archive {figures['archive_bytes_per_document']:,.0f} B/doc, "
            f"database {figures['database_bytes_per_document']:,.0f} B/doc, "
            f"peak RSS {figures['peak_rss_total_mib']:.0f} MiB for all processes "
            f"(largest one {figures['peak_rss_process_mib']:.0f} MiB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
