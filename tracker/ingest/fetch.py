"""Bounded, polite HTTP fetching: the one seam between ingest and the network.

Every request is checked against :mod:`tracker.ingest.guard` (each redirect hop
too), retried with backoff on 429/5xx and transport errors (honouring
``Retry-After``), made conditional with ETag/Last-Modified when the caller
knows them, and limited to ``per_host`` at a time per host.

Limits: each item has one time budget for all its attempts, headers included
(:mod:`tracker.ingest.deadline`), and ``max_bytes`` holds on the decoded body
whatever the ``Content-Encoding`` (:mod:`tracker.ingest.decoding`).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from tracker.errors import FetchError
from tracker.ingest.deadline import Budget, DeadlineBackend
from tracker.ingest.decoding import ACCEPT_ENCODING, content_layers, decode
from tracker.ingest.guard import Resolver, check_address, check_url, system_resolver
from tracker.ingest.options import FetchPolicy

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
    "text/html;q=0.9, text/plain;q=0.8, */*;q=0.5"
)
# An attempt with less time left than this cannot succeed; the item fails instead.
_LEAST_ATTEMPT = 0.1


class RetryableFetchError(FetchError):
    """A fetch failed in a way that may pass: timeout, 429, 5xx, dropped connection."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class FetchTimeout(RetryableFetchError, TimeoutError):
    """An item used up its time budget (``FetchPolicy.total_timeout``) over all its attempts."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One successful (or 304 Not Modified) response, body fully read."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request."""
        return self.status == 304


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str


