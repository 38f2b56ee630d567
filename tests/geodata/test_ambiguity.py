"""Homonyms nothing tells apart are called ambiguous, never an exact place."""

from __future__ import annotations

from datetime import date

import pytest

from geodata import GazetteerBuilder, GeoPrecision, Place, ResolveContext
from geodata.activity import Activity, ActivityPoint

DAY = date(2024, 4, 16)
DONETSK_ONE = Place(9000001, "Zorianivka", 48.30, 37.60, admin1_code="05", population=900)
LUHANSK_ONE = Place(9000002, "Zorianivka", 48.90, 38.90, admin1_code="14", population=1200)
CITY = Place(9000003, "Velykograd", 49.00, 35.00, "P", "PPLA2", admin1_code="07", population=90000)
HAMLET = Place(9000004, "Velykograd", 47.00, 33.00, admin1_code="08", population=40)


@pytest.fixture(scope="module")
def gazetteer():
    builder = GazetteerBuilder()
    for place in (DONETSK_ONE, LUHANSK_ONE, CITY, HAMLET):
        builder.add_place(place)
    return builder.build()


def test_two_villages_of_a_size_are_a_guess_said_to_be_one(gazetteer) -> None:
    res = gazetteer.resolve("Zorianivka")
    assert res.ambiguous
    assert res.precision is GeoPrecision.NEAR
    assert "ambiguous: 2 of 2 candidates are nearly as likely" in res.reason


def test_a_stated_region_settles_it(gazetteer) -> None:
    res = gazetteer.resolve("Zorianivka", context=ResolveContext(admin_hint="Luhansk Oblast"))
    assert (res.place.geonameid, res.precision, res.ambiguous) == (
        LUHANSK_ONE.geonameid,
        GeoPrecision.SETTLEMENT,
        False,
    )


def test_the_front_line_settles_it(gazetteer) -> None:
    activity = Activity.from_points(ActivityPoint(48.31, 37.61, DAY) for _ in range(6))
    res = gazetteer.resolve("Zorianivka", context=ResolveContext(activity=activity, as_of=DAY))
    assert (res.place.geonameid, res.ambiguous) == (DONETSK_ONE.geonameid, False)


def test_a_city_is_not_ambiguous_beside_a_hamlet_of_its_name(gazetteer) -> None:
    res = gazetteer.resolve("Velykograd")
    assert (res.place.geonameid, res.precision, res.ambiguous) == (
        CITY.geonameid,
        GeoPrecision.SETTLEMENT,
        False,
    )


def test_the_oblast_every_other_place_of_the_text_lies_in_chooses(gazetteer) -> None:
    others = (
        Place(9000010, "Ridne", 48.95, 38.95, admin1_code="14"),
        Place(9000011, "Kamiane", 48.85, 38.85, admin1_code="14"),
    )
    res = gazetteer.resolve("Zorianivka", context=ResolveContext(others=others))
    assert (res.place.geonameid, res.ambiguous) == (LUHANSK_ONE.geonameid, False)
    assert "where every other place of the text lies" in res.reason


def test_a_stated_raion_beats_a_namesake_nearer_its_seat() -> None:
    seat = Place(9000020, "Pokrovsk", 48.28, 37.18, "P", "PPLA2", admin1_code="05",
                 admin2="Pokrovsk Raion", population=60000)  # fmt: skip
    inside = Place(9000021, "Zorianivka", 47.80, 37.40, admin1_code="05",
                   admin2="Pokrovsk Raion", population=300)  # fmt: skip
    outside = Place(9000022, "Zorianivka", 48.40, 37.30, admin1_code="05",
                    admin2="Kramatorskyi Raion", population=300)  # fmt: skip
    builder = GazetteerBuilder()
    for place in (seat, inside, outside):
        builder.add_place(place)
    gazetteer = builder.build()
    res = gazetteer.resolve("Zorianivka", context=ResolveContext(admin_hint="Pokrovsk Raion"))
    assert res.place.geonameid == inside.geonameid
    assert "in Pokrovsk Raion as the text says" in res.reason
