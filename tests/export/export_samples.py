"""Events built directly from the domain types, shared by the export tests."""

from __future__ import annotations

from datetime import date, datetime

from tracker.model import (
    Event,
    GeoPrecision,
    Source,
    SubEventType,
    TimePrecision,
)

# Text that breaks naive writers: quotes, commas, a newline, Cyrillic, emoji, a tab.
TRICKY = 'Witnesses said "two blasts", then silence;\nу Києві 🚀, 50% — «тиша»\tend'
HAVRYLIVKA = (50.67556, 30.21356)  # GeoNames 8516138, Kyiv Oblast


def make_event(event_id: str, **overrides: object) -> Event:
    """An event with every field filled unless overridden."""
    sub = overrides.pop("sub_event_type", SubEventType.SHELLING_ARTILLERY_MISSILE)
    fields: dict[str, object] = {
        "event_id": event_id,
        "event_date": date(2022, 4, 12),
        "time_precision": TimePrecision.DAY,
        "event_type": sub.event_type,
        "sub_event_type": sub,
        "notes": "An ammunition depot near the village was destroyed overnight.",
        "actor1": "Military Forces of Russia (2000-)",
        "actor2": "Military Forces of Ukraine (2019-)",
        "location": "Havrylivka",
        "admin1": "Kyiv Oblast",
        "admin2": "Vyshhorod Raion",
        "country": "Ukraine",
        "latitude": HAVRYLIVKA[0],
        "longitude": HAVRYLIVKA[1],
        "geo_precision": GeoPrecision.SETTLEMENT,
        "geonameid": 8516138,
        "fatalities": 0,
        "confidence": 0.8,
        "source_url": "https://news.example.org/depot",
        "source_title": "Depot destroyed near Havrylivka",
        "article_id": "a" * 32,
        "target": "ammunition depot",
        "evidence": ("trigger: destroyed", "place: near Havrylivka, Kyiv region"),
        "trigger_span": (10, 19),
        "place_span": (30, 40),
        "sources": (
            Source(
                "a" * 32,
                url="https://news.example.org/depot",
                title="Depot destroyed near Havrylivka",
                outlet="Example News",
                published=date(2022, 4, 13),
            ),
        ),
        "updated_at": datetime(2024, 3, 1, 12, 30, 15),
    }
    fields.update(overrides)
    return Event(**fields)  # type: ignore[arg-type]


def sample_events() -> list[Event]:
    """Four events: a located one, tricky text, an unlocated one, a week-precision one."""
    return [
        make_event("ev-havrylivka"),
        make_event(
            "ev-kharkiv",
            sub_event_type=SubEventType.ATTACK,
            notes=TRICKY,
            actor2="Civilians (Ukraine)",
            location="Kharkiv",
            admin1="Kharkiv Oblast",
            admin2=None,
            latitude=49.98177,
            longitude=36.25475,
            geonameid=706483,
            fatalities=3,
            source_title='=HYPERLINK("http://evil.example")',
            alleged=True,
        ),
        make_event(
            "ev-unlocated",
            sub_event_type=SubEventType.DISRUPTED_WEAPONS_USE,
            notes="A drone was shot down; the place was not reported.",
            location=None,
            admin1=None,
            admin2=None,
            latitude=None,
            longitude=None,
            geo_precision=None,
            geonameid=None,
            trigger_span=None,
            place_span=None,
            updated_at=None,
        ),
        make_event(
            "ev-starokostiantyniv",
            sub_event_type=SubEventType.AIR_DRONE_STRIKE,
            event_date=date(2023, 8, 9),
            time_precision=TimePrecision.WEEK,
            date_start=date(2023, 8, 6),
            date_end=date(2023, 8, 12),
            location="Starokostiantyniv",
            admin1="Khmelnytskyi Oblast",
            latitude=49.7552249,
            longitude=27.2122949,
            geo_precision=GeoPrecision.NEAR,
        ),
    ]
