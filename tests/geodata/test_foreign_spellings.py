"""German and Dutch spellings of Ukrainian names find the place the English one does."""

from __future__ import annotations

import pytest

from geodata import Place, ResolveContext
from geodata.romanize import foreign_respelling
from tests.geodata.conftest import gazetteer_of

SHCHASLYVE = Place(9400001, "Shchaslyve", 47.50, 35.30, admin1_code="26", population=800)
KOSTOPIL = Place(
    9400002, "Kostopil", 50.88, 26.45, "P", "PPLA3", admin1_code="19", population=30000
)
CHORNOZEMNE = Place(9400003, "Chornozemne", 46.60, 33.10, admin1_code="08", population=600)
REGION = Place(9400004, "Vyhadana Oblast", 47.00, 32.00, "A", "ADM1", admin1_code="16")
ZHOVTANKA = Place(9400005, "Zhovtanka", 46.90, 32.10, admin1_code="16", population=1500)


@pytest.fixture(scope="module")
def gazetteer():
    # GeoNames lists German names of regions: the name must still find the village
    return gazetteer_of(
        SHCHASLYVE, KOSTOPIL, CHORNOZEMNE, ZHOVTANKA, REGION,
        names={REGION.geonameid: ["Zjovtanka"]},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Schtschaslywe", SHCHASLYVE),  # German
        ("Kostopil", KOSTOPIL),  # as written
        ("Tsjornozemne", CHORNOZEMNE),  # Dutch
        ("Zjovtanka", ZHOVTANKA),  # Dutch, and also a region's alternate name
    ],
)
def test_foreign_spellings_resolve_to_the_place(gazetteer, written, place) -> None:
    res = gazetteer.resolve(written, context=ResolveContext(country="UA"))
    assert res.place.geonameid == place.geonameid


def test_a_name_found_as_written_is_not_respelt(gazetteer) -> None:
    assert foreign_respelling("Kostopil") is None
    assert foreign_respelling("Schtschaslywe") == "shchaslyve"
