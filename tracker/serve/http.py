"""HTTP plumbing: the structured access log, conditional requests, one-line JSON errors."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AccessLog", "DataVersion", "conditional", "error_response"]

ACCESS_LOGGER = "tracker.serve.access"


class AccessLog:
    """Pure ASGI middleware: one JSON line per request on the ``tracker.serve.access`` logger.

    Fields: time, client, method, path, query, status, bytes, ms, user agent.
    Pure ASGI (not BaseHTTPMiddleware) so streamed bodies pass through untouched.
    """

    def __init__(self, app: ASGIApp, *, logger: logging.Logger | None = None) -> None:
        self.app = app
        self.logger = logger or logging.getLogger(ACCESS_LOGGER)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen = {"status": 500, "bytes": 0}

        async def counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            elif message["type"] == "http.response.body":
                seen["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting)
        finally:
            self.logger.info(_line(scope, seen, started))


def _line(scope: Scope, seen: dict[str, int], started: float) -> str:
    headers = dict(scope.get("headers") or [])
    client = scope.get("client")
    return json.dumps(
        {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "client": client[0] if client else None,
            "method": scope.get("method"),
            "path": scope.get("path"),
            "query": scope.get("query_string", b"").decode("latin-1") or None,
            "status": seen["status"],
            "bytes": seen["bytes"],
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "agent": headers.get(b"user-agent", b"").decode("latin-1") or None,
        },
        ensure_ascii=False,
    )


class DataVersion:
    """The store's (event count, newest change), asked at most once per ``ttl`` seconds.

    Every cacheable answer's ETag and Last-Modified derive from it, so a
    client revalidating a page after the hourly ingest gets the new page, and
    before it a 304 without any event being read.
    """

    def __init__(self, read: Callable[[], tuple[int, datetime | None]], *, ttl: float = 5.0):
        self._read = read
        self._ttl = ttl
        self._value: tuple[int, datetime | None] | None = None
        self._at = 0.0
        self._clock = time.monotonic
        self._refreshing = threading.Lock()

    def get(self) -> tuple[int, datetime | None]:
        """The current version (cached for ``ttl`` seconds).

        One thread refreshes it; the others keep answering with the previous
        version meanwhile, instead of all counting a million rows at once.
        """
        value = self._value
        if value is not None and self._clock() - self._at <= self._ttl:
            return value
        if not self._refreshing.acquire(blocking=value is None):
            return value  # type: ignore[return-value]  # another thread is refreshing it
        try:
            if self._value is None or self._clock() - self._at > self._ttl:
                self._value = self._read()
                self._at = self._clock()
            return self._value
        finally:
            self._refreshing.release()


def conditional(
    request: Request,
    version: tuple[int, datetime | None],
    build: Callable[[], Response],
    *,
    vary: str = "",
) -> Response:
    """A 304 when the client's copy is current, else ``build()`` with ETag and Last-Modified."""
    count, newest = version
    tag_source = f"{count}|{newest}|{request.url.path}|{request.url.query}|{vary}"
    etag = 'W/"' + hashlib.sha256(tag_source.encode()).hexdigest()[:24] + '"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if newest is not None:
        headers["Last-Modified"] = format_datetime(newest.astimezone(UTC), usegmt=True)
    if _fresh(request, etag, newest):
        return Response(status_code=304, headers=headers)
    response = build()
    response.headers.update(headers)
    return response


def _fresh(request: Request, etag: str, newest: datetime | None) -> bool:
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = {t.strip() for t in match.split(",")}
        return etag in tags or etag.removeprefix("W/") in tags or "*" in tags
    since = request.headers.get("if-modified-since")
    if since is None or newest is None:
        return False
    try:
        return newest.replace(microsecond=0) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def error_response(status: int, code: str, description: str, **extra: Any) -> JSONResponse:
    """OGC's exception document: ``{"code": ..., "description": one line}``."""
    return JSONResponse(
        {"code": code, "description": " ".join(description.split()), **extra}, status_code=status
    )
