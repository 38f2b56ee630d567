"""Failure classes of Ukrainian and Russian war reports read on real pages, one rule each.

Every passage here was written for these tests; the places are a small hand-made gazetteer.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata import GazetteerBuilder, Place
from tests.extract.runners import cyrillic_runner
from tracker.model import SubEventType

PUBLISHED = date(2025, 9, 16)
BELGOROD = "Belgorod Oblast"


def _place(gid: int, name: str, lat: float, lon: float, admin1: str, code: str, **kw) -> Place:
    return Place(gid, name, lat, lon, admin1=admin1, admin1_code=code, **kw)


PLACES = [
    (
        _place(9300001, "Belgorod", 50.60, 36.59, BELGOROD, "09", country="RU",
               feature_code="PPLA", population=340_000),
        ["Белгород"],
    ),
    # the only namesake the gazetteer has of a Belgorod village, far away in Vinnytsia Oblast
    (_place(9300002, "Krasne", 49.10, 28.50, "Vinnytsia Oblast", "23"), ["Красне", "Красное"]),
    (
        _place(9300003, "Kursk", 51.73, 36.19, "Kursk Oblast", "41", country="RU",
               feature_code="PPLA", population=440_000),
        ["Курск"],
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def extract():
    builder = GazetteerBuilder()
    for place, names in PLACES:
        builder.add_place(place, names)
    return cyrillic_runner(builder.build(), published=PUBLISHED, today=date(2025, 12, 1))


@pytest.mark.parametrize(
    "village",
    ["В селе Красное Белгородской области", "В Красном в Белгородской области"],
)
def test_a_village_the_gazetteer_lacks_is_its_own_event_beside_the_regional_capital(
    extract, village: str
) -> None:
    text = (
        "Утром беспилотник атаковал автомобиль в Белгороде, пострадал водитель. "
        f"{village} беспилотник атаковал частный дом, погиб мужчина."
    )
    events = extract(text, "ru")
    assert sorted((e.location, e.geo_precision) for e in events) == [
        ("Belgorod", 1),
        (BELGOROD, 3),
    ]
    (village_event,) = [e for e in events if e.location == BELGOROD]
    assert village_event.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert village_event.fatalities == 1


def test_a_region_named_beside_its_capital_is_still_a_summary(extract) -> None:
    # guard: the oblast itself, not a village standing in for it, sums the capital's strike up
    text = (
        "Беспилотник атаковал Белгородскую область. "
        "Утром беспилотник атаковал автомобиль в Белгороде, пострадал водитель."
    )
    events = extract(text, "ru")
    assert [e.location for e in events] == ["Belgorod"]


def test_the_region_a_village_stands_in_for_is_named_once(extract) -> None:
    # guard: the lead's oblast and the one village it stands in for are one event
    text = (
        "Беспилотник атаковал Белгородскую область. "
        "В селе Красное Белгородской области беспилотник атаковал частный дом."
    )
    (event,) = extract(text, "ru")
    assert (event.location, event.geo_precision) == (BELGOROD, 3)
