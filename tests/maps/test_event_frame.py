"""tracker.mapping: Events become the map frame; the store's events become a map file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from maps import FRAME_COLUMNS
from tracker.errors import MapError
from tracker.mapping import event_interval, events_to_frame, write_event_map
from tracker.model import (
    Event,
    EventFilter,
    EventType,
    GeoPrecision,
    Source,
    SubEventType,
    TimePrecision,
)
from tracker.store import open_store


def _event(event_id: str, **fields: object) -> Event:
    base: dict[str, object] = {
        "event_id": event_id,
        "event_date": date(2022, 3, 10),
        "time_precision": TimePrecision.DAY,
        "event_type": EventType.EXPLOSIONS,
        "sub_event_type": SubEventType.SHELLING_ARTILLERY_MISSILE,
        "notes": "Shelling hit the centre of Kharkiv.",
        "location": "Kharkiv",
        "admin1": "Kharkiv Oblast",
        "latitude": 49.9808,
        "longitude": 36.2527,
        "geo_precision": GeoPrecision.SETTLEMENT,
        "fatalities": 2,
    }
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def test_frame_has_the_contract_columns_and_lon_lat_points() -> None:
    frame = events_to_frame([_event("a"), _event("b", latitude=None, longitude=None)])
    assert set(FRAME_COLUMNS) <= set(frame.columns)
    assert frame.crs.to_epsg() == 4326
    assert (frame.geometry[0].x, frame.geometry[0].y) == (36.2527, 49.9808)
    assert frame.geometry[1] is None
    assert frame.loc[0, "event_type"] == "Explosions/Remote violence"
    assert frame.loc[0, "geo_precision"] == 1


def test_confidence_reaches_the_frame() -> None:
    frame = events_to_frame([_event("a", confidence=0.35), _event("b", confidence=0.9)])
    assert frame["confidence"].tolist() == [0.35, 0.9]


def test_every_source_reaches_the_frame() -> None:
    sources = (
        Source(article_id="1", url="https://a.example/1", title="First", outlet="Outlet A"),
        Source(article_id="2", url="https://b.example/2", title="Second", outlet="Outlet B"),
    )
    frame = events_to_frame(
        [_event("a", sources=sources), _event("b", source_url="https://c.example")]
    )
    assert [s["outlet"] for s in frame.loc[0, "sources"]] == ["Outlet A", "Outlet B"]
    assert frame.loc[1, "sources"] == [{"outlet": None, "title": None, "url": "https://c.example"}]


@pytest.mark.parametrize(
    ("precision", "day", "expected"),
    [
        (TimePrecision.DAY, date(2022, 3, 10), (date(2022, 3, 10), date(2022, 3, 10))),
        (TimePrecision.WEEK, date(2022, 3, 10), (date(2022, 3, 7), date(2022, 3, 13))),
        (TimePrecision.MONTH, date(2022, 2, 14), (date(2022, 2, 1), date(2022, 2, 28))),
    ],
)
def test_coarse_dates_cover_their_interval(
    precision: TimePrecision, day: date, expected: tuple
) -> None:
    assert event_interval(_event("a", time_precision=precision, event_date=day)) == expected


def test_explicit_interval_wins() -> None:
    e = _event(
        "a",
        time_precision=TimePrecision.WEEK,
        date_start=date(2022, 3, 1),
        date_end=date(2022, 3, 4),
    )
    assert event_interval(e) == (date(2022, 3, 1), date(2022, 3, 4))


def test_empty_event_list_gives_an_empty_frame() -> None:
    frame = events_to_frame([])
    assert len(frame) == 0 and set(FRAME_COLUMNS) <= set(frame.columns)


def test_write_event_map_from_a_store(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.import_events([_event("a"), _event("b", event_date=date(2022, 4, 1))])
    out = write_event_map(
        store, EventFilter(since=date(2022, 3, 15)), tmp_path / "m.html", title="April"
    )
    page = out.read_text(encoding="utf-8")
    assert "<title>April</title>" in page and '"nEvents":1' in page
    assert '"hideBelow":500' in page  # the default threshold, 0.5
    out = write_event_map(store, EventFilter(), tmp_path / "m.html", hide_below=0)
    assert '"hideBelow":0' in out.read_text(encoding="utf-8")
    store.close()


def test_map_errors_become_tracker_errors(tmp_path: Path) -> None:
    store = open_store("sqlite://")
    with pytest.raises(MapError, match="does not exist"):
        write_event_map(
            store, EventFilter(), tmp_path / "m.html", boundaries=tmp_path / "nope.geojson"
        )
    store.close()
