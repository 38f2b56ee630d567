"""The map built from the store's columnar read (record batches) is the page built from Events."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from maps import write_map
from maps.pack import columns_in_page
from tracker.mapping import events_to_frame, records_to_batches
from tracker.model import (
    Article,
    Event,
    EventFilter,
    GeoPrecision,
    SubEventType,
    TimePrecision,
)
from tracker.store import Store, open_store

HOSTILE = 'He said "run" \\ </script><b>x</b> & Київ 🚀\n\t\x01'
PLACES = [(49.980812345, 36.252727777), (50.4546649999, 30.5238000001), None]


def _events(n: int) -> Iterator[tuple[Article, list[Event]]]:
    subs = list(SubEventType)
    for i in range(n):
        point = PLACES[i % 3]
        day = date(2022, 1 + i % 12, 1 + i % 28)
        sub = subs[i % len(subs)]
        event = Event(
            event_id=f"ev{i:03d}",
            event_date=day,
            time_precision=TimePrecision(1 + i % 3),
            event_type=sub.event_type,
            sub_event_type=sub,
            notes=f"{HOSTILE} {i}" if i % 4 else "",
            location=None if point is None else f"Town {i % 5}",
            admin1=None if i % 6 == 0 else "Kharkiv Oblast",
            latitude=None if point is None else point[0] + i * 1e-6,
            longitude=None if point is None else point[1] - i * 1e-6,
            geo_precision=None if point is None else GeoPrecision(1 + i % 3),
            fatalities=i % 4,
            confidence=i / max(n - 1, 1),
            claimed_by="Армія" if i % 5 == 0 else None,
            alleged=i % 2 == 0,
            date_start=day - timedelta(days=2) if i % 10 == 0 else None,
            date_end=day + timedelta(days=1) if i % 10 == 0 else None,
            source_url=f"https://example.org/{i}" if i % 3 else None,
            source_title=HOSTILE if i % 4 == 0 else None,
        )
        article = Article(
            f"Article {i // 2}: {HOSTILE}",
            url=None if i % 7 == 0 else f"https://news.example/{i // 2}",
            title=None if i % 11 == 0 else f"Story {i // 2}",
            outlet="Дзеркало" if i % 3 == 0 else "Example Wire",
            published=date(2022, 5, 1),
        )
        yield article, [event]


@pytest.fixture
def stored(db_url: str) -> Iterator[Store]:
    store = open_store(db_url)
    by_article: dict[str, tuple[Article, list[Event]]] = {}
    for article, events in _events(48):
        by_article.setdefault(article.article_id, (article, []))[1].extend(events)
    for article, events in by_article.values():  # two events an article
        store.save_article(article, events)
    for article, events in list(by_article.values())[::4]:  # a second outlet's report merges
        again = Article(f"Again: {article.text}", url=None, title="Again", outlet="Other")
        store.save_article(
            again, [dataclasses.replace(e, event_id=f"re-{e.event_id}") for e in events]
        )
    imported = next(_events(1))[1][0]
    store.import_events([dataclasses.replace(imported, event_id="imp", source_url="https://x/")])
    yield store
    store.close()


def _pages(stored: Store, flt: EventFilter, tmp_path: Path) -> list[str]:
    """The page of the events and the page of the records matching ``flt``."""
    when = datetime(2024, 3, 2, 8, 0, tzinfo=UTC)
    pages = []
    for name, frame in (
        ("events", events_to_frame(stored.query_events(flt))),
        ("records", records_to_batches(stored.read_records(flt))),
    ):
        path = write_map(frame, tmp_path / f"{name}.html", title="T", generated_at=when)
        # Folium names each element with a random id: the one difference allowed.
        pages.append(re.sub(r"_[0-9a-f]{32}\b", "_ID", path.read_text(encoding="utf-8")))
    return pages


@pytest.mark.parametrize(
    "flt", [EventFilter(), EventFilter(since=date(2022, 6, 1))], ids=["all", "since"]
)
def test_the_columnar_read_writes_the_same_page(
    stored: Store, tmp_path: Path, flt: EventFilter
) -> None:
    assert stored.columnar
    pages = _pages(stored, flt, tmp_path)
    assert pages[0] == pages[1]
    assert columns_in_page(pages[0])["src_more"]  # events with several sources are there
    assert "Дзеркало" in pages[0]


def test_an_empty_answer_makes_the_same_empty_map(stored: Store, tmp_path: Path) -> None:
    pages = _pages(stored, EventFilter(since=date(2030, 1, 1)), tmp_path)
    assert pages[0] == pages[1]
    assert columns_in_page(pages[0])["ids"] == []
