"""Bulk import of already-deduplicated events, bypassing per-row SQLAlchemy processing.

Values are converted once to what the driver takes and sent in one batch:
SQLite gets one ``executemany`` with the R*Tree trigger set aside for the
batch; the batch's id range goes into the index backlog instead, indexed in
one go when the import ends (rtree.py), and read by queries until then.
PostgreSQL gets ``COPY`` into a temporary table and one
``INSERT ... ON CONFLICT DO NOTHING``. Either way the batch is one
transaction, so a crash leaves no half batch and no event a query cannot find.
Imported events have no report rows: one is made the first time an article's
report merges into the event (see ``writer._adopt_imported``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from tracker.model import Event, SubEventType
from tracker.store import rtree
from tracker.store.engine import COMPACT_JSON
from tracker.store.schema import EVENT_FIELDS

COLUMNS: tuple[str, ...] = ("event_id", *EVENT_FIELDS, "report_count", "updated_at")
_NAMES = ", ".join(COLUMNS)
_RTREE_TRIGGER = "events_rtree_insert"
_BULK_CACHE_KIB = -262_144  # 256 MiB (negative: KiB, as PRAGMA cache_size takes it)
# Enum attribute access is slow in a loop of a million; look the strings up once.
_TYPE_NAMES = {sub: (sub.event_type.value, sub.value) for sub in SubEventType}


def insert_events(conn: sa.Connection, events: Sequence[Event], *, now: datetime) -> int:
    """Insert ``events`` (skipping ids already stored); returns the rows inserted."""
    if not events:
        return 0
    if conn.dialect.name == "sqlite":
        return _sqlite_insert(conn, events, now=now)
    return _postgres_insert(conn, events, now=now)


def _values(event: Event, *, stamp: Any, sqlite: bool) -> tuple[Any, ...]:
    """One row in COLUMNS order, as the driver takes it (ISO dates and 0/1 on SQLite)."""
    day, start, end = event.event_date, event.date_start, event.date_end
    alleged: Any = event.alleged
    ambiguous: Any = event.ambiguous
    if sqlite:
        day = day.isoformat()
        start = start and start.isoformat()
        end = end and end.isoformat()
        alleged = int(alleged)
        ambiguous = int(ambiguous)
    event_type, sub_event_type = _TYPE_NAMES[event.sub_event_type]
    precision = event.geo_precision
    return (
        event.event_id,
        day,
        int(event.time_precision),
        event_type,
        sub_event_type,
        event.actor1,
        event.actor2,
        event.location,
        event.admin1,
        event.admin2,
        event.country,
        event.latitude,
        event.longitude,
        None if precision is None else int(precision),
        event.geonameid,
        event.fatalities,
        event.confidence,
        event.notes,
        event.source_url,
        event.source_title,
        event.target,
        event.claimed_by,
        alleged,
        COMPACT_JSON(list(event.evidence)) if event.evidence else "[]",
        _span(event.trigger_span),
        _span(event.place_span),
        start,
        end,
        ambiguous,
        1,
        stamp,
    )


def _naive_utc(moment: datetime) -> datetime:
    # The store keeps naive UTC (see schema.UTCDateTime).
    return moment.astimezone(UTC).replace(tzinfo=None)


def _span(span: tuple[int, int] | None) -> str | None:
    return None if span is None else f"[{int(span[0])},{int(span[1])}]"


def _sqlite_insert(conn: sa.Connection, events: Sequence[Event], *, now: datetime) -> int:
    stamp = _naive_utc(now).strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite layout
    rows = [_values(e, stamp=stamp, sqlite=True) for e in events]
    marks = ", ".join("?" for _ in COLUMNS)
    trigger = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_RTREE_TRIGGER,)
    ).scalar_one()
    last = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM events").scalar_one()
    # A bigger page cache for this batch: index pages of the whole table stay in memory.
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = {_BULK_CACHE_KIB}")
    conn.exec_driver_sql(f"DROP TRIGGER {_RTREE_TRIGGER}")
    sql = f"INSERT OR IGNORE INTO events ({_NAMES}) VALUES ({marks})"  # noqa: S608 - fixed names
    inserted = conn.exec_driver_sql(sql, rows).rowcount
    if inserted:
        top = conn.exec_driver_sql("SELECT max(id) FROM events").scalar_one()
        rtree.record_unindexed(conn, lo=last + 1, hi=top)
    conn.exec_driver_sql(trigger)  # the very statement the migration created
    conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")
    return inserted


def _postgres_insert(conn: sa.Connection, events: Sequence[Event], *, now: datetime) -> int:
    stamp = _naive_utc(now)
    cursor = conn.connection.cursor()
    cursor.execute(
        "CREATE TEMP TABLE IF NOT EXISTS events_load ON COMMIT DELETE ROWS AS "  # noqa: S608
        f"SELECT {_NAMES} FROM events WITH NO DATA"
    )
    with cursor.copy(f"COPY events_load ({_NAMES}) FROM STDIN") as copy:
        for event in events:
            copy.write_row(_values(event, stamp=stamp, sqlite=False))
    cursor.execute(
        f"INSERT INTO events ({_NAMES}) SELECT {_NAMES} FROM events_load "  # noqa: S608
        "ON CONFLICT (event_id) DO NOTHING"
    )
    return cursor.rowcount
