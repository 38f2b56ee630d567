"""Acceptance on the article this product was imagined from (kept outside the repository).

The text is read from ``../shared/reference/seed-article.txt`` next to the
checkout and never copied into the project; without it these tests skip.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.extract import extract_events
from tracker.model import Article, Event, GeoPrecision, SubEventType, TimePrecision

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "seed-article.txt"
NIGHT = {date(2022, 4, 12), date(2022, 4, 11)}

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is not present")


@pytest.fixture(scope="module")
def events(gazetteer) -> list[Event]:
    article = Article(SEED.read_text(encoding="utf-8"), published=date(2022, 4, 12))
    return extract_events(article, gazetteer=gazetteer)


def _one(events: list[Event], sub: SubEventType, **fields: object) -> Event:
    found = [
        e
        for e in events
        if e.sub_event_type is sub and all(getattr(e, k) == v for k, v in fields.items())
    ]
    assert len(found) == 1, [(e.sub_event_type.value, e.location) for e in events]
    return found[0]


def test_airfield_strike_in_khmelnytskyi(events: list[Event]) -> None:
    e = _one(events, SubEventType.SHELLING_ARTILLERY_MISSILE, admin1="Khmelnytskyi Oblast")
    assert e.location.startswith(("Starokost", "Starokonst"))
    assert e.event_date in NIGHT
    assert e.claimed_by == "Russian Defence Ministry"
    assert e.has_location


def test_depot_near_havrylivka_in_kyiv_region(events: list[Event]) -> None:
    e = _one(events, SubEventType.SHELLING_ARTILLERY_MISSILE, location="Havrylivka")
    assert (e.admin1, e.geo_precision) == ("Kyiv Oblast", GeoPrecision.NEAR)
    assert e.event_date in NIGHT
    assert e.claimed_by == "Russian Defence Ministry"


def test_alleged_chemical_attack_in_mariupol(events: list[Event]) -> None:
    e = _one(events, SubEventType.CHEMICAL_WEAPON, location="Mariupol")
    assert e.alleged
    assert e.admin1 == "Donetsk Oblast"


def test_bucha_killings_at_month_precision(events: list[Event]) -> None:
    e = _one(events, SubEventType.ATTACK, location="Bucha")
    assert e.time_precision is TimePrecision.MONTH
    assert e.actor2 == "Civilians (Ukraine)"


def test_bombardment_in_the_east_is_not_placed_on_a_town(events: list[Event]) -> None:
    east = [
        e
        for e in events
        if e.sub_event_type is SubEventType.SHELLING_ARTILLERY_MISSILE
        and e.admin1 not in ("Khmelnytskyi Oblast", "Kyiv Oblast")
    ]
    assert len(east) == 1
    assert not east[0].has_location or east[0].geo_precision is GeoPrecision.REGION


def test_shoot_downs_are_unlocated_disrupted_weapons_use(events: list[Event]) -> None:
    e = _one(events, SubEventType.DISRUPTED_WEAPONS_USE)
    assert not e.has_location
    assert e.claimed_by == "Ukrainian Air Force"


def test_no_event_at_places_that_are_not_event_locations(events: list[Event]) -> None:
    located = {e.location for e in events} | {e.admin1 for e in events}
    for name in ("Moscow", "Istanbul", "Kyiv", "Kyiv City", "Donbas", "Vostochny Cosmodrome"):
        assert name not in located
    assert len(events) == 6
