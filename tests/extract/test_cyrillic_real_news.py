"""Failure classes of Ukrainian and Russian war reports read on real pages, one rule each.

Every passage here was written for these tests; the places are a small hand-made gazetteer.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata import Place
from tests.extract.runners import built_gazetteer, cyrillic_runner
from tracker.extract.cyrillic import lexicon_for
from tracker.extract.cyrillic.toponyms import ToponymFinder
from tracker.model import SubEventType

PUBLISHED = date(2025, 9, 16)
BELGOROD = "Belgorod Oblast"


def _place(gid: int, name: str, lat: float, lon: float, admin1: str, code: str, **kw) -> Place:
    return Place(gid, name, lat, lon, admin1=admin1, admin1_code=code, **kw)


PLACES = [
    (
        _place(9300001, "Belgorod", 50.60, 36.59, BELGOROD, "09", country="RU",
               feature_code="PPLA", population=340_000),
        ["Белгород"],
    ),
    # the only namesake the gazetteer has of a Belgorod village, far away in Vinnytsia Oblast
    (_place(9300002, "Krasne", 49.10, 28.50, "Vinnytsia Oblast", "23"), ["Красне", "Красное"]),
    (
        _place(9300003, "Kursk", 51.73, 36.19, "Kursk Oblast", "41", country="RU",
               feature_code="PPLA", population=440_000),
        ["Курск"],
    ),
    # a village across the border, 35 km from Belgorod, named like one of its district's
    (
        _place(9300006, "Mykolaivka", 50.35, 36.40, "Kharkiv Oblast", "07"),
        ["Миколаївка", "Николаевка"],
    ),
    # a village the gazetteer knows only by its Ukrainian name, and a Russian town named
    # like the village's Russian name
    (_place(9300007, "Vidradne", 47.91, 36.25, "Dnipropetrovsk Oblast", "04"), ["Відрадне"]),
    (
        _place(9300008, "Otradnoye", 59.78, 30.82, "Leningrad Oblast", "42", country="RU",
               population=21_000),
        ["Отрадное"],
    ),
    (
        _place(9300009, "Ukrainsk", 48.10, 37.37, "Donetsk Oblast", "05", population=10_600),
        ["Українськ", "Украинск"],
    ),
    # a hamlet named like the country
    (_place(9300010, "Ukraina", 47.33, 36.27, "Zaporizhzhia Oblast", "26"), ["Україна"]),
    # two front sectors' towns, and a village near the second named like a bigger one far off
    (
        _place(9300011, "Lyman", 48.99, 37.81, "Donetsk Oblast", "05", feature_code="PPLA3",
               population=20_000),
        ["Лиман"],
    ),
    (
        _place(9300012, "Shakhtarsk", 48.05, 38.45, "Donetsk Oblast", "05", feature_code="PPLA3",
               population=50_000),
        ["Шахтарськ"],
    ),
    (_place(9300013, "Maryinka", 47.94, 37.50, "Donetsk Oblast", "05", population=9_000),
     ["Мар'їнка"]),
    (_place(9300014, "Marinka", 48.33, 35.29, "Dnipropetrovsk Oblast", "04"), ["Мар'їнка"]),
    (
        _place(9300015, "Zaporizhzhia", 47.84, 35.14, "Zaporizhzhia Oblast", "26",
               feature_code="PPLA", population=720_000),
        ["Запоріжжя"],
    ),
    (
        _place(9300016, "Horlivka", 48.30, 38.05, "Donetsk Oblast", "05", feature_code="PPLA2",
               population=250_000),
        ["Горловка", "Горлівка"],
    ),
    (
        _place(9300017, "Donetsk", 48.00, 37.80, "Donetsk Oblast", "05", feature_code="PPLA",
               population=900_000),
        ["Донецк", "Донецьк"],
    ),
    (_place(9300018, "Ozerianivka", 48.35, 38.07, "Donetsk Oblast", "05"), ["Озеряновка"]),
    (_place(9300019, "Mykhailivka", 48.31, 38.15, "Donetsk Oblast", "05"), ["Михайловка"]),
    # a hamlet a city district's adjective can be read as
    (_place(9300020, "Kalininske", 47.50, 35.00, "Zaporizhzhia Oblast", "26"), ["Калининск"]),
    # hamlets whose GeoNames name is the Russian spelling, and the town of that name
    (_place(9300021, "Antonovka", 46.87, 33.63, "Kherson Oblast", "08"), ["Антоновка"]),
    (_place(9300022, "Antonovka", 46.60, 34.35, "Kherson Oblast", "08"), ["Антоновка"]),
    (
        _place(9300023, "Antonivka", 46.68, 32.73, "Kherson Oblast", "08", population=12_000),
        ["Антонівка", "Антоновка"],
    ),
    (
        _place(9300024, "Valuyki", 50.21, 38.10, BELGOROD, "09", country="RU",
               feature_code="PPLA2", population=35_000),
        ["Валуйки"],
    ),
    (
        _place(9300025, "Mayskiy", 50.52, 36.47, BELGOROD, "09", country="RU", population=7_500),
        ["Майский"],
    ),
    # the neuter reading of "Майском", a village far away
    (_place(9300026, "Maiske", 47.50, 34.00, "Dnipropetrovsk Oblast", "04"),
     ["Майське", "Майское"]),
    (_place(9300004, "Tykhe", 47.97, 36.37, "Dnipropetrovsk Oblast", "04"), ["Тихе", "Тихое"]),
    (
        _place(9300005, "Shebekino", 50.41, 36.89, BELGOROD, "09", country="RU",
               feature_code="PPLA2", population=40_000),
        ["Шебекино"],
    ),
    # a hamlet named "Republic", and Crimea's capital
    (_place(9300027, "Respublika", 48.00, 37.80, "Donetsk Oblast", "05"), ["Республика"]),
    (
        _place(9300028, "Simferopol", 44.95, 34.10, "Crimea", "11", feature_code="PPLA",
               population=340_000),
        ["Симферополь", "Сімферополь"],
    ),
    # a town the Air Force names as a launch site
    (
        _place(9300029, "Primorsko-Akhtarsk", 46.05, 38.17, "Krasnodar Krai", "38", country="RU",
               population=30_000),
        ["Приморсько-Ахтарськ", "Приморско-Ахтарск"],
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer():
    return built_gazetteer(PLACES)


@pytest.fixture(scope="module")
def extract(gazetteer):
    return cyrillic_runner(gazetteer, published=PUBLISHED, today=date(2025, 12, 1))


@pytest.mark.parametrize(
    "village",
    ["В селе Красное Белгородской области", "В Красном в Белгородской области"],
)
def test_a_village_the_gazetteer_lacks_is_its_own_event_beside_the_regional_capital(
    extract, village: str
) -> None:
    text = (
        "Утром беспилотник атаковал автомобиль в Белгороде, пострадал водитель. "
        f"{village} беспилотник атаковал частный дом, погиб мужчина."
    )
    events = extract(text, "ru")
    assert sorted((e.location, e.geo_precision) for e in events) == [
        ("Belgorod", 1),
        (BELGOROD, 3),
    ]
    (village_event,) = [e for e in events if e.location == BELGOROD]
    assert village_event.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert village_event.fatalities == 1


def test_a_region_named_beside_its_capital_is_still_a_summary(extract) -> None:
    # guard: the oblast itself, not a village standing in for it, sums the capital's strike up
    text = (
        "Беспилотник атаковал Белгородскую область. "
        "Утром беспилотник атаковал автомобиль в Белгороде, пострадал водитель."
    )
    events = extract(text, "ru")
    assert [e.location for e in events] == ["Belgorod"]


def test_the_region_a_village_stands_in_for_is_named_once(extract) -> None:
    # guard: the lead's oblast and the one village it stands in for are one event
    text = (
        "Беспилотник атаковал Белгородскую область. "
        "В селе Красное Белгородской области беспилотник атаковал частный дом."
    )
    (event,) = extract(text, "ru")
    assert (event.location, event.geo_precision) == (BELGOROD, 3)


TERRITORY = {
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    SubEventType.GOVERNMENT_REGAINS_TERRITORY,
}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "15 сентября подразделения группировки «Восток» овладели селом Тихое."),
        ("uk", "15 вересня окупанти оволоділи селом Тихе, визнали в угрупованні."),
        # the Defence Ministry names the place, then says who took it with a pronoun
        ("ru", "15 сентября освобождено село Красное. Вторым стало Тихое. Им овладели бойцы."),
        ("ru", "15 сентября освобождено село Красное. Вторым стало Тихое. Его освободили бойцы."),
    ],
)
def test_a_village_taken_in_the_defence_ministrys_words_is_a_territorial_event(
    extract, language: str, text: str
) -> None:
    events = extract(text, language)
    assert "Tykhe" in {e.location for e in events}
    assert all(e.sub_event_type in TERRITORY for e in events)


def test_missiles_fired_at_a_city_in_the_passive_are_a_strike_on_it(extract) -> None:
    (event,) = extract("15 сентября две ракеты были выпущены по Белгороду.", "ru")
    assert (event.location, event.sub_event_type) == (
        "Belgorod",
        SubEventType.SHELLING_ARTILLERY_MISSILE,
    )


def test_a_missile_the_air_defence_brought_down_is_a_shoot_down(extract) -> None:
    (event,) = extract("15 сентября над Курском одну ракету сбило ПВО.", "ru")
    assert (event.location, event.sub_event_type) == (
        "Kursk",
        SubEventType.DISRUPTED_WEAPONS_USE,
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "15 сентября обломки беспилотника повредили крышу дома в Белгороде."),
        ("uk", "15 вересня уламки безпілотника пошкодили дах будинку в Белгороді."),
    ],
)
def test_what_the_debris_of_a_drone_damaged_is_the_shoot_down(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.sub_event_type) == (
        "Belgorod",
        SubEventType.DISRUPTED_WEAPONS_USE,
    )


def test_a_drone_that_itself_damaged_a_roof_is_a_strike(extract) -> None:
    # guard: no debris, no shoot-down
    (event,) = extract("15 сентября беспилотник повредил крышу дома в Белгороде.", "ru")
    assert event.sub_event_type is SubEventType.AIR_DRONE_STRIKE


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "15 сентября беспилотник атаковал Белгород. Об ударе по Курску ранее сообщили "
            "в областной администрации.",
        ),
        (
            "uk",
            "15 вересня безпілотник атакував Белгород. Про удар по Курську раніше повідомляли "
            "в обласній адміністрації.",
        ),
    ],
)
def test_an_earlier_report_said_mid_sentence_is_no_new_event(extract, language, text) -> None:
    assert [e.location for e in extract(text, language)] == ["Belgorod"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Курская область периодически подвергается ударам беспилотников."),
        ("ru", "Курск подвергается ударам беспилотников с начала спецоперации."),
        ("uk", "Курськ періодично зазнає ударів безпілотників."),
        # a month's count set against a year before is a statistic
        ("ru", "В августе по Белгороду выпустили 900 снарядов, в три раза меньше, чем год назад."),
        ("uk", "У серпні по Курську випустили 900 снарядів — удвічі менше, ніж рік тому."),
    ],
)
def test_a_habit_of_attacks_is_no_event(extract, language: str, text: str) -> None:
    assert extract(text, language) == []


def test_a_village_of_a_municipal_okrug_is_placed_by_the_okrugs_town(extract) -> None:
    text = "15 сентября беспилотник атаковал село Красное Шебекинского муниципального округа."
    (event,) = extract(text, "ru")
    assert (event.location, event.geo_precision) == ("Shebekino", 2)


def test_a_village_of_a_russian_district_is_never_its_namesake_across_the_border(extract) -> None:
    text = "15 сентября беспилотник атаковал село Николаевка Белгородского района."
    (event,) = extract(text, "ru")
    assert (event.location, event.geo_precision) == ("Belgorod", 2)


def test_a_listed_village_of_a_russian_district_and_an_unknown_one_are_two_events(extract) -> None:
    text = (
        "Губернатор Белгородской области рассказал о новой атаке. 15 сентября под удар "
        "беспилотников попали село Николаевка Белгородского района и село Красное."
    )
    events = extract(text, "ru")
    assert sorted((e.location, e.geo_precision) for e in events) == [
        ("Belgorod", 2),
        (BELGOROD, 3),
    ]


@pytest.mark.parametrize(
    "dateline", ["Курск. 15 сентября. ИНТЕРФАКС - ", "КУРСК, 15 сентября. /ТАСС/. "]
)
def test_the_town_of_a_wire_dateline_is_no_city_the_report_is_about(extract, dateline) -> None:
    text = f"{dateline}Под атаку беспилотников попал Белгородский район."
    (event,) = extract(text, "ru")
    assert event.location == "Belgorod"


def test_a_russian_name_of_a_ukrainian_village_is_found_under_its_ukrainian_spelling(
    extract,
) -> None:
    text = "15 сентября российские войска освободили Отрадное в Днепропетровской области."
    (event,) = extract(text, "ru")
    assert (event.location, event.geo_precision) == ("Vidradne", 1)


def test_a_russian_town_keeps_its_name_outside_ukraine(extract) -> None:
    # guard: the Ukrainian spelling is looked for only in a Ukrainian oblast
    text = "15 сентября беспилотник атаковал Отрадное в Ленинградской области."
    (event,) = extract(text, "ru")
    assert event.location == "Otradnoye"


@pytest.mark.parametrize(
    "text",
    [
        # what happened after an earlier capture is said, not the capture
        "15 сентября в Тихое вернулись жители, впервые после освобождения Тихого.",
        # the expert an earlier report quoted goes on
        "Ранее военный эксперт отметил, что фронт сдвинулся. По его словам, бои идут у Тихого.",
    ],
)
def test_earlier_captures_and_the_words_of_an_earlier_report_are_no_event(extract, text) -> None:
    assert extract(text, "ru") == []


def test_a_town_named_like_the_country_is_a_place_and_takes_the_toll(extract) -> None:
    text = "За 15 вересня росіяни вбили одного жителя Донеччини — в Українську."
    (event,) = extract(text, "uk")
    assert (event.location, event.fatalities) == ("Ukrainsk", 1)


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        ("uk", "Удар по Україні. Вибух в Українську. В Українську армію.", ["Українськ"]),
        ("ru", "Удар по Украине. Обстрел в Украинске. В России тихо.", ["Украинск"]),
    ],
)
def test_only_a_town_of_some_size_after_a_preposition_is_named_like_a_country(
    gazetteer, language: str, text: str, names: list[str]
) -> None:
    finder = ToponymFinder(gazetteer, lexicon_for(language))
    assert [t.name for t in finder.find(text)] == names


def test_a_day_of_the_month_is_no_death_toll(extract) -> None:
    (event,) = extract("В ночь на 14 сентября погибли двое жителей Белгорода при обстреле.", "ru")
    assert event.fatalities == 2


def test_a_village_is_looked_for_in_each_front_sector_the_sentence_names(extract) -> None:
    text = (
        "15 вересня ЗСУ відбили атаки на Запоріжжі. На Лиманському та Шахтарському "
        "напрямках відбили по одній атаці в районі Мар’їнки, повідомив Генштаб."
    )
    events = extract(text, "uk")
    assert ("Donetsk Oblast", 47.94) in {(e.admin1, e.latitude) for e in events}


def test_a_verb_and_a_pronoun_for_the_community_named_before_place_the_event(extract) -> None:
    text = "15 вересня російська армія тероризувала Лиманську громаду. Обстріляла її з артилерії."
    (event,) = extract(text, "uk")
    assert (event.location, event.geo_precision) == ("Lyman", 2)


@pytest.mark.parametrize(
    ("language", "text", "region"),
    [
        ("ru", "15 сентября силы ПВО ликвидировали шесть беспилотников над Курском.", "Kursk"),
        ("uk", "15 вересня над Курськом ППО ліквідувала чотири дрони.", "Kursk"),
    ],
)
def test_drones_liquidated_are_shot_down(extract, language: str, text: str, region: str) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.sub_event_type) == (region, SubEventType.DISRUPTED_WEAPONS_USE)


def test_a_drone_that_tried_to_attack_tortured_nobody(extract) -> None:
    text = "15 сентября дрон пытался атаковать машину спасателей в Горловке."
    assert all(e.sub_event_type is not SubEventType.ATTACK for e in extract(text, "ru"))


def test_a_place_between_two_villages_is_one_event_at_the_first(extract) -> None:
    text = (
        "15 сентября мужчина погиб при обстреле в поле между селом Озеряновка "
        "и поселком Михайловка."
    )
    (event,) = extract(text, "ru")
    assert (event.location, event.fatalities) == ("Ozerianivka", 1)


def test_districts_named_before_their_city_are_the_citys(extract) -> None:
    text = (
        "15 сентября при обстреле ранены двое жителей в Калининском и Никитовском районах Горловки."
    )
    assert [e.location for e in extract(text, "ru")] == ["Horlivka"]


def test_a_city_named_like_its_oblast_is_the_city(extract) -> None:
    text = "15 сентября при обстреле ранены шесть жителей Донецка и Горловки."
    assert sorted(e.location for e in extract(text, "ru")) == ["Donetsk", "Horlivka"]


def test_a_russian_name_that_leaves_the_oblast_undecided_takes_the_ukrainian_spelling(
    extract,
) -> None:
    (event,) = extract("15 сентября в Херсонской области обстреляли Антоновку.", "ru")
    assert (event.location, event.latitude) == ("Antonivka", 46.68)


def test_a_town_and_date_before_a_report_that_names_its_attacker_are_kept(extract) -> None:
    # no agency after the date, so no dateline: "ВСУ" still names the attacker, and the
    # town's bare name ("Курск,") is the town, not its oblast with the noun left out
    (event,) = extract("Курск, 15 сентября. ВСУ атаковали Белгород беспилотниками.", "ru")
    assert event.location == "Belgorod"
    assert "Ukraine" in (event.actor1 or "")


def test_an_unknown_villages_okrug_is_its_place_beside_a_town_of_another_clause(extract) -> None:
    text = (
        "15 сентября село Ясное Валуйского округа атаковал беспилотник, а в селе Красное "
        "Белгородской области дрон повредил дом."
    )
    events = extract(text, "ru")
    assert ("Valuyki", 2) in {(e.location, e.geo_precision) for e in events}


def test_a_village_after_its_russian_district_is_placed_by_the_districts_seat(extract) -> None:
    (event,) = extract("15 сентября в Шебекинском районе в селе Красное дрон повредил дом.", "ru")
    assert (event.location, event.geo_precision) == ("Shebekino", 2)


def test_an_inflected_name_is_the_village_the_article_names_in_the_nominative(extract) -> None:
    text = (
        "Губернатор рассказал о жизни в поселке Майский. "
        "15 сентября в Майском дрон ударил по магазину."
    )
    (event,) = extract(text, "ru")
    assert event.location == "Mayskiy"


def test_the_republic_of_crimea_is_a_region_not_a_hamlet_named_republic(extract) -> None:
    text = "Ночью ПВО уничтожили по три беспилотника в Курской области и Республике Крым."
    events = extract(text, "ru")
    assert {(e.sub_event_type, e.location) for e in events} == {
        (SubEventType.DISRUPTED_WEAPONS_USE, "Kursk Oblast"),
        (SubEventType.DISRUPTED_WEAPONS_USE, "Crimea"),
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Уночі ворог атакував 20 ударними дронами з районів Курська та Приморсько-Ахтарська.",
            "uk",
        ),
        (
            "Ночью противник атаковал 20 ударными дронами из районов Курска и Приморско-Ахтарска.",
            "ru",
        ),
    ],
)
def test_the_launch_sites_a_report_names_are_no_event_places(extract, text, language) -> None:
    assert {e.location for e in extract(text, language)} <= {None}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "За ночь ПВО перехватила 20 беспилотников. Так, восемь из них сбили над Курской "
            "областью, по шесть дронов уничтожила над Белгородской областью.",
            "ru",
        ),
        (
            "Уночі ППО перехопила 20 безпілотників. Так, вісім з них збили над Курською областю, "
            "по шість дронів знищила над Бєлгородською областю.",
            "uk",
        ),
    ],
)
def test_drones_of_the_sentence_before_shot_down_region_by_region(extract, text, language) -> None:
    found = {(e.sub_event_type, e.location) for e in extract(text, language)}
    assert found == {
        (SubEventType.DISRUPTED_WEAPONS_USE, "Kursk Oblast"),
        (SubEventType.DISRUPTED_WEAPONS_USE, BELGOROD),
    }


def test_troops_pushed_out_of_the_area_of_a_village_fought_there(extract) -> None:
    text = (
        "Окупанти намагалися витіснити наші підрозділи з району Миколаївки, але наші "
        "захисники відбили кілька штурмів."
    )
    assert "Mykolaivka" in {e.location for e in extract(text, "uk")}


def test_a_krai_and_a_republic_are_regions_of_a_shoot_down(extract) -> None:
    text = "Военные сбили четыре беспилотника над Краснодарским краем и три — над Адыгеей."
    found = {(e.sub_event_type, e.location) for e in extract(text, "ru")}
    assert found == {
        (SubEventType.DISRUPTED_WEAPONS_USE, "Krasnodar Krai"),
        (SubEventType.DISRUPTED_WEAPONS_USE, "Republic of Adygea"),
    }


def test_a_bulleted_list_of_oblasts_after_a_colon_finishes_its_sentence(extract) -> None:
    text = "Уночі ППО збила 12 дронів у межах двох областей:\n- Курської;\n- Бєлгородської.\n"
    found = {(e.sub_event_type, e.location) for e in extract(text, "uk")}
    assert found == {
        (SubEventType.DISRUPTED_WEAPONS_USE, "Kursk Oblast"),
        (SubEventType.DISRUPTED_WEAPONS_USE, BELGOROD),
    }
