"""A real, threaded HTTP server on 127.0.0.1 for the fetcher and pipeline tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from tracker.ingest import FetchPolicy


@pytest.fixture(scope="session")
def _web_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def web(_web_server: HTTPServer) -> Iterator[HTTPServer]:
    """A threaded server (slow handlers do not block the others), cleared per test."""
    _web_server.clear()
    yield _web_server
    _web_server.clear()


@pytest.fixture
def policy() -> FetchPolicy:
    """Local-server friendly limits: private addresses allowed, no real waiting."""
    return FetchPolicy(allow_private_urls=True, timeout=5.0, backoff_base=0.0, retries=2)
