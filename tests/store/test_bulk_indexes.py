"""A large SQLite import builds the date index once at its end, and no crash loses it.

``Store.import_events`` drops ``ix_events_date_id`` when its first batch is
large next to the store (bulk.DEFERRED_INDEXES) and builds it again when it
ends. Meanwhile every query must still be right (a date range scans), a
crash between batches must leave a store the next import or ``tracker db
reindex`` repairs, and a small import into a large store must leave the
index alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from import_worker import events as imported
from test_spatial_index import assert_spatial_queries_exact

from tracker.cli import cli
from tracker.model import Event, EventFilter
from tracker.store import Store, bulk, open_store


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


@pytest.fixture
def lite(url: str) -> Iterator[Store]:
    store = open_store(url)
    yield store
    store.close()


def _indexes(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {name for (name,) in rows}


def _plan(store: Store) -> str:
    sql = "EXPLAIN QUERY PLAN SELECT event_id FROM events WHERE event_date >= ? ORDER BY event_date"
    with store.engine.connect() as conn:
        return " ".join(row[-1] for row in conn.exec_driver_sql(sql, ("2023-06-01",)))


def _write_batch(store: Store, events: list[Event]) -> None:
    """One import batch exactly as committed before the import ends (or is killed)."""
    with store.engine.begin() as conn:
        bulk.insert_events(conn, events, now=datetime.now(UTC))


def _by_date(store: Store) -> list[str]:
    flt = EventFilter(since=date(2023, 3, 1), until=date(2023, 8, 31))
    return [e.event_id for e in store.query_events(flt)]


def test_a_large_import_ends_with_its_date_index(lite: Store) -> None:
    assert lite.import_events(imported(2000), batch_size=500) == 2000
    assert "ix_events_date_id" in _indexes(lite)
    assert "INDEX ix_events_date_id" in _plan(lite)
    assert_spatial_queries_exact(lite, seed=11)


def test_queries_stay_right_while_the_date_index_waits(lite: Store) -> None:
    events = list(imported(2000))
    lite.import_events(events[:1000])
    expected = _by_date(lite)
    _write_batch(lite, events[1000:1100])  # small next to the store: the index stays
    assert "ix_events_date_id" in _indexes(lite)
    lite.import_events(events[1000:1100])
    reference = _by_date(lite)
    assert reference != expected

    fresh = open_store(f"{lite.engine.url}-second")
    _write_batch(fresh, events[:1100])  # the first batch of a large import, then a crash
    assert "ix_events_date_id" not in _indexes(fresh)
    assert "INDEX ix_events_date_id" not in _plan(fresh)
    assert _by_date(fresh) == reference  # found by a scan, in the same order
    assert_spatial_queries_exact(fresh, seed=12)
    fresh.import_events([])  # the next import builds what the last one left out
    assert "ix_events_date_id" in _indexes(fresh)
    assert _by_date(fresh) == reference
    fresh.close()


def test_db_reindex_builds_a_date_index_a_killed_import_left_out(lite: Store, url: str) -> None:
    _write_batch(lite, list(imported(500)))
    assert "ix_events_date_id" not in _indexes(lite)
    result = CliRunner().invoke(cli, ["--db", url, "db", "reindex"])
    assert result.exit_code == 0, result.output
    assert "ix_events_date_id" in _indexes(lite)
    assert "INDEX ix_events_date_id" in _plan(lite)
