"""KATOTTG: reading the codifier, pairing it with GeoNames, hromadas, districts, names."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata import ResolveContext, gazetteer_from_files
from geodata.errors import GazetteerFormatError
from geodata.geonames import FileKind, sniff_kind
from geodata.katottg import Category, iter_units, unit_stem
from geodata.romanize import official_name, romanize, variant_keys
from geodata.store import gazetteer_info, import_geonames, load_gazetteer

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "katottg"
PLACES = HERE / "places.txt"
CODIFIER = HERE / "sample.csv"


@pytest.fixture(scope="module")
def with_units():
    return gazetteer_from_files([PLACES, CODIFIER])


@pytest.fixture(scope="module")
def without_units():
    return gazetteer_from_files([PLACES])


def test_codifier_is_recognised_by_its_header():
    assert sniff_kind(CODIFIER) is FileKind.KATOTTG
    units = list(iter_units(CODIFIER))
    marinka = next(u for u in units if u.name_uk == "Мар’їнка")
    assert marinka.category is Category.CITY
    assert marinka.admin2 == "1416"
    assert marinka.hromada == "UA14160130000011561"
    assert any(u.category is Category.CITY_DISTRICT for u in units)


def test_a_csv_that_is_not_the_codifier_is_a_one_line_error():
    with pytest.raises(GazetteerFormatError, match="KATOTTG") as err:
        sniff_kind(HERE / "wrong_header.csv")
    assert "\n" not in str(err.value)


def test_a_bad_category_names_the_line(tmp_path):
    bad = tmp_path / "codifier.csv"
    bad.write_text(CODIFIER.read_text(encoding="utf-8") + "UA14,,,,,Q,Щось,UA14,,,\n", "utf-8")
    with pytest.raises(GazetteerFormatError, match=r"line 20: category 'Q'"):
        list(iter_units(bad))


@pytest.mark.parametrize(
    ("ukrainian", "official"),
    [
        ("Старокостянтинів", "Starokostiantyniv"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Куп’янськ", "Kupiansk"),
        ("Миколаїв", "Mykolaiv"),
        ("Згурівка", "Zghurivka"),  # зг is zgh
        ("Єнакієве", "Yenakiieve"),  # word-initial є is ye, inside ie
        ("Їжакевичі", "Yizhakevychi"),  # word-initial ї is yi
        ("Юр’ївка", "Yurivka"),
        ("Яблунівка", "Yablunivka"),
        ("Йосипівка", "Yosypivka"),
    ],
)
def test_romanization_is_the_national_system(ukrainian, official):
    assert romanize(ukrainian) == official


def test_official_name_only_from_the_same_name_in_ukrainian():
    assert official_name("Kup'yans'k", ["Kupyansk", "Куп’янськ"]) == "Kupiansk"
    # a former name in Ukrainian is not the place's name
    assert official_name("Bakhmut", ["Artemivsk", "Артемівськ"]) is None
    # a Russian spelling is never taken for the Ukrainian one
    assert official_name("Olenivka", ["Оленовка"]) is None


def test_locations_read_in_the_official_spelling_without_the_codifier(without_units):
    res = without_units.resolve("Starokostyantyniv")
    assert (res.place.name, res.place.geonameid) == ("Starokostiantyniv", 692818)


def test_the_codifier_gives_official_names_to_russian_spelt_villages(with_units):
    res = with_units.resolve("Gavrilovka")
    assert (res.place.name, res.place.geonameid) == ("Havrylivka", 900003)
    assert with_units.resolve("Havrylivka").place.geonameid == 900003


def test_settlements_know_their_hromada(with_units):
    assert with_units.resolve("Marinka").place.admin3 == "Marinska hromada"


def test_a_stated_hromada_picks_the_homonym_inside_it(with_units):
    context = ResolveContext(admin_hint="Marinka hromada", country="UA")
    res = with_units.resolve("Katerynivka", context=context)
    assert res.place.geonameid == 900001
    assert "in Marinska hromada as the text says" in res.reason
    other = with_units.resolve(
        "Katerynivka", context=ResolveContext(admin_hint="Kostiantynivka hromada", country="UA")
    )
    assert other.place.geonameid == 900002


def test_homonyms_without_a_unit_stay_a_flagged_guess(with_units):
    res = with_units.resolve("Katerynivka", context=ResolveContext(country="UA"))
    assert res.ambiguous
    assert "ambiguous: 2 of 2 candidates" in res.reason


def test_city_districts_become_acled_style_locations(with_units):
    res = with_units.resolve("Saltivskyi district")
    assert res.place.name == "Kharkiv - Saltivskyi"
    assert res.place.geonameid == 12514338  # the district's own GeoNames point
    assert (res.place.latitude, res.place.longitude) == (50.02, 36.35)


def test_district_points_are_not_matched_by_themselves(without_units):
    # without the codifier the ADM3 point is no place of its own
    assert without_units.resolve("Saltivskyi district") is None


@pytest.mark.parametrize(
    ("written", "geonameid"),
    [
        ("Klischiivka", 13512497),  # щ as sch
        ("Klishchiivka", 13512497),
        ("Elenovka", 698613),  # a Russian е at the start as a bare e
        ("Yelenovka", 698613),
    ],
)
def test_spellings_of_other_romanizations_are_found(without_units, written, geonameid):
    assert without_units.resolve(written).place.geonameid == geonameid
    text = f"Shelling was reported in {written} overnight."
    assert [m.surface for m in without_units.find_names(text)] == [written]


def test_variant_keys_are_only_the_missing_ones():
    assert variant_keys("pervomaiske") == frozenset()  # y/i already folded together
    assert variant_keys("klishchivka") == {"klischivka"}


def test_unit_stems_meet_the_town_they_are_named_after():
    assert unit_stem("Pokrovskyi Raion") == unit_stem("Pokrovsk district")
    assert unit_stem("Marinka hromada") == unit_stem("Мар’їнська")


def test_the_codifier_loads_into_the_database_and_the_index_uses_it(engine):
    summary = import_geonames(engine, [PLACES, CODIFIER])
    assert [s.kind for s in summary.sources] == ["geonames", "katottg"]
    assert gazetteer_info(engine).katottg_units == 18
    gaz = load_gazetteer(engine)
    assert gaz.resolve("Gavrilovka").place.name == "Havrylivka"
    assert gaz.resolve("Starokostyantyniv").place.admin3 == "Starokostiantynivska hromada"
    assert gaz.resolve("Saltivskyi district").place.name == "Kharkiv - Saltivskyi"
    # a second load of the codifier replaces the first
    import_geonames(engine, [CODIFIER])
    assert gazetteer_info(engine).katottg_units == 18


def test_official_names_come_through_the_database_without_the_codifier(engine):
    import_geonames(engine, [PLACES])
    assert load_gazetteer(engine).resolve("Starokostyantyniv").place.name == "Starokostiantyniv"


def test_a_pre_2020_raion_is_placed_by_its_seat(with_units):
    # the Marinka raion was merged into Pokrovsk raion in 2020: its seat still locates it
    res = with_units.resolve(
        "Katerynivka", context=ResolveContext(admin_hint="Marinka Raion", country="UA")
    )
    assert res.place.geonameid == 900001
    assert "from the reference point" in res.reason


def test_a_place_two_units_claim_is_paired_with_neither(tmp_path):
    # "Katerinovka" is an alternate name of the Katerynivka in raion 1412: a unit of that
    # name there (a former or a neighbouring village) makes the pairing a guess
    codes = "UA14000000000091971,UA14120000000000003,UA14120010000000004,UA14120010020000013"
    extra = f"{codes},,C,Катериновка,UA14120010020000013,,,\n"
    codifier = tmp_path / "codifier.csv"
    codifier.write_text(CODIFIER.read_text(encoding="utf-8") + extra, encoding="utf-8")
    gaz = gazetteer_from_files([PLACES, codifier])
    assert gaz.places[900002].admin3 is None
    assert gaz.places[900001].admin3 == "Marinska hromada"  # the other raion's is unaffected


def test_a_place_s_own_name_wins_over_an_alternate_one(tmp_path):
    # a second place of raion 1416 that once was called Marinka does not unpair the town
    cols = ["900010", "Novoselivka", "Novoselivka", "Marinka,Новоселівка", "47.95", "37.40"]
    cols += ["P", "PPL", "UA", "", "05", "1416", "", "", "100", "", "150", "Europe/Kyiv"]
    row = "\t".join([*cols, "2024-01-01"]) + "\n"
    places = tmp_path / "places.txt"
    places.write_text(PLACES.read_text(encoding="utf-8") + row, encoding="utf-8")
    gaz = gazetteer_from_files([places, CODIFIER])
    assert gaz.places[701845].admin3 == "Marinska hromada"
    assert gaz.places[900010].admin3 is None


def test_raions_read_in_the_official_spelling_with_the_codifier(with_units, without_units):
    assert with_units.places[900002].admin2 == "Kramatorskyi Raion"
    assert without_units.places[900002].admin2 == "1412"  # no admin-2 names loaded at all
    context = ResolveContext(admin_hint="Kramatorsk Raion", country="UA")
    res = with_units.resolve("Katerynivka", context=context)
    assert res.place.geonameid == 900002
    assert "in Kramatorskyi Raion as the text says" in res.reason


def test_a_city_section_named_like_the_district_gives_its_point(tmp_path):
    # no ADM3 unit for the district: the section of the same stem within the city stands
    # for it, and the district's name wins over the section's own official spelling
    rows = [r for r in PLACES.read_text(encoding="utf-8").splitlines() if "\tADM3\t" not in r]
    cols = ["6722148", "Saltyvka", "Saltyvka", "Saltovka,Салтівка", "50.02207", "36.34901"]
    cols += ["P", "PPLX", "UA", "", "07", "6312", "", "", "0", "", "150", "Europe/Kyiv"]
    places = tmp_path / "places.txt"
    places.write_text("\n".join([*rows, "\t".join([*cols, "2024-01-01"])]) + "\n", "utf-8")
    gaz = gazetteer_from_files([places, CODIFIER])
    res = gaz.resolve("Saltivskyi district")
    assert (res.place.name, res.place.geonameid) == ("Kharkiv - Saltivskyi", 6722148)