class Fetcher:
    """A thread-safe HTTP client for ingest; use as a context manager.

    Parameters
    ----------
    policy
        Limits, retries and politeness.
    transport
        An httpx transport to use instead of the network (for tests of odd servers);
        the time budget is then checked only between body chunks.
    sleep, clock
        Injected so tests control backoff without real waiting.
    resolver
        ``(host, port) -> addresses`` used by the private-address guard.
    """

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.policy = policy
        self._sleep = sleep
        self._clock = clock
        self._resolver = resolver
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._slots_lock = threading.Lock()
        self._backend = DeadlineBackend(clock=clock)
        self._client = httpx.Client(
            timeout=httpx.Timeout(policy.timeout),
            follow_redirects=False,  # redirects are followed by hand, each hop checked
            headers={
                "User-Agent": policy.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            trust_env=False,
            transport=transport or _network(policy, self._backend),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET ``url``, conditionally when ``etag``/``last_modified`` are given.

        Raises :class:`~tracker.errors.BlockedURLError` for refused URLs,
        :class:`RetryableFetchError` when retries ran out on a transient failure,
        and :class:`~tracker.errors.FetchError` for everything else.
        """
        headers = _conditional_headers(etag, last_modified)
        budget = Budget(self.policy.total_timeout, clock=self._clock)
        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            try:
                return self._follow(url, headers, budget)
            except RetryableFetchError as err:
                last = attempt + 1 == attempts
                delay = 0.0 if last else self._delay(url, attempt, err.retry_after)
                if budget.left() - delay < _LEAST_ATTEMPT:
                    raise FetchTimeout(_late(url, budget, attempt + 1, err)) from err
                if last:
                    raise RetryableFetchError(f"{err} (gave up after {attempts} attempts)") from err
                with budget.running():
                    self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, url: str, attempt: int, retry_after: float | None) -> float:
        if retry_after is None:
            return self.policy.backoff_base * (2**attempt)
        if retry_after > self.policy.max_retry_after:
            raise RetryableFetchError(
                f"{url!r} asks to retry after {retry_after:.0f}s, longer than the "
                f"{self.policy.max_retry_after:.0f}s this run waits; it will be tried next run"
            )
        return retry_after

    def _follow(self, url: str, headers: dict[str, str], budget: Budget) -> FetchResult:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            check_url(
                current, allow_private=self.policy.allow_private_urls, resolver=self._resolver
            )
            with (
                self._host_slot(current),
                budget.running() as deadline,
                self._backend.until(deadline),
            ):
                outcome = self._request(url, current, headers, deadline)
            if isinstance(outcome, FetchResult):
                return outcome
            current = outcome.location
        raise FetchError(
            f"{url!r} redirected more than {self.policy.max_redirects} times "
            f"(last to {current!r}); the site is misconfigured or looping"
        )

    @contextlib.contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._slots_lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.policy.per_host))
        with slot:
            yield

    def _request(
        self, url: str, current: str, headers: dict[str, str], deadline: float
    ) -> FetchResult | _Redirect:
        try:
            with self._client.stream("GET", current, headers=headers) as response:
                self._check_peer(response, current)
                return self._handle(url, current, response, deadline)
        except httpx.TimeoutException as err:
            raise RetryableFetchError(f"{current!r} timed out ({type(err).__name__})") from err
        except httpx.TransportError as err:
            if isinstance(err, httpx.UnsupportedProtocol):
                raise FetchError(f"{current!r} uses an unsupported protocol: {err}") from err
            raise RetryableFetchError(f"{current!r} failed: {err or type(err).__name__}") from err
        except httpx.HTTPError as err:
            raise FetchError(f"{current!r} failed: {err}") from err

    def _check_peer(self, response: httpx.Response, url: str) -> None:
        if self.policy.allow_private_urls or self.policy.proxy:
            return  # through a proxy the peer is the proxy; the target was checked by name
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer:
            check_address(str(peer[0]), url=url)

    def _handle(
        self, url: str, current: str, response: httpx.Response, deadline: float
    ) -> FetchResult | _Redirect:
        status = response.status_code
        if status in _REDIRECTS:
            return _Redirect(_location(current, response))
        if status == 429 or status >= 500:
            raise RetryableFetchError(
                f"{current!r} answered HTTP {status}",
                retry_after=_retry_after(response.headers.get("retry-after")),
            )
        if status >= 400:
            raise FetchError(f"{current!r} answered HTTP {status}; check that the URL still exists")
        content = b"" if status == 304 else self._read_capped(response, current, deadline)
        return _result(url, current, response, content)

    def _read_capped(self, response: httpx.Response, url: str, deadline: float) -> bytes:
        """The decoded body, refused as soon as it passes ``max_bytes`` or the deadline."""
        cap = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(_too_big(url, int(declared), cap))
        layers = content_layers(response.headers.get("content-encoding", ""), url=url)
        chunks: list[bytes] = []
        size = 0
        for chunk in decode(self._raw(response, url, deadline), layers, url=url):
            size += len(chunk)
            if size > cap:
                raise FetchError(_too_big(url, size, cap))
            chunks.append(chunk)
        return b"".join(chunks)

    def _raw(self, response: httpx.Response, url: str, deadline: float) -> Iterator[bytes]:
        """The body as sent (still encoded), cut at ``max_bytes`` and at the deadline."""
        cap = self.policy.max_bytes
        size = 0
        for chunk in response.iter_raw():
            size += len(chunk)
            if size > cap:
                raise FetchError(_too_big(url, size, cap))
            if self._clock() > deadline:
                raise RetryableFetchError(f"{url!r} was still downloading at the deadline")
            yield chunk


def _network(policy: FetchPolicy, backend: DeadlineBackend) -> httpx.HTTPTransport:
    """The real network, every socket operation bounded by the caller's deadline."""
    transport = httpx.HTTPTransport(
        # Only an explicit proxy: one picked up from the environment would
        # silently replace the peer address that the guard checks.
        proxy=policy.proxy,
        trust_env=False,
        limits=httpx.Limits(max_connections=max(policy.workers, 1) * 2),
    )
    # httpx offers no public way to hand httpcore a network backend; its pool
    # (plain or proxy) keeps the one every new connection is made with here.
    pool = getattr(transport, "_pool", None)
    if not hasattr(pool, "_network_backend"):  # pragma: no cover - an httpx/httpcore upgrade
        raise RuntimeError("httpx/httpcore changed: cannot install the fetch deadline backend")
    pool._network_backend = backend  # type: ignore[union-attr]
    return transport


def _late(url: str, budget: Budget, attempts: int, last: Exception) -> str:
    tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
    return (
        f"{url!r} missed its {budget.seconds:g}s deadline after {tries} (last: {last}); "
        "the server is too slow or stalling, it will be tried next run"
    )


def _too_big(url: str, size: int, cap: int) -> str:
    return (
        f"{url!r} is larger than the {cap:,}-byte limit (at least {size:,} bytes); "
        "raise --max-bytes if this page is genuine"
    )


def _location(current: str, response: httpx.Response) -> str:
    location = response.headers.get("location")
    if not location:
        raise FetchError(f"{current!r} answered HTTP {response.status_code} without a Location")
    return urljoin(current, location)


def _result(url: str, current: str, response: httpx.Response, content: bytes) -> FetchResult:
    media, _, params = response.headers.get("content-type", "").partition(";")
    return FetchResult(
        url=url,
        final_url=current,
        status=response.status_code,
        content=content,
        content_type=media.strip().lower(),
        charset=_charset(params),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
