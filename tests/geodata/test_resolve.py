"""Choosing among homonyms on the hand-written GeoNames fixtures, with reasons kept."""

from __future__ import annotations

import pytest

from geodata import GeoPrecision, ResolveContext

SPELLINGS = [
    ("Starokostiantyniv", 692818),
    ("Starokostyantyniv", 692818),
    ("Starokonstantinov", 692818),
    ("Старокостянтинів", 692818),
    ("Староконстантинов", 692818),
    ("Kiev", 703448),
    ("Kyiv", 703448),
    ("Київ", 703448),
    ("Kharkov", 706483),
    ("Odessa", 698740),
    ("Nikolaev", 700569),
    ("Mykolaiv", 700569),
    ("Artemivsk", 713174),
    ("Dnipropetrovsk", 709930),
    ("Kirovohrad", 705812),
    ("Kup'yans'k", 703656),
    ("Kupiansk", 703656),
    ("Kupyansk", 703656),
    ("Mariupol'", 701822),
    ("Irpin'", 707565),
    ("Izium", 707292),
    ("Izyum", 707292),
    ("Zaporizhzhia", 687700),
]


@pytest.mark.parametrize(("name", "geonameid"), SPELLINGS)
def test_every_spelling_resolves_to_the_right_place(sample_gazetteer, name, geonameid):
    res = sample_gazetteer.resolve(name)
    assert res is not None
    assert res.place.geonameid == geonameid
    assert res.precision is GeoPrecision.SETTLEMENT


@pytest.mark.parametrize(
    "hint", ["Kyiv", "the Kyiv region", "Kyivska oblast", "Kyiv Oblast", "Київська область"]
)
def test_admin_hint_picks_the_havrylivka_in_kyiv_oblast(sample_gazetteer, hint):
    res = sample_gazetteer.resolve("Havrylivka", context=ResolveContext(admin_hint=hint))
    assert res.place.geonameid == 8516138
    assert (res.place.latitude, res.place.longitude) == (50.67556, 30.21356)
    assert res.place.admin1 == "Kyiv Oblast"
    assert res.place.admin2 == "Buchanskyi Raion"
    assert "Kyiv Oblast" in res.reason
    assert res.score > 0.9


def test_search_ranks_kyiv_havrylivka_first_with_admin1(sample_gazetteer):
    ranked = sample_gazetteer.search("Havrylivka", admin1="Kyiv")
    assert ranked[0].place.geonameid == 8516138
    assert ranked[0].score > ranked[1].score
    assert len(ranked) == 10  # the default limit cuts the long tail of homonyms


def test_admin_hint_for_other_oblasts(sample_gazetteer):
    res = sample_gazetteer.resolve("Havrylivka", context=ResolveContext(admin_hint="Sumy"))
    assert res.place.geonameid == 8563432


def test_no_homonym_in_the_stated_region_falls_back_to_the_region(sample_gazetteer):
    res = sample_gazetteer.resolve("Havrylivka", context=ResolveContext(admin_hint="Lviv Oblast"))
    assert res.precision is GeoPrecision.REGION
    assert res.place.name == "Lviv Oblast"
    assert res.place.is_region
    assert "no place named 'Havrylivka' in Lviv Oblast" in res.reason
    assert res.alternatives  # the evidence is kept


def test_without_evidence_an_ambiguous_name_has_low_confidence(sample_gazetteer):
    res = sample_gazetteer.resolve("Havrylivka")
    assert res.score < 0.5
    assert "best of" in res.reason


def test_near_point_picks_the_closest_homonym(sample_gazetteer):
    # a description like "west of Izium" gives a reference point
    res = sample_gazetteer.resolve("Havrylivka", context=ResolveContext(near=(49.2, 37.27)))
    assert res.place.geonameid == 708873


def test_other_places_in_the_article_pull_towards_their_cluster(sample_gazetteer):
    bucha = sample_gazetteer.resolve("Bucha").place
    irpin = sample_gazetteer.resolve("Irpin").place
    res = sample_gazetteer.resolve("Havrylivka", context=ResolveContext(others=(bucha, irpin)))
    assert res.place.geonameid == 8516138
    assert "other places in the text" in res.reason


def test_town_hint_that_is_not_a_region_gives_a_reference_point(sample_gazetteer):
    res = sample_gazetteer.resolve("Havrylivka", context=ResolveContext(admin_hint="Bucha raion"))
    assert res.place.geonameid == 8516138


def test_population_prior_prefers_the_city(sample_gazetteer):
    res = sample_gazetteer.resolve("Bucha")
    assert res.place.geonameid == 711350  # the town of 42,000, not the hamlet of 144


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Starokostiantyniv airfield", 11269942),
        ("the airfield at Starokostyantyniv", 11269942),
        ("Starokostiantyniv air base", 11269942),
        ("Mariupol airport", 7668507),
        ("Kharkiv airport", 6300958),
    ],
)
def test_facilities_resolve_to_the_facility(sample_gazetteer, name, geonameid):
    res = sample_gazetteer.resolve(name)
    assert res.place.geonameid == geonameid
    assert res.place.feature_class == "S"
    assert res.precision is GeoPrecision.SETTLEMENT


