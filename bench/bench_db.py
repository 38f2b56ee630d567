"""A real database of N events for the store, export and map benchmarks.

Events are spread over Ukraine and four years (90% scattered around 300
places, as real reports cluster around towns), with every kind of value a
real store holds: all three time precisions and intervals, unlocated events,
notes with quotes, Cyrillic, emoji and markup, evidence and text spans.
Every event has a report from an article (about three events per article)
and one in sixteen a second report from the next article, so the ``sources`` of a
record come from the reports joined with the articles, as after real ingests.

Events go in through ``Store.import_events``; articles and reports through
plain SQL (ingesting a million articles through the extractor would take an
hour and measure the extractor, not the store).

Usage::

    python bench/bench_db.py sqlite:////tmp/bench-1m.db --n 1000000
    python bench/bench_db.py sqlite:////tmp/bench-1m-dated.db --n 1000000 --in-date-order
    python bench/bench_db.py postgresql+psycopg://tracker:tracker@127.0.0.1/bench_1m --n 1000000
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from tracker.model import Event, GeoPrecision, SubEventType, TimePrecision
from tracker.store import Store, open_store, sources
from tracker.store.schema import EVENT_FIELDS

START = date(2021, 1, 1)
DAYS = 4 * 365
LON, LAT = (22.2, 40.2), (44.4, 52.3)  # Ukraine's bounding box
SUBS = [
    SubEventType.SHELLING_ARTILLERY_MISSILE,
    SubEventType.AIR_DRONE_STRIKE,
    SubEventType.ARMED_CLASH,
    SubEventType.DISRUPTED_WEAPONS_USE,
    SubEventType.ATTACK,
]
NOTES = [
    "Overnight shelling damaged several houses in the residential district, officials said.",
    "Air defence reported a drone shot down over the city; debris fell on a warehouse.",
    'A missile struck the airfield; the governor wrote "no casualties", Київ відповів 🚀.',
    "Fighting near the village </script><b>continued</b> & the road was cut\nagain.",
    "Удари по місту тривали всю ніч, повідомили місцеві чиновники.",
]
OUTLETS = ["Example Wire", "Kyiv Daily", "Regional News", "Дзеркало"]
ARTICLE_EVERY = 3  # events per article


def towns(seed: int = 7) -> list[tuple[float, float]]:
    """300 reproducible (lat, lon) places events cluster around."""
    rng = random.Random(seed)
    return [(rng.uniform(*LAT), rng.uniform(*LON)) for _ in range(300)]


def event_id(i: int) -> str:
    """An id shaped like the tracker's own (32 hex digits of a hash), in no particular order."""
    return hashlib.sha256(f"bench-{i}".encode()).hexdigest()[:32]


def article_id(k: int) -> str:
    """Article ids are 32 hex digits too (here of the article's number, so SQL can make them)."""
    return f"{k:032x}"


def position(rng: random.Random, places: list[tuple[float, float]]) -> tuple[float, float]:
    """A (lat, lon): 90% of the time near one of ``places``, else anywhere in the box."""
    if rng.random() < 0.9:
        lat, lon = rng.choice(places)
        return lat + rng.gauss(0, 0.08), lon + rng.gauss(0, 0.12)
    return rng.uniform(*LAT), rng.uniform(*LON)


