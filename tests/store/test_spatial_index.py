"""The spatial index stays exact: bulk imports, packed rebuilds, backlogs and later edits.

Every check compares the store's spatial answers with a brute-force filter of
all stored events in Python, and on SQLite asks the R*Tree module itself
(``rtreecheck``) whether its tables are consistent.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from click.testing import CliRunner
from import_worker import events as imported
from store_factories import make_article, make_event

from tracker.cli import cli
from tracker.model import Event, EventFilter
from tracker.store import Store, bulk, open_store, rtree
from tracker.store.migrate import alembic_config, head_revision, upgrade


def _rtree_ok(store: Store) -> None:
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT rtreecheck('events_rtree')").scalar_one() == "ok"


def _boxes(seed: int, n: int = 25) -> Iterable[tuple[tuple[float, float, float, float], date]]:
    rng = random.Random(seed)
    for _ in range(n):
        lon, lat = rng.uniform(22.0, 39.0), rng.uniform(44.0, 51.5)
        w, h = rng.choice([(0.3, 0.2), (1.5, 1.0), (6.0, 4.0)])
        yield (lon, lat, lon + w, lat + h), date(2023, 1, 1) + timedelta(days=rng.randrange(330))


def assert_spatial_queries_exact(store: Store, *, seed: int = 1) -> None:
    """Box (+ month) and radius answers equal a brute-force filter of every stored event."""
    everything = list(store.query_events(EventFilter()))
    located = [e for e in everything if e.latitude is not None and e.longitude is not None]
    for box, start in _boxes(seed):
        end = start + timedelta(days=30)
        expected = sorted(
            e.event_id
            for e in located
            if box[0] <= e.longitude <= box[2]  # type: ignore[operator]
            and box[1] <= e.latitude <= box[3]  # type: ignore[operator]
            and start <= e.event_date <= end
        )
        flt = EventFilter(bbox=box, since=start, until=end)
        assert sorted(e.event_id for e in store.query_events(flt)) == expected, box
        assert store.count_events(EventFilter(bbox=box)) == sum(
            box[0] <= e.longitude <= box[2] and box[1] <= e.latitude <= box[3]  # type: ignore[operator]
            for e in located
        )
    _rtree_ok(store)


def test_a_bulk_import_is_indexed_exactly(store: Store) -> None:
    assert store.import_events(imported(3000), batch_size=250) == 3000
    assert store.count_events(EventFilter()) == 3000
    assert_spatial_queries_exact(store)


def test_points_on_the_edge_of_a_box_are_found_after_a_packed_rebuild(store: Store) -> None:
    # Coordinates that 32-bit floats cannot hold: the stored box must still contain them.
    points = [(50.123456789, 30.987654321), (48.000000001, 37.999999999), (46.1, 33.3)]
    events = [
        make_event(f"edge{i}", point=p, event_date=date(2023, 5, 5)) for i, p in enumerate(points)
    ]
    store.import_events(events)
    store.reindex()
    for (lat, lon), event in zip(points, events, strict=True):
        exact = EventFilter(
            bbox=(lon, lat, lon, lat), since=date(2023, 5, 5), until=date(2023, 5, 5)
        )
        assert [e.event_id for e in store.query_events(exact)] == [event.event_id]
    _rtree_ok(store)


def test_row_by_row_changes_after_a_packed_rebuild_keep_the_index_exact(store: Store) -> None:
    store.import_events(imported(2000), batch_size=500)
    for n in range(40):  # articles add, merge and move events through the triggers
        lat, lon = 45.0 + (n % 7) * 0.9, 24.0 + (n % 11) * 1.4
        when = date(2023, 1, 1) + timedelta(days=n * 8)
        store.save_article(
            make_article(n), [make_event(f"a{n}", point=(lat, lon), event_date=when)]
        )
    for n in range(0, 40, 3):
        store.delete_article(make_article(n).article_id)
    assert_spatial_queries_exact(store, seed=2)
    assert store.reindex() == store.count_events(EventFilter(located_only=True))
    assert_spatial_queries_exact(store, seed=3)


def test_reindex_of_an_empty_store_leaves_a_working_index(store: Store) -> None:
    assert store.reindex() == 0
    store.save_article(make_article(1), [make_event("e1")])
    assert store.count_events(EventFilter(near=(49.98, 36.25), radius_km=5)) == 1
    _rtree_ok(store)


# -- SQLite's backlog: what a bulk import has written but not yet indexed ----------


@pytest.fixture
def lite(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'tracker.db'}")
    yield opened
    opened.close()


def _write_unindexed(store: Store, events: list[Event]) -> None:
    """One import batch exactly as committed before the import's final indexing."""
    with store.engine.begin() as conn:
        bulk.insert_events(conn, events, now=datetime.now(UTC))


