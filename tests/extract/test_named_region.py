"""A village is looked for in the region its sentence (or article) names; drones that drop.

Every passage here was written for these tests; the places are a small hand-made gazetteer.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata import GazetteerBuilder, Place
from tracker.extract import extract_events
from tracker.model import Article, SubEventType

DAY = date(2024, 5, 10)  # a Friday


@pytest.fixture(scope="module")
def gazetteer():
    builder = GazetteerBuilder()
    for place in (
        Place(9300001, "Kochubeiv", 49.40, 27.10, admin1="Khmelnytskyi Oblast", admin1_code="09"),
        Place(
            9300002, "Oleksandrivka", 48.67, 32.24, "P", "PPLA2",
            admin1="Kirovohrad Oblast", admin1_code="10", population=8_000,
        ),
        Place(
            9300003, "Oleksandrivka", 46.75, 32.95, admin1="Kherson Oblast", admin1_code="08",
            population=900,
        ),
        Place(
            9300004, "Donetsk", 48.02, 37.80, "P", "PPLA",
            admin1="Donetsk Oblast", admin1_code="05", population=900_000,
        ),
        # an oblast's capital with a small population figure, as GeoNames has some
        Place(
            9300005, "Kherson", 46.64, 32.61, "P", "PPLA",
            admin1="Kherson Oblast", admin1_code="08", population=66_000,
        ),
        Place(
            9300006, "Khersones", 44.59, 33.49, "S", "AIRP", admin1="Crimea", admin1_code="11",
        ),
    ):  # fmt: skip
        builder.add_place(place)
    return builder.build()


def _events(gazetteer, text: str):
    return extract_events(Article(text, published=DAY), gazetteer=gazetteer, min_confidence=0)


def test_a_village_found_only_outside_the_region_its_sentence_names_is_that_region(
    gazetteer,
) -> None:
    text = "The governor of the Kherson region said shelling hit a farm in Kochubeiv on Friday."
    (event,) = _events(gazetteer, text)
    assert (event.admin1, event.geo_precision.value) == ("Kherson Oblast", 3)
    assert any("the region the text names" in line for line in event.evidence)


def test_a_namesake_in_the_articles_one_region_is_taken(gazetteer) -> None:
    text = (
        "Russian forces keep up their attacks on the Kherson region. "
        "On Friday artillery shelled Oleksandrivka, officials said."
    )
    (event,) = _events(gazetteer, text)
    assert (event.location, event.admin1) == ("Oleksandrivka", "Kherson Oblast")


def test_an_oblast_capital_keeps_its_place_whatever_region_the_article_names(gazetteer) -> None:
    text = (
        "Ukrainian drones keep attacking Crimea. "
        "On Friday hundreds protested in Kherson against the occupation."
    )
    events = _events(gazetteer, text)
    assert {e.location for e in events} == {"Kherson"}


def test_a_drone_that_drops_explosives_makes_a_drone_strike(gazetteer) -> None:
    text = "On Friday a drone dropped an explosive device on a car in Kochubeiv."
    (event,) = _events(gazetteer, text)
    assert event.sub_event_type is SubEventType.AIR_DRONE_STRIKE


def test_an_appointed_official_named_by_epithet_is_no_appointment(gazetteer) -> None:
    text = (
        "On Friday a strike on a cafe in Donetsk killed three, the Russia-appointed head of "
        "the region said."
    )
    (event,) = _events(gazetteer, text)
    assert event.sub_event_type is SubEventType.SHELLING_ARTILLERY_MISSILE
