"""What pages built to exhaust the parser cost ``assay add``, and what it records for them.

Writes hostile HTML pages into a temporary folder (a 200,000-row table, 300,000
paragraphs, 100,000 nested divs, a single 10 MB text node) and one ordinary news
page, then adds each alone to its own fresh project with a 20 s parse deadline and
a 1,024 MiB parser memory cap. For each input prints its size, the wall time of
opening the project and adding it, the peak resident memory of the whole process
tree (this process, the forkserver and its parser workers, sampled from /proc) and
of its largest process, and the outcome: the document with the length of its text,
or the failure reason and message assay recorded. An exception out of
``Project.add`` is printed as a crash, since bad input must never end a batch.

Usage: python bench/hostile_inputs.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import assay
from assay.settings import Settings
from ingest_throughput import PAGE, WORDS, TreeMemory

OVERRIDES = {"parse_timeout_s": 20, "parse_memory_mb": 1024}
HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{}</title></head><body>'
TAIL = "</body></html>\n"


def table_page() -> str:
    """A table of 200,000 rows under a heading."""
    rows = "".join(
        f"<tr><td>Row {n}</td><td>shipment {n % 97}</td><td>port {n % 13}</td></tr>\n"
        for n in range(200_000)
    )
    return (
        HEAD.format("Cargo manifest") + "<h1>Cargo manifest</h1><table>" + rows + "</table>" + TAIL
    )


def paragraphs_page() -> str:
    """An article of 300,000 short paragraphs."""
    paragraphs = "".join(
        f"<p>Paragraph {n}: officials said the talks on the border would resume.</p>\n"
        for n in range(300_000)
    )
    heading = "<article><h1>Endless report</h1>"
    return HEAD.format("Endless report") + heading + paragraphs + "</article>" + TAIL


def nested_page() -> str:
    """Text at the bottom of 100,000 nested divs."""
    text = "<p>The ministry confirmed the shipment reached the port on Tuesday morning.</p>"
    return HEAD.format("Deep page") + "<div>" * 100_000 + text + "</div>" * 100_000 + TAIL


def text_node_page() -> str:
    """One paragraph whose single text node is 10 MiB of words."""
    rng = random.Random(3)
    words: list[str] = []
    size = 0
    while size < 10 * 1024 * 1024:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return HEAD.format("One long node") + "<article><p>" + " ".join(words) + "</p></article>" + TAIL


def normal_page() -> str:
    """An ordinary ~600-word news page with its page furniture."""
    rng = random.Random(5)
    paragraphs = [
        "<p>" + " ".join(rng.choices(WORDS, k=75)).capitalize() + ".</p>" for _ in range(8)
    ]
    return PAGE.format(
        title="Officials confirm the shipment reached the port",
        site=1,
        n=1,
        author=1,
        month=3,
        day=14,
        paragraphs="\n".join(paragraphs),
    )


INPUTS: dict[str, Callable[[], str]] = {
    "table-200k-rows": table_page,
    "paragraphs-300k": paragraphs_page,
    "nested-divs-100k": nested_page,
    "text-node-10mb": text_node_page,
    "normal-page": normal_page,
}


@dataclass(frozen=True)
class Outcome:
    """What adding one input cost and what assay made of it."""

    name: str
    input_bytes: int
    seconds: float
    peak_total_mib: float
    peak_single_mib: float
    result: str


def ingest(name: str, page: Path, root: Path) -> Outcome:
    """Add ``page`` alone to a fresh project under ``root`` and measure it."""
    result = ""
    started = time.perf_counter()
    with TreeMemory(interval=0.05) as memory:
        try:
            with assay.Project.open(
                root / f"p-{name}", create=True, overrides=OVERRIDES
            ) as project:
                report = project.add([page])
                if report.added:
                    document = project.document(report.added[0].id).document
                    truncated = " (truncated)" if report.truncated else ""
                    result = f"added {document.id}, {len(document.text):,} chars of text{truncated}"
                elif report.failures:
                    failure = report.failures[0]
                    result = f"failed: {failure.reason.value}: {failure.message}"
                else:
                    result = "neither added nor failed"
        except Exception as exc:  # a crash is the finding to report
            result = f"CRASHED: {type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - started
    return Outcome(
        name,
        page.stat().st_size,
        seconds,
        memory.peak_total / 1024,
        memory.peak_single / 1024,
        result,
    )


def main() -> int:
    """Write the inputs, add each alone, and print one line per input."""
    cap = Settings().max_input_mb
    print(
        f"assay {assay.__version__} hostile inputs (parse_timeout_s "
        f"{OVERRIDES['parse_timeout_s']}, parse_memory_mb {OVERRIDES['parse_memory_mb']}, "
        f"documented input cap max_input_mb {cap} MiB)"
    )
    crashed = False
    with tempfile.TemporaryDirectory(prefix="assay-bench-") as tmp:
        root = Path(tmp)
        pages = root / "pages"
        pages.mkdir()
        paths = {}
        for name, make in INPUTS.items():
            paths[name] = pages / f"{name}.html"
            paths[name].write_text(make(), encoding="utf-8")
        for name, path in paths.items():
            outcome = ingest(name, path, root)
            crashed = crashed or outcome.result.startswith("CRASHED")
            print(
                f"{outcome.name:<17} {outcome.input_bytes / 1024 / 1024:6.2f} MiB  "
                f"{outcome.seconds:6.2f} s  peak RSS {outcome.peak_total_mib:6.0f} MiB all "
                f"processes ({outcome.peak_single_mib:4.0f} MiB largest)  {outcome.result}",
                flush=True,
            )
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
