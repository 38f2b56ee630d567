"""Ukrainian and Russian extraction: dates, inflected places, actors, claims, hedges, tolls.

Every passage here was written for these tests.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from geodata import load_embedded_gazetteer
from tracker.cli import cli
from tracker.extract import default_extractor
from tracker.extract.cyrillic import CyrillicExtractor, lexicon_for
from tracker.extract.cyrillic.dates import find_dates
from tracker.extract.cyrillic.facts import SentenceFacts
from tracker.extract.cyrillic.toponyms import ToponymFinder
from tracker.extract.prefixes import AlternativesScanner
from tracker.model import Article, SubEventType

PUBLISHED = date(2024, 4, 14)  # a Sunday


@pytest.fixture(scope="module")
def embedded():
    return load_embedded_gazetteer()


@pytest.fixture(scope="module")
def extract(embedded):
    router = default_extractor(embedded, today=date(2024, 6, 1))

    def run(text: str, language: str, published: date | None = PUBLISHED):
        return router.extract(Article(text, published=published, language=language))

    return run


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("uk", "У ніч на 12 квітня було гучно", "2024-04-12"),
        ("uk", "Це сталося вчора", "2024-04-13"),
        ("uk", "Минулої доби ворог бив", "2024-04-13"),
        ("uk", "Напередодні було тихо", "2024-04-13"),
        ("uk", "Сьогодні вранці", "2024-04-14"),
        ("uk", "Удар 3 березня", "2024-03-03"),
        ("uk", "Удар 3 березня 2023 року", "2023-03-03"),
        ("uk", "Удар 09.04.2024", "2024-04-09"),
        ("uk", "У суботу був удар", "2024-04-13"),
        ("ru", "В ночь на 12 апреля", "2024-04-12"),
        ("ru", "Накануне вечером", "2024-04-13"),
        ("ru", "В минувшие сутки", "2024-04-13"),
        ("ru", "Вчера днем", "2024-04-13"),
        ("ru", "Обстрел 2 января", "2024-01-02"),
        ("ru", "В пятницу обстреляли", "2024-04-12"),
    ],
)
def test_cyrillic_date_forms_resolve_against_the_publication_day(
    language: str, text: str, expected: str
) -> None:
    found = find_dates(text, lexicon_for(language), published=PUBLISHED, today=date(2030, 1, 1))
    assert found[0].event_date.isoformat() == expected


def test_a_month_alone_is_month_precision_and_a_date_in_the_future_is_a_plan() -> None:
    (march,) = find_dates("у березні", lexicon_for("uk"), published=PUBLISHED, today=PUBLISHED)
    assert (march.precision.value, march.date_start, march.date_end) == (
        3, date(2024, 3, 1), date(2024, 3, 31),
    )  # fmt: skip
    (later,) = find_dates("20.05.2024", lexicon_for("ru"), published=PUBLISHED, today=PUBLISHED)
    assert later.future


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        ("uk", "Вибухи у Харкові та під Бахмутом", ["Харків", "Бахмут"]),
        ("uk", "Обстріли по Херсонщині та Донеччині", ["Kherson Oblast", "Donetsk Oblast"]),
        ("uk", "Біля Гаврилівки Київської області", ["Гаврилівка", "Kyiv Oblast"]),
        ("uk", "Удар по Покровську і Нові Каховці", ["Покровськ", "Нова Каховка"]),
        ("uk", "Удар по Орихову та Очакові", ["Орихів", "Очаків"]),
        ("ru", "Бои под Купянском и в Харьковской области", ["Купянск", "Kharkiv Oblast"]),
        ("ru", "Обстрел Энергодара и Белгородчины", ["Энергодар", "Belgorod Oblast"]),
        ("ru", "Удар по Сумской громаде", ["Суми"]),
        ("ru", "Обстрел Часова Яра (ДНР)", ["Часов Яр", "Donetsk Oblast"]),
    ],
)
def test_inflected_toponyms_and_nicknames_are_found(embedded, language, text, names) -> None:
    finder = ToponymFinder(embedded, lexicon_for(language))
    assert [t.name for t in finder.find(text)] == names


def test_names_that_are_words_countries_or_people_are_not_places(embedded) -> None:
    finder = ToponymFinder(embedded, lexicon_for("uk"))
    text = "Ракета влучила в Україну. Іван Петренко сказав, що Вчора було тихо."
    assert finder.find(text) == []


def test_near_a_place_is_precision_two_and_an_oblast_after_it_is_a_hint(extract) -> None:
    text = "Вчора ворожий дрон атакував склад біля Ірпеня Київської області."
    (event,) = extract(text, "uk")
    assert (event.location, event.admin1, event.geo_precision) == ("Irpin", "Kyiv Oblast", 2)
    assert any("admin hint 'Kyiv Oblast'" in line for line in event.evidence)
    assert event.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert event.event_date == date(2024, 4, 13)


def test_ukrainian_forces_regaining_a_village_and_russian_forces_taking_one(extract) -> None:
    (regained,) = extract("ЗСУ звільнили село під Бахмутом.", "uk")
    assert regained.sub_event_type is SubEventType.GOVERNMENT_REGAINS_TERRITORY
    assert regained.actor1 == "Military Forces of Ukraine (2019-)"
    (taken,) = extract("Рашисти захопили Покровськ, визнали в ЗСУ.", "uk")
    assert taken.sub_event_type is SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY


@pytest.mark.parametrize(
    "text",
    [
        "Окупанти не обстрілювали Херсон цієї ночі.",
        "Росіяни планують обстріляти Херсон.",
        "Передали партію дронів для бригад у Сумах.",
    ],
)
def test_negations_intentions_and_weapons_without_an_attack_make_no_event(extract, text) -> None:
    assert extract(text, "uk") == []


def test_hedged_reports_are_alleged(extract) -> None:
    (event,) = extract("Нібито ракета влучила в будинок у Сумах.", "uk")
    assert event.alleged
    assert event.location == "Sumy"


def test_a_shoot_down_is_not_a_strike(extract) -> None:
    events = extract("Сили ППО збили 12 шахедів над Сумщиною.", "uk")
    assert [e.sub_event_type for e in events] == [SubEventType.DISRUPTED_WEAPONS_USE]
    assert events[0].admin1 == "Sumy Oblast"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "uk",
            "У ніч на 12 квітня російські окупанти обстріляли Харків з артилерії, "
            "загинули двоє людей, повідомив голова ОВА.",
            (SubEventType.SHELLING_ARTILLERY_MISSILE, "Kharkiv", date(2024, 4, 12), 2,
             "Military Forces of Russia (2000-)", "regional military administration"),
        ),
        (
            "ru",
            "В ночь на 10 апреля ВСУ нанесли удар беспилотниками по Белгороду, погибли "
            "три человека, сообщил губернатор.",
            (SubEventType.AIR_DRONE_STRIKE, "Belgorod", date(2024, 4, 10), 3,
             "Military Forces of Ukraine (2019-)", "regional governor"),
        ),
    ],
)  # fmt: skip
def test_the_extractors_place_date_count_and_name_the_sides_and_the_claimant(
    extract, language: str, text: str, expected: tuple[object, ...]
) -> None:
    (event,) = extract(text, language)
    got = (event.sub_event_type, event.location, event.event_date, event.fatalities,
           event.actor1, event.claimed_by)  # fmt: skip
    assert got == expected
    assert event.geo_precision == 1


def test_the_russian_defence_ministry_claims_its_own_strikes(extract) -> None:
    text = "Минобороны России сообщило, что накануне уничтожен склад боеприпасов под Купянском."
    (event,) = extract(text, "ru")
    assert event.claimed_by == "Russian Defence Ministry"
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert (event.location, event.geo_precision) == ("Kupyansk", 2)
    assert event.event_date == date(2024, 4, 13)


def test_several_dead_reads_conservatively() -> None:
    facts = SentenceFacts(lexicon_for("ru"))
    assert facts.fatalities("В результате обстрела погибли несколько человек.").count == 3
    assert facts.fatalities("Ранены пять человек.") is None
    assert SentenceFacts(lexicon_for("uk")).fatalities("Загинув чоловік.").count == 1


def test_the_scanner_indexes_rules_with_non_ascii_letters() -> None:
    scanner = AlternativesScanner([r"(?P<a>\bобстріл\w*)", r"(?P<b>\bshell\w*)"], flags=re.I)
    found = [m.group() for m in scanner.finditer("Обстріли, then shelling; обстріл.")]
    assert found == ["Обстріли", "shelling", "обстріл"]


def test_an_extractor_for_an_unknown_language_is_refused(embedded) -> None:
    with pytest.raises(ValueError, match=r"no Cyrillic word tables for language 'pl'"):
        CyrillicExtractor(embedded, language="pl")


def test_tracker_extract_reads_ukrainian_and_russian_end_to_end(tmp_path: Path) -> None:
    runner = CliRunner()
    cases = [
        ("uk", "Вчора окупанти обстріляли Херсон, загинули двоє людей.", "Kherson"),
        ("ru", "Накануне российские войска обстреляли Херсон из артиллерии.", "Kherson"),
    ]
    for language, text, place in cases:
        path = tmp_path / f"{language}.txt"
        path.write_text(text, encoding="utf-8")
        result = runner.invoke(
            cli,
            ["--db", f"sqlite:///{tmp_path / 'none.db'}", "extract", str(path),
             "--published", "2024-04-14", "--language", language],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        (feature,) = json.loads(result.stdout)["features"]
        props = feature["properties"]
        assert (props["location"], props["event_date"]) == (place, "2024-04-13")
        assert props["sub_event_type"] == "Shelling/artillery/missile attack"


def test_tracker_extract_batch_detects_or_takes_each_lines_language(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Вчора окупанти обстріляли Херсон, загинули двоє людей.",
         "published": "2024-04-14"},
        {"id": "b", "text": "Накануне российские войска обстреляли Херсон из артиллерии.",
         "published": "2024-04-14", "language": "ru"},
    ]  # fmt: skip
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--db", f"sqlite:///{tmp_path / 'none.db'}", "extract", "--batch", str(path)]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["location"]) for r in records] == [("a", "Kherson"), ("b", "Kherson")]
