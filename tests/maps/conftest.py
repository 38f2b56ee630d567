"""Fixtures for map tests: an offline headless Chromium and pages that must stay clean."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from map_browser import Traffic, launch, require_browser, route_offline


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session (skips, or fails under CI, when unavailable)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def open_map(chromium: Any) -> Iterator[Callable[..., tuple[Any, Traffic]]]:
    """Open a map file offline; after the test, fail on any console/page error or stray request."""
    opened: list[tuple[Any, Traffic, bool]] = []

    def _open(
        path: Path,
        *,
        fragment: str = "",
        width: int = 1200,
        height: int = 800,
        block_all: bool = False,
        expect_refused: bool = False,
        ready: bool = True,
    ) -> tuple[Any, Traffic]:
        context = chromium.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        traffic = Traffic()
        route_offline(page, traffic, block_all=block_all)
        page.goto(path.resolve().as_uri() + fragment)
        if ready:
            page.wait_for_selector("html[data-map-ready='1']", timeout=30_000)
        opened.append((context, traffic, expect_refused))
        return page, traffic

    yield _open
    for context, traffic, expect_refused in opened:
        context.close()
        assert traffic.page_errors == []
        if not expect_refused:
            assert traffic.console_errors == []
            assert traffic.refused == []
