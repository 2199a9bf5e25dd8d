"""Fetching URLs safely: deadlines, size caps, redirects on record, politeness, address policy.

Every fetch runs under one wall-clock deadline that covers DNS, every redirect hop
and the whole body, so a server that drips one byte a second cannot hold a batch
hostage the way socket timeouts alone would let it. Bodies are decoded by
:mod:`assay.ingest.content_encoding` with a cap counted after decompression.
Redirects are followed by hand so that each hop is recorded and checked against
the address policy. Each host gets at most ``per_host`` requests at once, a
User-Agent that names assay, and its robots.txt is obeyed unless the analyst turns
that off for their own archives.

The policy checks the addresses this process resolves; the connection then resolves
the name again, so a DNS server that answers differently within milliseconds
(rebinding) is outside what this guards against.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from assay.errors import FetchError, ReasonCode
from assay.ingest.address_policy import (
    AddressForbiddenError,
    AddressPolicy,
    AllowAllAddresses,
    IPAddress,
)
from assay.ingest.content_encoding import (
    ACCEPT_ENCODING,
    BodyTooLargeError,
    BoundedBody,
    UnsupportedEncodingError,
    parse_encodings,
)
from assay.ingest.robots import parse_robots, robots_url
from assay.progress import Progress
from assay.records import IngestFailure
from assay.version import __version__

USER_AGENT = f"assay/{__version__} (news evidence assessment; respects robots.txt)"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
DOCUMENT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/pdf",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "text/x-opml",
        "application/octet-stream",
    }
)
_ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How fetching behaves; every limit is per URL."""

    deadline_s: float = 30.0
    max_bytes: int = 20 * 1024 * 1024
    max_encodings: int = 2
    per_host: int = 4
    concurrency: int = 16
    max_redirects: int = 10
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said about a resource last time, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Hop:
    """One response on the way to the final URL."""

    url: str
    status: int


@dataclass(frozen=True, slots=True)
class FetchedResource:
    """A fetched URL: where it ended up, how it got there, and its decoded body."""

    requested_url: str
    final_url: str
    status: int
    media_type: str
    body: bytes
    fetched_at: datetime
    hops: tuple[Hop, ...] = ()
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """True when the server answered 304 to a conditional GET."""
        return self.status == 304


@dataclass
class _Response:
    status: int
    headers: httpx.Headers
    body: bytes = b""


