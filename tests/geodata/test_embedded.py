"""The embedded gazetteer: offline, no set-up, towns of Ukraine and its neighbours."""

from __future__ import annotations

import pytest

from geodata import Gazetteer, GeoPrecision, ResolveContext, load_embedded_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_embedded_gazetteer()


def test_satisfies_the_protocol(gaz):
    typed: Gazetteer = gaz  # checked by type checkers; the calls below check behaviour
    assert typed.search("Kyiv", limit=1)[0].place.name == "Kyiv"
    assert typed.resolve_region("Donbas").precision is GeoPrecision.REGION


def test_is_built_once_per_process(gaz):
    assert load_embedded_gazetteer() is gaz


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kharkov", "Kharkiv"),
        ("Kiev", "Kyiv"),
        ("Odessa", "Odesa"),
        ("Artemivsk", "Bakhmut"),
        ("Dnipropetrovsk", "Dnipro"),
        ("Kirovohrad", "Kropyvnytskyi"),
        ("Старокостянтинів", "Starokostyantyniv"),
        ("Kup'yans'k", "Kupyansk"),
    ],
)
def test_towns_and_their_spellings(gaz, name, expected):
    assert gaz.resolve(name).place.name == expected


def test_neighbouring_countries_are_covered(gaz):
    res = gaz.resolve("Belgorod", context=ResolveContext(country="RU"))
    assert res.place.country == "RU"
    assert gaz.resolve("Gomel", context=ResolveContext(country="BY")).place.country == "BY"


def test_small_villages_missing_fall_back_to_the_stated_region(gaz):
    res = gaz.resolve("Zzyzxivka", context=ResolveContext(admin_hint="Kyiv region"))
    assert res.precision is GeoPrecision.REGION
    assert res.place.name == "Kyiv Oblast"


def test_find_names_in_an_article(gaz):
    text = (
        "Russian forces shelled Kharkiv and struck an oil depot in the Dnipropetrovsk region; "
        "air defence downed drones over Odesa, officials in Crimea said."
    )
    found = [(m.surface, m.is_region) for m in gaz.find_names(text)]
    assert found == [
        ("Kharkiv", False),
        ("Dnipropetrovsk region", True),
        ("Odesa", False),
        ("Crimea", True),
    ]


def test_a_village_the_embedded_set_lacks_falls_back_to_its_region(gaz):
    """The Kyiv-region Havrylivka needs the full dump; never the Zaporizhzhia homonym."""
    res = gaz.resolve("Havrylivka", context=ResolveContext(admin_hint="the Kyiv region"))
    assert res.precision == GeoPrecision.REGION
    assert res.place.admin1 == "Kyiv Oblast"
    assert res.place.geonameid == 703446  # the oblast's GeoNames id, not the village's
    assert "Zaporizhzhia" in res.reason


def test_built_in_conflict_sites(gaz):
    assert gaz.resolve("Starokostiantyniv airfield").place.geonameid == 11269942
    assert gaz.resolve("Antonov Airport").place.geonameid == 6300961
