"""Bulk import of already-deduplicated events, bypassing per-row SQLAlchemy processing.

Values are converted once to what the driver takes and sent in one batch:
SQLite gets one ``executemany`` with the R*Tree trigger set aside for the
batch, and a stand-in for NULL (:data:`NULL`) that binds faster than ``None``;
the batch's id range goes into the index backlog instead, indexed in one go
when the import ends (rtree.py), and read by queries until then.
An import that is large next to the store (its first batch at least
``rtree.PACK_SHARE`` of the events after it) also drops the date index
(:data:`DEFERRED_INDEXES`) for its duration: filling it row by row in random
date order costs more than building it in one sort at the end
(:func:`restore_indexes`), docs/benchmarks.md "Bulk insert". Queries stay
right meanwhile, only date-range reads scan; the drop commits with the
batch, and the next import or ``tracker db reindex`` restores what a
crashed one left.
PostgreSQL gets ``COPY`` into a temporary table and one
``INSERT ... ON CONFLICT DO NOTHING``. Either way the batch is one
transaction, so a crash leaves no half batch and no event a query cannot find.
Imported events have no report rows: one is made the first time an article's
report merges into the event (see ``writer._adopt_imported``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from operator import attrgetter
from typing import Any

import sqlalchemy as sa

from tracker.model import Event, GeoPrecision, SubEventType, TimePrecision
from tracker.store import rtree
from tracker.store.engine import COMPACT_JSON
from tracker.store.schema import EVENTS

# Nullable columns read straight from the event, one run (the order of COLUMNS is free).
_NULLABLE_NAMES = (
    "actor1", "actor2", "location", "admin1", "admin2", "country", "latitude", "longitude",
    "geonameid", "source_url", "source_title", "target", "claimed_by",
)  # fmt: skip
_REST_NAMES = ("fatalities", "confidence", "notes")
COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type",
    *_NULLABLE_NAMES, "geo_precision", *_REST_NAMES, "alleged", "evidence", "trigger_span",
    "place_span", "date_start", "date_end", "ambiguous", "report_count", "updated_at",
)  # fmt: skip
"""The columns an import writes, in the order of the rows :func:`_values` builds."""
_NAMES = ", ".join(COLUMNS)
NULL = bytearray(b"\0tracker:null\0")
"""What the SQLite rows carry for NULL: Python's sqlite3 binds ``None`` about 0.25 µs
slower than a bytearray (it looks for an adapter first, raising and discarding an
AttributeError), and a 1M import binds some 12 million of them. The statement turns
it back into NULL with ``nullif`` (a blob never equals text or a number; an event holds
no bytes, so no stored value can be mistaken for it)."""
_RTREE_TRIGGER = "events_rtree_insert"
DEFERRED_INDEXES = ("ix_events_date_id",)
"""B-tree indexes a large SQLite import builds at its end instead of row by row."""
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


class _Driver:
    """How one engine's driver takes days and truth values, converted once per distinct value."""

    def __init__(self, *, sqlite: bool) -> None:
        self.days: dict[date, Any] = _Days(date.isoformat if sqlite else _same)
        self.truth: dict[bool, Any] = {False: 0, True: 1} if sqlite else {False: False, True: True}
        self.null: Any = NULL if sqlite else None
        self.geo_precision = {**_GEO_PRECISION, None: self.null}


class _Days(dict[date, Any]):
    def __init__(self, convert: Callable[[date], Any]) -> None:
        super().__init__()
        self._convert = convert

    def __missing__(self, day: date) -> Any:
        value = self[day] = self._convert(day)
        return value


def _same(day: date) -> date:
    return day


# Attribute runs that go to the driver as they are, read in one call each.
_NULLABLE = attrgetter(*_NULLABLE_NAMES)
_REST = attrgetter(*_REST_NAMES)
_TIME_PRECISION = {precision: int(precision) for precision in TimePrecision}
_GEO_PRECISION: dict[GeoPrecision, int] = {p: int(p) for p in GeoPrecision}


