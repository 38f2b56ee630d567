"""A real server on 127.0.0.1 (uvicorn in a thread, a free port) over a store of made-up events."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta

import pytest
import uvicorn

from tracker.model import Event, GeoPrecision, SubEventType, TimePrecision
from tracker.serve import ServeOptions, create_app
from tracker.settings import Access
from tracker.store import open_store

SUBS = (
    SubEventType.SHELLING_ARTILLERY_MISSILE,
    SubEventType.AIR_DRONE_STRIKE,
    SubEventType.ARMED_CLASH,
    SubEventType.ATTACK,
)
REGIONS = ("Kharkiv Oblast", "Kyiv Oblast", "Odesa Oblast", "Donetsk Oblast")
START = date(2024, 2, 20)


def made_up_events(n: int, *, seed: int = 7) -> list[Event]:
    """``n`` located events over 40 days in a box around Ukraine, of four types and regions."""
    rng = random.Random(seed)
    events = []
    for i in range(n):
        sub = SUBS[i % len(SUBS)]
        events.append(
            Event(
                event_id=f"ev{i:05d}",
                event_date=START + timedelta(days=rng.randrange(40)),
                time_precision=TimePrecision.DAY,
                event_type=sub.event_type,
                sub_event_type=sub,
                notes=f"Report {i}: " + ("a depot burned" if i % 5 == 0 else "shells fell"),
                actor1="Military Forces of Russia (2000-)" if i % 2 else "Unidentified group",
                location=f"Place {i}",
                admin1=REGIONS[i % len(REGIONS)],
                country="Ukraine",
                latitude=round(rng.uniform(45.0, 52.0), 5),
                longitude=round(rng.uniform(23.0, 40.0), 5),
                geo_precision=GeoPrecision((i % 3) + 1),
                confidence=round(rng.uniform(0.2, 1.0), 2),
                source_url=f"https://news.example/{i}",
            )
        )
    return events


@pytest.fixture
def events_url(db_url: str) -> str:
    """A database (SQLite, then PostGIS) holding 400 made-up events."""
    store = open_store(db_url)
    store.import_events(made_up_events(400))
    store.close()
    return db_url


@contextmanager
def running(app: object) -> Iterator[str]:
    """Serve ``app`` on a free 127.0.0.1 port in a thread; yield its base URL; stop it."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture
def serve() -> Iterator[Callable[..., str]]:
    """Start a server over a database URL (read-only, as ``tracker serve`` opens it)."""
    with ExitStack() as stack:

        def start(url: str, *, options: ServeOptions | None = None) -> str:
            store = open_store(url, access=Access.READ)
            return stack.enter_context(running(create_app(store, options=options)))

        yield start
