"""The fetcher against a real local HTTP server."""

from __future__ import annotations

import dataclasses
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tracker.errors import BlockedURLError, FetchError
from tracker.ingest import FetchPolicy
from tracker.ingest.fetch import Fetcher, RetryableFetchError


class Sleeps:
    """Records the delays the fetcher asked for instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def test_a_page_is_fetched_with_our_user_agent(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/a", headers={"User-Agent": policy.user_agent}).respond_with_data(
        "<p>hi</p>", content_type="text/html; charset=ISO-8859-1", headers={"ETag": '"v1"'}
    )
    with Fetcher(policy) as fetcher:
        got = fetcher.fetch(web.url_for("/a"))
    assert (got.status, got.content, got.content_type) == (200, b"<p>hi</p>", "text/html")
    assert (got.charset, got.etag) == ("iso-8859-1", '"v1"')


def test_conditional_request_gets_304(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    with Fetcher(policy) as fetcher:
        got = fetcher.fetch(web.url_for("/feed"), etag='"v1"', last_modified=None)
    assert got.not_modified
    assert got.content == b""


def test_429_with_retry_after_is_honoured_then_succeeds(
    web: HTTPServer, policy: FetchPolicy
) -> None:
    web.expect_ordered_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    web.expect_ordered_request("/busy").respond_with_data("ok")
    sleeps = Sleeps()
    with Fetcher(policy, sleep=sleeps) as fetcher:
        got = fetcher.fetch(web.url_for("/busy"))
    assert got.content == b"ok"
    assert sleeps.delays == [7.0]


def test_500s_back_off_exponentially_then_give_up(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/broken").respond_with_data("oops", status=503)
    sleeps = Sleeps()
    slow = dataclasses.replace(policy, retries=3, backoff_base=0.5)
    with Fetcher(slow, sleep=sleeps) as fetcher, pytest.raises(RetryableFetchError) as info:
        fetcher.fetch(web.url_for("/broken"))
    assert "HTTP 503" in str(info.value)
    assert "gave up after 4 attempts" in str(info.value)
    assert sleeps.delays == [0.5, 1.0, 2.0]
    assert len(web.log) == 4


def test_a_too_long_retry_after_is_not_waited_for(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/later").respond_with_data("", status=429, headers={"Retry-After": "86400"})
    sleeps = Sleeps()
    with Fetcher(policy, sleep=sleeps) as fetcher, pytest.raises(FetchError, match="next run"):
        fetcher.fetch(web.url_for("/later"))
    assert sleeps.delays == []


def test_404_is_not_retried(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/gone").respond_with_data("no", status=404)
    with Fetcher(policy, sleep=Sleeps()) as fetcher, pytest.raises(FetchError, match="HTTP 404"):
        fetcher.fetch(web.url_for("/gone"))
    assert len(web.log) == 1


def test_redirects_are_followed_and_loops_are_cut(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    web.expect_request("/new").respond_with_data("here")
    web.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with Fetcher(policy) as fetcher:
        got = fetcher.fetch(web.url_for("/old"))
        assert (got.content, got.final_url) == (b"here", web.url_for("/new"))
        with pytest.raises(FetchError, match="redirected more than 5 times"):
            fetcher.fetch(web.url_for("/loop"))


def test_a_redirect_to_a_file_url_is_refused(web: HTTPServer, policy: FetchPolicy) -> None:
    web.expect_request("/sneaky").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    with Fetcher(policy) as fetcher, pytest.raises(BlockedURLError, match="file://"):
        fetcher.fetch(web.url_for("/sneaky"))


def test_loopback_is_refused_without_the_flag(web: HTTPServer) -> None:
    web.expect_request("/a").respond_with_data("secret")
    with Fetcher(FetchPolicy()) as fetcher, pytest.raises(BlockedURLError, match=r"127\.0\.0\.1"):
        fetcher.fetch(web.url_for("/a"))
    assert len(web.log) == 0


def test_a_name_that_connects_to_loopback_is_refused_on_the_socket(web: HTTPServer) -> None:
    """DNS rebinding: the check-time answer is public, the connection goes to 127.0.0.1."""
    web.expect_request("/a").respond_with_data("secret")
    lying = FetchPolicy(retries=0)
    url = f"http://localhost:{web.port}/a"
    with (
        Fetcher(lying, resolver=lambda host, port: ["93.184.216.34"]) as fetcher,
        pytest.raises(BlockedURLError, match=r"127\.0\.0\.1"),
    ):
        fetcher.fetch(url)


def test_oversized_bodies_are_cut(web: HTTPServer, policy: FetchPolicy) -> None:
    small = dataclasses.replace(policy, max_bytes=10_000)
    web.expect_request("/big").respond_with_data(b"x" * 50_000)

    def stream(_request: Request) -> Response:  # no Content-Length: must be cut while reading
        return Response((b"y" * 4096 for _ in range(100)), content_type="text/html")

    web.expect_request("/endless").respond_with_handler(stream)
    with Fetcher(small) as fetcher:
        with pytest.raises(FetchError, match="larger than the 10,000-byte limit"):
            fetcher.fetch(web.url_for("/big"))
        with pytest.raises(FetchError, match="--max-bytes"):
            fetcher.fetch(web.url_for("/endless"))


def test_a_slow_server_times_out_and_is_retried(web: HTTPServer, policy: FetchPolicy) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(0.5)
        return Response("late")

    web.expect_request("/slow").respond_with_handler(slow)
    quick = dataclasses.replace(policy, timeout=0.1, retries=1)
    sleeps = Sleeps()
    with (
        Fetcher(quick, sleep=sleeps) as fetcher,
        pytest.raises(RetryableFetchError, match="timed out"),
    ):
        fetcher.fetch(web.url_for("/slow"))
    assert sleeps.delays == [0.0]  # one retry, after backoff_base * 2**0


def test_per_host_limit_bounds_parallel_requests(web: HTTPServer, policy: FetchPolicy) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    active = 0
    peak = 0
    lock = threading.Lock()

    def handler(_request: Request) -> Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.05)
        with lock:
            active -= 1
        return Response("ok")

    web.expect_request("/p").respond_with_handler(handler)
    polite = dataclasses.replace(policy, per_host=2, workers=6)
    with Fetcher(polite) as fetcher, ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda _: fetcher.fetch(web.url_for("/p")), range(12)))
    assert 1 <= peak <= 2


def test_a_gzip_bomb_is_cut_at_the_limit(web: HTTPServer, policy: FetchPolicy) -> None:
    import gzip

    bomb = gzip.compress(b"\0" * 5_000_000)  # ~5 KB on the wire, 5 MB unpacked
    web.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    small = dataclasses.replace(policy, max_bytes=100_000)
    with Fetcher(small) as fetcher, pytest.raises(FetchError, match="100,000-byte limit"):
        fetcher.fetch(web.url_for("/bomb"))


def test_retry_after_as_an_http_date(web: HTTPServer, policy: FetchPolicy) -> None:
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    web.expect_ordered_request("/d").respond_with_data(
        "", status=503, headers={"Retry-After": when}
    )
    web.expect_ordered_request("/d").respond_with_data("ok")
    sleeps = Sleeps()
    with Fetcher(policy, sleep=sleeps) as fetcher:
        assert fetcher.fetch(web.url_for("/d")).content == b"ok"
    [delay] = sleeps.delays
    assert 0 < delay <= 30


@pytest.mark.parametrize(
    "change",
    [{"workers": 0}, {"per_host": 0}, {"max_bytes": -1}, {"retries": -1}, {"user_agent": " "}],
)
def test_fetch_settings_are_checked(change: dict[str, object]) -> None:
    from tracker.errors import ConfigError

    with pytest.raises(ConfigError):
        FetchPolicy(**change)  # type: ignore[arg-type]


def test_an_explicit_proxy_is_used(web: HTTPServer, policy: FetchPolicy) -> None:
    """A plain HTTP proxy receives the absolute URL; the local server plays the proxy."""
    web.expect_request("/news/a").respond_with_data("via proxy")
    proxied = dataclasses.replace(policy, proxy=web.url_for("/").rstrip("/"))
    with Fetcher(proxied) as fetcher:
        got = fetcher.fetch("http://127.0.0.1:9/news/a")  # port 9: nothing listens there
    assert got.content == b"via proxy"
