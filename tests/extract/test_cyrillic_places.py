"""Where a Ukrainian or Russian report places its event: units, substantivised names, follow-ups.

Every passage here was written for these tests; the places are a small hand-made gazetteer.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata import Place
from tests.extract.runners import built_gazetteer, cyrillic_runner
from tracker.extract.cyrillic import lexicon_for
from tracker.extract.cyrillic.toponyms import ToponymFinder

PUBLISHED = date(2024, 9, 25)
MYKOLAIV = "Mykolaiv Oblast"
KHARKIV = "Kharkiv Oblast"


def _place(gid: int, name: str, lat: float, lon: float, admin1: str, code: str, **kw) -> Place:
    return Place(gid, name, lat, lon, admin1=admin1, admin1_code=code, **kw)


PLACES = [
    (_place(9100001, "Shyroke", 47.10, 32.67, MYKOLAIV, "16"), ["Широке", "Широкое"]),
    # a hamlet whose alternate name is what cutting "Широкое" short would give
    (_place(9100002, "Shyroko", 48.60, 39.20, "Luhansk Oblast", "14"), ["Широко"]),
    (
        _place(9100003, "Mykolaiv", 46.97, 32.00, MYKOLAIV, "16", feature_code="PPLA",
               population=470_000),
        ["Миколаїв", "Николаев"],
    ),
    (
        _place(9100004, "Izium", 49.21, 37.26, KHARKIV, "07", feature_code="PPLA2",
               population=45_000),
        ["Ізюм", "Изюм"],
    ),
    (
        _place(9100005, "Velyka Komyshuvakha", 49.10, 36.99, KHARKIV, "07"),
        ["Велика Комишуваха", "Bol'shaya Kamyshevakha"],
    ),
    (_place(9100006, "Zarichne", 48.30, 37.95, "Donetsk Oblast", "05"), ["Зарічне"]),
    (_place(9100007, "Zarichne", 51.80, 26.10, "Rivne Oblast", "19"), ["Зарічне"]),
    (_place(9100009, "Kochubeiv", 49.40, 27.10, "Khmelnytskyi Oblast", "09"), ["Кочубеїв"]),
    (
        _place(9100010, "Kamianets", 48.68, 26.58, "Khmelnytskyi Oblast", "09", population=90_000),
        ["Камянець"],
    ),
    (
        _place(9100011, "Shebekino", 50.41, 36.89, "Belgorod Oblast", "09", country="RU",
               feature_code="PPLA2", population=40_000),
        ["Шебекино"],
    ),
    (
        _place(9100012, "Gorod Shebekino", 50.40, 36.90, "Belgorod Oblast", "09", country="RU",
               feature_class="A", feature_code="ADM2"),
        ["Город Шебекино"],
    ),
    (
        _place(9100013, "Oktyabrskiy", 50.85, 36.63, "Belgorod Oblast", "09", country="RU",
               population=8_000),
        ["Октябрьский"],
    ),
    (
        _place(9100014, "Oktyabrsky", 54.48, 53.47, "Bashkortostan", "08", country="RU",
               feature_code="PPLA2", population=108_000),
        ["Октябрьский"],
    ),
    (_place(9100015, "Nova Sloboda", 51.25, 34.10, "Sumy Oblast", "21"), ["Нова Слобода"]),
    # the reading a plain ending rule would find first, far from the community
    (_place(9100016, "Novoslobidka", 48.50, 30.90, "Kirovohrad Oblast", "10"), ["Новослобідка"]),
    (_place(9100017, "Seredyna-Buda", 52.19, 34.03, "Sumy Oblast", "21"), ["Середина-Буда"]),
    (_place(9100018, "Buda", 50.00, 30.00, "Kyiv Oblast", "13"), ["Буда"]),
    (
        _place(9100019, "Shostka", 51.86, 33.48, "Sumy Oblast", "21", feature_code="PPLA2",
               population=70_000),
        ["Шостка"],
    ),
    (
        _place(9100020, "Konotop", 51.24, 33.20, "Sumy Oblast", "21", feature_code="PPLA2",
               population=84_000),
        ["Конотоп"],
    ),
    (_place(9100021, "Stetskivka", 50.85, 34.90, "Sumy Oblast", "21"), ["Стецьківка"]),
    (_place(9100022, "Odradne", 49.60, 37.20, KHARKIV, "07"), ["Отрадное", "Одрадне"]),
    (
        _place(9100023, "Otradny", 53.37, 51.35, "Samara Oblast", "65", country="RU",
               feature_code="PPLA2", population=47_000),
        ["Отрадный"],
    ),
    # a village GeoNames spells the BGN way only ("Zelenoye"), no Russian Cyrillic name
    (_place(9100024, "Zelene", 47.96, 35.48, "Zaporizhzhia Oblast", "26"), ["Zelenoye"]),
    (
        _place(9100025, "Valuyki", 50.21, 38.10, "Belgorod Oblast", "09", country="RU",
               feature_code="PPLA2", population=35_000),
        ["Валуйки"],
    ),
    # the only namesake the gazetteer has of a Belgorod village, 170 km away
    (_place(9100026, "Novopetrivka", 48.60, 37.60, "Donetsk Oblast", "05"), ["Новопетровка"]),
    (
        _place(9100027, "Kupiansk", 49.71, 37.61, KHARKIV, "07", feature_code="PPLA2",
               population=27_000),
        ["Куп'янськ", "Купянск"],
    ),
    (_place(9100028, "Synkivka", 49.77, 37.65, KHARKIV, "07"), ["Синьківка", "Синьковка"]),
    # a village named like the Lyman sector's adjective, far from the front
    (_place(9100029, "Lymanske", 46.60, 30.00, "Odesa Oblast", "17"), ["Лиманське", "Лиманское"]),
    (
        _place(9100030, "Lyman", 48.99, 37.81, "Donetsk Oblast", "05", feature_code="PPLA3",
               population=20_000),
        ["Лиман"],
    ),
    # two villages of one name: one in the Izium sector, one far from it
    (
        _place(9100031, "Hryhorivka", 46.50, 30.50, "Odesa Oblast", "17"),
        ["Григорівка", "Григоровка"],
    ),
    (_place(9100032, "Hryhorivka", 49.30, 37.40, KHARKIV, "07"), ["Григорівка", "Григоровка"]),
    (
        _place(9100035, "Pokrovsk", 48.28, 37.18, "Donetsk Oblast", "05", feature_code="PPLA2",
               population=60_000),
        ["Покровськ", "Покровск"],
    ),
    (
        _place(9100036, "Pokrov", 47.65, 34.12, "Dnipropetrovsk Oblast", "04",
               population=38_000),
        ["Покров"],
    ),
    (
        _place(9100037, "Nikopol", 47.57, 34.39, "Dnipropetrovsk Oblast", "04",
               feature_code="PPLA2", population=110_000),
        ["Нікополь", "Никополь"],
    ),
    (
        _place(9100038, "Grayvoron", 50.48, 35.68, "Belgorod Oblast", "09", country="RU",
               population=6_000),
        ["Грайворон"],
    ),
    (
        _place(9100039, "Borisovka", 50.60, 36.02, "Belgorod Oblast", "09", country="RU",
               population=14_000),
        ["Борисовка"],
    ),
    # a Russian town far from the war, named like a Belgorod village
    (
        Place(9100040, "Murom", 55.58, 42.05, country="RU", feature_code="PPLA2",
              population=120_000),
        ["Муром"],
    ),
    # a Crimean town whose old name a Belgorod village bears
    (
        _place(9100041, "Shtormove", 45.30, 33.30, "Crimea", "11", feature_code="PPLA3",
               population=1_100),
        ["Вознесеновка"],
    ),
    (_place(9100042, "Mykolaivka", 44.97, 33.60, "Crimea", "11", population=2_800),
     ["Николаевка"]),
    (
        _place(9100043, "Taganrog", 47.24, 38.90, "Rostov Oblast", "61", country="RU",
               feature_code="PPLA2", population=250_000),
        ["Таганрог"],
    ),
    # a town of the same name as the Rostov people mean, 900 km north
    (
        _place(9100044, "Rostov Veliky", 57.19, 39.42, "Yaroslavl Oblast", "88", country="RU",
               population=31_000),
        ["Ростов"],
    ),
    (_place(9100045, "Mykolaivka", 51.20, 34.30, "Sumy Oblast", "21"), ["Миколаївка"]),
    # a town whose new name is a common given name
    (
        _place(9100047, "Volodymyr", 50.85, 24.32, "Volyn Oblast", "02", feature_code="PPLA2",
               population=38_000),
        ["Володимир", "Владимир"],
    ),
    (
        _place(9100049, "Kharkiv", 49.99, 36.23, KHARKIV, "07", feature_code="PPLA",
               population=1_400_000),
        ["Харків", "Харьков"],
    ),
    (
        _place(9100050, "Kyiv", 50.45, 30.52, "Kyiv City", "12", feature_code="PPLC",
               population=2_900_000),
        ["Київ", "Киев"],
    ),
    (
        _place(9100051, "Sevastopol", 44.60, 33.52, "Sevastopol", "20", feature_code="PPLA",
               population=400_000),
        ["Севастополь"],
    ),
    # a hamlet deep in Russia named like a common word
    (Place(9100048, "Stavka", 46.70, 46.00, country="RU", population=300), ["Ставка", "Ставки"]),
    (
        _place(9100046, "Odesa", 46.48, 30.73, "Odesa Oblast", "17", feature_code="PPLA",
               population=1_000_000),
        ["Одеса", "Одесса"],
    ),
    # a village named like the oblast's adjective
    (_place(9100034, "Kharkivske", 47.00, 35.00, "Zaporizhzhia Oblast", "26"),
     ["Харьковское", "Харківське"]),
    # a locality whose alternate name is the name of a Russian grouping of forces
    (_place(9100033, "Skhidne", 48.50, 39.30, "Luhansk Oblast", "14"), ["Восток"]),
    # a city's district with the city's population, as some GeoNames rows have
    (
        _place(9100008, "Zarichnyi", 50.93, 34.80, "Sumy Oblast", "21", feature_code="PPLX",
               population=150_000),
        ["Зарічний"],
    ),
    # a Ukrainian hamlet whose name the adjective of the Valuyki okrug also gives
    (_place(9100062, "Valuysk", 50.39, 37.30, KHARKIV, "07"), ["Валуйск"]),
    # one name in Donetsk Oblast and in Kharkiv Oblast
    (
        _place(9100060, "Mazanivka", 48.95, 37.45, "Donetsk Oblast", "05"),
        ["Мазанівка", "Мазановка"],
    ),
    (
        _place(9100061, "Mazanivka", 49.70, 36.60, KHARKIV, "07", population=500),
        ["Мазанівка", "Мазановка"],
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer():
    return built_gazetteer(PLACES)


@pytest.fixture(scope="module")
def extract(gazetteer):
    return cyrillic_runner(gazetteer, published=PUBLISHED, today=date(2025, 1, 1))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Утром 24 сентября с.Широкое Широковской громады подверглось обстрелам."),
        ("ru", "Утром 24 сентября село Широкое подверглось обстрелам."),
        ("uk", "Вранці 24 вересня село Широке Широківської громади зазнало обстрілів."),
    ],
)
def test_a_name_that_is_an_adjective_in_the_nominative_is_taken_as_written(
    extract, language: str, text: str
) -> None:
    (event,) = extract(text, language)
    assert event.location == "Shyroke"
    assert event.admin1 == MYKOLAIV


def test_a_community_is_named_by_its_town_even_when_its_adjective_adds_a_letter(extract) -> None:
    (event,) = extract("Утром 24 сентября Широковская громада подверглась обстрелам.", "ru")
    assert event.location == "Shyroke"
    assert event.geo_precision == 2  # a community, not the village itself


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Ночью 24 сентября враг обстрелял поселок Широковской громады в Николаевском "
               "районе."),
        ("uk", "Вночі 24 вересня ворог обстріляв селище Широківської громади в Миколаївському "
               "районі."),
    ],
)  # fmt: skip
def test_a_district_after_a_community_says_where_it_is_and_is_no_second_place(
    extract, language: str, text: str
) -> None:
    (event,) = extract(text, language)  # not a second event at the district's town
    assert event.location == "Shyroke"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "uk",
            "24 вересня в Ізюмському районі трактор підірвався на міні. "
            "Подія сталася поблизу села Велика Комишуваха, тракторист поранений.",
        ),
        (
            "ru",
            "24 сентября в Изюмском районе трактор подорвался на мине. "
            "Происшествие случилось недалеко от села Большая Камышеваха.",
        ),
    ],
)
def test_a_follow_up_sentence_that_says_where_it_happened_places_the_event(
    extract, language: str, text: str
) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.geo_precision) == ("Velyka Komyshuvakha", 2)
    assert "place: the next sentence says where it happened" in event.evidence


def test_without_such_a_sentence_the_district_stays(extract) -> None:
    text = (
        "24 вересня в Ізюмському районі трактор підірвався на міні. "
        "Поблизу села Велика Комишуваха тиждень тому збирали врожай."
    )
    (event,) = extract(text, "uk")
    assert event.location == "Izium"


def test_a_name_placed_with_its_oblast_places_the_same_name_later_and_a_district_is_no_town(
    extract,
) -> None:
    text = (
        "8 вересня Сили оборони звільнили село Зарічне Донецької області, повідомив Генштаб. "
        "У повідомленні зазначається, що звільнено село Зарічне."
    )
    events = extract(text, "uk")
    assert {(e.location, e.admin1) for e in events} == {("Zarichne", "Donetsk Oblast")}


def test_a_village_found_only_outside_the_articles_one_oblast_is_coded_to_that_oblast(
    extract,
) -> None:
    text = "Новини Херсонщини. 27 червня окупанти викрали жителя села Кочубеїв."
    (event,) = extract(text, "uk")
    assert (event.admin1, event.geo_precision) == ("Kherson Oblast", 3)
    assert any("the only region the article names" in line for line in event.evidence)


def test_a_village_after_its_sentences_region_is_looked_for_there_first(extract) -> None:
    text = "На Херсонщині 27 червня окупанти викрали жителя села Кочубеїв."
    (event,) = extract(text, "uk")
    assert (event.admin1, event.geo_precision) == ("Kherson Oblast", 3)
    assert any("no place named 'Кочубеїв' in Kherson Oblast" in e for e in event.evidence)


def test_a_town_of_note_elsewhere_keeps_its_place(extract) -> None:
    text = "Херсонщина готується до зими. 27 червня ракета влучила в Камянець."
    (event,) = extract(text, "uk")
    assert (event.location, event.admin1) == ("Kamianets", "Khmelnytskyi Oblast")


def test_a_capitalised_word_for_town_is_not_part_of_the_name(extract) -> None:
    text = "Город Шебекино в Белгородской области 24 сентября подвергся обстрелу."
    (event,) = extract(text, "ru")
    assert event.location == "Shebekino"


def test_a_village_in_the_articles_oblast_beats_a_city_of_its_name_elsewhere(extract) -> None:
    text = "24 сентября в Белгородской области был обстрелян поселок Октябрьский."
    (event,) = extract(text, "ru")
    assert (event.location, event.admin1) == ("Oktyabrskiy", "Belgorod Oblast")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Удар по Новослобідській громаді", ["Нова Слобода"]),
        ("Удар по Середино-Будській громаді", ["Середина-Буда"]),
        ("Обстріляли Шосткинський та Конотопський райони", ["Шостка", "Конотоп"]),
        ("Дрон атакував авто біля Стецьківського старостату", ["Стецьківка"]),
    ],
)
def test_community_adjectives_name_their_towns(gazetteer, text: str, names: list[str]) -> None:
    finder = ToponymFinder(gazetteer, lexicon_for("uk"))
    assert [t.name for t in finder.find(text)] == names


def test_a_hyphenated_community_is_no_weekday_and_a_drone_that_hits_is_a_strike(extract) -> None:
    text = "У Середино-Будській громаді дрон поцілив у цивільну автівку, водій поранений."
    (event,) = extract(text, "uk")
    assert event.location == "Seredyna-Buda"
    assert event.event_date == PUBLISHED  # not the Wednesday "Середино" once read as "середа"


def test_rounds_fired_at_a_community_are_shelling(extract) -> None:
    (event,) = extract("Вранці ворог випустив 12 мін по Новослобідській громаді.", "uk")
    assert (event.location, event.sub_event_type.value) == (
        "Nova Sloboda",
        "Shelling/artillery/missile attack",
    )


def test_a_district_beside_a_village_of_the_same_sentence_is_only_where_it_lies(extract) -> None:
    text = "Вранці триває бій на півночі Шосткинського району, поблизу Середини-Буди."
    events = extract(text, "uk")
    assert {e.location for e in events} == {"Seredyna-Buda"}


@pytest.mark.parametrize("text", ["У Середино-Будській громаді", "у четвертий раз поспіль"])
def test_words_that_begin_like_a_weekday_are_no_date(text: str) -> None:
    from tracker.extract.cyrillic.dates import find_dates

    assert find_dates(text, lexicon_for("uk"), published=PUBLISHED, today=PUBLISHED) == []


def test_an_oblast_adjective_whose_noun_is_left_out_is_the_oblast(gazetteer) -> None:
    finder = ToponymFinder(gazetteer, lexicon_for("ru"))
    text = "Освободили два пункта в Запорожской области и один - в Харьковской."
    assert [t.name for t in finder.find(text)] == ["Zaporizhzhia Oblast", "Kharkiv Oblast"]


def test_a_village_named_by_a_neuter_adjective_is_not_the_town_of_its_lemma(extract) -> None:
    (event,) = extract("24 сентября освобожден населенный пункт Отрадное.", "ru")
    assert event.location == "Odradne"


@pytest.mark.parametrize(
    "text",
    [
        "24 сентября подразделения группировки войск «Восток» освободили населенный пункт "
        "Отрадное Харьковской области.",
        "24 сентября освобожден населенный пункт Отрадное Харьковской области. Об этом "
        "сообщили в Минобороны России.",
    ],
)
def test_a_village_the_russian_side_reports_taking_is_taken_by_russian_forces(
    extract, text: str
) -> None:
    (event,) = extract(text, "ru")
    assert event.sub_event_type.value == "Non-state actor overtakes territory"
    assert event.actor1 == "Military Forces of Russia (2000-)"


def test_the_owner_of_the_enemy_drone_is_the_attacker(extract) -> None:
    text = "Вранці через удар ворожого дрона по Новослобідській громаді поранена жінка."
    (event,) = extract(text, "uk")
    assert (event.actor1, event.actor2) == (
        "Military Forces of Russia (2000-)",
        "Civilians (Ukraine)",
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Вранці Сили оборони звільнили село Широке під Миколаєвом."),
        ("ru", "Утром ВСУ освободили село Широкое под Николаевом."),
    ],
)
def test_the_town_a_village_lies_near_is_no_second_place(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert event.location == "Shyroke"


def test_a_russian_name_finds_the_village_spelt_the_bgn_way(extract) -> None:
    (event,) = extract("24 сентября освобожден населенный пункт Зеленое.", "ru")
    assert event.location == "Zelene"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Вечером 24 сентября обстрелу подверглось село Новопетровка под Валуйками."),
        ("uk", "Увечері 24 вересня обстрілу зазнало село Новопетровка під Валуйками."),
    ],
)
def test_a_village_missing_near_its_town_is_coded_near_the_town(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.geo_precision.value) == ("Valuyki", 2)
    assert any("where the text places it" in line for line in event.evidence)


@pytest.mark.parametrize(
    ("language", "text", "attacker"),
    [
        # strikes on Russian ground are reported from Russia's side: its enemy is Ukraine's
        ("ru", "Вечером 24 сентября противник обстрелял Шебекино, ранен мужчина.", "Ukraine"),
        ("ru", "Вечером 24 сентября противник обстрелял Изюм, ранен мужчина.", "Russia"),
        ("uk", "Увечері 24 вересня ворог обстріляв Ізюм, поранено чоловіка.", "Russia"),
    ],
)
def test_the_enemy_is_the_side_opposite_the_ground_it_struck(
    extract, language, text, attacker
) -> None:
    (event,) = extract(text, language)
    assert (
        event.actor1
        == f"Military Forces of {attacker} ({'2019' if attacker == 'Ukraine' else '2000'}-)"
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "uk",
            "Два роки тому, 3 березня 2022 року, росіяни скинули авіабомбу на школу в Ізюмі. "
            "Тоді під час бомбардування загинули восьмеро людей. Окупанти влучили в спортзал.",
        ),
        (
            "ru",
            "Два года назад, 3 марта 2022 года, россияне сбросили авиабомбу на школу в Изюме. "
            "Тогда при бомбардировке погибли восемь человек. Оккупанты попали в спортзал.",
        ),
    ],
)
def test_sentences_going_on_with_a_story_from_the_past_are_no_events(
    extract, language, text
) -> None:
    assert extract(text, language) == []


def test_a_new_paragraph_after_the_past_is_read_again(extract) -> None:
    text = (
        "Два роки тому, 3 березня 2022 року, росіяни скинули авіабомбу на школу в Ізюмі.\n\n"
        "Сьогодні вранці ворог обстріляв Ізюм, поранено чоловіка."
    )
    (event,) = extract(text, "uk")
    assert (event.location, str(event.event_date)) == ("Izium", "2024-09-25")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Завдання бригади - не допустити нового наступу ворога на Ізюм."),
        ("uk", "Позиції укріплюють, щоб запобігти новому наступу на Ізюм."),
        ("ru", "Задача - предотвратить новое наступление противника на Изюм."),
        ("ru", "Укрепления строят, чтобы не допустить прорыва противника к Изюму."),
    ],
)
def test_what_is_to_be_prevented_has_not_happened(extract, language, text) -> None:
    assert extract(text, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Учора Україна отримала нову партію ракет для ППО, повідомили в Ізюмі."),
        ("ru", "Вчера Украина получила новую партию ракет для ПВО, сообщили в Изюме."),
    ],
)
def test_missiles_delivered_are_no_strike(extract, language, text) -> None:
    assert extract(text, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Учора російські ракети влучили в Ізюм."),
        ("ru", "Вчера российские ракеты попали в Изюм."),
    ],
)
def test_missiles_that_hit_are_a_strike(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert event.location == "Izium"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Увечері 24 вересня захисники відбили 4 російські атаки біля Синьківки."),
        ("ru", "Вечером 24 сентября защитники отразили 4 российские атаки у Синьковки."),
    ],
)
def test_repelled_attacks_with_a_count_and_an_adjective_are_a_clash(
    extract, language, text
) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.sub_event_type.value) == ("Synkivka", "Armed clash")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "uk",
            "24 вересня на Куп'янському напрямку відбито 3 атаки біля Синьківки, "
            "на Лиманському – 2 атаки.",
        ),
        (
            "ru",
            "24 сентября на Купянском направлении отбиты 3 атаки у Синьковки, "
            "на Лиманском – 2 атаки.",
        ),
    ],
)
def test_a_front_sector_is_no_place_of_an_event(extract, language, text) -> None:
    places = {e.location for e in extract(text, language)}
    assert places == {"Synkivka"}  # neither Kupiansk nor a village named like "Лиманському"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "24 вересня на Ізюмському напрямку ворог штурмував позиції біля Григорівки."),
        ("ru", "24 сентября на Изюмском направлении противник штурмовал позиции у Григоровки."),
    ],
)
def test_a_village_is_the_namesake_in_the_sector_named(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.admin1) == ("Hryhorivka", KHARKIV)


def test_a_grouping_of_forces_named_alone_is_a_side_not_a_place(extract) -> None:
    text = (
        "24 сентября подразделения «Южной» группировки взяли под контроль Синьковку, "
        "а бойцы «Востока» – Изюм."
    )
    events = extract(text, "ru")
    assert "Skhidne" not in {e.location for e in events}
    assert {e.sub_event_type.value for e in events} == {"Non-state actor overtakes territory"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Ранее в сентябре российские войска взяли под контроль Изюм."),
        ("uk", "Раніше у вересні російські війська захопили Ізюм."),
    ],
)
def test_a_month_before_the_side_is_no_target_and_ends_at_publication(
    extract, language, text
) -> None:
    (event,) = extract(text, language)
    assert event.sub_event_type.value == "Non-state actor overtakes territory"
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.event_date <= PUBLISHED


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "З моменту звільнення міста через обстріли в Ізюмі загинули 40 людей."),
        ("ru", "С момента освобождения города из-за обстрелов в Изюме погибли 40 человек."),
    ],
)
def test_a_tally_since_a_turning_point_is_no_event(extract, language, text) -> None:
    assert extract(text, language) == []


def test_a_drone_sent_at_a_car_is_a_drone_strike(extract) -> None:
    (event,) = extract("Увечері 24 вересня окупанти скерували FPV-дрон на авто в Ізюмі.", "uk")
    assert (event.location, event.sub_event_type.value) == ("Izium", "Air/drone strike")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Учора ввечері окупанти били по Ізюму з важкої артилерії."),
        ("ru", "Вчера вечером оккупанты били по Изюму из тяжелой артиллерии."),
    ],
)
def test_yesterday_evening_is_yesterday_and_hitting_at_a_town_is_an_attack(
    extract, language, text
) -> None:
    (event,) = extract(text, language)
    assert (event.location, str(event.event_date)) == ("Izium", "2024-09-24")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "24 сентября оккупанты похитили сына главы Харьковской РГА."),
        ("uk", "24 вересня окупанти викрали сина голови Харківської РДА."),
    ],
)
def test_a_district_office_named_by_an_oblast_adjective_is_an_office(
    extract, language, text
) -> None:
    (event,) = extract(text, language)
    assert event.location != "Kharkivske" and event.admin1 == KHARKIV


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "Глава Днепропетровской ОВА сообщил, что 24 сентября враг бил по Никополю. "
            "Также дрон атаковал Покровскую общину.",
        ),
        (
            "uk",
            "Голова Дніпропетровської ОВА повідомив, що 24 вересня ворог бив по Нікополю. "
            "Також дрон атакував Покровську громаду.",
        ),
    ],
)
def test_a_community_is_the_one_of_that_name_in_the_articles_region(
    extract, language, text
) -> None:
    places = {e.location for e in extract(text, language)}
    assert "Pokrov" in places and "Pokrovsk" not in places


def test_a_village_named_like_an_oblast_adjective_is_the_village(extract) -> None:
    (event,) = extract("24 вересня бої тривали за село Харківське, ворог відступив.", "uk")
    assert event.location == "Kharkivske"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "24 вересня Сили оборони вели контрнаступальні дії біля Синьківки."),
        ("ru", "24 сентября ВСУ провели контрнаступление у Синьковки."),
    ],
)
def test_a_counteroffensive_is_a_clash(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.sub_event_type.value) == ("Synkivka", "Armed clash")


def test_a_village_missing_from_the_gazetteer_is_placed_by_its_russian_district(extract) -> None:
    text = "24 сентября в хуторе Масычево Грайворонского округа дрон атаковал автомобиль."
    (event,) = extract(text, "ru")
    assert (event.location, event.geo_precision) == ("Grayvoron", 2)


def test_a_far_town_listed_with_the_regions_villages_is_one_of_its_villages(extract) -> None:
    text = (
        "Губернатор Белгородской области сообщил об атаках дронов 24 сентября. "
        "В Муроме, Вознесеновке и Борисовке повреждены частные дома."
    )
    places = {(e.location, e.admin1) for e in extract(text, "ru")}
    assert ("Borisovka", "Belgorod Oblast") in places
    assert all(admin1 == "Belgorod Oblast" for _, admin1 in places), places


def test_the_region_of_the_lead_holds_when_a_closing_line_names_others(extract) -> None:
    text = (
        "Дроны атаковали село в Белгородской области.\n"
        "24 сентября под удар попало село Николаевка, сообщил губернатор. "
        "Режим КТО действует в Белгородской, Брянской и Курской областях."
    )
    (event,) = extract(text, "ru")
    assert event.admin1 == "Belgorod Oblast"
    assert any("the only region the article's lead names" in e for e in event.evidence)


def test_drones_that_damaged_a_building_made_a_strike(extract) -> None:
    (event,) = extract("24 сентября в Грайвороне украинские дроны повредили здание.", "ru")
    assert (event.location, event.sub_event_type.value) == ("Grayvoron", "Air/drone strike")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Накануне днем в Изюме в результате удара дрона повреждён дом."),
        ("uk", "Напередодні вдень в Ізюмі внаслідок удару дрона пошкоджено будинок."),
    ],
)
def test_the_day_before_in_the_afternoon_is_the_day_before(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert str(event.event_date) == "2024-09-24"


@pytest.mark.parametrize(
    "text",
    [
        "24 сентября подразделениями группировки «Запад» освобожден Изюм.",
        "24 сентября группировка «Запад» завершила освобождение Изюма.",
        "Населенный пункт Изюм был освобожден 24 сентября с помощью усилий группы «Восток».",
    ],
)
def test_liberated_towns_are_captures_by_the_russian_groupings(extract, text) -> None:
    (event,) = extract(text, "ru")
    assert (event.location, event.sub_event_type.value) == (
        "Izium",
        "Non-state actor overtakes territory",
    )


def test_a_man_freed_from_captivity_is_no_capture(extract) -> None:
    assert extract("24 сентября житель Изюма был освобожден из плена.", "ru") == []


def test_the_region_a_sentence_names_first_holds_for_its_villages(extract) -> None:
    text = "В Харьковской области 24 сентября были освобождены Григоровка и Синьковка."
    places = {(e.location, e.admin1) for e in extract(text, "ru")}
    assert ("Hryhorivka", KHARKIV) in places and ("Synkivka", KHARKIV) in places


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Ночью 24 сентября над Орловской областью сбиты четыре БПЛА.", "Oryol Oblast"),
        ("24 сентября беспилотник атаковал нефтебазу в Подмосковье.", "Moscow Oblast"),
    ],
)
def test_regions_deep_in_russia_are_named_by_their_adjectives(extract, text, region) -> None:
    (event,) = extract(text, "ru")
    assert event.admin1 == region


def test_a_town_listed_with_a_regions_towns_is_looked_for_in_that_region(extract) -> None:
    text = "Губернатор Ростовской области: 24 сентября ПВО сбили БПЛА в Ростове и Таганроге."
    regions = {e.admin1 for e in extract(text, "ru")}
    assert regions == {"Rostov Oblast"}


def test_a_community_after_a_capitalised_word_is_still_the_event_place(extract) -> None:
    text = (
        "Сумська ОВА: 24 вересня ворог обстріляв прикордоння. "
        "По Миколаївській громаді росіяни вдарили з РСЗВ."
    )
    places = {(e.location, e.admin1) for e in extract(text, "uk")}
    assert ("Mykolaivka", "Sumy Oblast") in places


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "24 вересня ракета влучила в причал на території Одеського району."),
        ("ru", "24 сентября ракета попала в причал на территории Одесского района."),
    ],
)
def test_the_raion_named_like_its_oblast_is_the_capitals_raion(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.geo_precision) == ("Odesa", 2)


def test_the_armed_forces_named_in_full_after_from_the_side_of_attacked(extract) -> None:
    text = "24 сентября при обстреле Изюма со стороны Вооруженных сил Украины ранен мужчина."
    (event,) = extract(text, "ru")
    assert event.actor1 == "Military Forces of Ukraine (2019-)"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "24 вересня Президент Володимир Зеленський заявив, що ракета влучила в Ізюм."),
        ("ru", "24 сентября президент Владимир Зеленский заявил, что ракета попала в Изюм."),
    ],
)
def test_a_given_name_before_a_surname_is_no_town(extract, language, text) -> None:
    assert {e.location for e in extract(text, language)} == {"Izium"}


def test_a_hamlet_deep_in_russia_named_like_a_word_is_no_place(extract) -> None:
    text = "24 вересня на засіданні Ставки доповіли про удар по Ізюму."
    assert {e.location for e in extract(text, "uk")} == {"Izium"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "uk",
            "24 вересня противник 5 разів намагався вклинитися в нашу оборону поблизу Синьківки.",
        ),
        ("uk", "24 вересня окупанти здійснили 7 спроб потіснити наших воїнів біля Синьківки."),
        (
            "ru",
            "24 сентября противник совершил 7 попыток потеснить наши подразделения у Синьковки.",
        ),
    ],
)
def test_the_general_staffs_attempted_assaults_are_clashes(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.sub_event_type.value) == ("Synkivka", "Armed clash")


def test_losses_the_defence_ministry_inflicted_at_villages_are_clashes(extract) -> None:
    text = (
        "24 сентября подразделения группировки «Запад» улучшили положение по переднему краю "
        "и нанесли поражение живой силе ВСУ в районах населенных пунктов Синьковка и Купянск."
    )
    clashes = {e.location for e in extract(text, "ru") if e.sub_event_type.value == "Armed clash"}
    assert clashes == {"Synkivka", "Kupiansk"}


def test_a_places_toll_after_a_report_of_strikes_is_that_strike_there(extract) -> None:
    text = (
        "24 вересня ворог завдав ударів по трьох населених пунктах Харківщини. "
        "У Синьківці загинув 47-річний чоловік, у Купʼянську постраждала жінка."
    )
    places = {e.location for e in extract(text, "uk")}
    assert {"Synkivka", "Kupiansk"} <= places


def test_a_toll_with_no_strike_reported_before_is_no_event(extract) -> None:
    text = "24 вересня у Синьківці помер 47-річний чоловік. У Купʼянську постраждала жінка."
    assert extract(text, "uk") == []


def test_the_city_of_the_hospital_is_not_where_the_strike_was(extract) -> None:
    text = (
        "24 вересня ворог обстріляв Синьківку. За день маємо трьох поранених, яких "
        "госпіталізували до лікарень Купʼянська та Ізюма."
    )
    assert {e.location for e in extract(text, "uk")} == {"Synkivka"}


def test_the_next_districts_of_a_list_are_districts_not_villages(extract) -> None:
    text = (
        "24 вересня внаслідок обстрілів у Купʼянському районі пошкоджено будинок, "
        "в Ізюмському - автомобіль."
    )
    assert {(e.location, e.geo_precision) for e in extract(text, "uk")} == {
        ("Kupiansk", 2),
        ("Izium", 2),
    }


def test_a_town_before_a_colon_after_a_preposition_is_a_place_not_a_speaker(extract) -> None:
    text = "24 вересня окупанти нищать промисловість у Купʼянську: вогнем уражено завод."
    assert {e.location for e in extract(text, "uk")} == {"Kupiansk"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "24 сентября в Харькове прогремел взрыв. Удар пришелся на Киевский район города."),
        (
            "uk",
            "24 вересня ворог атакував Харків. Були удари у двох районах - Київському та "
            "Основ'янському.",
        ),
    ],
)
def test_a_citys_district_named_like_another_city_is_that_citys(extract, language, text):
    assert {e.location for e in extract(text, language)} == {"Kharkiv"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "24 вересня ворог атакував Ізюм.\nЧИТАЙТЕ ТАКОЖ: Удар по Купʼянську: є загиблі"),
        ("ru", "24 сентября враг атаковал Изюм.\nЧитайте также: Удар по Купянску: есть погибшие"),
    ],
)
def test_a_link_to_another_story_reports_no_event(extract, language, text) -> None:
    assert {e.location for e in extract(text, language)} == {"Izium"}


def test_a_districts_nickname_names_its_town_at_district_precision(extract) -> None:
    text = "24 вересня по Нікопольщині ворог бив з важкої артилерії."
    (event,) = extract(text, "uk")
    assert (event.location, event.geo_precision) == ("Nikopol", 2)


def test_a_community_is_the_namesake_near_the_seat_of_its_district(extract) -> None:
    text = "24 вересня у Широківській громаді Миколаївського району ворог поцілив FPV-дроном."
    (event,) = extract(text, "uk")
    assert (event.location, event.admin1) == ("Shyroke", MYKOLAIV)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "24 вересня ворог бив артилерією по Ізюмщині. Дісталося Синьківці."),
        ("ru", "24 сентября враг бил артиллерией по Изюмщине. Потерпели Синьковка и Купянск."),
    ],
)
def test_the_places_that_suffered_after_a_report_of_strikes_are_events(
    extract, language, text
) -> None:
    assert "Synkivka" in {e.location for e in extract(text, language)}


@pytest.mark.parametrize(
    "text",
    [
        "24 сентября в Севастополе отразили атаку, силы ПВО сбили семь воздушных целей.",
        "24 сентября военные отражают атаку БПЛА на Севастополь, работает ПВО.",
    ],
)
def test_an_air_attack_repelled_over_crimea_is_russias_shoot_down(extract, text) -> None:
    (event,) = extract(text, "ru")
    assert event.sub_event_type.value == "Disrupted weapons use"
    assert event.actor1 == "Military Forces of Russia (2000-)"


def test_hits_with_no_weapon_right_after_the_drones_are_the_drones(extract) -> None:
    text = "24 вересня ППО знищила більшість шахедів. Два влучання зафіксовано в Ізюмі."
    (event,) = [e for e in extract(text, "uk") if e.location == "Izium"]
    assert event.sub_event_type.value == "Air/drone strike"


def test_the_noun_of_a_shoot_down_over_listed_oblasts_gives_each_oblast(extract) -> None:
    text = "Вночі збиття дронів фіксували у Сумській, Харківській та Одеській областях."
    events = extract(text, "uk")
    assert {e.admin1 for e in events} == {"Sumy Oblast", "Kharkiv Oblast", "Odesa Oblast"}
    assert {e.sub_event_type.value for e in events} == {"Disrupted weapons use"}


def test_a_system_for_downing_drones_is_no_shoot_down(extract) -> None:
    assert extract("Партнери передали Харкову системи для збиття дронів.", "uk") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "В среду в Харькове беспилотник детонировал возле остановки."),
        ("uk", "У середу в Харкові дрон здетонував біля зупинки."),
    ],
)
def test_a_drone_that_detonated_is_a_drone_strike(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.sub_event_type.value) == ("Kharkiv", "Air/drone strike")


def test_an_attack_that_burned_a_house_is_remote_violence(extract) -> None:
    text = "В среду в Шебекино в результате атаки ВСУ сгорел частный дом."
    (event,) = extract(text, "ru")
    assert (event.location, event.sub_event_type.value) == (
        "Shebekino",
        "Shelling/artillery/missile attack",
    )


def test_windows_blown_out_and_roofs_cut_by_shrapnel_are_damage(extract) -> None:
    text = "В среду в Шебекино были посечены кровли двух домов."
    (event,) = extract(text, "ru")
    assert event.location == "Shebekino"


def test_a_named_village_unknown_is_not_the_village_named_before(extract) -> None:
    """ "в селе Неведомовка": the village has a name, so an unknown one is not the Valuyki of
    the sentence before; it stays in the region the report is about."""
    text = (
        "20 сентября беспилотник атаковал Валуйки, повреждены два дома. "
        "В селе Неведомовка в среду в результате обстрела ВСУ были выбиты окна в доме."
    )
    shelling = [e for e in extract(text, "ru") if e.sub_event_type.value.startswith("Shelling")]
    assert [(e.location, e.admin1) for e in shelling] == [("Belgorod Oblast", "Belgorod Oblast")]


def test_an_oblast_named_beside_donbas_is_not_the_articles_only_region(extract) -> None:
    """ "у Харківській області та на Донбасі": two regions, so a village of the Donbas list
    is not looked for in Kharkiv Oblast."""
    text = (
        "Генштаб: ворог атакував у Харківській області та на Донбасі. "
        "Вчора ворог вів штурмові дії в районі Мазанівки та Лимана."
    )
    places = {(e.location, e.admin1) for e in extract(text, "uk")}
    assert ("Mazanivka", "Donetsk Oblast") in places


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Напередодні голова ОВА попереджав про ймовірні обстріли Ізюма."),
        ("ru", "Накануне губернатор предупреждал о возможных обстрелах Изюма."),
    ],
)
def test_a_warning_of_shelling_is_no_shelling(extract, language, text) -> None:
    assert extract(text, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Країна-агресор у 2014 році окупувала Крим та частину Луганської області."),
        ("ru", "Россия в 2014 году оккупировала Крым и часть Луганской области."),
    ],
)
def test_a_year_long_past_is_history(extract, language, text) -> None:
    assert extract(text, language) == []


def test_a_strike_dated_this_year_is_still_read(extract) -> None:
    (event,) = extract("У 2024 році, 24 вересня, росіяни обстріляли Ізюм.", "uk")
    assert (event.location, event.event_date.isoformat()) == ("Izium", "2024-09-24")


def test_a_town_named_like_a_feminine_adjective_before_a_masculine_noun(extract) -> None:
    """ "у Вовчанську обстріл": "Вовчанську" also reads as a feminine adjective, but it cannot
    go with the masculine "обстріл", so it is the town."""
    (event,) = extract("Вчора у Куп'янську обстріл пошкодив будинок.", "uk")
    assert event.location == "Kupiansk"


def test_villages_listed_with_towns_of_another_oblast_are_not_in_the_articles_region(
    extract,
) -> None:
    text = (
        "У Харківській області вчора обстріляли Куп'янськ. "
        "Також під вогнем вчора опинилися Мазанівка та Лиман."
    )
    places = {(e.location, e.admin1) for e in extract(text, "uk")}
    assert ("Mazanivka", "Donetsk Oblast") in places
    assert ("Mazanivka", KHARKIV) not in places


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "В среду российские войска захватили Синьковку."),
        ("uk", "У середу російські війська захопили Синьківку."),
    ],
)
def test_a_weekday_before_the_side_does_not_make_it_the_target(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.actor1, event.actor2) == ("Military Forces of Russia (2000-)", None)


@pytest.mark.parametrize(
    "text",
    [
        "В среду Синьковку освободили военнослужащие из состава группировки войск «Запад».",
        "В среду Синьковку взяли под контроль подразделения группировки войск «Запад».",
    ],
)
def test_the_ministrys_grouping_named_after_the_verb_took_the_village(extract, text) -> None:
    (event,) = extract(text, "ru")
    assert event.sub_event_type.value == "Non-state actor overtakes territory"
    assert event.actor1 == "Military Forces of Russia (2000-)"


def test_a_place_said_to_lie_in_an_oblast_is_placed_there_in_every_sentence(extract) -> None:
    text = (
        "Минобороны сообщило об освобождении сел в Харьковской и Донецкой областях. "
        "В среду Мазановку освободили военнослужащие группировки войск «Восток». "
        "По данным министерства, Мазановка находится в Донецкой области."
    )
    found = {e.admin1 for e in extract(text, "ru") if e.location == "Mazanivka"}
    assert found == {"Donetsk Oblast"}


def test_a_city_before_an_abbreviation_is_no_given_name(extract) -> None:
    """ "У Києві ППО ...": "Києві" also parses as the given name Кий, and the capitals of
    "ППО" after it looked like a surname."""
    (event,) = extract("Вчора у Києві ППО знищила близько 10 російських дронів.", "uk")
    assert (event.location, event.sub_event_type.value) == ("Kyiv", "Disrupted weapons use")


def test_a_village_after_its_abbreviation_is_a_village(extract) -> None:
    """ "(с. Синьківка)": the dot of "с." is no sentence end before a common-looking word."""
    (event,) = extract("Вчора влучання на відкритій місцевості (с. Синьківка).", "uk")
    assert event.location == "Synkivka"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Вчора Сили оборони відбили по одній атаці противника в районі Синьківки."),
        ("uk", "Вчора ЗСУ тричі зупинили спроби ворога повернути позиції біля Синьківки."),
        ("uk", "Вчора окупанти намагалися відновити втрачене положення в районі Синьківки."),
        ("uk", "Вчора ворог зосередив зусилля на спробах взяти під свій контроль Синьківку."),
        ("ru", "Вчера ВСУ трижды остановили попытки противника вернуть позиции у Синьковки."),
    ],
)
def test_the_general_staffs_words_for_a_battle(extract, language, text) -> None:
    (event,) = extract(text, language)
    assert (event.location, event.sub_event_type.value) == ("Synkivka", "Armed clash")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Існує загроза спроби захопити Куп'янськ."),
        ("ru", "Россия планирует наступление на Купянск."),
    ],
)
def test_a_threatened_or_planned_battle_is_no_battle(extract, language, text) -> None:
    assert extract(text, language) == []


def test_front_sectors_named_in_the_plural_are_no_places(extract) -> None:
    """ "на Куп'янському та Лиманському напрямах": sectors named after towns, not the towns."""
    text = "Вчора на Куп'янському та Лиманському напрямах ЗСУ відбили атаки біля Синьківки."
    assert {e.location for e in extract(text, "uk")} == {"Synkivka"}


def test_full_control_established_is_a_capture(extract) -> None:
    (event,) = extract("Вчера ВС РФ установили полный контроль над поселком Синьковка.", "ru")
    assert event.sub_event_type.value == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Продолжаются авиаудары и артобстрелы по Купянску."),
        ("uk", "Тривають авіаудари та обстріли Куп'янська."),
        ("ru", "Подготовка к наступлению на Купянск говорит об отсутствии интереса к переговорам."),
    ],
)
def test_a_campaign_going_on_or_a_battle_prepared_is_no_event(extract, language, text) -> None:
    assert extract(text, language) == []


def test_a_russian_okrug_is_named_after_a_russian_town(extract) -> None:
    """ "в Валуйском округе": Russia's border regions count in okrugs, Ukraine in raions and
    hromadas, so the okrug is Valuyki's, not the Ukrainian hamlet Valuysk's."""
    (event,) = extract("В среду при ударе FPV-дрона в Валуйском округе ранен мужчина.", "ru")
    assert (event.location, event.admin1) == ("Valuyki", "Belgorod Oblast")


def test_a_hromada_after_its_villages_is_where_they_lie(extract) -> None:
    """ "села Синьківка і Мазанівка у Куп'янській громаді": the hromada says where the
    villages lie; it is no third place hit."""
    text = "Вчора обстріляні села Синьківка і Мазанівка у Куп'янській громаді."
    assert "Kupiansk" not in {e.location for e in extract(text, "uk")}


def test_a_name_after_imeni_is_a_person_not_a_place(extract) -> None:
    """ "посёлок шахты им. Изюма" names a mine after someone; the name is no town."""
    text = "Вчера при обстреле посёлка шахты им. Изюма в Харькове погиб мужчина."
    assert {e.location for e in extract(text, "ru")} == {"Kharkiv"}


def test_a_village_of_a_russian_district_is_not_a_namesake_far_away(extract) -> None:
    """ "в селе Новопетровка Грайворонского района": the gazetteer knows a Novopetrivka only
    in Donetsk Oblast, far from Grayvoron; the district's seat stands in for the village."""
    text = "Вчера дрон атаковал автомобиль в селе Новопетровка Грайворонского района."
    (event,) = extract(text, "ru")
    assert (event.location, event.geo_precision) == ("Grayvoron", 2)
