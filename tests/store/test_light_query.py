"""The light path on SQLite (``store/light.py``) answers exactly as the plain one.

``Store.query_records`` sends a filter of nothing but since, until, a box and
a radius straight through the driver with SQL text made once per shape;
``columnar.query_table`` is the plain reference that builds a SQLAlchemy
statement every time. Both must give the same Arrow table, row for row and
value for value, for every shape, on a store that holds merged events with
several sources, hostile text, events without a point, points on the edge
of a box, and a bulk import's backlog that the R*Tree has not indexed yet.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from import_worker import events as imported
from store_factories import CHUHUIV, KHARKIV, KYIV, make_article, make_event

from tracker.errors import ConfigError, StorageError
from tracker.export.records import json_record
from tracker.model import EventFilter, SubEventType
from tracker.store import Store, bulk, columnar, light, open_store

HOSTILE = "Він сказав \"біжи\"\\ </script> & 'q'\n\t\x01 🚀 e\u0301"


def _fill(store: Store) -> None:
    store.import_events(imported(1200), batch_size=400)
    for n in range(40):  # articles whose reports merge: events with several sources
        point = (KHARKIV, CHUHUIV, KYIV)[n % 3]
        event = make_event(
            f"m{n}",
            point=point,
            event_date=date(2023, 3, 1 + n % 5),
            notes=f"{HOSTILE} {n}",
            actor1=None if n % 4 else HOSTILE,
            evidence=() if n % 5 else (f"trigger: {HOSTILE}",),
            trigger_span=None if n % 3 else (n, n + 4),
        )
        store.save_article(make_article(n, outlet="Дзеркало" if n % 2 else None), [event])
    # Coordinates 32-bit floats cannot hold, on the edges of the boxes asked below.
    edges = [make_event(f"edge{i}", point=p, event_date=date(2023, 5, 5)) for i, p in EDGES]
    store.import_events(edges)
    with store.engine.begin() as conn:  # a batch committed, its index not yet built
        bulk.insert_events(conn, list(imported(1500))[1200:], now=datetime.now(UTC))


EDGES = [(0, (50.123456789, 30.987654321)), (1, (48.000000001, 37.999999999))]


@pytest.fixture(scope="module")
def lite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One filled store for the module's read-only tests."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('light') / 'tracker.db'}")
    _fill(store)
    yield store
    store.close()


def _filters() -> Iterator[EventFilter]:
    """Every shape (since, until, box, radius: each set or not), several times over."""
    rng = random.Random(18)
    for since, until, box, circle in itertools.product([False, True], repeat=4):
        for _ in range(3):
            lat, lon = rng.uniform(44.5, 52.0), rng.uniform(22.5, 40.0)
            start = date(2023, 1, 1) + timedelta(days=rng.randrange(330))
            yield EventFilter(
                since=start if since else None,
                until=start + timedelta(days=rng.choice([0, 30, 120])) if until else None,
                bbox=(lon - 1.5, lat - 1.0, lon + 1.5, lat + 1.0) if box else None,
                near=(lat, lon) if circle else None,
                radius_km=rng.choice([30.0, 150.0]) if circle else None,
            )
    for _, (lat, lon) in EDGES:  # a box that is one point, on a stored point
        day = date(2023, 5, 5)
        yield EventFilter(bbox=(lon, lat, lon, lat), since=day, until=day)
    yield EventFilter(near=KHARKIV, radius_km=40, since=date(2023, 3, 1))  # merged events


def _plain(store: Store, flt: EventFilter) -> object:
    with store.engine.connect() as conn:
        return columnar.query_table(conn, flt)


@pytest.mark.parametrize("flt", list(_filters()))
def test_the_light_path_gives_the_plain_paths_table(lite: Store, flt: EventFilter) -> None:
    assert light.handles(flt)
    fast = light.query_table(lite.engine, flt)
    assert fast.schema == columnar.RECORD_SCHEMA
    assert fast.equals(_plain(lite, flt))
    assert lite.query_records(flt).equals(fast)


def test_the_light_path_gives_the_event_records(lite: Store) -> None:
    flt = EventFilter(near=KHARKIV, radius_km=40, since=date(2023, 3, 1))
    table = lite.query_records(flt)
    reference = [json_record(event) for event in lite.query_events(flt)]
    assert table.column("event_id").to_pylist() == [r["event_id"] for r in reference]
    assert any(len(r["sources"]) > 1 for r in reference)  # merged events are in the answer
    assert table.num_rows == len(reference) > 10


def test_the_backlog_and_the_edges_are_in_the_answers(lite: Store) -> None:
    waiting = list(imported(1500))[1200:]
    located = [e for e in waiting if e.latitude is not None]
    box = EventFilter(bbox=(22.0, 44.0, 41.0, 53.0))
    ids = set(lite.query_records(box).column("event_id").to_pylist())
    assert {e.event_id for e in located} <= ids
    for i, (lat, lon) in EDGES:
        flt = EventFilter(bbox=(lon, lat, lon, lat))
        assert lite.query_records(flt).column("event_id").to_pylist() == [f"edge{i}"]


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(bbox=(30.0, 50.0, 31.0, 51.0), text="shelling"),
        EventFilter(since=date(2023, 1, 1), sub_event_types=(SubEventType.AIR_DRONE_STRIKE,)),
        EventFilter(near=KHARKIV, radius_km=30, min_confidence=0.5),
        EventFilter(located_only=True),
        EventFilter(region="Kharkiv"),
        # A moment where a day is expected: the plain path compares it as a timestamp.
        EventFilter(since=datetime(2023, 3, 2, 18, 30), until=datetime(2023, 3, 4, 6, 0)),
    ],
)
def test_other_conditions_take_the_plain_path(lite: Store, flt: EventFilter) -> None:
    assert not light.handles(flt)
    assert lite.query_records(flt).equals(_plain(lite, flt))


@pytest.mark.parametrize(
    ("flt", "says"),
    [
        (EventFilter(bbox=(31.0, 50.0, 30.0, 51.0)), "bounding box"),
        (EventFilter(near=KHARKIV), "a radius search needs"),
        (EventFilter(near=(95.0, 30.0), radius_km=5), "is not LAT,LON"),
    ],
)
def test_an_impossible_box_or_circle_is_refused_as_on_the_plain_path(
    lite: Store, flt: EventFilter, says: str
) -> None:
    with pytest.raises(ConfigError, match=says) as fast:
        lite.query_records(flt)
    with pytest.raises(ConfigError) as plain:
        _plain(lite, flt)
    assert str(fast.value) == str(plain.value)


def test_an_in_memory_store_takes_the_light_path_too() -> None:
    store = open_store("sqlite://")
    store.save_article(make_article(1), [make_event("e1", point=KYIV)])
    flt = EventFilter(near=KYIV, radius_km=5)
    assert store.query_records(flt).column("event_id").to_pylist() == ["e1"]
    assert store.query_records(flt).equals(_plain(store, flt))
    store.close()


def test_a_failing_database_is_a_storage_error_in_one_line(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'tracker.db'}")
    with store.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE events_unindexed"))
    with pytest.raises(StorageError, match="no such table: events_unindexed") as err:
        store.query_records(EventFilter(bbox=(30.0, 50.0, 31.0, 51.0)))
    assert "\n" not in str(err.value)
    store.close()
