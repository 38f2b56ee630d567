"""The journalist map in a real headless Chromium, offline: behaviour, not markup."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from map_browser import require_browser, save_screenshot
from map_frames import frame_of, one_event, sample_frame, visible_in_range
from shapely.geometry import Point, box

from maps import FRAME_COLUMNS, write_map

pytestmark = pytest.mark.browser

HOSTILE_NOTES = (
    'Shells hit <script>window.__pwned = 1</script> the " onmouseover="window.__pwned=2" square.'
)
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=3">Night strikes'


def _visible(page: Any) -> int:
    return int(page.get_attribute(".tm-count", "data-visible"))


def _set_range(page: Any, start: date, end: date) -> None:
    page.fill(".tm-from", start.isoformat())
    page.fill(".tm-to", end.isoformat())


def _next_frame(page: Any) -> None:
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _screen_point(page: Any, lat: float, lon: float) -> tuple[float, float]:
    return tuple(
        page.evaluate(
            """([lat, lon]) => {
                const m = window.trackerMaps[0].map, p = m.latLngToContainerPoint([lat, lon]);
                const r = m.getContainer().getBoundingClientRect();
                return [p.x + r.left, p.y + r.top];
            }""",
            [lat, lon],
        )
    )


@pytest.fixture(scope="module")
def sample() -> Any:
    return sample_frame(600)


@pytest.fixture(scope="module")
def sample_map(tmp_path_factory: pytest.TempPathFactory, sample: Any) -> Path:
    out = tmp_path_factory.mktemp("map") / "map.html"
    return write_map(sample, out, title="Test events", description="Six hundred made-up events.")


def test_visible_count_after_date_range_equals_pandas(
    open_map: Any, sample_map: Path, sample: Any
) -> None:
    page, _ = open_map(sample_map)
    assert _visible(page) == int(visible_in_range(sample, date(2000, 1, 1), date(2100, 1, 1)).sum())
    for start, end in [
        (date(2022, 4, 1), date(2022, 4, 30)),
        (date(2022, 8, 15), date(2022, 8, 15)),
        (date(2022, 3, 1), date(2022, 11, 30)),
        (date(2022, 6, 10), date(2022, 7, 2)),
    ]:
        _set_range(page, start, end)
        assert _visible(page) == int(visible_in_range(sample, start, end).sum()), (start, end)
    _set_range(page, date(2022, 2, 24), date(2022, 12, 31))
    everywhere = visible_in_range(
        sample.set_geometry([Point(0, 0)] * len(sample)), date(2022, 2, 24), date(2022, 12, 31)
    )
    unlocated = int((everywhere & sample.geometry.isna()).sum())
    assert unlocated > 0
    assert int(page.get_attribute(".tm-count", "data-unlocated")) == unlocated
    assert f"{unlocated} not on map" in page.inner_text(".tm-count")


def test_slider_keys_move_the_range_and_the_count_follows(
    open_map: Any, sample_map: Path, sample: Any
) -> None:
    page, _ = open_map(sample_map)
    page.focus(".tm-lo")
    for _ in range(40):
        page.keyboard.press("ArrowRight")
    page.focus(".tm-hi")
    for _ in range(100):
        page.keyboard.press("ArrowLeft")
    _next_frame(page)
    start = date.fromisoformat(page.input_value(".tm-from"))
    end = date.fromisoformat(page.input_value(".tm-to"))
    assert (end - start).days > 0 and start > date(2022, 2, 24)
    assert _visible(page) == int(visible_in_range(sample, start, end).sum())


def test_toggling_a_type_hides_exactly_its_events(
    open_map: Any, sample_map: Path, sample: Any
) -> None:
    page, _ = open_map(sample_map)
    _set_range(page, date(2022, 5, 1), date(2022, 9, 30))
    shown = visible_in_range(sample, date(2022, 5, 1), date(2022, 9, 30))
    battles = int((shown & (sample["event_type"] == "Battles")).sum())
    before = _visible(page)
    page.uncheck("input[data-type='Battles']")
    assert _visible(page) == before - battles
    assert "hide=Battles" in page.evaluate(
        "() => new Promise(r => setTimeout(() => r(location.hash), 400))"
    )
    page.check("input[data-type='Battles']")
    assert _visible(page) == before


def test_week_and_month_events_show_across_their_interval(open_map: Any, tmp_path: Path) -> None:
    rows = [
        one_event(
            event_id="month",
            event_date=date(2022, 5, 15),
            date_start=date(2022, 5, 1),
            date_end=date(2022, 5, 31),
        ),
        one_event(event_id="day", event_date=date(2022, 5, 15)),
    ]
    out = write_map(
        frame_of(rows, [Point(30.25, 50.52), Point(36.25, 49.98)]), tmp_path / "m.html", title="t"
    )
    page, _ = open_map(out)
    _set_range(page, date(2022, 5, 2), date(2022, 5, 3))
    assert _visible(page) == 1
    _set_range(page, date(2022, 5, 31), date(2022, 5, 31))
    assert _visible(page) == 1
    _set_range(page, date(2022, 5, 15), date(2022, 5, 15))
    assert _visible(page) == 2


def test_popup_shows_hostile_text_as_text_and_runs_nothing(open_map: Any, tmp_path: Path) -> None:
    rows = [
        one_event(
            event_id='h"><img src=x onerror="window.__pwned=5">',
            notes=HOSTILE_NOTES,
            location='Irpin"><b>bold</b>',
            claimed_by="<img src=x onerror=window.__pwned=6>",
            geo_precision=2,
            sources=[
                {
                    "outlet": "<i>Wire</i>",
                    "title": HOSTILE_TITLE,
                    "url": "https://news.example/a?x=<y>",
                },
                {"outlet": "Other", "title": "Click me", "url": "javascript:window.__pwned=4"},
            ],
        )
    ]
    out = write_map(
        frame_of(rows, [Point(30.25, 50.52)]), tmp_path / "m.html", title="<b>Title</b>"
    )
    page, _ = open_map(out, fragment="#view=50.52,30.25,9")
    x, y = _screen_point(page, 50.52, 30.25)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    popup = page.wait_for_selector(".tm-popup")
    text = popup.inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert '" onmouseover="window.__pwned=2"' in text
    assert HOSTILE_TITLE in text and "<i>Wire</i>" in text and 'Irpin"><b>bold</b>' in text
    assert "near this place" in text
    page.hover(".tm-notes")
    assert page.evaluate("() => window.__pwned") is None
    assert (
        page.query_selector_all(".tm-popup img, .tm-popup script, .tm-popup b, .tm-popup i") == []
    )
    assert "Claimed by <img src=x onerror=window.__pwned=6>" in text
    permalink = page.get_attribute(".tm-popup .tm-permalink", "href")
    assert permalink == "#event=" + quote('h"><img ', safe="")  # the id's unique prefix
    row = page.inner_text(".tm-list .tm-row-event")
    assert 'Irpin"><b>bold</b>' in row
    page.fill(".tm-search", "<img src=x onerror=window.__pwned=7>")
    page.wait_for_selector(".tm-list-count[data-total='0']")
    assert page.query_selector_all(".tm-list img, .tm-list b, .tm-popup img") == []
    assert page.evaluate("() => window.__pwned") is None
    links = page.query_selector_all(".tm-sources a")
    assert len(links) == 1  # the javascript: URL is shown as text, not as a link
    assert links[0].get_attribute("href") == "https://news.example/a?x=<y>"
    assert links[0].get_attribute("target") == "_blank"
    assert "noopener" in links[0].get_attribute("rel")
    assert page.inner_text(".tm-title") == "<b>Title</b>"
    assert page.title() == "<b>Title</b>"


def test_shared_link_reopens_the_same_view(open_map: Any, sample_map: Path, sample: Any) -> None:
    page, _ = open_map(sample_map)
    _set_range(page, date(2022, 6, 1), date(2022, 7, 15))
    page.uncheck("input[data-type='Strategic developments']")
    page.evaluate("() => window.trackerMaps[0].map.setView([48.6, 37.9], 8, {animate: false})")
    fragment = page.evaluate("() => new Promise(r => setTimeout(() => r(location.hash), 500))")
    count = _visible(page)
    again, _ = open_map(sample_map, fragment=fragment)
    assert again.input_value(".tm-from") == "2022-06-01"
    assert again.input_value(".tm-to") == "2022-07-15"
    assert not again.is_checked("input[data-type='Strategic developments']")
    assert _visible(again) == count
    assert again.evaluate("() => window.trackerMaps[0].map.getZoom()") == 8


def test_play_slides_the_window_forward(open_map: Any, sample_map: Path, sample: Any) -> None:
    page, _ = open_map(sample_map)
    page.click(".tm-play")
    page.wait_for_function("() => document.querySelector('.tm-from').value > '2022-03-10'")
    page.click(".tm-play")  # pause
    start = date.fromisoformat(page.input_value(".tm-from"))
    end = date.fromisoformat(page.input_value(".tm-to"))
    assert (end - start).days == 29
    assert _visible(page) == int(visible_in_range(sample, start, end).sum())


def test_regions_are_shaded_by_the_events_shown(open_map: Any, tmp_path: Path) -> None:
    regions = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"shapeName": name},
                "geometry": json.loads(json.dumps(box(*bounds).__geo_interface__)),
            }
            for name, bounds in [
                ("West Oblast", (29, 49, 33, 52)),
                ("East Oblast", (33, 47, 39, 52)),
            ]
        ],
    }
    path = tmp_path / "regions.geojson"
    path.write_text(json.dumps(regions))
    rows = [one_event(event_id=f"w{i}", event_date=date(2022, 3, 1 + i)) for i in range(3)]
    rows += [one_event(event_id="e0", event_date=date(2022, 3, 20))]
    points = [Point(30.25, 50.5)] * 3 + [Point(36.2, 49.9)]
    out = write_map(frame_of(rows, points), tmp_path / "m.html", title="t", boundaries=path)
    page, _ = open_map(out, fragment="#view=49.5,34,6")
    x, y = _screen_point(page, 51.5, 31)
    page.mouse.move(x, y)
    assert page.wait_for_selector(".leaflet-tooltip").inner_text() == "West Oblast: 3 events shown"
    _set_range(page, date(2022, 3, 2), date(2022, 3, 31))
    page.mouse.move(x + 5, y + 5)
    assert page.wait_for_selector(".leaflet-tooltip").inner_text() == "West Oblast: 2 events shown"


def test_map_opens_with_every_request_blocked(open_map: Any, tmp_path: Path, sample: Any) -> None:
    out = write_map(sample, tmp_path / "offline.html", title="Offline")
    page, traffic = open_map(out, block_all=True)
    assert traffic.refused == []
    assert page.evaluate("() => document.querySelectorAll('.leaflet-tile').length") == 0
    land = page.evaluate("() => document.querySelectorAll('.leaflet-tmLand-pane path').length")
    assert land == 27  # the built-in oblast outlines
    assert page.locator(".tm-city-label", has_text="Kyiv").count() == 1
    _set_range(page, date(2022, 4, 1), date(2022, 4, 30))
    assert _visible(page) == int(
        visible_in_range(sample, date(2022, 4, 1), date(2022, 4, 30)).sum()
    )
    assert (
        page.evaluate(
            "() => getComputedStyle(document.querySelector('.leaflet-container')).overflow"
        )
        == "hidden"
    )


def test_online_tiles_are_the_only_requests_of_a_map_with_tiles(
    open_map: Any, tmp_path: Path, sample: Any
) -> None:
    out = write_map(sample, tmp_path / "tiles.html", title="Tiles", tiles="OpenStreetMap")
    page, traffic = open_map(out, block_all=True, expect_refused=True)
    assert traffic.refused and all("tile.openstreetmap.org" in url for url in traffic.refused)
    assert traffic.page_errors == []
    assert _visible(page) > 0


def test_a_cdn_map_links_leaflet_and_works(open_map: Any, tmp_path: Path, sample: Any) -> None:
    require_browser(npm=True)  # the CDN files are answered from node_modules
    out = write_map(sample, tmp_path / "cdn.html", title="CDN", cdn=True)
    page, traffic = open_map(out)
    assert any(url.endswith("leaflet.js") for url in traffic.served)
    assert _visible(page) > 0


def test_phone_width_folds_the_legend_and_keeps_controls_on_screen(
    open_map: Any, sample_map: Path
) -> None:
    page, _ = open_map(sample_map, width=375, height=700)
    assert not page.is_visible(".tm-legend-body")
    page.click(".tm-legend-toggle")
    assert page.is_visible(".tm-legend-body")
    for selector in (".tm-time", ".tm-legend", ".tm-info"):
        box_ = page.locator(selector).bounding_box()
        assert box_["x"] >= 0 and box_["x"] + box_["width"] <= 375, selector
    slider = page.locator(".tm-sliders").bounding_box()
    credits = page.locator(".leaflet-control-attribution").bounding_box()
    assert credits["y"] >= slider["y"] + slider["height"]  # credits never cover the slider
    save_screenshot(page, "map-phone.png")


def test_map_works_inside_an_iframe(open_map: Any, sample_map: Path) -> None:
    host = sample_map.parent / "article.html"
    host.write_text(
        "<!doctype html><title>Article</title><p>Our reporting:</p>"
        f'<iframe src="{sample_map.name}#from=2022-04-01&to=2022-04-30" width="700" height="500">'
        "</iframe>"
    )
    page, _ = open_map(host, ready=False)
    frame = page.frames[1]
    frame.wait_for_selector("html[data-map-ready='1']")
    assert frame.input_value(".tm-from") == "2022-04-01"
    assert int(frame.get_attribute(".tm-count", "data-visible")) > 0


def test_main_map_screenshot(open_map: Any, tmp_path: Path) -> None:
    frame = sample_frame(3000, seed=11)
    out = write_map(
        frame,
        tmp_path / "main.html",
        title="Strikes and battles, 2022 (test data)",
        description="Made-up events for the test suite.",
    )
    page, _ = open_map(out)
    _set_range(page, date(2022, 6, 1), date(2022, 8, 31))
    _next_frame(page)
    path = save_screenshot(page, "map.png")
    assert path.stat().st_size > 10_000


def test_events_at_one_spot_share_a_popup_and_say_how_exact_they_are(
    open_map: Any, tmp_path: Path
) -> None:
    rows = [
        one_event(
            event_id="r1",
            geo_precision=3,
            location=None,
            admin1="Kharkiv Oblast",
            event_date=date(2022, 3, 2),
        ),
        one_event(
            event_id="r2",
            geo_precision=3,
            location=None,
            admin1="Kharkiv Oblast",
            event_date=date(2022, 3, 5),
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            fatalities=4,
        ),
    ]
    out = write_map(frame_of(rows, [Point(36.25, 49.98)] * 2), tmp_path / "m.html", title="t")
    page, _ = open_map(out, fragment="#view=49.98,36.25,8")
    x, y = _screen_point(page, 49.98, 36.25)
    page.mouse.click(x, y)
    text = page.wait_for_selector(".tm-popup").inner_text()
    assert "2 events here" in text
    assert text.index("2022-03-05") < text.index("2022-03-02")  # newest first
    assert "only the region is known" in text and "Reported fatalities: 4" in text


def test_a_map_without_events_still_opens(open_map: Any, tmp_path: Path) -> None:
    empty = frame_of([], [])
    for column in FRAME_COLUMNS:
        empty[column] = []
    out = write_map(empty, tmp_path / "m.html", title="Nothing yet")
    page, _ = open_map(out)
    assert _visible(page) == 0
    assert "0 events on map" in page.inner_text(".tm-count")


def test_many_successive_ranges_match_pandas(open_map: Any, tmp_path: Path) -> None:
    """The range filter is incremental; a long random walk of ranges must never drift."""
    import numpy as np

    frame = sample_frame(2000, seed=3)
    out = write_map(frame, tmp_path / "m.html", title="walk")
    page, _ = open_map(out)
    rng = np.random.default_rng(5)
    first = date(2022, 2, 1)
    for _ in range(25):
        a, b = sorted(int(v) for v in rng.integers(0, 360, size=2))
        start, end = first + timedelta(days=a), first + timedelta(days=b)
        _set_range(page, start, end)
        assert _visible(page) == int(visible_in_range(frame, start, end).sum()), (start, end)


def test_keyboard_readers_can_open_the_events_under_the_centre(
    open_map: Any, tmp_path: Path
) -> None:
    rows = [one_event(event_id="k", notes="Reached by keyboard.")]
    out = write_map(frame_of(rows, [Point(30.25, 50.52)]), tmp_path / "m.html", title="t")
    page, _ = open_map(out, fragment="#view=50.52,30.25,9")
    page.focus(".leaflet-container")
    page.keyboard.press("Enter")
    assert "Reached by keyboard." in page.wait_for_selector(".tm-popup").inner_text()
    page.keyboard.press("Escape")
    page.focus(".leaflet-container")
    page.keyboard.press("ArrowRight")  # pan away: nothing under the ring
    page.wait_for_timeout(400)
    page.keyboard.press("Enter")
    assert "No event under the ring." in page.wait_for_selector(".tm-popup").inner_text()
