"""The live map in headless Chromium, with every request outside the server refused."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "maps"))
from map_browser import NODE_MODULES, launch, require_browser, save_screenshot

from tracker.serve import ServeOptions
from tracker.serve.mappage import MapOptions

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def _open(chromium: Any, url: str, base: str) -> tuple[Any, Any, dict[str, list[str]]]:
    seen: dict[str, list[str]] = {"served": [], "refused": [], "console": [], "errors": []}
    context = chromium.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()

    def only_the_server(route: Any) -> None:
        target = route.request.url
        if target.startswith((base + "/", "data:", "blob:")):
            seen["served"].append(target)
            route.continue_()
        else:
            seen["refused"].append(target)
            route.abort()

    page.route("**/*", only_the_server)
    page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda err: seen["errors"].append(str(err)))
    page.goto(url)
    page.wait_for_selector("html[data-map-ready='1']", timeout=30_000)
    return context, page, seen


def test_the_map_loads_from_the_server_alone_with_no_console_errors(
    events_url: str, serve: Callable[..., str], chromium: Any
) -> None:
    options = ServeOptions(map=MapOptions(asset_dir=NODE_MODULES, hide_below=0.0))
    base = serve(events_url, options=options)
    context, page, seen = _open(chromium, f"{base}/map?datetime=2024-03-01/2024-03-10", base)
    save_screenshot(page, "serve-map.png")
    context.close()
    assert seen["refused"] == [] and seen["console"] == [] and seen["errors"] == []
    assert any("/assets/leaflet/dist/leaflet.js" in url for url in seen["served"])


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
