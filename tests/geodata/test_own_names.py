"""A place called by a name beats a place that merely lists it as a different, old name."""

from __future__ import annotations

import pytest

from geodata import GeoPrecision, Place, ResolveContext
from tests.geodata.conftest import gazetteer_of

# A big city that GeoNames also lists as "Oleksiivka" (an old, different name), and a
# village whose own name that is, in the same oblast.
CITY = Place(9200001, "Stepograd", 48.00, 37.80, "P", "PPLA", admin1_code="05", population=600000)
VILLAGE = Place(9200002, "Oleksiivka", 48.60, 37.20, admin1_code="05", population=300)
# A town known in Russian spelling too, and hamlets whose own name is that spelling.
TOWN = Place(9200003, "Lozova", 48.89, 36.32, "P", "PPLA2", admin1_code="07", population=54000)
HAMLET = Place(9200004, "Lozovaya", 49.60, 37.40, admin1_code="07", population=0)
# Only an old name inside the stated oblast; the own name lies in another one.
RENAMED = Place(9200005, "Novodolyna", 48.90, 38.40, admin1_code="14", population=2000)
NAMESAKE = Place(9200006, "Krasnyi Yar", 49.90, 36.20, admin1_code="07", population=500)


# A village renamed in 2016 on the front line, its old name a far hamlet's own, and a town
# beside the front-line one.
FRONT = Place(9200007, "Vysokopillia", 47.66, 36.39, admin1_code="26", population=100)
FAR = Place(9200008, "Chervone", 46.52, 35.01, admin1_code="26", population=135)
BESIDE = Place(
    9200009, "Huliaipole", 47.66, 36.26, "P", "PPLA3", admin1_code="26", population=13000
)


@pytest.fixture(scope="module")
def gazetteer():
    names = {
        CITY.geonameid: ["Oleksiivka", "Stepohrad"],
        TOWN.geonameid: ["Lozovaya"],
        RENAMED.geonameid: ["Krasnyi Yar"],
        FRONT.geonameid: ["Chervone"],
    }
    places = (CITY, VILLAGE, TOWN, HAMLET, RENAMED, NAMESAKE, FRONT, FAR, BESIDE)
    return gazetteer_of(*places, names=names)


def test_a_renamed_village_stays_a_candidate_for_the_context_to_choose(gazetteer) -> None:
    """ "Червоне" beside Huliaipole is the front-line village renamed in 2016, not the hamlet
    that still has the name 150 km away: a village's old name keeps it in the running."""
    near = (BESIDE.latitude, BESIDE.longitude)
    res = gazetteer.resolve("Chervone", context=ResolveContext(near=near))
    assert res.place.geonameid == FRONT.geonameid
    assert gazetteer.resolve("Chervone").place.geonameid == FAR.geonameid  # no context: own name


def test_a_bigger_place_that_once_had_the_name_stays_out(gazetteer) -> None:
    """The renamed village keeps its chance only while it is no bigger than the villages
    that still carry the name: the city once called "Oleksiivka" never wins on its size."""
    res = gazetteer.resolve("Oleksiivka", context=ResolveContext(near=(48.0, 37.8)))
    assert res.place.geonameid == VILLAGE.geonameid


def test_a_village_of_that_name_beats_a_city_that_once_had_it(gazetteer) -> None:
    res = gazetteer.resolve("Oleksiivka", context=ResolveContext(admin_hint="Donetsk Oblast"))
    assert (res.place.geonameid, res.precision) == (VILLAGE.geonameid, GeoPrecision.SETTLEMENT)
    assert CITY.geonameid not in {c.place.geonameid for c in res.alternatives}


def test_without_a_region_the_own_name_wins_too(gazetteer) -> None:
    assert gazetteer.resolve("Oleksiivka").place.geonameid == VILLAGE.geonameid


def test_another_spelling_of_a_towns_own_name_is_not_a_different_name(gazetteer) -> None:
    res = gazetteer.resolve("Lozovaya", context=ResolveContext(admin_hint="Kharkiv Oblast"))
    assert res.place.geonameid == TOWN.geonameid


def test_an_old_name_is_kept_where_the_region_has_no_place_called_so(gazetteer) -> None:
    res = gazetteer.resolve("Krasnyi Yar", context=ResolveContext(admin_hint="Luhansk Oblast"))
    assert res.place.geonameid == RENAMED.geonameid


def test_search_still_lists_every_place_known_by_the_name(gazetteer) -> None:
    found = {c.place.geonameid for c in gazetteer.search("Oleksiivka", limit=10)}
    assert found == {CITY.geonameid, VILLAGE.geonameid}


def test_a_city_name_abandoned_decades_ago_is_not_what_the_news_means() -> None:
    """ "Stanislav" was Ivano-Frankivsk's name until 1962; war news means the Kherson Oblast
    village of that name."""
    city = Place(
        9200010, "Ivano-Frankivsk", 48.92, 24.71, "P", "PPLA", admin1_code="06", population=238000
    )
    village = Place(9200011, "Stanislav", 46.57, 32.15, admin1_code="08", population=4700)
    gaz = gazetteer_of(city, village, names={})
    assert gaz.resolve("Stanislav").place.geonameid == village.geonameid
    assert gaz.resolve("Ivano-Frankovsk").place.geonameid == city.geonameid
