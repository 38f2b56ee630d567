"""Classes seen on real pages: accidents that are no attacks, drones spelled out, a big city
known by its short name, fire that supports an assault, the DPR as a territory.

Every passage here was written for these tests; the places are a small hand-made gazetteer:
a Russian city of a million known as "Rostov", a Ukrainian hamlet of that name, and a
Russian district named after its seat.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata import Place
from tests.extract.runners import built_gazetteer, cyrillic_runner
from tracker.extract import extract_events
from tracker.model import Article, SubEventType

S = SubEventType
DAY = date(2025, 3, 14)  # a Friday


def _place(gid: int, name: str, lat: float, lon: float, **kw) -> Place:
    return Place(gid, name, lat, lon, **kw)


PLACES = [
    (
        _place(9600001, "Rostov-on-Don", 47.22, 39.71, feature_code="PPLA", country="RU",
               admin1="Rostov Oblast", admin1_code="61", population=1_130_000),
        ["Rostov", "Rostov-na-Donu", "Ростов", "Ростов-на-Дону"],
    ),
    # a hamlet in Ukraine with the city's short name as its own
    (
        _place(9600002, "Rostov", 51.96, 33.74, admin1="Sumy Oblast", admin1_code="21"),
        ["Ростов"],
    ),
    (
        _place(9600003, "Dnipro", 48.45, 35.05, feature_code="PPLA", admin1="Dnipropetrovsk Oblast",
               admin1_code="04", population=980_000),
        ["Дніпро", "Днепр"],
    ),
    (
        _place(9600004, "Pavlohrad", 48.53, 35.87, feature_code="PPLA2",
               admin1="Dnipropetrovsk Oblast", admin1_code="04", population=100_000),
        ["Павлоград"],
    ),
    (
        _place(9600005, "Kursk", 51.73, 36.19, feature_code="PPLA", country="RU",
               admin1="Kursk Oblast", admin1_code="41", population=440_000),
        ["Курск"],
    ),
    # a Ukrainian hamlet whose alternate name is a Kursk district's adjective
    (
        _place(9600006, "Bilivske", 47.40, 35.50, admin1="Zaporizhzhia Oblast",
               admin1_code="26", population=55),
        ["Belovsky"],
    ),
    (
        _place(9600007, "Kharkiv", 49.99, 36.23, feature_code="PPLA", admin1="Kharkiv Oblast",
               admin1_code="07", population=1_400_000),
        ["Харків", "Харьков"],
    ),
    # a Ukrainian town renamed, whose old name is a bigger Russian city's own
    (
        _place(9600008, "Samar", 48.63, 35.25, feature_code="PPLA2",
               admin1="Dnipropetrovsk Oblast", admin1_code="04", population=70_000),
        ["Novomoskovsk", "Новомосковськ", "Новомосковск"],
    ),
    (
        _place(9600009, "Novomoskovsk", 54.01, 38.29, feature_code="PPLA2", country="RU",
               admin1="Tula Oblast", admin1_code="76", population=130_000),
        ["Новомосковськ", "Новомосковск"],
    ),
    (
        _place(9600010, "Horlivka", 48.30, 38.05, feature_code="PPLA2", admin1="Donetsk Oblast",
               admin1_code="05", population=250_000),
        ["Gorlovka"],
    ),
    (_place(9600011, "Robotyne", 47.45, 35.84, admin1="Zaporizhzhia Oblast", admin1_code="26"), []),
    # one village name in Donetsk Oblast and, bigger, in Cherkasy Oblast
    (
        _place(9600012, "Krasne", 48.20, 37.60, admin1="Donetsk Oblast", admin1_code="05"),
        ["Krasnoye"],
    ),
    (
        _place(9600013, "Krasne", 49.20, 31.20, admin1="Cherkasy Oblast", admin1_code="01",
               population=3_000),
        ["Krasnoye"],
    ),
    (
        _place(9600014, "Grayvoron", 50.48, 35.68, feature_code="PPLA2", country="RU",
               admin1="Belgorod Oblast", admin1_code="09", population=6_000),
        ["Graivoron"],
    ),
    # a Crimean village named like the second word of a Belgorod one
    (_place(9600015, "Orlovka", 45.30, 34.10, admin1="Crimea", admin1_code="11"), []),
    (_place(9600016, "Tiahynka", 46.77, 33.04, admin1="Kherson Oblast", admin1_code="08"), []),
    (
        _place(9600017, "Kyiv", 50.45, 30.52, feature_code="PPLC", admin1="Kyiv City",
               admin1_code="12", population=2_950_000),
        ["Kiev"],
    ),
    # two quarters of Kharkiv (GeoNames PPLX)
    (_place(9600018, "Saltivka", 50.02, 36.35, feature_code="PPLX", admin1="Kharkiv Oblast",
            admin1_code="07"), []),
    (_place(9600019, "Pavlove Pole", 50.03, 36.22, feature_code="PPLX", admin1="Kharkiv Oblast",
            admin1_code="07"), []),
    # a district of Kyiv whose name Kherson's district shares; the gazetteer knows only Kyiv's
    (_place(9600020, "Dniprovskyi raion", 50.45, 30.60, feature_code="PPLX", admin1="Kyiv City",
            admin1_code="12", population=350_000), ["Dniprovsky district"]),
    (_place(9600021, "Kherson", 46.64, 32.61, feature_code="PPLA", admin1="Kherson Oblast",
            admin1_code="08", population=280_000), []),
    # a landmark known by one name, in another oblast than the story's towns
    (_place(9600023, "Kinburn Spit", 46.56, 31.52, feature_class="T", feature_code="SPIT",
            admin1="Mykolaiv Oblast", admin1_code="16"), []),
    # two villages of one name in Donetsk Oblast, and a name found once there (and once in
    # Kharkiv Oblast) beside the smaller of them
    (_place(9600024, "Zelene", 47.80, 36.81, admin1="Donetsk Oblast", admin1_code="05"), []),
    (_place(9600025, "Zelene", 47.88, 38.48, admin1="Donetsk Oblast", admin1_code="05",
            population=3_500), []),
    (_place(9600026, "Neskuchne", 47.82, 36.81, admin1="Donetsk Oblast", admin1_code="05"), []),
    (_place(9600027, "Neskuchne", 49.90, 37.20, admin1="Kharkiv Oblast", admin1_code="07",
            population=400), []),
    # a village a bridge is named after, just outside Crimea
    (_place(9600028, "Chonhar", 46.02, 34.53, admin1="Kherson Oblast", admin1_code="08"), []),
    # a town GeoNames files as a section (PPLX) of a bigger one's council
    (_place(9600022, "Maiorsk", 48.42, 38.04, feature_code="PPLX", admin1="Donetsk Oblast",
            admin1_code="05"), []),
]  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer():
    return built_gazetteer(PLACES)


def _english(gazetteer, text: str):
    return extract_events(Article(text, published=DAY), gazetteer=gazetteer, min_confidence=0)


@pytest.fixture(scope="module")
def cyrillic(gazetteer):
    return cyrillic_runner(gazetteer, published=DAY, today=date(2026, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "A gas explosion tore through a block of flats in Dnipro on Thursday, killing a resident.",
        "Two miners died in a methane blast at a coal mine near Pavlohrad on Thursday.",
        "On Thursday a boiler explosion damaged a school in Pavlohrad; nobody was hurt.",
    ],
)
def test_an_explosion_whose_cause_is_an_accident_is_no_attack(gazetteer, text) -> None:
    assert _english(gazetteer, text) == []


def test_an_accident_the_strike_caused_keeps_the_strike(gazetteer) -> None:
    text = "A Russian missile hit a house in Dnipro on Thursday, causing a gas explosion."
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location) == (S.SHELLING_ARTILLERY_MISSILE, "Dnipro")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("У четвер у Дніпрі вибух побутового газу зруйнував під'їзд, загинула жінка.", "uk"),
        ("В четверг в Курске взрыв бытового газа разрушил два этажа дома, погиб мужчина.", "ru"),
    ],
)
def test_a_household_gas_explosion_is_no_attack_in_cyrillic(cyrillic, text, language) -> None:
    assert cyrillic(text, language) == []


def test_a_strike_that_set_off_gas_is_still_the_strike_in_russian(cyrillic) -> None:
    text = "В четверг в Курске после удара беспилотника произошел взрыв газа, погиб мужчина."
    [event] = cyrillic(text, "ru")
    assert (event.sub_event_type, event.location) == (S.AIR_DRONE_STRIKE, "Kursk")


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday Ukrainian unmanned aerial vehicles (UAVs) had struck homes in Kursk.",
        "Russian unmanned aerial vehicles struck a warehouse in Kharkiv on Thursday.",
        "A man was injured due to a drone in Kursk on Thursday, the governor said.",
        "On Thursday a pensioner was killed by a Russian drone in Kharkiv.",
    ],
)
def test_drones_spelled_out_or_named_as_the_cause_are_drone_strikes(gazetteer, text) -> None:
    [event] = _english(gazetteer, text)
    assert event.sub_event_type is S.AIR_DRONE_STRIKE


@pytest.mark.parametrize(
    "text",
    [
        "A tractor driver was killed as a result of a mine explosion near Kharkiv on Thursday.",
        "On Thursday a boy was injured in Kharkiv by the explosion of a petal mine.",
    ],
)
def test_a_mine_going_off_is_a_landmine_not_shelling(gazetteer, text) -> None:
    [event] = _english(gazetteer, text)
    assert event.sub_event_type is S.REMOTE_EXPLOSIVE


def test_rostov_is_the_city_of_a_million_not_the_hamlet(gazetteer) -> None:
    [event] = _english(gazetteer, "On Thursday a drone struck an oil depot in Rostov.")
    assert (event.location, event.admin1) == ("Rostov-on-Don", "Rostov Oblast")
    assert any("known by this short or other name" in line for line in event.evidence)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("У четвер дрон атакував нафтобазу в Ростові-на-Дону.", "uk"),
        ("В четверг беспилотник атаковал нефтебазу в Ростове-на-Дону.", "ru"),
        ("В четверг беспилотник атаковал нефтебазу в Ростове.", "ru"),
    ],
)
def test_rostov_on_don_inflected_in_its_first_word_is_found(cyrillic, text, language) -> None:
    [event] = cyrillic(text, language)
    assert event.location == "Rostov-on-Don"


def test_a_capitalised_district_takes_the_region_after_it(gazetteer) -> None:
    """ "Belovsky District, Kursk region": a Russian district named after its seat, with the
    region stated; never the Ukrainian hamlet that has the adjective as an alternate name."""
    text = "On Thursday a drone struck a barn in Belovsky District, Kursk region."
    [event] = _english(gazetteer, text)
    assert event.admin1 == "Kursk Oblast"
    assert event.location != "Bilivske"


@pytest.mark.parametrize(
    ("region", "admin1"),
    [("Dnipropetrovsk region", "Dnipropetrovsk Oblast"), ("Tula region", "Tula Oblast")],
)
def test_a_name_the_text_places_in_a_region_stays_there_when_named_again(
    gazetteer, region, admin1
) -> None:
    """One name, one place: the bare "Novomoskovsk" later is the one the text placed, not
    the bigger city of that name the bare word would otherwise mean."""
    text = (
        f"On Thursday a drone hit a plant in Novomoskovsk, {region}. "
        "Three more drones were shot down over Novomoskovsk."
    )
    events = _english(gazetteer, text)
    assert len(events) == 2
    assert {e.admin1 for e in events} == {admin1}


def test_a_name_placed_in_an_oblast_is_that_oblasts_in_later_sentences_in_ukrainian(
    cyrillic,
) -> None:
    text = (
        "У четвер дрон влучив у підприємство в Новомосковську Дніпропетровської області. "
        "Ще три БпЛА сили ППО збили над Новомосковськом."
    )
    events = cyrillic(text, "uk")
    assert len(events) == 2
    assert {(e.location, e.admin1) for e in events} == {("Samar", "Dnipropetrovsk Oblast")}


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday Russian troops, supported by aviation and artillery, attacked Ukrainian "
        "positions near Robotyne.",
        "On Thursday Ukrainian units, backed by artillery, repelled an assault near Robotyne.",
    ],
)
def test_fire_that_supports_an_assault_is_part_of_the_battle(gazetteer, text) -> None:
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location) == (S.ARMED_CLASH, "Robotyne")


def test_shells_counted_and_fired_at_a_town_are_shelling(gazetteer) -> None:
    [event] = _english(gazetteer, "On Thursday the army fired 40 155mm rounds at Horlivka.")
    assert (event.sub_event_type, event.location) == (S.SHELLING_ARTILLERY_MISSILE, "Horlivka")


def test_the_dpr_named_as_a_territory_is_no_party(gazetteer) -> None:
    text = "On Thursday Ukrainian forces shelled Horlivka in the Donetsk People's Republic."
    [event] = _english(gazetteer, text)
    assert (event.actor1, event.actor2) == ("Military Forces of Ukraine (2019-)", None)


def test_a_village_listed_after_the_dpr_is_looked_for_in_donetsk_oblast(gazetteer) -> None:
    text = (
        "On Thursday the Russian military struck Ukrainian troops in several areas of the "
        "Donetsk People's Republic, including Krasnoye."
    )
    places = {(e.location, e.admin1) for e in _english(gazetteer, text)}
    assert ("Krasne", "Donetsk Oblast") in places
    assert ("Krasne", "Cherkasy Oblast") not in places


@pytest.mark.parametrize(
    "text",
    [
        "If Moscow agrees, monitors will have to watch for small arms fire near Robotyne.",
        "“If they attack Kharkiv again, we will answer,” the general said on Thursday.",
    ],
)
def test_a_condition_is_no_event(gazetteer, text) -> None:
    assert _english(gazetteer, text) == []


def test_the_police_who_report_a_shelling_are_no_party_to_it(gazetteer) -> None:
    text = "On Thursday the police said that Russian forces dropped bombs on Tiahynka."
    [event] = _english(gazetteer, text)
    assert event.actor1 == "Military Forces of Russia (2000-)"


def test_a_missile_warning_is_no_missile(gazetteer) -> None:
    text = (
        "On Thursday the authorities of Kursk decided a missile warning signal will sound at night."
    )
    assert _english(gazetteer, text) == []


def test_a_village_attacked_with_an_unmanned_aerial_vehicle_is_a_drone_strike(gazetteer) -> None:
    text = "On Thursday Ukrainian troops attacked a farm near Kursk with an unmanned aerial vehicle"
    [event] = _english(gazetteer, text)
    assert event.sub_event_type is S.AIR_DRONE_STRIKE


def test_the_last_word_of_a_longer_village_name_is_not_that_village(gazetteer) -> None:
    """ "Mokraya Orlovka in the Graivoron District": the gazetteer knows a Crimean Orlovka,
    not this village; the district stands in for it."""
    text = (
        "On Thursday a drone dropped an explosive device on the village of Mokraya Orlovka "
        "in the Graivoron District of the Belgorod Region."
    )
    [event] = _english(gazetteer, text)
    assert event.admin1 == "Belgorod Oblast"
    assert event.location != "Orlovka"


def test_an_enemy_attack_that_killed_is_remote_violence(gazetteer) -> None:
    text = "On Thursday four people were killed as a result of an enemy attack in Kursk."
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location) == (S.SHELLING_ARTILLERY_MISSILE, "Kursk")


def test_a_place_debris_fell_on_did_not_fall_to_anyone(gazetteer) -> None:
    assert _english(gazetteer, "On Thursday debris fell to the outskirts of Kharkiv.") == []


def test_the_missile_shot_down_and_then_detonating_is_the_shoot_down(gazetteer) -> None:
    text = (
        "On Thursday Russia shot down a missile over Kursk, the governor said. "
        "He said the missile had detonated in a field, with no injuries or damage."
    )
    [event] = _english(gazetteer, text)
    assert event.sub_event_type is S.DISRUPTED_WEAPONS_USE


@pytest.mark.parametrize(
    "text",
    [
        "It is highly unlikely that Russian forces will relaunch an offensive on Kharkiv.",
        "On Thursday analysts said Russian forces are planning to storm Kursk again.",
    ],
)
def test_an_assessment_or_a_plan_is_no_battle(gazetteer, text) -> None:
    assert _english(gazetteer, text) == []


def test_the_hromadas_the_attacks_affected_are_each_an_attack(gazetteer) -> None:
    text = (
        "On Thursday Russian forces attacked the region 40 times. "
        "The attacks affected the Pavlohrad and Robotyne hromadas."
    )
    places = {e.location for e in _english(gazetteer, text)}
    assert {"Pavlohrad", "Robotyne"} <= places


def test_a_region_called_occupied_is_still_the_villages_hint(gazetteer) -> None:
    text = (
        "On Thursday Ukraine said it recaptured Krasnoye in the partially occupied eastern "
        "Donetsk region."
    )
    [event] = _english(gazetteer, text)
    assert (event.location, event.admin1) == ("Krasne", "Donetsk Oblast")


@pytest.mark.parametrize(
    ("text", "sub", "actor1"),
    [
        (
            "Ukraine's military said on Thursday Russian troops captured Robotyne.",
            S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
            "Military Forces of Russia (2000-)",
        ),
        (
            "Ukraine said on Thursday it had taken control of Robotyne.",
            S.GOVERNMENT_REGAINS_TERRITORY,
            "Military Forces of Ukraine (2019-)",
        ),
        (
            "On Thursday police said they detained a man in Kursk.",
            S.ARRESTS,
            "Police Forces of Ukraine (2019-)",
        ),
    ],
)
def test_the_side_that_reports_is_the_claimant_beside_another_party(
    gazetteer, text, sub, actor1
) -> None:
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.actor1) == (sub, actor1)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("On Thursday Ukraine recaptured a hamlet in southern Kharkiv.", "Kharkiv Oblast"),
        ("On Thursday shelling hit central Kharkiv.", "Kharkiv"),
    ],
)
def test_a_compass_part_of_an_oblast_named_like_its_capital_is_the_oblast(
    gazetteer, text, location
) -> None:
    [event] = _english(gazetteer, text)
    assert event.location == location


@pytest.mark.parametrize(
    "text",
    [
        "Eight soldiers who had helped stop a Russian offensive near Kharkiv cheered on Monday.",
        "It is the highest level of losses since the bloody battle for Horlivka in March.",
    ],
)
def test_an_earlier_battle_told_in_passing_is_no_event(gazetteer, text) -> None:
    assert _english(gazetteer, text) == []


def test_a_place_in_a_past_perfect_relative_clause_is_not_where_it_happened(gazetteer) -> None:
    text = "On Thursday Russian forces, which had advanced near Horlivka, shelled Kharkiv."
    assert {e.location for e in _english(gazetteer, text)} == {"Kharkiv"}


_LONG_LEAD = (
    "Ukraine’s army on Thursday reported recapturing {where}, the clearest sign yet that the "
    "long-awaited Ukrainian counteroffensive in the south is gaining ground at last."
)


@pytest.mark.parametrize(
    ("text", "locations"),
    [
        ("Kyiv: " + _LONG_LEAD.format(where="Robotyne"), {"Robotyne"}),
        ("Kharkiv: " + _LONG_LEAD.format(where="a hamlet in the south of the country"), {None}),
        # a headline's "Kharkiv:" is where it happened
        (
            "Kharkiv: two hurt as shelling hits a market\nTwo people were hurt on Thursday.",
            {"Kharkiv"},
        ),
    ],
)
def test_a_colon_dateline_opening_the_body_is_not_the_event_place(
    gazetteer, text, locations
) -> None:
    assert {e.location for e in _english(gazetteer, text)} == locations


@pytest.mark.parametrize(
    ("text", "locations"),
    [
        (
            "Ukraine recaptured a hamlet in the south on Thursday, though officials in Kyiv "
            "would not confirm it.",
            {None},
        ),
        ("Officials in Kharkiv said shelling hit a market on Thursday.", {"Kharkiv"}),
    ],
)
def test_officials_in_the_capital_are_its_government_not_the_event_place(
    gazetteer, text, locations
) -> None:
    assert {e.location for e in _english(gazetteer, text)} == locations


def test_a_soldier_who_says_the_enemy_keeps_shelling_reports_no_one_strike(gazetteer) -> None:
    text = "“The enemy keeps shelling us, but we hold on,” a soldier near Robotyne said on Friday."
    assert _english(gazetteer, text) == []


def test_a_counteroffensive_names_its_side_as_the_attacker_not_the_target(gazetteer) -> None:
    [event] = _english(gazetteer, _LONG_LEAD.format(where="Robotyne"))
    assert event.sub_event_type is S.GOVERNMENT_REGAINS_TERRITORY
    assert event.actor1 == "Military Forces of Ukraine (2019-)"
    assert event.actor2 != event.actor1


def test_the_city_is_the_town_named_just_before_not_the_dateline(gazetteer) -> None:
    text = (
        "KYIV, March 14 (Reuters) - Russian forces shelled Kharkiv overnight, officials said.\n"
        "Later on Friday a drone hit a market in the city, killing two people."
    )
    assert {e.location for e in _english(gazetteer, text)} == {"Kharkiv"}


def test_the_city_with_no_town_named_before_is_the_datelines(gazetteer) -> None:
    text = "KYIV, March 14 (Reuters) - Russian drones hit the city overnight, officials said."
    assert {e.location for e in _english(gazetteer, text)} == {"Kyiv"}


def test_quarters_of_a_city_hit_in_the_same_attack_are_the_citys_one_event(gazetteer) -> None:
    text = (
        "Russian shelling hit residential areas of Kharkiv on Thursday, including Saltivka and "
        "Pavlove Pole, the mayor said."
    )
    [event] = _english(gazetteer, text)
    assert (event.location, event.sub_event_type) == ("Kharkiv", S.SHELLING_ARTILLERY_MISSILE)


def test_a_quarter_hit_on_another_day_is_an_event_of_its_own(gazetteer) -> None:
    text = "Shelling hit Kharkiv on Thursday. On Friday, shelling hit Saltivka again."
    events = _english(gazetteer, text)
    assert sorted((e.location, e.event_date.day) for e in events) == [
        ("Kharkiv", 13),
        ("Saltivka", 14),
    ]


def test_the_town_troops_push_toward_is_their_goal_not_the_event_place(gazetteer) -> None:
    text = "On Thursday Russia said its forces had captured Robotyne as they push toward Kharkiv."
    assert {e.location for e in _english(gazetteer, text)} == {"Robotyne"}


@pytest.mark.parametrize(
    "text",
    [
        "“You are fighting for the homeland,” the general told the troops in Kharkiv on Friday.",
        "Ukraine had previously struck the bridge near Robotyne, officials said on Thursday.",
        "On Thursday it was a heavy blow for the Russian navy, which has suffered a series of "
        "drone attacks on its base in Robotyne.",
    ],
)
def test_speeches_and_earlier_attacks_told_as_background_are_no_events(gazetteer, text) -> None:
    assert _english(gazetteer, text) == []


def test_troops_that_had_taken_a_village_captured_it(gazetteer) -> None:
    text = "The ministry in Moscow said on Thursday its troops had taken the village of Robotyne."
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location) == (
        S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
        "Robotyne",
    )


@pytest.mark.parametrize(
    ("text", "locations"),
    [
        (
            "Russian troops shelled Kherson on Thursday evening, hitting the private sector in "
            "Dniprovsky district.",
            {"Kherson"},
        ),
        (
            "Russian drones hit Kyiv on Thursday, damaging houses in Dniprovsky district.",
            {"Kyiv"},
        ),  # its own district: the city's one event
        # a town filed as a section, no district of any city
        (
            "Russian troops shelled Kharkiv on Thursday and captured Maiorsk.",
            {"Kharkiv", "Maiorsk"},
        ),
    ],
)
def test_a_district_name_far_from_the_texts_city_is_that_citys_district(
    gazetteer, text, locations
) -> None:
    assert {e.location for e in _english(gazetteer, text)} == locations


def test_drones_launched_by_a_side_that_killed_a_man_made_a_drone_strike(gazetteer) -> None:
    text = "On Thursday dozens of drones launched by Russia killed a taxi driver in Kharkiv."
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location) == (S.AIR_DRONE_STRIKE, "Kharkiv")


@pytest.mark.parametrize(
    "text",
    [
        "Taking Robotyne let the troops move the line away from Kharkiv, thus reducing the "
        "shelling of the city, the ministry said on Thursday.",
        "Taking Robotyne let the troops move the line, securing the rear from Ukrainian "
        "attacks near Kharkiv, the ministry said on Thursday.",
        "There are cases when the enemy gains ground near Kharkiv due to intense shelling, "
        "the general said on Thursday.",
    ],
)
def test_violence_that_lessens_or_happens_in_general_is_no_event(gazetteer, text) -> None:
    assert _english(gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyiv was attacked by Russian drones overnight, officials said on Friday.",
            {(S.AIR_DRONE_STRIKE, "Kyiv")},
        ),
        (
            "The ministry reported the destruction of twelve Ukrainian drones over the Kursk "
            "region on Friday.",
            {(S.DISRUPTED_WEAPONS_USE, "Kursk Oblast")},
        ),
        # ACLED codes a crewed aircraft downed as shelling
        (
            "On Friday Ukrainian air defence shot down a Russian Su-25 jet near Horlivka.",
            {(S.SHELLING_ARTILLERY_MISSILE, "Horlivka")},
        ),
        (
            "On Friday Russia launched an aerial assault on Kharkiv.",
            {(S.AIR_DRONE_STRIKE, "Kharkiv")},
        ),
        (
            "Fighting is still raging in Robotyne, the governor said on Friday.",
            {(S.ARMED_CLASH, "Robotyne")},
        ),
        ("On Friday battles raged near Robotyne.", {(S.ARMED_CLASH, "Robotyne")}),
        (
            "On Friday Russian forces also surround Horlivka, where heavy losses are feared.",
            {(S.ARMED_CLASH, "Horlivka")},
        ),
        ("Fierce fighting was reported in Robotyne on Friday.", {(S.ARMED_CLASH, "Robotyne")}),
        (
            "On Friday the ministry in Moscow announced the capture of Robotyne village.",
            {(S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "Robotyne")},
        ),
        (
            "On Friday Russian forces take the southern town of Robotyne.",
            {(S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "Robotyne")},
        ),
        (
            "On Friday Russian forces assailed the Kharkiv border communities with mortars.",
            {(S.SHELLING_ARTILLERY_MISSILE, "Kharkiv Oblast")},
        ),
    ],
)
def test_phrasings_of_real_reports_give_their_event(gazetteer, text, expected) -> None:
    assert {(e.sub_event_type, e.location) for e in _english(gazetteer, text)} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces captured Kherson at the beginning of a full-scale invasion.",
        "The new missiles will be used to shoot down helicopters near Kharkiv.",
        "Russia has been pounding Kharkiv since it left the talks in the spring.",
        "Moscow continues its bombing of Ukraine, officials in Kharkiv said on Friday.",
        "Russia may begin its assault on Robotyne before the autumn, analysts said on Friday.",
        "The shelling was intended to force Kyiv to divert troops from the line near Robotyne.",
        "On Friday police surrounded the square in Kharkiv and pushed the crowd away.",
    ],
)
def test_history_purposes_and_campaigns_are_no_events(gazetteer, text) -> None:
    assert _english(gazetteer, text) == []


def test_a_landmark_keeps_its_one_place_beside_a_region_of_other_towns(gazetteer) -> None:
    text = (
        "On Friday shelling hit villages across the Kherson region, the governor said. "
        "Special forces killed ten soldiers during a raid on the Kinburn Spit on Friday."
    )
    assert "Kinburn Spit" in {e.location for e in _english(gazetteer, text)}


def test_a_region_in_a_relative_clause_after_a_list_places_every_village(gazetteer) -> None:
    text = (
        "Ukraine said on Friday it had liberated two villages — Zelene and Neskuchne — that "
        "lie on the edge of the Donetsk region next to the Kharkiv region."
    )
    events = _english(gazetteer, text)
    assert sorted((e.location, e.latitude) for e in events) == [
        ("Neskuchne", 47.82),
        ("Zelene", 47.80),  # beside Neskuchne, not the bigger Zelene 120 km east
    ]


def test_the_capital_is_the_one_capital_the_story_names(gazetteer) -> None:
    text = "Kyiv's forces said on Friday they had repelled a drone attack on the capital overnight."
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location) == (S.DISRUPTED_WEAPONS_USE, "Kyiv")


def test_the_city_after_its_own_office_is_the_offices_town(gazetteer) -> None:
    text = (
        "Shelling hit Robotyne on Thursday. On Friday the military administration of Kharkiv "
        "reported heavy shelling of the city."
    )
    assert {(e.location, e.event_date.day) for e in _english(gazetteer, text)} == {
        ("Robotyne", 13),
        ("Kharkiv", 14),
    }


def test_shells_that_landed_make_shelling(gazetteer) -> None:
    [event] = _english(gazetteer, "On Friday at least six shells landed near Robotyne.")
    assert (event.sub_event_type, event.location) == (S.SHELLING_ARTILLERY_MISSILE, "Robotyne")


def test_a_bare_attacked_beside_a_strike_on_the_same_town_is_that_strike(gazetteer) -> None:
    text = (
        "On Friday Russian troops attacked Kharkiv again. The enemy struck Kharkiv with a "
        "guided aerial bomb, injuring three people, the governor said."
    )
    assert [(e.sub_event_type, e.location) for e in _english(gazetteer, text)] == [
        (S.AIR_DRONE_STRIKE, "Kharkiv")
    ]


def test_a_bare_attacked_with_no_strike_there_stays_a_clash(gazetteer) -> None:
    text = "On Friday Russian troops attacked Robotyne again, the general staff said."
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location) == (S.ARMED_CLASH, "Robotyne")


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("On Friday a missile hit Kharkiv, killing no fewer than four people.", 4),
        ("On Friday a drone hit Kharkiv, and officials confirmed one fatality.", 1),
        ("On Friday a drone hit Kharkiv; a court later upheld a death sentence.", 0),
    ],
)
def test_tolls_as_real_reports_word_them(gazetteer, text, dead) -> None:
    [event] = _english(gazetteer, text)
    assert event.fatalities == dead


def test_a_killing_told_beside_a_strike_on_the_town_is_the_strikes_toll(gazetteer) -> None:
    text = (
        "Russian shelling hit Kharkiv on Friday, the governor said. Russians killed a woman "
        "in Kharkiv, he added."
    )
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location, event.fatalities) == (
        S.SHELLING_ARTILLERY_MISSILE,
        "Kharkiv",
        1,
    )


def test_a_second_town_hit_by_a_drone_is_an_event_of_its_own(gazetteer) -> None:
    text = (
        "A Russian missile struck an apartment block in Kharkiv on Friday, killing two people, "
        "the governor said. A Russian drone also wounded four people in Robotyne, he added."
    )
    assert {(e.sub_event_type, e.location) for e in _english(gazetteer, text)} == {
        (S.SHELLING_ARTILLERY_MISSILE, "Kharkiv"),
        (S.AIR_DRONE_STRIKE, "Robotyne"),
    }


def test_communities_listed_as_targeted_are_each_struck(gazetteer) -> None:
    text = "On Friday the communities of Robotyne, Tiahynka and Horlivka were targeted."
    assert {e.location for e in _english(gazetteer, text)} == {"Robotyne", "Tiahynka", "Horlivka"}


def test_where_a_missile_was_launched_from_is_not_where_it_struck(gazetteer) -> None:
    text = (
        "On Friday the missile that hit a block of flats in Kharkiv was launched from "
        "Russia’s Kursk region, the air force said."
    )
    assert {e.location for e in _english(gazetteer, text)} == {"Kharkiv"}


def test_a_bridge_is_placed_at_its_town_not_where_it_leads(gazetteer) -> None:
    text = "On Friday the Chonhar bridge to Crimea was damaged by a missile strike."
    assert {e.location for e in _english(gazetteer, text)} == {"Chonhar"}


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Russian drones attacked Kharkiv, air defence shot down all of them, and "
        "drone fragments damaged a house.",
        "On Friday drone debris damaged the windows of a school in Kharkiv, officials said.",
    ],
)
def test_debris_of_a_weapon_shot_down_is_the_shoot_down(gazetteer, text) -> None:
    events = _english(gazetteer, text)
    assert {e.sub_event_type for e in events} == {S.DISRUPTED_WEAPONS_USE}


def test_people_killed_in_a_drone_raid_were_killed_by_the_drones(gazetteer) -> None:
    text = "On Friday Russia launched 90 drones, killing two people in Kharkiv."
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location, event.fatalities) == (
        S.AIR_DRONE_STRIKE,
        "Kharkiv",
        2,
    )


def test_the_regions_either_side_of_a_border_are_no_event_places(gazetteer) -> None:
    text = (
        "On Friday Ukraine said it had retaken a village on the border of the Kharkiv and "
        "Kursk regions."
    )
    assert {e.location for e in _english(gazetteer, text)} == {None}


def test_areas_listed_as_attacked_are_each_struck(gazetteer) -> None:
    text = "On Friday areas such as Kharkiv, Kherson and Kursk were attacked overnight."
    assert {e.location for e in _english(gazetteer, text)} == {
        "Kharkiv Oblast",
        "Kherson Oblast",
        "Kursk Oblast",
    }


def test_a_place_between_two_towns_is_one_event_near_the_first(gazetteer) -> None:
    text = "On Friday a drone hit a car on the road between Robotyne and Horlivka."
    [event] = _english(gazetteer, text)
    assert (event.location, event.geo_precision) == ("Robotyne", 2)


@pytest.mark.parametrize(
    "text",
    [
        "The gain positions Russian forces for possible advances on Kharkiv and Robotyne.",
        "Since January, Kharkiv has already been attacked by drones several times.",
        "Over the last month, the Russian army has been intensively shelling Robotyne.",
    ],
)
def test_prospects_and_tallies_of_a_campaign_are_no_events(gazetteer, text) -> None:
    assert _english(gazetteer, text) == []


def test_a_village_taken_as_troops_close_on_a_town_is_not_the_towns_capture(gazetteer) -> None:
    text = "On Friday Russia said it had captured another village as it closes on Kharkiv."
    assert "Kharkiv" not in {e.location for e in _english(gazetteer, text)}


def test_buildings_seized_in_a_town_are_a_battle_not_its_capture(gazetteer) -> None:
    text = "On Friday Russian troops seized buildings on a central street in Robotyne."
    [event] = _english(gazetteer, text)
    assert (event.sub_event_type, event.location) == (S.ARMED_CLASH, "Robotyne")


def test_an_attempt_to_break_through_in_the_area_is_a_battle_at_the_town_named(gazetteer) -> None:
    text = (
        "Russian units again massed near Robotyne this week. Russian forces attempted to break "
        "through the defences in the area on Thursday, attacking in four waves."
    )
    assert {
        (e.sub_event_type, e.location, e.event_date.day) for e in _english(gazetteer, text)
    } == {(S.ARMED_CLASH, "Robotyne", 13)}


def test_a_season_of_a_year_dates_an_event_long_past(gazetteer) -> None:
    text = "Robotyne was shelled heavily in the autumn of 2023, the governor recalled on Friday."
    events = _english(gazetteer, text)
    assert all(e.event_date.year == 2023 for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city's district named like a big city: the city the sentence names
        (
            "On Friday shelling hit Kherson, damaging houses in the Dnipro district of the city.",
            {("Kherson", 1)},
        ),
        # the raion around an oblast's capital: near the city, not the whole oblast
        ("On Friday a missile hit an enterprise in the Kharkiv district.", {("Kharkiv", 2)}),
    ],
)
def test_districts_named_like_cities(gazetteer, text, expected) -> None:
    assert {(e.location, e.geo_precision) for e in _english(gazetteer, text)} == expected


def test_a_city_that_suffered_an_assault_in_a_relative_clause_is_background(gazetteer) -> None:
    text = "Among those freed on Friday are soldiers who defended the city of Horlivka, which "
    text += "suffered a brutal Russian assault in the first few weeks of the war."
    assert _english(gazetteer, text) == []


def test_debris_from_the_strike_is_the_strikes_not_a_shoot_down(gazetteer) -> None:
    text = "A missile hit Kharkiv on Friday. Debris from the strike hit a tram and damaged cars."
    assert S.DISRUPTED_WEAPONS_USE not in {e.sub_event_type for e in _english(gazetteer, text)}


def test_both_regions_named_beside_a_border_are_no_event_places(gazetteer) -> None:
    text = (
        "On Friday Ukraine said the retaken village lies on the border of the eastern region "
        "of Kharkiv and the southern region of Kursk."
    )
    assert {e.location for e in _english(gazetteer, text)} == {None}
