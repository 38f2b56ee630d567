"""Front-line context: recent reports choose among homonyms, and say so."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from geodata import Place, ResolveContext, gazetteer_from_files
from geodata.activity import (
    Activity,
    ActivityPoint,
    FrontLineGazetteer,
    NamedPlace,
    count_near_plain,
    first_pass,
)
from tests.extract.conftest import GEONAMES, PLACES
from tests.geodata.conftest import gazetteer_of

DAY = date(2024, 4, 16)
KHARKIV_HAVRYLIVKA = 708873  # 49.41, 37.51: the front east of the Oskil
ZAPORIZHZHIA_HAVRYLIVKA = 710433  # the largest of nine: the choice without context


@pytest.fixture(scope="module")
def gazetteer():
    return gazetteer_from_files(
        [GEONAMES / "UA_sample.txt", PLACES, GEONAMES / "admin1CodesASCII.txt"]
    )


def _reports_near(lat: float, lon: float, n: int, *, days_before: int = 7) -> Activity:
    day = DAY - timedelta(days=days_before)
    return Activity.from_points(
        ActivityPoint(lat + 0.01 * i, lon - 0.01 * i, day) for i in range(n)
    )


def test_the_grid_count_agrees_with_the_plain_scan() -> None:
    rng = random.Random(7)
    points = [
        ActivityPoint(
            rng.uniform(44, 53), rng.uniform(22, 41), DAY - timedelta(days=rng.randrange(90))
        )
        for _ in range(3000)
    ]
    activity = Activity.from_points(points)
    for _ in range(300):
        lat, lon = rng.uniform(44, 53), rng.uniform(22, 41)
        as_of = rng.choice([None, DAY, DAY - timedelta(days=40)])
        assert activity.count_near(lat, lon, as_of=as_of) == count_near_plain(
            points, lat, lon, as_of=as_of
        )


def test_only_reports_in_the_weeks_before_count() -> None:
    activity = Activity.from_points(
        [
            ActivityPoint(49.4, 37.5, DAY - timedelta(days=3)),
            ActivityPoint(49.4, 37.5, DAY - timedelta(days=45)),  # too old
            ActivityPoint(49.4, 37.5, DAY + timedelta(days=1)),  # after the article
            ActivityPoint(48.0, 30.0, DAY),  # far away
        ]
    )
    assert activity.count_near(49.41, 37.51, as_of=DAY) == 1
    assert activity.count_near(49.41, 37.51, as_of=None) == 3


def test_without_context_the_largest_homonym_wins(gazetteer) -> None:
    res = gazetteer.resolve("Havrylivka")
    assert res.place.geonameid == ZAPORIZHZHIA_HAVRYLIVKA


def test_recent_reports_choose_the_front_line_homonym_and_say_so(gazetteer) -> None:
    activity = _reports_near(49.41, 37.5, 5)
    res = gazetteer.resolve("Havrylivka", context=ResolveContext(activity=activity, as_of=DAY))
    assert res.place.geonameid == KHARKIV_HAVRYLIVKA
    assert (
        "chosen by the front line: 5 reports within 15 km in the 30 days before; "
        "the other 8 candidates had none"
    ) in res.reason


def test_old_reports_choose_nothing(gazetteer) -> None:
    activity = _reports_near(49.41, 37.5, 5, days_before=60)
    res = gazetteer.resolve("Havrylivka", context=ResolveContext(activity=activity, as_of=DAY))
    assert res.place.geonameid == ZAPORIZHZHIA_HAVRYLIVKA
    assert "front line" not in res.reason


def test_a_region_the_text_states_outweighs_the_front_line(gazetteer) -> None:
    activity = _reports_near(49.41, 37.5, 20)
    context = ResolveContext(admin_hint="Kyiv Oblast", activity=activity, as_of=DAY)
    assert gazetteer.resolve("Havrylivka", context=context).place.geonameid == 8516138


def test_the_wrapper_lends_its_activity_to_every_resolve(gazetteer) -> None:
    wrapped = FrontLineGazetteer(gazetteer, _reports_near(49.41, 37.5, 5))
    context = ResolveContext(as_of=DAY)
    assert wrapped.resolve("Havrylivka", context=context).place.geonameid == KHARKIV_HAVRYLIVKA
    assert [m.surface for m in wrapped.find_names("Shelling hit Pidlyman.")] == ["Pidlyman"]


def test_a_first_pass_keeps_only_names_that_are_one_place(gazetteer) -> None:
    named = [
        NamedPlace("Pidlyman", None, DAY),  # one candidate
        NamedPlace("Havrylivka", None, DAY),  # nine: no point
        NamedPlace("Havrylivka", "Kyiv Oblast", DAY),  # one in the stated region
        NamedPlace("Pidlyman", None, None),  # undated: no point
    ]
    activity = first_pass(gazetteer, named)
    assert len(activity) == 2
    assert activity.count_near(49.337, 37.605, as_of=DAY) == 1
    assert activity.count_near(50.676, 30.214, as_of=DAY) == 1


def test_the_first_pass_asks_once_per_name_and_counts_every_report(gazetteer) -> None:
    asked: list[str] = []

    class Counting:
        def resolve(self, name, *, context):
            asked.append(name)
            return gazetteer.resolve(name, context=context)

    days = [DAY - timedelta(days=d) for d in range(5)]
    named = [NamedPlace(name, None, day) for day in days for name in ("Kharkiv", "Izium")]
    activity = first_pass(Counting(), named)  # type: ignore[arg-type]
    assert sorted(asked) == ["Izium", "Kharkiv"]
    kharkiv = gazetteer.resolve("Kharkiv").place
    assert activity.count_near(kharkiv.latitude, kharkiv.longitude, as_of=DAY) == 5


def test_a_first_pass_counts_a_town_that_hamlets_share_a_name_with() -> None:
    town = Place(9300001, "Dalnohrad", 47.80, 35.20, "P", "PPLA", admin1_code="26",
                 population=700000)  # fmt: skip
    hamlet = Place(9300002, "Dalnohrad", 47.10, 36.30, admin1_code="26", population=900)
    beside_hamlet = Place(9300003, "Bilokamianka", 47.12, 36.33, admin1_code="26")
    gazetteer = gazetteer_of(town, hamlet, beside_hamlet)
    days = [DAY - timedelta(days=d) for d in range(1, 6)]
    named = [NamedPlace("Dalnohrad", "Zaporizhzhia Oblast", day) for day in days]
    named += [NamedPlace("Bilokamianka", None, day) for day in days[:3]]
    activity = first_pass(gazetteer, named)
    assert activity.count_near(town.latitude, town.longitude, as_of=DAY) == 5
    # the hamlet's three neighbours no longer outvote the town they were never about
    context = ResolveContext(admin_hint="Zaporizhzhia Oblast", activity=activity, as_of=DAY)
    assert gazetteer.resolve("Dalnohrad", context=context).place.geonameid == town.geonameid


def test_a_first_pass_still_leaves_out_villages_of_a_size() -> None:
    one = Place(9300011, "Zhovtneve", 48.30, 37.60, admin1_code="05", population=9000)
    two = Place(9300012, "Zhovtneve", 48.90, 38.90, admin1_code="05", population=1200)
    activity = first_pass(gazetteer_of(one, two), [NamedPlace("Zhovtneve", "Donetsk Oblast", DAY)])
    assert len(activity) == 0