def synthetic_events(n: int, *, seed: int = 7, in_date_order: bool = False) -> Iterator[Event]:
    """``n`` reproducible events: 90% near 300 towns, 10% anywhere, 5% unlocated.

    Dates are random with respect to the order of the events (a worst case for
    reading in date order), or, ``in_date_order``, rising with it give or take
    a few days, as events arrive from the news (the other values are the same).
    """
    rng = random.Random(seed)
    places = towns()
    stamp = datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    for i in range(n):
        lat, lon = position(rng, places)
        located = i % 20 != 0
        sub = SUBS[i % len(SUBS)]
        precision = TimePrecision(1 + (i % 10 == 0) + (i % 30 == 0))
        day = START + timedelta(days=rng.randrange(DAYS))
        if in_date_order:
            day = START + timedelta(days=min(DAYS - 1, i * DAYS // n + i % 3))
        span = i % 17 == 0
        yield Event(
            event_id=event_id(i),
            event_date=day,
            time_precision=precision,
            event_type=sub.event_type,
            sub_event_type=sub,
            notes=f"{NOTES[i % len(NOTES)]} ({i})",
            actor1="Military Forces of Russia (2000-)",
            actor2="Civilians (Ukraine)" if i % 2 else None,
            location=f"Town {i % 300}" if located else None,
            admin1="Kharkiv Oblast" if located else None,
            admin2="Chuhuiv Raion" if i % 3 == 0 else None,
            country="Ukraine",
            latitude=round(lat, 6) if located else None,
            longitude=round(lon, 6) if located else None,
            geo_precision=GeoPrecision(1 + i % 3) if located else None,
            geonameid=700_000 + i % 300 if located else None,
            fatalities=i % 4,
            confidence=rng.random(),
            source_url=f"https://news.example/{i // ARTICLE_EVERY}",
            source_title="Strikes reported overnight",
            article_id=article_id(i // ARTICLE_EVERY),
            target="energy infrastructure" if i % 7 == 0 else None,
            claimed_by="Ukrainian General Staff" if i % 11 == 0 else None,
            alleged=i % 13 == 0,
            evidence=("trigger: struck", f'place: "Town {i % 300}"'),
            trigger_span=(i % 500, i % 500 + 7),
            place_span=(i % 500 + 20, i % 500 + 26) if located else None,
            date_start=day - timedelta(days=2) if span else None,
            date_end=day + timedelta(days=2) if span else None,
            updated_at=stamp,
        )


def _articles(n_events: int) -> Iterator[tuple[object, ...]]:
    first_seen = datetime(2025, 1, 2, 3, 4, 5)
    for k in range((n_events + ARTICLE_EVERY - 1) // ARTICLE_EVERY + 1):
        published = START + timedelta(days=k % DAYS)
        yield (
            article_id(k),
            f"https://news.example/{k}",
            f"Overnight attacks: update {k}",
            OUTLETS[k % len(OUTLETS)],
            published.isoformat(),
            "en",
            f"hash-{k}",
            "The article text is not read by the benchmarks.",
            first_seen,
            first_seen,
        )


def add_reports(store: Store, n_events: int) -> None:
    """Articles, one report per event, and a second report for one event in sixteen."""
    fields = ", ".join(EVENT_FIELDS)
    sqlite = store.engine.dialect.name == "sqlite"
    mark = "?" if sqlite else "%s"
    insert_articles = (
        "INSERT INTO articles (article_id, url, title, outlet, published, language, "
        "content_hash, text, first_seen, updated_at) VALUES (" + ", ".join([mark] * 10) + ")"
    )
    rows = list(_articles(n_events))
    if sqlite:
        rows = [(*r[:8], str(r[8]), str(r[9])) for r in rows]
    # Imported events carry no article: each gets the article its source_url
    # names, and one in sixteen (the same ones on both engines) a second
    # report from the next article.
    every_16th = "substr(event_id, 1, 1) = '0'"
    number = "CAST(substr(source_url, 22) AS INTEGER)"

    def hex_id(k: str) -> str:
        return f"printf('%032x', {k})" if sqlite else f"lpad(to_hex({k}), 32, '0')"

    with store.engine.begin() as conn:
        conn.exec_driver_sql(insert_articles, rows)
        conn.exec_driver_sql(f"UPDATE events SET article_id = {hex_id(number)}")
        conn.exec_driver_sql(
            f"INSERT INTO reports (report_id, article_id, event_id, {fields}) "
            f"SELECT event_id, article_id, event_id, {fields} FROM events"
        )
        conn.exec_driver_sql(
            f"INSERT INTO reports (report_id, article_id, event_id, {fields}) "
            f"SELECT event_id || '-2', {hex_id(number + ' + 1')}, event_id, {fields} "
            f"FROM events WHERE {every_16th}"
        )
        conn.exec_driver_sql(f"UPDATE events SET report_count = 2 WHERE {every_16th}")


def build(url: str, n: int, *, in_date_order: bool) -> None:
    store = open_store(url)
    t0 = time.perf_counter()
    events = synthetic_events(n, in_date_order=in_date_order)
    store.import_events(events, batch_size=50_000)
    t1 = time.perf_counter()
    add_reports(store, n)
    t2 = time.perf_counter()
    with store.engine.begin() as conn:
        sources.backfill(conn)  # the reports went in by SQL, past the writer
        conn.exec_driver_sql("ANALYZE")
    store.close()
    print(f"{n:,} events imported in {t1 - t0:.1f} s; articles and reports in {t2 - t1:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="database URL (an empty database)")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument(
        "--in-date-order",
        action="store_true",
        help="events stored roughly in date order, as from the news (default: random dates)",
    )
    args = parser.parse_args()
    build(args.url, args.n, in_date_order=args.in_date_order)


if __name__ == "__main__":
    main()
