"""One time budget per fetched item, enforced down to every socket operation.

httpx's timeouts bound each connect and each read. A server that sends one byte
just before each read would time out (headers included) can hold a request for
ever, and each retry used to start the clock again. Here an item gets one
budget for all its attempts, redirects and backoff waits, and a network
backend gives every socket operation no more than the time the budget has left.

Waiting for a free per-host slot is not charged: that wait is our own
politeness, not the server's slowness.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import httpcore

Clock = Callable[[], float]


class Budget:
    """The seconds one item may spend being fetched, across attempts and waits."""

    def __init__(self, seconds: float, *, clock: Clock) -> None:
        self.seconds = seconds
        self._clock = clock
        self._spent = 0.0

    def left(self) -> float:
        """Seconds left (negative once overspent)."""
        return self.seconds - self._spent

    @contextlib.contextmanager
    def running(self) -> Iterator[float]:
        """Charge the ``with`` block's time; yields its deadline on ``clock``."""
        started = self._clock()
        try:
            yield started + self.left()
        finally:
            self._spent += self._clock() - started


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, with each operation cut short at the caller's deadline.

    The deadline is per thread (set with :meth:`until`) because a worker thread
    does all the I/O of its own request, on whichever pooled connection it got.
    """

    def __init__(self, *, clock: Clock, inner: httpcore.NetworkBackend | None = None) -> None:
        self._clock = clock
        self._inner = inner or httpcore.SyncBackend()
        self._local = threading.local()

    @contextlib.contextmanager
    def until(self, deadline: float) -> Iterator[None]:
        """Bound every socket operation of this thread by ``deadline`` in the block."""
        previous = getattr(self._local, "deadline", None)
        self._local.deadline = deadline
        try:
            yield
        finally:
            self._local.deadline = previous

    def bound(self, timeout: float | None, *, expired: type[Exception]) -> float | None:
        """``timeout`` shortened to the time left; raises ``expired`` when none is."""
        deadline = getattr(self._local, "deadline", None)
        if deadline is None:
            return timeout
        left = deadline - self._clock()
        if left <= 0:
            raise expired("the item's deadline has passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Connect within the time left."""
        limit = self.bound(timeout, expired=httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, limit, local_address, socket_options)
        return _DeadlineStream(stream, self)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:  # pragma: no cover - ingest never uses Unix sockets
        """Connect within the time left."""
        limit = self.bound(timeout, expired=httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, limit, socket_options), self)

    def sleep(self, seconds: float) -> None:
        """Sleep as the inner backend does."""
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose reads, writes and TLS handshake stop at the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, backend: DeadlineBackend) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        limit = self._backend.bound(timeout, expired=httpcore.ReadTimeout)
        return self._inner.read(max_bytes, limit)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        limit = self._backend.bound(timeout, expired=httpcore.WriteTimeout)
        self._inner.write(buffer, limit)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        limit = self._backend.bound(timeout, expired=httpcore.ConnectTimeout)
        tls = self._inner.start_tls(ssl_context, server_hostname, limit)
        return _DeadlineStream(tls, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)