def _values(event: Event, *, stamp: Any, driver: _Driver) -> tuple[Any, ...]:
    """One row in COLUMNS order, as the driver takes it (ISO dates, 0/1 and NULL on SQLite)."""
    days, truth, null = driver.days, driver.truth, driver.null
    start, end, evidence = event.date_start, event.date_end, event.evidence
    trigger, place = event.trigger_span, event.place_span
    nullable = _NULLABLE(event)
    return (
        event.event_id,
        days[event.event_date],
        _TIME_PRECISION[event.time_precision],
        *_TYPE_NAMES[event.sub_event_type],
        *(nullable if null is None else [null if v is None else v for v in nullable]),
        driver.geo_precision[event.geo_precision],
        *_REST(event),
        truth[event.alleged],
        COMPACT_JSON(list(evidence)) if evidence else "[]",
        null if trigger is None else _span(trigger),
        null if place is None else _span(place),
        null if start is None else days[start],
        null if end is None else days[end],
        truth[event.ambiguous],
        1,
        stamp,
    )


def _naive_utc(moment: datetime) -> datetime:
    # The store keeps naive UTC (see schema.UTCDateTime).
    return moment.astimezone(UTC).replace(tzinfo=None)


def _span(span: tuple[int, int]) -> str:
    return f"[{int(span[0])},{int(span[1])}]"


def _sqlite_insert(conn: sa.Connection, events: Sequence[Event], *, now: datetime) -> int:
    stamp = _naive_utc(now).strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite layout
    driver = _Driver(sqlite=True)
    rows = [_values(e, stamp=stamp, driver=driver) for e in events]
    trigger = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_RTREE_TRIGGER,)
    ).scalar_one()
    last = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM events").scalar_one()
    # A bigger page cache for this batch: index pages of the whole table stay in memory.
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = {_BULK_CACHE_KIB}")
    conn.exec_driver_sql(f"DROP TRIGGER {_RTREE_TRIGGER}")
    _defer_indexes(conn, batch=len(rows), stored=last)
    inserted = conn.exec_driver_sql(_SQLITE_INSERT, rows).rowcount
    if inserted:
        top = conn.exec_driver_sql("SELECT max(id) FROM events").scalar_one()
        rtree.record_unindexed(conn, lo=last + 1, hi=top)
    conn.exec_driver_sql(trigger)  # the very statement the migration created
    conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")
    return inserted


def _sqlite_insert_sql() -> str:
    null = f"x'{NULL.hex()}'"
    marks = (f"nullif(?, {null})" if EVENTS.c[name].nullable else "?" for name in COLUMNS)
    return f"INSERT OR IGNORE INTO events ({_NAMES}) VALUES ({', '.join(marks)})"  # noqa: S608


_SQLITE_INSERT = _sqlite_insert_sql()


def _defer_indexes(conn: sa.Connection, *, batch: int, stored: int) -> None:
    """Drop the deferred indexes for a large import (or the rest of them, once one is gone)."""
    present = _present(conn)
    started = len(present) < len(DEFERRED_INDEXES)  # an earlier batch of this import
    # ``stored`` is the highest event id: the table's size give or take deletions,
    # without counting a million rows for every batch.
    if started or batch >= rtree.PACK_SHARE * (stored + batch):
        for name in present:
            conn.exec_driver_sql(f"DROP INDEX {name}")


def restore_indexes(conn: sa.Connection) -> list[str]:
    """Build the deferred indexes an import dropped; returns their names (none: nothing to do)."""
    missing = [name for name in DEFERRED_INDEXES if name not in _present(conn)]
    for index in EVENTS.indexes:
        if index.name in missing:
            index.create(conn)  # the schema's own definition, as the migration made it
    return missing


def _present(conn: sa.Connection) -> set[str]:
    marks = ", ".join("?" for _ in DEFERRED_INDEXES)
    rows = conn.exec_driver_sql(
        f"SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",  # noqa: S608
        DEFERRED_INDEXES,
    )
    return {name for (name,) in rows}


def _postgres_insert(conn: sa.Connection, events: Sequence[Event], *, now: datetime) -> int:
    stamp = _naive_utc(now)
    cursor = conn.connection.cursor()
    cursor.execute(
        "CREATE TEMP TABLE IF NOT EXISTS events_load ON COMMIT DELETE ROWS AS "  # noqa: S608
        f"SELECT {_NAMES} FROM events WITH NO DATA"
    )
    driver = _Driver(sqlite=False)
    with cursor.copy(f"COPY events_load ({_NAMES}) FROM STDIN") as copy:
        for event in events:
            copy.write_row(_values(event, stamp=stamp, driver=driver))
    cursor.execute(
        f"INSERT INTO events ({_NAMES}) SELECT {_NAMES} FROM events_load "  # noqa: S608
        "ON CONFLICT (event_id) DO NOTHING"
    )
    return cursor.rowcount
