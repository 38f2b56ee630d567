"""The low-confidence switch in a real headless Chromium, offline: hidden at first, counted,
shown on demand, kept in the link, and explained in popups."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from map_frames import frame_of, one_event, sample_frame
from shapely.geometry import Point

from maps import write_map

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(os.environ.get("TRACKER_SCREENSHOT_DIR", "/tmp"))
ALL_DAYS = (date(2000, 1, 1), date(2100, 1, 1))


def _count(page: Any, attribute: str) -> int:
    return int(page.get_attribute(".tm-count", f"data-{attribute}"))


def _hash(page: Any) -> str:
    """The fragment once the page has written it (it waits 250 ms after a change)."""
    return page.evaluate("() => new Promise(r => setTimeout(() => r(location.hash), 400))")


def _expected(frame: Any, *, low_shown: bool, types: set[str] | None = None) -> dict[str, int]:
    """What the count line should say, computed with pandas over the whole date range."""
    chosen = frame["event_type"].isin(types) if types else pd.Series(True, index=frame.index)
    low = frame["confidence"].notna() & (frame["confidence"] < 0.5)
    passed = chosen & (low_shown | ~low)
    located = frame.geometry.notna()
    return {
        "visible": int((passed & located).sum()),
        "unlocated": int((passed & ~located).sum()),
        "low-hidden": 0 if low_shown else int((chosen & low).sum()),
    }


def _counts(page: Any) -> dict[str, int]:
    return {name: _count(page, name) for name in ("visible", "unlocated", "low-hidden")}


@pytest.fixture(scope="module")
def rated() -> Any:
    """Six hundred made-up events with seeded confidences; some unknown, some exactly 0.5."""
    frame = sample_frame(600, seed=21, unlocated=12)
    rng = np.random.default_rng(4)
    confidence = rng.uniform(0.05, 0.95, len(frame)).round(3).astype(object)
    confidence[::50] = None  # unknown: never hidden as low
    confidence[1::37] = 0.5  # at the threshold: not low
    frame["confidence"] = confidence
    return frame


@pytest.fixture(scope="module")
def rated_map(tmp_path_factory: pytest.TempPathFactory, rated: Any) -> Path:
    out = tmp_path_factory.mktemp("conf") / "map.html"
    return write_map(rated, out, title="Rated events", hide_below=0.5)


def test_low_confidence_events_start_hidden_and_are_counted(
    open_map: Any, rated_map: Path, rated: Any
) -> None:
    page, _ = open_map(rated_map)
    expected = _expected(rated, low_shown=False)
    assert expected["low-hidden"] > 50 and expected["unlocated"] > 0
    assert _counts(page) == expected
    hidden = f"{expected['low-hidden']} low-confidence hidden"
    assert hidden in page.inner_text(".tm-count")
    assert page.inner_text(".tm-low-count") == hidden
    assert not page.is_checked(".tm-low-toggle")
    label = page.inner_text(".tm-confidence label").replace("\xa0", " ")
    assert label == "Show low-confidence events (< 0.5)"
    assert "low=0" in _hash(page)


def test_ticking_the_switch_shows_them_and_the_link_keeps_it(
    open_map: Any, rated_map: Path, rated: Any
) -> None:
    page, _ = open_map(rated_map)
    page.check(".tm-low-toggle")
    assert _counts(page) == _expected(rated, low_shown=True)
    assert "low-confidence hidden" not in page.inner_text(".tm-count")
    fragment = _hash(page)
    assert "low=1" in fragment
    again, _ = open_map(rated_map, fragment=fragment)
    assert again.is_checked(".tm-low-toggle")
    assert _counts(again) == _expected(rated, low_shown=True)
    again.uncheck(".tm-low-toggle")
    assert _counts(again) == _expected(rated, low_shown=False)
    assert "low=0" in _hash(again)


def test_the_hidden_count_follows_the_type_toggles(
    open_map: Any, rated_map: Path, rated: Any
) -> None:
    page, _ = open_map(rated_map)
    page.uncheck("input[data-type='Battles']")
    others = set(rated["event_type"]) - {"Battles"}
    assert _counts(page) == _expected(rated, low_shown=False, types=others)
    page.check(".tm-low-toggle")
    assert _counts(page) == _expected(rated, low_shown=True, types=others)
    battles = rated["event_type"] == "Battles"
    legend = page.inner_text("label:has(input[data-type='Battles']) .tm-type-count")
    assert int(legend.replace(",", "")) == int(battles.sum())
    page.uncheck(".tm-low-toggle")
    low = rated["confidence"].notna() & (rated["confidence"] < 0.5)
    legend = page.inner_text("label:has(input[data-type='Battles']) .tm-type-count")
    assert int(legend.replace(",", "")) == int((battles & ~low).sum())


def _two_events(tmp_path: Path, **options: Any) -> Path:
    rows = [
        one_event(event_id="doubtful", confidence=0.312, notes="A doubtful report."),
        one_event(event_id="solid", confidence=0.87, notes="A well-sourced report."),
    ]
    points = [Point(30.25, 50.52), Point(36.25, 49.98)]
    return write_map(frame_of(rows, points), tmp_path / "m.html", title="t", **options)


def _click(page: Any, lat: float, lon: float) -> None:
    x, y = page.evaluate(
        """([lat, lon]) => {
            const m = window.trackerMaps[0].map, p = m.latLngToContainerPoint([lat, lon]);
            const r = m.getContainer().getBoundingClientRect();
            return [p.x + r.left, p.y + r.top];
        }""",
        [lat, lon],
    )
    page.mouse.click(x, y)


def _drawn_at(page: Any, lat: float, lon: float) -> bool:
    """True when the event canvas has any painted pixel within 3 px of the point."""
    return page.evaluate(
        """([lat, lon]) => {
            const m = window.trackerMaps[0].map, p = m.latLngToContainerPoint([lat, lon]);
            const c = document.querySelector('.tm-canvas'), k = window.devicePixelRatio || 1;
            const d = c.getContext('2d').getImageData(
                Math.round(p.x * k) - 3, Math.round(p.y * k) - 3, 7, 7).data;
            for (let i = 3; i < d.length; i += 4) if (d[i]) return true;
            return false;
        }""",
        [lat, lon],
    )


def test_a_hidden_dot_is_neither_drawn_nor_clickable_until_shown(
    open_map: Any, tmp_path: Path
) -> None:
    page, _ = open_map(_two_events(tmp_path, hide_below=0.5), fragment="#view=50.2,33.2,6")
    assert _drawn_at(page, 49.98, 36.25) and not _drawn_at(page, 50.52, 30.25)
    _click(page, 50.52, 30.25)
    page.wait_for_timeout(200)
    assert page.query_selector(".tm-popup") is None
    _click(page, 49.98, 36.25)
    assert "Confidence: 0.87" in page.wait_for_selector(".tm-popup").inner_text()
    page.wait_for_timeout(400)  # the popup pans the map clear of the panels: let it settle
    page.keyboard.press("Escape")
    page.check(".tm-low-toggle")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert _drawn_at(page, 50.52, 30.25)
    _click(page, 50.52, 30.25)
    text = page.wait_for_selector(".tm-popup:has-text('doubtful')").inner_text()
    assert "Confidence: 0.31 (low: below 0.5)" in text


def test_threshold_zero_leaves_the_switch_out(open_map: Any, tmp_path: Path) -> None:
    page, _ = open_map(_two_events(tmp_path, hide_below=0), fragment="#low=0")
    assert page.query_selector(".tm-low-toggle") is None
    assert _count(page, "visible") == 2 and _count(page, "low-hidden") == 0
    assert "low=" not in _hash(page)
    _click(page, 50.52, 30.25)
    text = page.wait_for_selector(".tm-popup").inner_text()
    assert "Confidence: 0.31" in text and "low:" not in text


def _overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_switch_covers_no_other_control(
    open_map: Any, rated_map: Path, width: int, height: int
) -> None:
    page, _ = open_map(rated_map, width=width, height=height)
    page.screenshot(path=str(SCREENSHOTS / f"map-confidence-{width}x{height}.png"))
    controls = [".tm-info", ".tm-legend", ".tm-time"]
    if width >= 600:  # phones pinch to zoom: no zoom buttons to crowd the panels
        controls.append(".leaflet-control-zoom")
    boxes = {c: page.locator(c).bounding_box() for c in controls}
    for i, first in enumerate(controls):
        for second in controls[i + 1 :]:
            assert not _overlaps(boxes[first], boxes[second]), (first, second)
    if width < 600:  # on a phone the switch is in the folded legend
        assert not page.is_visible(".tm-low-toggle")
        page.click(".tm-legend-toggle")
    switch = page.locator(".tm-confidence").bounding_box()
    assert switch["x"] >= 0 and switch["x"] + switch["width"] <= width
    assert switch["y"] + switch["height"] <= page.locator(".tm-time").bounding_box()["y"]
    if width >= 600:
        assert not _overlaps(switch, page.locator(".leaflet-control-zoom").bounding_box())
    page.check(".tm-low-toggle")  # Playwright refuses when another element covers it
    page.screenshot(path=str(SCREENSHOTS / f"map-confidence-{width}x{height}-shown.png"))
    assert "low=1" in _hash(page)
