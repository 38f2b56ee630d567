"""Events and articles built directly from the domain types, for the storage tests."""

from __future__ import annotations

from datetime import date

from tracker.model import Article, Event, GeoPrecision, SubEventType, TimePrecision

KHARKIV = (49.98081, 36.25272)
CHUHUIV = (49.83559, 36.68660)  # about 34 km south-east of Kharkiv
KYIV = (50.45466, 30.5238)


def make_event(event_id: str, **overrides: object) -> Event:
    """A located, day-precise shelling report in Kharkiv unless overridden."""
    sub = overrides.pop("sub_event_type", SubEventType.SHELLING_ARTILLERY_MISSILE)
    point = overrides.pop("point", None)
    lat, lon = point or KHARKIV  # type: ignore[misc]
    fields: dict[str, object] = {
        "event_id": event_id,
        "event_date": date(2024, 3, 1),
        "time_precision": TimePrecision.DAY,
        "event_type": sub.event_type,
        "sub_event_type": sub,
        "notes": "Shells hit a residential block in the city overnight.",
        "actor1": "Military Forces of Russia (2000-)",
        "location": "Kharkiv",
        "admin1": "Kharkiv Oblast",
        "country": "Ukraine",
        "latitude": lat,
        "longitude": lon,
        "geo_precision": GeoPrecision.SETTLEMENT,
        "geonameid": None if point else 706483,  # GeoNames id of Kharkiv
    }
    fields.update(overrides)
    return Event(**fields)  # type: ignore[arg-type]


def make_article(n: int | str, **overrides: object) -> Article:
    """An article with its own URL (so its identity is stable across text edits)."""
    fields: dict[str, object] = {
        "text": f"Article {n}: shells hit a residential block overnight.",
        "url": f"https://news.example/{n}",
        "title": f"Story {n}",
        "outlet": "Example News",
        "published": date(2024, 3, 2),
    }
    fields.update(overrides)
    return Article(**fields)  # type: ignore[arg-type]
