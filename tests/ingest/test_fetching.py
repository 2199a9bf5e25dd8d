"""Fetching over real loopback HTTP: redirects, caps, bombs, drips, robots, policy, politeness."""

import gzip
import threading
import time
import zlib
from functools import cache
from http.server import BaseHTTPRequestHandler

import brotli
import pytest
from tests.canned_web import CannedWeb

from assay.errors import ReasonCode
from assay.ingest.address_policy import AllowAllAddresses, PublicAddressesOnly
from assay.ingest.fetching import USER_AGENT, FetchedResource, FetchOptions, Validators, fetch_urls
from assay.progress import NullProgress
from assay.records import IngestFailure

PAGE = "<html><body><article><p>A page served over loopback.</p></article></body></html>"
OPTIONS = FetchOptions(deadline_s=3, max_bytes=1024 * 1024)


def fetch_one(url: str, options: FetchOptions = OPTIONS, **kwargs: object) -> FetchedResource:
    result = fetch_urls([url], options, AllowAllAddresses(), NullProgress(), **kwargs)[0]  # type: ignore[arg-type]
    assert isinstance(result, FetchedResource), result
    return result


def fail_one(url: str, options: FetchOptions = OPTIONS, policy: object = None) -> IngestFailure:
    result = fetch_urls([url], options, policy or AllowAllAddresses(), NullProgress())[0]  # type: ignore[arg-type]
    assert isinstance(result, IngestFailure), result
    return result


@cache
def gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)


@cache
def brotli_bomb() -> bytes:
    return bytes(brotli.compress(b"\0" * (64 * 1024 * 1024), quality=5))


def test_a_page_is_fetched_with_the_assay_user_agent(canned_web: CannedWeb) -> None:
    url = canned_web.route("/a", PAGE)
    resource = fetch_one(url)
    assert resource.body == PAGE.encode()
    assert resource.media_type == "text/html"
    assert resource.status == 200
    assert canned_web.headers_for("/a")[0]["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("assay/")


def test_every_redirect_hop_is_kept(canned_web: CannedWeb) -> None:
    final = canned_web.route("/new", PAGE)
    canned_web.route("/mid", status=302, headers={"Location": "/new"})
    start = canned_web.route("/old", status=301, headers={"Location": canned_web.url("/mid")})
    resource = fetch_one(start)
    assert resource.final_url == final
    assert [(hop.url, hop.status) for hop in resource.hops] == [
        (start, 301),
        (canned_web.url("/mid"), 302),
    ]


def test_a_redirect_loop_stops(canned_web: CannedWeb) -> None:
    url = canned_web.route("/loop", status=302, headers={"Location": "/loop"})
    failure = fail_one(url, FetchOptions(deadline_s=5, max_redirects=3))
    assert failure.reason is ReasonCode.TOO_MANY_REDIRECTS


@pytest.mark.parametrize("status", [404, 500])
def test_error_statuses_are_failures_naming_the_status(canned_web: CannedWeb, status: int) -> None:
    url = canned_web.route("/broken", "nope", status=status)
    failure = fail_one(url)
    assert failure.reason is ReasonCode.HTTP_ERROR
    assert f"HTTP {status}" in failure.message
    assert failure.source == url


def test_a_wrong_content_type_is_refused(canned_web: CannedWeb) -> None:
    url = canned_web.route("/img", b"\x89PNG....", content_type="image/png")
    failure = fail_one(url)
    assert failure.reason is ReasonCode.UNSUPPORTED_FORMAT
    assert "image/png" in failure.message


def test_a_gzipped_page_is_decoded(canned_web: CannedWeb) -> None:
    url = canned_web.route(
        "/gz", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"}
    )
    assert fetch_one(url).body == PAGE.encode()


def test_a_deflated_and_a_brotli_page_are_decoded(canned_web: CannedWeb) -> None:
    deflated = canned_web.route(
        "/deflate", zlib.compress(PAGE.encode()), headers={"Content-Encoding": "deflate"}
    )
    brotlied = canned_web.route(
        "/br", bytes(brotli.compress(PAGE.encode())), headers={"Content-Encoding": "br"}
    )
    assert fetch_one(deflated).body == PAGE.encode()
    assert fetch_one(brotlied).body == PAGE.encode()


@pytest.mark.parametrize(("encoding", "bomb"), [("gzip", gzip_bomb), ("br", brotli_bomb)])
def test_compression_bombs_are_cut_at_the_decoded_size_cap(
    canned_web: CannedWeb, encoding: str, bomb: object
) -> None:
    payload = bomb()  # type: ignore[operator]
    assert len(payload) < 1024 * 1024  # under the cap on the wire
    url = canned_web.route("/bomb", payload, headers={"Content-Encoding": encoding})
    failure = fail_one(url)
    assert failure.reason is ReasonCode.TOO_LARGE
    assert "decoded body is larger than the 1,048,576-byte cap" in failure.message


def test_stacked_encodings_past_the_limit_are_refused(canned_web: CannedWeb) -> None:
    body = gzip.compress(gzip.compress(gzip.compress(PAGE.encode())))
    url = canned_web.route("/stacked", body, headers={"Content-Encoding": "gzip, gzip, gzip"})
    failure = fail_one(url)
    assert failure.reason is ReasonCode.UNSUPPORTED_FORMAT
    assert "3 stacked content encodings" in failure.message
    two = canned_web.route(
        "/two",
        gzip.compress(gzip.compress(PAGE.encode())),
        headers={"Content-Encoding": "gzip, gzip"},
    )
    assert fetch_one(two).body == PAGE.encode()


def test_a_plain_body_over_the_cap_is_refused(canned_web: CannedWeb) -> None:
    url = canned_web.route("/big", b"x" * (1024 * 1024 + 1), content_type="text/plain")
    assert fail_one(url).reason is ReasonCode.TOO_LARGE


def test_a_slow_drip_hits_the_total_deadline(canned_web: CannedWeb) -> None:
    stop = threading.Event()

    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        while not stop.is_set():
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.2)

    url = canned_web.handle("/drip", drip)
    try:
        failure = fail_one(url, FetchOptions(deadline_s=1.5))
    finally:
        stop.set()
    assert failure.reason is ReasonCode.TIMEOUT
    assert "1.5 s deadline" in failure.message


