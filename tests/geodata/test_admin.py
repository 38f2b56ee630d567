"""Admin regions in every form map to one canonical name and an honest point."""

from __future__ import annotations

import pytest

from geodata import canonical_admin1, find_region, haversine_km

FORMS = [
    ("the Kyiv region", "Kyiv Oblast"),
    ("Kyiv Oblast", "Kyiv Oblast"),
    ("Kyivska oblast", "Kyiv Oblast"),
    ("Kyivs'ka oblast", "Kyiv Oblast"),
    ("Київська область", "Kyiv Oblast"),
    ("Kiev Oblast", "Kyiv Oblast"),
    ("Kyiv City", "Kyiv City"),
    ("Donetsk oblast", "Donetsk Oblast"),
    ("Oblast Donetsk", "Donetsk Oblast"),
    ("Donets'ka oblast", "Donetsk Oblast"),
    ("Charkov Oblast", "Kharkiv Oblast"),
    ("Kharkovskaya oblast", "Kharkiv Oblast"),
    ("Zaporizhia Oblast", "Zaporizhzhia Oblast"),
    ("Odessa Oblast", "Odesa Oblast"),
    ("Luhansk Oblast, Ukraine", "Luhansk Oblast"),
    ("Crimea", "Crimea"),
    ("Autonomous Republic of Crimea", "Crimea"),
    ("Khmelnytskyi region", "Khmelnytskyi Oblast"),
    ("Belgorod region", "Belgorod Oblast"),
]


@pytest.mark.parametrize(("text", "canonical"), FORMS)
def test_canonical_admin1(text, canonical):
    assert canonical_admin1(text) == canonical


@pytest.mark.parametrize("text", ["Donbas", "the Donbas", "Donbass"])
def test_donbas_is_a_region_but_not_an_admin1(text):
    region = find_region(text)
    assert region is not None and region.name == "Donbas"
    assert region.codes == {"05", "14"}
    assert canonical_admin1(text) is None


@pytest.mark.parametrize("text", ["Narnia", "", "the region", "Kharkiv Raion"])
def test_unknown_regions_give_none(text):
    assert canonical_admin1(text) is None


def test_kyiv_oblast_point_is_outside_the_city():
    oblast, city = find_region("Kyiv Oblast"), find_region("Kyiv City")
    assert haversine_km(oblast.latitude, oblast.longitude, city.latitude, city.longitude) > 30
    assert {"12", "13"} <= oblast.codes  # a hint "Kyiv region" accepts Kyiv City places
