"""Throughput of ``assay add`` on URLs served by real loopback HTTP servers.

Starts one ``ThreadingHTTPServer`` on each of the loopback addresses 127.0.0.1 to
127.0.0.4 (each its own host to assay, each on a free port), serving distinct
generated news pages of about 600 words with page furniture (the pages of
``bench/ingest_throughput.py``) and a robots.txt that allows everything. Then times
opening a fresh project and one ``Project.add`` of every page URL, with at most
``per_host`` requests in flight to one host. The servers count the requests in
flight to each host, so the politeness limit is measured, not assumed. Prints
documents per second, seconds, the most concurrent requests seen per host and the
number of failures.

Usage: python bench/url_ingest.py --pages 200 [--latency-ms 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import assay
from ingest_throughput import PAGE, WORDS

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")
PER_HOST = 4
ROBOTS = b"User-agent: *\nAllow: /\n"


def make_page(n: int, seed: int = 11) -> bytes:
    """Page ``n``: about 600 words in eight paragraphs, the same for the same ``n``."""
    rng = random.Random(seed * 1_000_003 + n)
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
    return html.encode("utf-8")


@dataclass(frozen=True)
class Figures:
    """What one run measured."""

    seconds: float
    added: int
    failures: list[assay.IngestFailure]
    peak: dict[str, int]
    requests: dict[str, int]
    robots: dict[str, int]


class Concurrency:
    """Counts the requests in flight to each host and remembers the most seen at once."""

    def __init__(self) -> None:
        """Start with nothing in flight."""
        self._lock = threading.Lock()
        self.in_flight: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.requests: dict[str, int] = {}
        self.robots: dict[str, int] = {}

    def enter(self, host: str, path: str) -> None:
        """A request for ``path`` on ``host`` has started."""
        with self._lock:
            self.in_flight[host] = self.in_flight.get(host, 0) + 1
            self.peak[host] = max(self.peak.get(host, 0), self.in_flight[host])
            self.requests[host] = self.requests.get(host, 0) + 1
            if path == "/robots.txt":
                self.robots[host] = self.robots.get(host, 0) + 1

    def leave(self, host: str) -> None:
        """A request to ``host`` has been answered."""
        with self._lock:
            self.in_flight[host] -= 1


class NewsServer(ThreadingHTTPServer):
    """A loopback server for one host, sharing the page set and the concurrency counter."""

    daemon_threads = True

    def __init__(
        self, host: str, pages: dict[str, bytes], counter: Concurrency, latency_s: float
    ) -> None:
        """Listen on ``host`` at a free port."""
        super().__init__((host, 0), NewsHandler)
        self.host = host
        self.pages = pages
        self.counter = counter
        self.latency_s = latency_s


class NewsHandler(BaseHTTPRequestHandler):
    """Answers /robots.txt and /news/<n>; anything else is 404."""

    protocol_version = "HTTP/1.1"
    server: NewsServer

    def do_GET(self) -> None:
        """Serve one page, counting it as in flight to this server's host meanwhile."""
        counter, host = self.server.counter, self.server.host
        counter.enter(host, self.path)
        try:
            if self.server.latency_s:
                time.sleep(self.server.latency_s)
            if self.path == "/robots.txt":
                self._send(200, "text/plain; charset=utf-8", ROBOTS)
            elif self.path in self.server.pages:
                self._send(200, "text/html; charset=utf-8", self.server.pages[self.path])
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found\n")
        finally:
            counter.leave(host)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base signature
        """Stay quiet: the benchmark prints its own figures."""


def run(count: int, latency_s: float) -> Figures:
    """Serve ``count`` pages over the hosts, add their URLs to a fresh project, return figures."""
    counter = Concurrency()
    urls: list[str] = []
    servers: list[NewsServer] = []
    pages_by_host: list[dict[str, bytes]] = [{} for _ in HOSTS]
    for n in range(count):
        pages_by_host[n % len(HOSTS)][f"/news/{n}"] = make_page(n)
    try:
        for host, pages in zip(HOSTS, pages_by_host, strict=True):
            server = NewsServer(host, pages, counter, latency_s)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
        for n in range(count):
            server = servers[n % len(HOSTS)]
            urls.append(f"http://{server.host}:{server.server_address[1]}/news/{n}")
        with tempfile.TemporaryDirectory(prefix="assay-bench-") as tmp:
            started = time.perf_counter()
            with assay.Project.open(
                Path(tmp) / "project", create=True, overrides={"per_host": PER_HOST}
            ) as project:
                report = project.add(urls)
            elapsed = time.perf_counter() - started
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    return Figures(
        elapsed,
        len(report.added),
        report.failures,
        dict(counter.peak),
        dict(counter.requests),
        dict(counter.robots),
    )


def main() -> int:
    """Run once and print the figures; exit 1 if a page failed or a host saw too many."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument(
        "--latency-ms", type=float, default=0.0, help="delay the servers add to every answer"
    )
    args = parser.parse_args()
    figures = run(args.pages, args.latency_ms / 1000)
    seconds, failures, peak = figures.seconds, figures.failures, figures.peak
    print(
        f"assay {assay.__version__} URL ingest ({args.pages} generated ~600-word pages over "
        f"{len(HOSTS)} loopback hosts, per_host {PER_HOST}, server latency "
        f"{args.latency_ms:g} ms)"
    )
    print(
        f"{args.pages:>7,} URLs: {seconds:7.2f} s, {args.pages / seconds:6.1f} docs/s, "
        f"{figures.added} added, {len(failures)} failures"
    )
    for host in HOSTS:
        print(
            f"  {host}: {figures.requests.get(host, 0)} requests "
            f"({figures.robots.get(host, 0)} of them for robots.txt), "
            f"max {peak.get(host, 0)} concurrent"
        )
    worst = max(peak.values(), default=0)
    print(f"max concurrent requests per host: {worst} (limit {PER_HOST})")
    for failure in failures[:5]:
        print(f"  failure: {failure.source}: {failure.reason.value}: {failure.message}")
    return 0 if not failures and worst <= PER_HOST else 1


if __name__ == "__main__":
    sys.exit(main())
