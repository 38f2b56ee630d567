"""Reading every event is linear: each page query seeks the composite index to its keyset.

The plans are read from the engines themselves, for the very statements
``Store.query_events`` runs (captured as they go to the driver), so a change
that makes a page start from the beginning of the index again fails here
rather than in a benchmark. A full read of a million events was quadratic
before: 12 ms for the first page, 127 ms for the last.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from store_factories import make_event

from tracker.model import EventFilter, SubEventType
from tracker.store import Store, open_store
from tracker.store import store as store_module

N_EVENTS = 2_500
PAGE = 400  # several pages of the store's stream

FILTERS = {
    "everything": EventFilter(),
    "since": EventFilter(since=date(2022, 3, 1)),
    "since and until": EventFilter(since=date(2022, 2, 1), until=date(2023, 6, 30)),
    "type": EventFilter(sub_event_types=(SubEventType.SHELLING_ARTILLERY_MISSILE,)),
}


@pytest.fixture
def filled(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(store_module, "PAGE", PAGE)
    store = open_store(db_url)
    subs = (SubEventType.SHELLING_ARTILLERY_MISSILE, SubEventType.AIR_DRONE_STRIKE)
    store.import_events(
        make_event(
            f"ev{i:05d}",
            event_date=date(2022, 1, 1) + timedelta(days=i % 600),
            sub_event_type=subs[i % 2],
            point=(48 + (i % 50) * 0.04, 30 + (i // 50) * 0.05),
        )
        for i in range(N_EVENTS)
    )
    yield store
    store.close()


@contextmanager
def page_statements(store: Store) -> Iterator[list[tuple[str, Any]]]:
    """Every events page query the store sends while inside the block, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().startswith("SELECT") and "ORDER BY events.event_date" in statement:
            seen.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", grab)
    try:
        yield seen
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", grab)


def _plan(store: Store, statement: str, parameters: Any) -> list[str]:
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            return [row[3] for row in rows]
        # A small table might be read whole however good the index; forbid that
        # so the plan shows what the index can serve on a table of any size.
        conn.exec_driver_sql("SET enable_seqscan = off")
        return [row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters)]


def _later_pages(store: Store, flt: EventFilter) -> list[tuple[str, Any]]:
    with page_statements(store) as seen:
        read = list(store.query_events(flt))
    assert len(read) == store.count_events(flt) > 2 * PAGE  # several pages were read
    assert len(seen) == len(read) // PAGE + 1
    return seen[1:]  # the first page has no keyset yet


@pytest.mark.parametrize("name", FILTERS)
def test_every_later_page_seeks_the_index_to_its_keyset(filled: Store, name: str) -> None:
    for statement, parameters in _later_pages(filled, FILTERS[name]):
        plan = _plan(filled, statement, parameters)
        text = "\n".join(plan)
        if filled.engine.dialect.name == "sqlite":
            keyset = "SEARCH events USING INDEX ix_events_date_id ((event_date,event_id)>(?,?)"
            assert any(step.startswith(keyset) for step in plan), text
            assert not any(step.startswith("SCAN events") for step in plan), text
            assert "USE TEMP B-TREE FOR ORDER BY" not in plan, text
        else:
            assert "ix_events_date_id" in text, text
            conditions = [line for line in plan if "Index Cond:" in line]
            assert any("ROW(event_date, (event_id)::text) > ROW(" in c for c in conditions), text


def test_the_pages_together_are_the_whole_ordered_answer(filled: Store) -> None:
    flt = FILTERS["since and until"]
    read = [(e.event_date, e.event_id) for e in filled.query_events(flt)]
    assert read == sorted(read)
    assert len(set(read)) == len(read) == filled.count_events(flt)
    first = [e.event_id for e in filled.query_events(flt, limit=PAGE + 7, offset=3)]
    assert first == [event_id for _, event_id in read[3 : PAGE + 10]]
