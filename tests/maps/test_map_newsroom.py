"""What a newsroom needs from the map, in a real headless Chromium with every request refused.

The demo's own map (``tracker demo``, fresh HOME, no assets folder) must open
with a basemap and no console error; a link to one event must open its popup,
uncovered, on a phone; the list, search, claims and filters must agree with
pandas on the same frame.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from map_browser import save_screenshot
from map_frames import frame_of, one_event, sample_frame
from shapely.geometry import Point

from maps import write_map

pytestmark = pytest.mark.browser

TRACKER = shutil.which("tracker", path=str(Path(sys.executable).parent)) or "tracker"
PHONE = {"width": 390, "height": 844}

# Points on the popup, every 5 px, whose topmost element is not part of the popup.
COVERED_JS = """() => {
  const pop = document.querySelector('.leaflet-popup');
  const r = pop.getBoundingClientRect(), covered = [];
  for (let x = Math.ceil(r.left); x < r.right; x += 5)
    for (let y = Math.ceil(r.top); y < r.bottom; y += 5) {
      const hit = document.elementFromPoint(x, y);
      if (hit === null || !pop.contains(hit)) covered.push([x, y, hit && hit.className]);
    }
  return {covered, rect: [r.left, r.top, r.right, r.bottom], w: innerWidth, h: innerHeight};
}"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """The demo run as a new user would: a fresh HOME, no asset folder or cache."""
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "XDG_"))}
    env["HOME"] = str(home)
    done = subprocess.run(
        [TRACKER, "demo", "--out", str(home / "out")],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    features = json.loads((home / "out/events.geojson").read_text())["features"]
    assert not (home / ".cache/conflict-tracker").exists()  # no map asset fetched or cached
    return home / "out/map.html", features


def test_the_demo_map_opens_offline_with_a_basemap(open_map: Any, demo: Any) -> None:
    path, features = demo
    page, traffic = open_map(path, block_all=True, width=1280, height=800)
    assert traffic.refused == [] and traffic.console_errors == []
    assert page.locator(".leaflet-tmLand-pane path").count() == 27
    assert page.locator(".tm-city-label").count() >= 10
    assert "Мінрегіон" in page.inner_text(".leaflet-control-attribution")
    located = sum(1 for f in features if f["geometry"] is not None)
    assert int(page.get_attribute(".tm-count", "data-visible")) == located
    assert int(page.get_attribute(".tm-list-count", "data-total")) == len(features)


def test_an_event_link_opens_its_popup_uncovered_on_a_phone(open_map: Any, demo: Any) -> None:
    path, features = demo
    for feature in features:
        event_id = feature["properties"]["event_id"]
        page, _ = open_map(path, block_all=True, fragment=f"#event={event_id}", **PHONE)
        popup = page.wait_for_selector(".leaflet-popup .tm-card")
        assert event_id.startswith(popup.get_attribute("data-event"))
        assert feature["properties"]["notes"][:40] in popup.inner_text()
        page.wait_for_timeout(400)  # the pan that clears the panels is animated
        seen = page.evaluate(COVERED_JS)
        assert seen["covered"] == [], (event_id, seen)
        left, top, right, bottom = seen["rect"]
        assert left >= 0 and top >= 0 and right <= seen["w"] and bottom <= seen["h"]
        assert f"event={popup.get_attribute('data-event')}" in page.evaluate("location.hash")
        if feature["properties"]["geo_precision"] == 3:  # a region-only event names it once
            place = page.inner_text(".tm-popup .tm-line:has-text('Place:')")
            assert place.count(feature["properties"]["admin1"]) == 1
    save_screenshot(page, "map-phone-permalink.png")


def _claims_frame() -> Any:
    two = [
        {"outlet": "Wire A", "title": "First report", "url": "https://a.example/1"},
        {"outlet": "Paper B", "title": "Second report", "url": "https://b.example/2"},
    ]
    one = [{"outlet": "Wire A", "title": "Only report", "url": "https://a.example/3"}]
    rows = [
        one_event(
            event_id="claimed",
            notes="The ministry said its missiles struck a depot in Irpin.",
            claimed_by="the Russian Defence Ministry",
            sources=two,
            confidence=0.9,
        ),
        one_event(
            event_id="alleged",
            event_date=date(2022, 3, 2),
            location="Kharkiv",
            admin1="Kharkiv Oblast",
            notes="Officials accused the other side of shelling a school in Kharkiv.",
            alleged=True,
            sources=one,
            report_count=3,
            confidence=0.6,
        ),
        one_event(
            event_id="single",
            event_date=date(2022, 3, 3),
            location="Sumy",
            admin1="Sumy Oblast",
            notes="A drone was shot down over Sumy.",
            sources=one,
            confidence=0.4,
        ),
    ]
    points = [Point(30.25, 50.52), Point(36.25, 49.98), Point(34.80, 50.92)]
    return frame_of(rows, points)


def test_popups_say_who_claims_and_who_reported(open_map: Any, tmp_path: Path) -> None:
    out = write_map(_claims_frame(), tmp_path / "m.html", title="Claims")
    page, _ = open_map(out, block_all=True, fragment="#event=claimed")
    text = page.wait_for_selector(".tm-popup").inner_text()
    assert "Claimed by the Russian Defence Ministry" in text
    assert "Reported by 2 sources:" in text and "Wire A" in text and "Paper B" in text
    assert "Confidence: 0.90" in text
    page.evaluate("location.hash = '#event=alleged'")
    text = page.wait_for_selector(".tm-card[data-event='alleged']").inner_text()
    assert "Alleged" in text and "Reported by 3 sources:" in text  # report_count says more
    page.evaluate("location.hash = '#event=single'")
    text = page.wait_for_selector(".tm-card[data-event='single']").inner_text()
    assert "Reported by 1 source:" in text and "Claimed" not in text and "Alleged" not in text


def test_two_sources_and_minimum_confidence_filter_map_and_list(
    open_map: Any, tmp_path: Path
) -> None:
    out = write_map(_claims_frame(), tmp_path / "m.html", title="Filters")
    page, _ = open_map(out, block_all=True)
    page.check(".tm-two-sources")
    assert page.get_attribute(".tm-count", "data-visible") == "2"  # claimed (2), alleged (3)
    page.select_option(".tm-min-confidence", "700")
    assert page.get_attribute(".tm-count", "data-visible") == "1"
    page.wait_for_selector(".tm-list-count[data-total='1']")
    assert page.get_attribute(".tm-list .tm-row-event", "data-event") == "claimed"
    page.wait_for_timeout(300)
    assert "src=2" in page.evaluate("location.hash") and "minconf=700" in page.evaluate(
        "location.hash"
    )


@pytest.fixture(scope="module")
def sample() -> Any:
    return sample_frame(500)


@pytest.fixture(scope="module")
def sample_map(tmp_path_factory: pytest.TempPathFactory, sample: Any) -> Path:
    return write_map(sample, tmp_path_factory.mktemp("m") / "map.html", title="List test")


def _matching(frame: Any, word: str) -> pd.Series:
    text = (frame["notes"] + " " + frame["location"] + " " + frame["admin1"]).str.lower()
    return text.str.contains(word.lower(), regex=False)


def test_search_narrows_list_and_map_alike(open_map: Any, sample_map: Path, sample: Any) -> None:
    page, _ = open_map(sample_map, block_all=True)
    assert int(page.get_attribute(".tm-list-count", "data-total")) == len(sample)
    page.fill(".tm-search", "bakhmut")
    hits = _matching(sample, "bakhmut")
    page.wait_for_selector(f".tm-list-count[data-total='{int(hits.sum())}']")
    located = sample.geometry.notna()
    assert int(page.get_attribute(".tm-count", "data-visible")) == int((hits & located).sum())
    rows = page.locator(".tm-row-event")
    assert rows.count() == min(100, int(hits.sum()))
    assert all("Bakhmut" in rows.nth(k).inner_text() for k in range(5))
    page.wait_for_timeout(300)
    assert "q=bakhmut" in page.evaluate("location.hash")


def test_a_list_row_opens_its_event_and_the_link_carries_it(
    open_map: Any, sample_map: Path, sample: Any
) -> None:
    page, _ = open_map(sample_map, block_all=True)
    row = page.locator(".tm-row-event").nth(3)
    event_id = row.get_attribute("data-event")
    row.click()
    card = page.wait_for_selector(f".tm-popup .tm-card[data-event='{event_id}']")
    notes = sample.set_index("event_id").loc[event_id, "notes"]
    assert notes in card.inner_text()
    page.wait_for_timeout(300)
    assert f"event={event_id}" in page.evaluate("location.hash")
    page.click(".tm-share")
    assert f"event={event_id}" in page.input_value(".tm-copy-text")
    page.click(".tm-dialog .tm-close")
    page.click(".tm-embed")
    code = page.input_value(".tm-copy-text")
    assert code.startswith("<iframe src=") and 'title="List test"' in code
    assert f"event={event_id}" in code


def test_the_url_follows_play(open_map: Any, sample_map: Path) -> None:
    page, _ = open_map(sample_map, block_all=True)
    page.click(".tm-play")
    page.wait_for_timeout(700)
    first = page.evaluate("location.hash")
    page.wait_for_timeout(700)
    assert page.get_attribute(".tm-play", "class").count("tm-playing") == 1  # still playing
    later = page.evaluate("location.hash")
    assert "to=" in first and first != later


@pytest.mark.parametrize("scale", [1, 2])
def test_the_histogram_is_drawn_at_device_pixels_with_a_date_axis(
    chromium: Any, sample_map: Path, scale: int
) -> None:
    viewport = {"width": 1000, "height": 700}
    context = chromium.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    page.goto(sample_map.resolve().as_uri())
    page.wait_for_selector("html[data-map-ready='1']")
    size = page.evaluate(
        """() => { const c = document.querySelector('.tm-hist');
        return [c.width, c.height, c.clientWidth, c.clientHeight]; }"""
    )
    assert size[0] == round(size[2] * scale) and size[1] == round(size[3] * scale)
    assert size[2] > 300
    # the axis row under the bars has label pixels
    inked = page.evaluate(
        """() => { const c = document.querySelector('.tm-hist'), g = c.getContext('2d');
        const d = g.getImageData(0, c.height - Math.round(10 * devicePixelRatio), c.width,
            Math.round(8 * devicePixelRatio)).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 128) n++; return n; }"""
    )
    assert inked > 50
    context.close()


def test_phone_targets_are_big_enough_and_clicks_leave_no_ring(
    open_map: Any, sample_map: Path
) -> None:
    page, _ = open_map(sample_map, block_all=True, **PHONE)
    page.click(".tm-legend-toggle")
    page.click(".tm-list-button")
    small = page.evaluate(
        """() => [...document.querySelectorAll(
            '.tm-panel button, .tm-panel select, .tm-panel label:has(input), .tm-list button, ' +
            '.tm-search, .tm-panel input[type=date], .tm-panel input[type=range]')]
          .filter(n => n.offsetParent !== null)
          .map(n => [n.className || n.tagName, n.getBoundingClientRect().height])
          .filter(([_, h]) => h < 24)"""
    )
    assert small == []
    page.click(".tm-list-close")
    page.mouse.click(200, 420)
    ring = page.evaluate(
        """() => getComputedStyle(document.querySelector('.leaflet-container'), '::after')
        .borderTopStyle"""
    )
    assert ring in ("none", "")
    page.keyboard.press("Tab")
    page.focus(".leaflet-container")
    assert (
        page.evaluate(
            """() => getComputedStyle(document.querySelector('.leaflet-container'), '::after')
        .borderTopStyle"""
        )
        == "solid"
    )


def test_region_shading_is_neutral_grey(open_map: Any, sample_map: Path) -> None:
    page, _ = open_map(sample_map, block_all=True)
    fills = page.evaluate(
        """() => [...document.querySelectorAll('.leaflet-tmRegions-pane path')]
        .map(p => [p.getAttribute('fill'), +p.getAttribute('fill-opacity')])
        .filter(([_, o]) => o > 0).map(([f]) => f)"""
    )
    assert fills  # the sample's oblasts are shaded
    for fill in fills:
        r, g, b = (int(fill[k : k + 2], 16) for k in (1, 3, 5))
        assert r == g == b, fill


def test_print_shows_title_range_and_credits(open_map: Any, sample_map: Path) -> None:
    page, _ = open_map(sample_map, block_all=True)
    page.emulate_media(media="print")
    head = page.inner_text(".tm-print-head")
    assert "List test" in head and "Events from 2022-" in head and "GeoNames" in head
    assert not page.is_visible(".tm-list") and not page.is_visible(".tm-sliders")