def test_facility_unknown_falls_back_to_the_town_at_near_precision(sample_gazetteer):
    res = sample_gazetteer.resolve("Izium airfield")
    assert res.place.geonameid == 707292
    assert res.precision is GeoPrecision.NEAR
    assert "no air facility known near" in res.reason


def test_near_miss_spelling_is_found_by_fuzzy_matching(sample_gazetteer):
    res = sample_gazetteer.resolve("Starokostantyniv")  # a typo
    assert res.place.geonameid == 692818
    assert "near-miss spelling" in res.reason


def test_unknown_name_gives_none(sample_gazetteer):
    assert sample_gazetteer.resolve("Atlantis") is None


def test_country_focus_counts(sample_gazetteer):
    cands = sample_gazetteer.search("Kharkiv", country="UA")
    assert "in the article's country UA" in cands[0].reasons


@pytest.mark.parametrize(
    ("text", "name", "geonameid"),
    [
        ("the Kyiv region", "Kyiv Oblast", 703446),
        ("Donbas", "Donbas", 0),  # informal: no GeoNames unit of its own
        ("Crimea", "Crimea", 703883),
        ("Kyivska oblast", "Kyiv Oblast", 703446),
        ("Donetsk oblast", "Donetsk Oblast", 709716),
        ("Kyiv City", "Kyiv City", 703447),
    ],
)
def test_resolve_region(sample_gazetteer, text, name, geonameid):
    res = sample_gazetteer.resolve_region(text)
    assert res.place.name == name
    assert res.place.geonameid == geonameid  # the oblast's own id, for joins
    assert res.precision is GeoPrecision.REGION


def test_resolve_region_knows_raions_from_the_files(sample_gazetteer):
    res = sample_gazetteer.resolve_region("Bucha raion")
    assert res.place.geonameid == 12189517
    assert res.precision is GeoPrecision.REGION


def test_resolve_region_of_an_unknown_name(sample_gazetteer):
    assert sample_gazetteer.resolve_region("Narnia") is None


def test_resolve_falls_back_to_region_for_region_names(sample_gazetteer):
    res = sample_gazetteer.resolve("the Kyiv region")
    assert res.precision is GeoPrecision.REGION
    assert res.place.name == "Kyiv Oblast"


def test_rivers_are_not_places(sample_gazetteer):
    # the Irpin river (class H) is in the fixture but never a candidate
    assert {c.place.feature_class for c in sample_gazetteer.search("Irpin")} == {"P"}


def test_lonlat_is_the_geojson_order(sample_gazetteer):
    place = sample_gazetteer.resolve("Kharkiv").place
    assert place.lonlat() == (36.25475, 49.98177)


def test_a_facility_known_by_its_full_name_is_not_split(sample_gazetteer):
    res = sample_gazetteer.resolve("Mariupol International Airport")
    assert res.place.geonameid == 7668507


@pytest.mark.parametrize("name", ["near Izium", "outskirts of Izium", "the outskirts of Izium"])
def test_near_descriptions_lower_the_precision(sample_gazetteer, name):
    res = sample_gazetteer.resolve(name)
    assert res.place.geonameid == 707292
    assert res.precision is GeoPrecision.NEAR


def test_leading_article_is_ignored(sample_gazetteer):
    assert sample_gazetteer.resolve("the Kharkiv airport").place.geonameid == 6300958


def test_unrecognised_hint_is_ignored_not_guessed(sample_gazetteer):
    plain = sample_gazetteer.resolve("Havrylivka")
    odd = sample_gazetteer.resolve(
        "Havrylivka", context=ResolveContext(admin_hint="Starokostantyn")
    )
    assert odd.place.geonameid == plain.place.geonameid  # a near-miss hint gives no point


def test_empty_name(sample_gazetteer):
    assert sample_gazetteer.resolve("") is None
    assert sample_gazetteer.resolve_region("") is None
    assert sample_gazetteer.search("") == []


def test_unknown_name_in_a_stated_region_gives_the_region(sample_gazetteer):
    res = sample_gazetteer.resolve("Zzyzxivka", context=ResolveContext(admin_hint="Sumy Oblast"))
    assert res.precision is GeoPrecision.REGION
    assert res.place.name == "Sumy Oblast"
    assert "the gazetteer knows no place of that name" in res.reason


def test_xy_is_the_one_flip_to_longitude_first():
    from geodata.model import xy

    assert xy(49.98177, 36.25475) == (36.25475, 49.98177)
    assert xy([1.0, 2.0], [3.0, 4.0]) == ([3.0, 4.0], [1.0, 2.0])  # whole columns alike
