"""A real ingest process for the crash and concurrency tests: saves synthetic articles.

Usage: python ingest_worker.py DB_URL FIRST LAST [--reverse]

Article ``i`` reports two events: one at a place shared with other articles (so
reports merge across articles) and one of its own. Everything is derived from
``i``, so every run saves exactly the same articles.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

from tracker.model import Article, Event, GeoPrecision, SubEventType, TimePrecision
from tracker.store import open_store

# (name, latitude, longitude, admin1): real settlements, far enough apart not to merge.
PLACES = [
    ("Kharkiv", 49.98081, 36.25272, "Kharkiv Oblast"),
    ("Odesa", 46.47747, 30.73262, "Odesa Oblast"),
    ("Kherson", 46.63695, 32.61458, "Kherson Oblast"),
    ("Sumy", 50.9216, 34.80029, "Sumy Oblast"),
    ("Zaporizhzhia", 47.82289, 35.19031, "Zaporizhzhia Oblast"),
]


def _event(i: int, k: int, *, place: tuple[str, float, float, str], sub: SubEventType) -> Event:
    name, lat, lon, admin1 = place
    return Event(
        event_id=f"w{i:04d}-{k}",
        event_date=date(2024, 1, 1) + timedelta(days=i % 7),
        time_precision=TimePrecision.DAY,
        event_type=sub.event_type,
        sub_event_type=sub,
        notes=f"Article {i} reports an attack on {name}.",
        location=name,
        admin1=admin1,
        country="Ukraine",
        latitude=lat,
        longitude=lon,
        geo_precision=GeoPrecision.SETTLEMENT,
        fatalities=i % 3,
    )


def article_and_events(i: int) -> tuple[Article, list[Event]]:
    """The i-th synthetic article and its two events."""
    shared = _event(i, 0, place=PLACES[i % len(PLACES)], sub=SubEventType.AIR_DRONE_STRIKE)
    own_place = ("Village", 48.0 + (i % 50) * 0.05, 24.0 + (i // 50) * 0.1, "Lviv Oblast")
    own = _event(i, 1, place=own_place, sub=SubEventType.SHELLING_ARTILLERY_MISSILE)
    article = Article(
        text=f"Article {i}. " + " ".join(e.notes for e in (shared, own)),
        url=f"https://news.example/{i}",
        title=f"Report {i}",
        outlet="Example News" if i % 2 else "Other Wire",
        published=shared.event_date,
    )
    return article, [shared, own]


def main(argv: list[str]) -> None:
    url, first, last = argv[0], int(argv[1]), int(argv[2])
    order = range(first, last)
    if "--reverse" in argv:
        order = reversed(order)
    store = open_store(url)
    for i in order:
        article, events = article_and_events(i)
        result = store.save_article(article, events)
        print(i, result.status.value, flush=True)  # lets a test kill it mid-run
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
