"""The fetcher's bounds against hostile servers: encodings, bombs and trickles.

Misbehaving servers are raw sockets on 127.0.0.1 (``Scripted``), so a test can
stack encodings or send headers a byte at a time, which well-behaved server
libraries refuse to do. Deadlines are set to about a second; elapsed times are
checked only against generous multiples, never for speed.
"""

from __future__ import annotations

import dataclasses
import gzip
import socket
import time
import tracemalloc
import zlib
from collections.abc import Callable

import pytest
from pytest_httpserver import HTTPServer
from raw_servers import Scripted, trickle

from tracker.errors import FetchError
from tracker.ingest import FetchPolicy
from tracker.ingest.fetch import Fetcher, FetchTimeout


def _deflate(data: bytes) -> bytes:
    return zlib.compress(data)


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def _gzip_stream(pattern: bytes, times: int) -> bytes:
    """gzip of ``pattern * times``, packed piece by piece so the test never holds it all."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(pattern) for _ in range(times)]
    return b"".join(parts) + packer.flush()


@pytest.fixture(scope="module")
def stacked_bomb() -> bytes:
    """``gzip, gzip`` of 200 MB of zeros: about 1 KB on the wire."""
    return gzip.compress(_gzip_stream(b"\0" * 1_000_000, 200), compresslevel=9)


ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "identity": lambda data: data,
    "gzip": gzip.compress,
    "x-gzip": gzip.compress,
    "deflate": _deflate,
    "gzip, gzip": lambda data: gzip.compress(gzip.compress(data)),
    "deflate, gzip": lambda data: gzip.compress(_deflate(data)),
    "GZip , identity": gzip.compress,
}


@pytest.mark.parametrize("encoding", list(ENCODERS))
def test_every_supported_encoding_is_decoded(
    web: HTTPServer, policy: FetchPolicy, encoding: str
) -> None:
    page = b"<p>" + b"Shelling reported near the river crossing. " * 200 + b"</p>"
    web.expect_request("/enc").respond_with_data(
        ENCODERS[encoding](page), content_type="text/html", headers={"Content-Encoding": encoding}
    )
    with Fetcher(policy) as fetcher:
        assert fetcher.fetch(web.url_for("/enc")).content == page


def test_raw_deflate_without_the_zlib_wrapper_is_decoded(
    web: HTTPServer, policy: FetchPolicy
) -> None:
    """Some servers send bare deflate data for ``deflate``; browsers accept it, so do we."""
    page = b"<p>Air defence was active over the city overnight.</p>" * 50
    web.expect_request("/raw").respond_with_data(
        _raw_deflate(page), headers={"Content-Encoding": "deflate"}
    )
    with Fetcher(policy) as fetcher:
        assert fetcher.fetch(web.url_for("/raw")).content == page


@pytest.mark.parametrize("encoding", list(ENCODERS))
def test_the_limit_holds_on_decoded_bytes_for_every_encoding(
    web: HTTPServer, policy: FetchPolicy, encoding: str
) -> None:
    page = b"x" * 300_000
    web.expect_request("/big").respond_with_data(
        ENCODERS[encoding](page), headers={"Content-Encoding": encoding}
    )
    small = dataclasses.replace(policy, max_bytes=100_000)
    with Fetcher(small) as fetcher, pytest.raises(FetchError, match="100,000-byte limit"):
        fetcher.fetch(web.url_for("/big"))


def test_a_stacked_gzip_bomb_is_cut_without_inflating_it(
    policy: FetchPolicy, stacked_bomb: bytes
) -> None:
    assert len(stacked_bomb) < 5_000
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip, gzip\r\n"
        f"Content-Length: {len(stacked_bomb)}\r\n\r\n"
    )

    def bomb(conn: socket.socket) -> None:
        conn.sendall(head.encode() + stacked_bomb)

    limit = 1_000_000
    small = dataclasses.replace(policy, max_bytes=limit)
    # A raw-socket server: tracemalloc sees every thread, and this one allocates nothing.
    with Scripted(bomb) as server:
        tracemalloc.start()
        try:
            with Fetcher(small) as fetcher, pytest.raises(FetchError) as info:
                fetcher.fetch(server.url)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert "1,000,000-byte limit" in str(info.value)
    assert "\n" not in str(info.value)
    # The page may be held up to the limit; 200 MB inflated would be far above this.
    assert peak < 5 * limit


@pytest.mark.parametrize(
    ("encoding", "complaint"),
    [
        ("compress", "'compress'"),
        ("br", "'br'"),
        ("gzip, snappy", "'snappy'"),
        ("gzip, gzip, gzip", "3 encodings"),
        ("deflate, gzip, deflate, gzip", "4 encodings"),
    ],
)
def test_unknown_and_deeply_stacked_encodings_are_refused(
    web: HTTPServer, policy: FetchPolicy, encoding: str, complaint: str
) -> None:
    web.expect_request("/odd").respond_with_data(
        b"\x1f\x8b-ish", headers={"Content-Encoding": encoding}
    )
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(web.url_for("/odd"))
    message = str(info.value)
    assert complaint in message
    assert "Content-Encoding" in message
    assert "\n" not in message


def test_we_ask_only_for_encodings_we_can_decode(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/a").respond_with_data("ok")
    with Fetcher(policy) as fetcher:
        fetcher.fetch(web.url_for("/a"))
    [(request, _)] = web.log
    offered = {part.strip() for part in request.headers["Accept-Encoding"].split(",")}
    assert offered == {"gzip", "deflate"}


def test_a_corrupt_gzip_body_is_one_clear_failure(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/bad").respond_with_data(
        b"this is not gzip at all", headers={"Content-Encoding": "gzip"}
    )
    with Fetcher(policy) as fetcher, pytest.raises(FetchError, match="could not be decoded"):
        fetcher.fetch(web.url_for("/bad"))


@pytest.fixture
def quick(policy: FetchPolicy) -> FetchPolicy:
    """A one-second deadline per item; per-read timeouts far longer, so only it can fire."""
    return dataclasses.replace(policy, timeout=10.0, total_timeout=1.0, retries=3)


def _timed_fetch(fetcher: Fetcher, url: str) -> tuple[FetchTimeout, float]:
    started = time.monotonic()
    with pytest.raises(FetchTimeout) as info:
        fetcher.fetch(url)
    return info.value, time.monotonic() - started


def test_headers_sent_a_byte_at_a_time_hit_the_deadline(quick: FetchPolicy) -> None:
    headers = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"z" * 200

    def slow_headers(conn: socket.socket) -> None:
        trickle(conn, headers, every=0.05, at_most=15.0)

    with Scripted(slow_headers) as server, Fetcher(quick) as fetcher:
        error, elapsed = _timed_fetch(fetcher, server.url)
    assert "1s deadline" in str(error)
    assert elapsed < 8.0  # without a deadline the server keeps it going for 15 s
    assert server.connections == 1  # the deadline is the item's: no retry after it


def test_a_trickled_body_is_not_restarted_by_retries(quick: FetchPolicy) -> None:
    body = b"<p>" + b"a" * 500 + b"</p>"
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n"

    def slow_body(conn: socket.socket) -> None:
        conn.sendall(head.encode())
        trickle(conn, body, every=0.05, at_most=15.0)

    with Scripted(slow_body) as server, Fetcher(quick) as fetcher:
        error, elapsed = _timed_fetch(fetcher, server.url)
    assert "1s deadline" in str(error)
    assert server.connections == 1
    assert elapsed < 8.0


def test_a_silent_server_hits_the_deadline_not_the_read_timeout(quick: FetchPolicy) -> None:
    def silent(conn: socket.socket) -> None:
        time.sleep(15.0)

    once = dataclasses.replace(quick, retries=0)
    with Scripted(silent) as server, Fetcher(once) as fetcher:
        error, elapsed = _timed_fetch(fetcher, server.url)
    assert "1s deadline after 1 attempt " in str(error)
    assert elapsed < 8.0  # the read timeout is 10 s


class Sleeps:
    """Records the delays the fetcher asked for instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def test_a_backoff_past_the_deadline_is_not_waited_for(
    web: HTTPServer, policy: FetchPolicy
) -> None:
    web.expect_request("/busy").respond_with_data("", status=503, headers={"Retry-After": "30"})
    sleeps = Sleeps()
    bounded = dataclasses.replace(policy, total_timeout=20.0, max_retry_after=60.0)
    with Fetcher(bounded, sleep=sleeps) as fetcher, pytest.raises(FetchTimeout, match="HTTP 503"):
        fetcher.fetch(web.url_for("/busy"))
    assert sleeps.delays == []
    assert len(web.log) == 1


class Clock:
    """A clock that moves only when the fetcher sleeps or a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_retries_share_one_deadline(web: HTTPServer, policy: FetchPolicy) -> None:
    """Backoffs of 4 + 8 + 16 s fit a 20 s deadline only up to the second one."""
    web.expect_request("/flaky").respond_with_data("", status=502)
    clock = Clock()
    bounded = dataclasses.replace(policy, total_timeout=20.0, backoff_base=4.0, retries=5)
    with (
        Fetcher(bounded, sleep=clock.sleep, clock=clock) as fetcher,
        pytest.raises(FetchTimeout, match="20s deadline") as info,
    ):
        fetcher.fetch(web.url_for("/flaky"))
    assert len(web.log) == 3
    assert clock.now == 1012.0
    assert "3 attempts" in str(info.value)
