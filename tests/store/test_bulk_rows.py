"""The bulk import stores exactly the rows the per-row path stores, and queries agree after it.

``bulk.insert_events`` builds the driver's rows itself (ISO days, 0/1, compact
JSON, and on SQLite a stand-in for NULL that the statement turns back into
NULL); the reference is the writer's per-row path, SQLAlchemy's insert with
the schema's column types doing every conversion. Both write the same events
into fresh databases, and the stored rows must match value for value (and
SQLite's storage class for storage class), on both engines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_factories import make_event

from tracker.errors import StorageError
from tracker.model import Event, EventFilter, SubEventType, TimePrecision
from tracker.store import Store, bulk, open_store
from tracker.store.rows import fields_of
from tracker.store.schema import EVENTS

NOW = datetime(2026, 11, 30, 12, 34, 56, 789012, tzinfo=UTC)


def _awkward() -> list[Event]:
    """Every optional field empty, every one set, and values a conversion could get wrong."""
    bare = Event(
        event_id="bare",
        event_date=date(2023, 2, 24),
        time_precision=TimePrecision.MONTH,
        event_type=SubEventType.ATTACK.event_type,
        sub_event_type=SubEventType.ATTACK,
        notes="",
    )
    full = make_event(
        "full",
        actor1="Військові сили Росії",
        actor2="Civilians (Ukraine)",
        admin2="Kharkivskyi raion",
        location="Харків",
        geonameid=2**40 + 7,
        fatalities=3,
        confidence=0.123456789012345678,
        notes='Quotes " and \\ and a tab\there.',
        source_url="https://news.example/a?b=1&c=2",
        source_title="Заголовок",
        target="energy infrastructure",
        claimed_by="nobody",
        alleged=True,
        evidence=("rule:shelling", 'place "Харків" (oblast centre)', ""),
        trigger_span=(0, 12),
        place_span=(40, 46),
        date_start=date(2024, 2, 28),
        date_end=date(2024, 3, 2),
        ambiguous=True,
    )
    return [
        bare,
        full,
        # Text like the stand-in for NULL stays text; empty strings stay empty strings.
        make_event("text", actor1="tracker:null", actor2="", admin2="", claimed_by=""),
        make_event("zeroes", point=(0.0, 0.0), fatalities=0, confidence=0.0, geonameid=0),
        make_event("digits", point=(-33.868820000000001, 151.20929999999998)),
        make_event("no point", point=None, latitude=None, longitude=None, geo_precision=None),
        make_event("no precision", geo_precision=None, time_precision=TimePrecision.WEEK),
        replace(full, event_id="full 2", sub_event_type=SubEventType.PEACEFUL_PROTEST,
                event_type=SubEventType.PEACEFUL_PROTEST.event_type, evidence=()),
    ]  # fmt: skip


def _reference_insert(store: Store, events: list[Event]) -> None:
    # The writer's per-row path: one SQLAlchemy insert per event, the column types convert.
    with store.engine.begin() as conn:
        for event in events:
            row = {**fields_of(event), "event_id": event.event_id, "report_count": 1}
            conn.execute(sa.insert(EVENTS), {**row, "updated_at": NOW})


def _bulk_insert(store: Store, events: list[Event]) -> None:
    with store.engine.begin() as conn:
        assert bulk.insert_events(conn, events, now=NOW) == len(events)


def _stored(store: Store) -> list[tuple[object, ...]]:
    """Every stored column as the driver returns it, and on SQLite each value's storage class."""
    names = [column.name for column in EVENTS.c]
    columns = ", ".join(names)
    if store.engine.dialect.name == "sqlite":
        columns += ", " + ", ".join(f"typeof({name})" for name in names)
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT {columns} FROM events ORDER BY id")
        return [tuple(row) for row in rows]


def _no_json_null(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """The one known difference: SQLAlchemy's JSON type writes a missing span as JSON ``null``
    where the import writes SQL NULL; every reader takes both as no span (columnar._span)."""
    names = [column.name for column in EVENTS.c]
    spans = {names.index(name) for name in ("trigger_span", "place_span")}
    classes = {len(names) + i for i in spans}
    return [
        tuple(
            None if i in spans and value in ("null", None) else
            "null" if i in classes and row[i - len(names)] in ("null", None) else value
            for i, value in enumerate(row)
        )
        for row in rows
    ]  # fmt: skip


@pytest.fixture
def pair(
    request: pytest.FixtureRequest, db_url: str, tmp_path: Path
) -> Iterator[tuple[Store, Store]]:
    """Two empty stores on the same engine: the bulk path's and the reference's."""
    if db_url.startswith("sqlite"):
        other = f"sqlite:///{tmp_path / 'reference.db'}"
    else:
        other = request.getfixturevalue("pg_url_2")
    stores = open_store(db_url), open_store(other)
    yield stores
    for store in stores:
        store.close()


def test_the_bulk_path_stores_what_the_per_row_path_stores(pair: tuple[Store, Store]) -> None:
    bulk_store, reference = pair
    events = _awkward()
    if bulk_store.engine.dialect.name == "sqlite":  # PostgreSQL text cannot hold NUL
        events.append(make_event("nul", actor1=bulk.NULL.decode(), actor2=bulk.NULL.decode()[1:]))
    _bulk_insert(bulk_store, events)
    _reference_insert(reference, events)
    stored = _stored(bulk_store)
    assert stored == _no_json_null(_stored(reference))
    assert len(stored) == len(events)


def test_queries_after_a_bulk_import_answer_as_after_saving_row_by_row(
    pair: tuple[Store, Store],
) -> None:
    bulk_store, reference = pair
    events = [*_awkward(), *(make_event(f"e{n}", point=(48 + n / 10, 30 + n / 7),
              event_date=date(2024, 1 + n % 12, 1 + n % 28)) for n in range(60))]  # fmt: skip
    # In batches: the date index dropped and rebuilt, the R*Tree packed at the end.
    assert bulk_store.import_events(events, batch_size=25) == len(events)
    _reference_insert(reference, events)
    filters = [
        EventFilter(),
        EventFilter(since=date(2024, 3, 1), until=date(2024, 6, 30)),
        EventFilter(bbox=(30.0, 48.0, 36.5, 51.0)),
        EventFilter(near=(50.0, 36.2), radius_km=80, since=date(2024, 2, 1)),
        EventFilter(event_types=(SubEventType.ATTACK.event_type,)),
    ]
    answers = [_answers(bulk_store, flt) for flt in filters]
    assert answers == [_answers(reference, flt) for flt in filters]
    assert all(ids for ids, _ in answers)
    assert len(answers[0][0]) == len(events)


def _answers(store: Store, flt: EventFilter) -> tuple[list[Event], int]:
    # Everything but the time of writing, which differs between the two stores.
    events = [replace(e, updated_at=None) for e in store.query_events(flt)]
    return events, store.count_events(flt)


def test_a_value_sqlite_cannot_store_is_a_storage_error(tmp_path: Path) -> None:
    # The stand-in for NULL must not hide what the driver says of a value it cannot bind.
    store = open_store(f"sqlite:///{tmp_path / 'tracker.db'}")
    with pytest.raises(StorageError, match="not supported"):
        store.import_events([make_event("listed", actor1=["not", "text"])])
    assert store.count_events(EventFilter()) == 0
    store.close()
