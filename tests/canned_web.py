"""A real HTTP server on 127.0.0.1 serving canned responses, for fetch tests.

Nothing is mocked: assay's fetcher talks HTTP over a loopback socket to this server,
which runs in a thread for the length of one test. Routes are set per test; the
server records every request (path and headers) and the most requests it ever had
in flight at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Responder = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Route:
    """A fixed response."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class CannedWeb:
    """The server's state: its routes and what it has seen."""

    host: str = "127.0.0.1"
    routes: dict[str, Route | Responder] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    port: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        """The full URL of ``path`` on this server."""
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, body: bytes | str = b"", **options: object) -> str:
        """Serve a fixed response at ``path``; returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def handle(self, path: str, responder: Responder) -> str:
        """Serve ``path`` with a function that writes the response itself; returns its URL."""
        self.routes[path] = responder
        return self.url(path)

    def headers_for(self, path: str) -> list[dict[str, str]]:
        """The headers of every request made for ``path``."""
        return [headers for seen, headers in self.requests if seen == path]


def _handler_for(web: CannedWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
            """Stay quiet."""

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            with web._lock:
                web.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                web.in_flight += 1
                web.max_in_flight = max(web.max_in_flight, web.in_flight)
            try:
                self._respond(web.routes.get(path))
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                with web._lock:
                    web.in_flight -= 1

        def _respond(self, route: Route | Responder | None) -> None:
            if route is None:
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "9")
                self.end_headers()
                self.wfile.write(b"not found")
                return
            if not isinstance(route, Route):
                route(self)
                return
            if route.delay_s:
                time.sleep(route.delay_s)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

    return Handler


@contextmanager
def serve(host: str = "127.0.0.1") -> Iterator[CannedWeb]:
    """Run a CannedWeb server on ``host`` (a loopback address) until the block ends."""
    web = CannedWeb(host=host)
    server = ThreadingHTTPServer((host, 0), _handler_for(web))
    server.daemon_threads = True
    web.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield web
    finally:
        server.shutdown()
        server.server_close()