def test_queries_read_the_backlog_until_it_is_indexed(lite: Store) -> None:
    lite.import_events(imported(1500), batch_size=500)
    batch = list(imported(2400))[1500:]
    _write_unindexed(lite, batch)  # as if the import had been killed right after
    assert_spatial_queries_exact(lite, seed=4)  # found without index entries
    lite.import_events([])  # the next import indexes what the last one left
    with lite.engine.connect() as conn:
        assert rtree.backlog_ranges(conn) == []
    assert_spatial_queries_exact(lite, seed=4)


@pytest.mark.parametrize(("first", "then", "packed"), [(3000, 200, False), (200, 3000, True)])
def test_a_small_backlog_is_indexed_row_by_row_a_large_one_by_rebuilding(
    lite: Store, first: int, then: int, packed: bool
) -> None:
    everything = list(imported(first + then))
    lite.import_events(everything[:first])
    _write_unindexed(lite, everything[first:])
    with lite.engine.begin() as conn:
        done = rtree.catch_up(conn)
    assert done == rtree.CatchUp(backlog=then, packed=packed)
    assert_spatial_queries_exact(lite, seed=5)


def test_the_backlog_survives_a_moved_event_and_a_reused_id(lite: Store) -> None:
    everything = list(imported(400))
    lite.import_events(everything[:100])
    _write_unindexed(lite, everything[100:300])
    with lite.engine.begin() as conn:
        # An edit moves one waiting event (the trigger indexes it), another is deleted
        # and its id reused by the next batch: ranges overlap, nothing is indexed twice.
        conn.exec_driver_sql("UPDATE events SET latitude = 47.5 WHERE event_id = 'imp-000151'")
        conn.exec_driver_sql("DELETE FROM events WHERE event_id = 'imp-000299'")
    _write_unindexed(lite, everything[299:])
    assert_spatial_queries_exact(lite, seed=6)
    with lite.engine.begin() as conn:
        rtree.catch_up(conn, share=1.0)  # row by row
    assert_spatial_queries_exact(lite, seed=6)


def test_a_database_at_the_first_revision_upgrades_with_its_events(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    upgrade(engine, revision="0001")
    engine.dispose()
    result = CliRunner().invoke(cli, ["--db", url, "db", "upgrade"])
    assert result.exit_code == 0 and f"to {head_revision()}" in result.output
    store = open_store(url)
    store.import_events(imported(500), batch_size=100)
    _write_unindexed(store, list(imported(700))[500:])
    store.close()
    # Going back to 0001 indexes the backlog before dropping it: no event is hidden.
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    engine.dispose()
    raw = sqlite3.connect(tmp_path / "old.db")
    indexed = raw.execute("SELECT count(*) FROM events_rtree").fetchone()[0]
    located = raw.execute("SELECT count(*) FROM events WHERE latitude IS NOT NULL").fetchone()[0]
    assert indexed == located == 630
    assert raw.execute("SELECT rtreecheck('events_rtree')").fetchone()[0] == "ok"
    raw.close()


def test_db_reindex_command_reports_what_it_indexed(db_url: str) -> None:
    store = open_store(db_url)
    store.import_events(imported(120))
    store.close()
    result = CliRunner().invoke(cli, ["--db", db_url, "db", "reindex"])
    assert result.exit_code == 0, result.output
    assert "108 located events" in result.output