def test_robots_txt_is_obeyed_unless_overridden(canned_web: CannedWeb) -> None:
    canned_web.route(
        "/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    url = canned_web.route("/private/page", PAGE)
    failure = fail_one(url)
    assert failure.reason is ReasonCode.ROBOTS_DISALLOWED
    assert canned_web.headers_for("/private/page") == []
    assert fetch_one(url, FetchOptions(respect_robots=False)).body == PAGE.encode()


def test_a_server_error_on_robots_txt_disallows_for_now(canned_web: CannedWeb) -> None:
    canned_web.route("/robots.txt", "oops", status=503)
    url = canned_web.route("/page", PAGE)
    assert fail_one(url).reason is ReasonCode.ROBOTS_DISALLOWED


def test_the_public_only_policy_refuses_loopback(canned_web: CannedWeb) -> None:
    url = canned_web.route("/a", PAGE)
    failure = fail_one(url, policy=PublicAddressesOnly())
    assert failure.reason is ReasonCode.ADDRESS_FORBIDDEN
    assert "127.0.0.1" in failure.message
    assert canned_web.requests == []


def test_the_public_only_policy_checks_every_redirect_hop(canned_web: CannedWeb) -> None:
    url = canned_web.route("/hop", status=302, headers={"Location": "http://10.0.0.1/internal"})
    failure = fail_one(url, FetchOptions(respect_robots=False), policy=_LoopbackThenPublic())
    assert failure.reason is ReasonCode.ADDRESS_FORBIDDEN
    assert "10.0.0.1" in failure.message


class _LoopbackThenPublic(PublicAddressesOnly):
    """Lets the test server through, then applies the public-only rule to every other host."""

    def check(self, host: str, addresses: object) -> None:
        if host != "127.0.0.1":
            super().check(host, addresses)  # type: ignore[arg-type]


def test_requests_per_host_are_limited(canned_web: CannedWeb) -> None:
    urls = [canned_web.route(f"/p{n}", PAGE, delay_s=0.15) for n in range(8)]
    results = fetch_urls(urls, FetchOptions(per_host=2), AllowAllAddresses(), NullProgress())
    assert all(isinstance(result, FetchedResource) for result in results)
    assert canned_web.max_in_flight == 2


def test_a_conditional_get_sees_not_modified(canned_web: CannedWeb) -> None:
    def conditional(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.end_headers()
            return
        body = PAGE.encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("ETag", '"v1"')
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    url = canned_web.handle("/cond", conditional)
    first = fetch_one(url)
    assert first.etag == '"v1"'
    second = fetch_one(url, validators={url: Validators(etag='"v1"')})
    assert second.not_modified


def test_a_refused_connection_is_a_network_error() -> None:
    failure = fail_one("http://127.0.0.1:9/nothing-listens-here")
    assert failure.reason is ReasonCode.NETWORK_ERROR


def test_a_non_http_url_is_refused() -> None:
    result = fetch_urls(["ftp://127.0.0.1/x"], OPTIONS, AllowAllAddresses(), NullProgress())[0]
    assert isinstance(result, IngestFailure)
    assert result.reason is ReasonCode.UNSUPPORTED_FORMAT
