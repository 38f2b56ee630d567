"""Misspelt and re-romanised village names, found where the sentence says a place stands.

Every passage here was written for these tests; the places are a small hand-made gazetteer.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata import GazetteerBuilder, Place
from tracker.extract import extract_events
from tracker.model import Article

DAY = date(2025, 6, 25)
DONETSK = "Donetsk Oblast"


def _village(gid: int, name: str, lat: float, lon: float) -> Place:
    return Place(gid, name, lat, lon, admin1=DONETSK, admin1_code="05", population=800)


@pytest.fixture(scope="module")
def gazetteer():
    builder = GazetteerBuilder()
    for place in (
        _village(9200001, "Kostiantynopil", 47.86, 36.99),
        _village(9200002, "Storozheve", 47.73, 36.71),
        _village(9200003, "Blahodatne", 47.77, 36.79),
        _village(9200004, "Makarivka", 47.76, 36.74),
        _village(9200005, "Ukrainsk", 48.10, 37.37),
    ):
        builder.add_place(place)
    return builder.build()


def _places(gazetteer, text: str) -> set[str | None]:
    events = extract_events(Article(text, published=DAY), gazetteer=gazetteer, min_confidence=0)
    return {e.location for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Tuesday Russian forces captured the village of Kostiantinopil.", "Kostiantynopil"),
        ("On Tuesday troops retook the Storozhov village in the Donetsk region.", "Storozheve"),
        ("On Tuesday heavy fighting raged near Kostyantinopil, officials said.", "Kostiantynopil"),
    ],
)
def test_a_misspelt_village_in_a_settlement_slot_is_found(gazetteer, text, expected) -> None:
    assert _places(gazetteer, text) == {expected}


def test_a_misspelt_name_in_a_list_with_a_known_village_is_found(gazetteer) -> None:
    text = "On Tuesday Ukrainian troops recaptured Blahodatne and Makarivk, the army said."
    assert _places(gazetteer, text) >= {"Makarivka"}


def test_a_possessive_and_a_near_miss_outside_a_settlement_slot_stay_unplaced(gazetteer) -> None:
    # "Ukrains" is one letter from Ukrainsk, but a country's possessive is no village
    text = "On Tuesday a missile hit a depot outside Ukraine's capital, officials said."
    assert "Ukrainsk" not in _places(gazetteer, text)
    text = "On Tuesday Storozhov said the shelling of the region went on."
    assert "Storozheve" not in _places(gazetteer, text)
