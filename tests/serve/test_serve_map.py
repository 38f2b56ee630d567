"""The live map in headless Chromium, with every request outside the server refused."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "maps"))
from map_browser import NODE_MODULES, launch, require_browser, save_screenshot

from tracker.serve import ServeOptions
from tracker.serve.mappage import MapOptions

pytestmark = pytest.mark.browser


def _in_own_thread(fn: Callable[[], dict[str, list[str]]]) -> dict[str, list[str]]:
    """Run ``fn`` in a thread of its own: the map tests' session Playwright (sync API)
    owns the main thread's event loop, and a second one cannot start beside it there."""
    result: list[dict[str, list[str]]] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(fn())
        except BaseException as err:  # noqa: BLE001 - re-raised in the test's thread
            failure.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    if failure:
        raise failure[0]
    return result[0]


def _open_map(url: str, base: str) -> dict[str, list[str]]:
    """Load ``url`` in headless Chromium letting only ``base`` answer; what it saw."""
    from playwright.sync_api import sync_playwright

    seen: dict[str, list[str]] = {"served": [], "refused": [], "console": [], "errors": []}

    def only_the_server(route: Any) -> None:
        target = route.request.url
        if target.startswith((base + "/", "data:", "blob:")):
            seen["served"].append(target)
            route.continue_()
        else:
            seen["refused"].append(target)
            route.abort()

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 1200, "height": 800}).new_page()
        page.route("**/*", only_the_server)
        page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda err: seen["errors"].append(str(err)))
        page.goto(url)
        page.wait_for_selector("html[data-map-ready='1']", timeout=30_000)
        save_screenshot(page, "serve-map.png")
        browser.close()
    return seen


def test_the_map_loads_from_the_server_alone_with_no_console_errors(
    events_url: str, serve: Callable[..., str]
) -> None:
    require_browser()
    options = ServeOptions(map=MapOptions(asset_dir=NODE_MODULES, hide_below=0.0))
    base = serve(events_url, options=options)
    url = f"{base}/map?datetime=2024-03-01/2024-03-10"
    seen = _in_own_thread(lambda: _open_map(url, base))
    assert seen["refused"] == [] and seen["console"] == [] and seen["errors"] == []
    # Leaflet and the basemap are inside the page (issue 15): nothing else to fetch
    assert httpx.get(url).text.count("Leaflet") > 0
    assert not any("cdn" in u or "unpkg" in u for u in seen["served"])


def test_the_map_takes_the_items_filters_and_revalidates(
    events_url: str, serve: Callable[..., str]
) -> None:
    base = serve(events_url, options=ServeOptions(map=MapOptions(asset_dir=NODE_MODULES)))
    first = httpx.get(f"{base}/map", params={"type": "Battles"})
    assert first.status_code == 200 and "Events from 2024-02-20" in first.text
    again = httpx.get(
        f"{base}/map", params={"type": "Battles"}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    bad = httpx.get(f"{base}/map", params={"limit": "5"})
    assert bad.status_code == 400 and "not ['limit']" in bad.json()["description"]
    assert httpx.get(f"{base}/assets/../../etc/passwd").status_code == 404
    assert (
        httpx.get(f"{base}/assets/leaflet/dist/leaflet.css")
        .headers["content-type"]
        .startswith("text/css")
    )


def test_a_map_of_too_many_events_is_cut_to_the_latest_days(
    events_url: str, serve: Callable[..., str]
) -> None:
    options = ServeOptions(map=MapOptions(asset_dir=NODE_MODULES, max_events=50))
    base = serve(events_url, options=options)
    latest = httpx.get(f"{base}/map")
    assert latest.status_code == 200 and "Events from 2024-03-2" in latest.text
    too_many = httpx.get(f"{base}/map", params={"datetime": "2024-02-01/2024-04-01"})
    assert (
        too_many.status_code == 400 and "more than the map's 50" in too_many.json()["description"]
    )
