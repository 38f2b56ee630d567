"""A real bulk-import process for the crash tests: ``Store.import_events`` of synthetic events.

Usage: python import_worker.py DB_URL COUNT BATCH

Event ``i`` is derived from ``i`` alone (a pseudo-random point in Ukraine and a
day in 2023), so every run imports exactly the same events.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta

from tracker.model import Event, GeoPrecision, SubEventType, TimePrecision
from tracker.store import open_store


def imported_event(i: int) -> Event:
    rng = random.Random(i)
    sub = SubEventType.SHELLING_ARTILLERY_MISSILE
    return Event(
        event_id=f"imp-{i:06d}",
        event_date=date(2023, 1, 1) + timedelta(days=rng.randrange(365)),
        time_precision=TimePrecision.DAY,
        event_type=sub.event_type,
        sub_event_type=sub,
        notes=f"Imported event {i}.",
        country="Ukraine",
        # Every tenth event has no point: the index must skip it, queries must not lose it.
        latitude=None if i % 10 == 0 else round(rng.uniform(44.4, 52.3), 6),
        longitude=None if i % 10 == 0 else round(rng.uniform(22.2, 40.2), 6),
        geo_precision=None if i % 10 == 0 else GeoPrecision.SETTLEMENT,
    )


def events(count: int) -> Iterator[Event]:
    return (imported_event(i) for i in range(count))


def main(argv: list[str]) -> None:
    url, count, batch = argv[0], int(argv[1]), int(argv[2])
    store = open_store(url)
    print(store.import_events(events(count), batch_size=batch), flush=True)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