@dataclass
class Fetcher:
    """Fetches URLs concurrently within the limits of :class:`FetchOptions`.

    ``transport`` is httpx's seam for tests and proxies; by default a real network
    transport is used. ``robots`` caches parsed robots.txt files by scheme and host;
    pass the same dict to later fetchers of one run so each host is asked once.
    """

    options: FetchOptions = field(default_factory=FetchOptions)
    policy: AddressPolicy = field(default_factory=AllowAllAddresses)
    transport: httpx.AsyncBaseTransport | None = None
    robots: dict[str, RobotFileParser] = field(default_factory=dict)
    _client: httpx.AsyncClient | None = field(default=None, init=False)
    _hosts: dict[str, asyncio.Semaphore] = field(default_factory=dict, init=False)
    _robots_locks: dict[str, asyncio.Lock] = field(default_factory=dict, init=False)

    async def __aenter__(self) -> Fetcher:
        """Open the HTTP client."""
        self._client = httpx.AsyncClient(
            transport=self.transport,
            follow_redirects=False,
            timeout=httpx.Timeout(self.options.deadline_s),
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            trust_env=False,
        )
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Close the HTTP client."""
        if self._client is not None:
            await self._client.aclose()

    async def fetch(self, url: str, validators: Validators | None = None) -> FetchedResource:
        """Fetch ``url`` following redirects, or raise FetchError with the reason."""
        try:
            async with asyncio.timeout(self.options.deadline_s):
                return await self._follow(url, validators)
        except TimeoutError:
            raise FetchError(
                url,
                f"took longer than the {self.options.deadline_s:g} s deadline",
                reason=ReasonCode.TIMEOUT,
            ) from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"network error: {type(exc).__name__}: {exc}") from None

    async def _follow(self, url: str, validators: Validators | None) -> FetchedResource:
        hops: list[Hop] = []
        current = url
        for _ in range(self.options.max_redirects + 1):
            await self._check_allowed(url, current)
            headers = _conditional_headers(validators) if current == url else {}
            response = await self._request(url, current, headers)
            if response.status in REDIRECT_CODES and "location" in response.headers:
                hops.append(Hop(current, response.status))
                current = urljoin(current, response.headers["location"])
                continue
            return self._finish(url, current, response, hops)
        raise FetchError(
            url,
            f"more than {self.options.max_redirects} redirects (last to {current})",
            reason=ReasonCode.TOO_MANY_REDIRECTS,
        )

    def _finish(
        self, url: str, final: str, response: _Response, hops: list[Hop]
    ) -> FetchedResource:
        if response.status >= 400:
            raise FetchError(
                url,
                f"the server answered HTTP {response.status} at {final}",
                reason=ReasonCode.HTTP_ERROR,
            )
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return FetchedResource(
            requested_url=url,
            final_url=final,
            status=response.status,
            media_type=media_type or "application/octet-stream",
            body=response.body,
            fetched_at=datetime.now(UTC),
            hops=tuple(hops),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    async def _check_allowed(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise FetchError(
                url,
                f"{current} is not an http(s) URL",
                reason=ReasonCode.UNSUPPORTED_FORMAT,
            )
        addresses = await _resolve(url, parts.hostname, parts.port or _default_port(parts.scheme))
        try:
            self.policy.check(parts.hostname, addresses)
        except AddressForbiddenError as exc:
            raise FetchError(url, str(exc), reason=ReasonCode.ADDRESS_FORBIDDEN) from None
        if self.options.respect_robots and not await self._robots_allow(current):
            raise FetchError(
                url,
                f"robots.txt of {parts.netloc} disallows {current} for assay",
                reason=ReasonCode.ROBOTS_DISALLOWED,
                hint="for your own archives, add with --ignore-robots",
            )

    async def _robots_allow(self, current: str) -> bool:
        parts = urlsplit(current)
        key = f"{parts.scheme}://{parts.netloc}"
        # One fetch of robots.txt per host: concurrent requests wait for the first.
        async with self._robots_locks.setdefault(key, asyncio.Lock()):
            if key not in self.robots:
                status, text = 0, None
                try:
                    response = await self._request(
                        current, robots_url(parts.scheme, parts.netloc), {}, _ROBOTS_MAX_BYTES
                    )
                    status, text = response.status, response.body.decode("utf-8", "replace")
                except (httpx.HTTPError, FetchError):
                    pass
                self.robots[key] = parse_robots(text, status=status)
        return self.robots[key].can_fetch(self.options.user_agent, current)

    async def _request(
        self, url: str, current: str, headers: Mapping[str, str], limit: int | None = None
    ) -> _Response:
        if self._client is None:
            raise RuntimeError("use the Fetcher in an `async with` block")
        host = urlsplit(current).netloc
        semaphore = self._hosts.setdefault(host, asyncio.Semaphore(self.options.per_host))
        async with semaphore, self._client.stream("GET", current, headers=headers) as response:
            if response.status_code in REDIRECT_CODES or response.status_code == 304:
                return _Response(response.status_code, response.headers)
            if response.status_code >= 400:
                return _Response(response.status_code, response.headers)
            _check_content_type(url, response.headers)
            body = await _read_body(
                url, response, limit or self.options.max_bytes, self.options.max_encodings
            )
            return _Response(response.status_code, response.headers, body)


def _conditional_headers(validators: Validators | None) -> dict[str, str]:
    headers = {}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


async def _resolve(url: str, host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve {host}: {exc.strerror}") from None
    return [ipaddress.ip_address(info[4][0]) for info in infos]


def _check_content_type(url: str, headers: httpx.Headers) -> None:
    media_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and media_type not in DOCUMENT_TYPES:
        raise FetchError(
            url,
            f"content type {media_type} is not a document type assay reads",
            reason=ReasonCode.UNSUPPORTED_FORMAT,
        )


async def _read_body(url: str, response: httpx.Response, limit: int, max_layers: int) -> bytes:
    try:
        encodings = parse_encodings(response.headers.get("content-encoding"), max_layers)
        declared = int(response.headers.get("content-length") or 0)
        if not encodings and declared > limit:
            raise BodyTooLargeError
        body = BoundedBody(encodings, limit)
        async for chunk in response.aiter_raw():
            body.feed(chunk)
        return body.finish()
    except BodyTooLargeError:
        raise FetchError(
            url,
            f"the decoded body is larger than the {limit:,}-byte cap",
            reason=ReasonCode.TOO_LARGE,
        ) from None
    except UnsupportedEncodingError as exc:
        raise FetchError(url, str(exc), reason=ReasonCode.UNSUPPORTED_FORMAT) from None
    except (OSError, ValueError) as exc:  # zlib.error and brotli.error derive from these
        raise FetchError(
            url, f"the body could not be decoded: {exc}", reason=ReasonCode.BAD_ENCODING
        ) from None


async def _fetch_one(
    fetcher: Fetcher,
    url: str,
    validators: Validators | None,
    gate: asyncio.Semaphore,
    progress: Progress,
) -> FetchedResource | IngestFailure:
    async with gate:
        try:
            return await fetcher.fetch(url, validators)
        except FetchError as exc:
            return IngestFailure(url, exc.reason, exc.detail)
        finally:
            progress.advance()


async def fetch_many(
    urls: Sequence[str],
    fetcher: Fetcher,
    progress: Progress,
    validators: Mapping[str, Validators] | None = None,
) -> list[FetchedResource | IngestFailure]:
    """Fetch ``urls`` concurrently with an open fetcher; results come back in input order."""
    gate = asyncio.Semaphore(fetcher.options.concurrency)
    known = validators or {}
    return list(
        await asyncio.gather(
            *(_fetch_one(fetcher, url, known.get(url), gate, progress) for url in urls)
        )
    )


def fetch_urls(
    urls: Sequence[str],
    options: FetchOptions,
    policy: AddressPolicy,
    progress: Progress,
    validators: Mapping[str, Validators] | None = None,
) -> list[FetchedResource | IngestFailure]:
    """Fetch ``urls`` (blocking); each result is the resource or the failure that names it."""

    async def run() -> list[FetchedResource | IngestFailure]:
        async with Fetcher(options, policy) as fetcher:
            return await fetch_many(urls, fetcher, progress, validators)

    return asyncio.run(run())
