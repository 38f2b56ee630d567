"""Scoring extraction on labelled news: reading the labels, pairing, figures, calibration, diff."""

from __future__ import annotations

import doctest
import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tracker.errors import ExtractionError, InputError
from tracker.extract import RuleExtractor, newseval, newsgold, newsreport
from tracker.extract.newseval import (
    ArticleOutcome,
    Totals,
    date_agrees,
    evaluate_news,
    pair_events,
    place_agrees,
    score_article,
)
from tracker.extract.newsgold import GoldArticle, GoldEvent, read_gold
from tracker.extract.newsreport import (
    diff_lines,
    format_diff,
    prediction_rows,
    summary,
    write_report,
)
from tracker.model import Article, Event, EventType, GeoPrecision, SubEventType, TimePrecision

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "news_gold.jsonl"

E = EventType.EXPLOSIONS
SHELL, DRONE, CLASH = (
    SubEventType.SHELLING_ARTILLERY_MISSILE,
    SubEventType.AIR_DRONE_STRIKE,
    SubEventType.ARMED_CLASH,
)
KHARKIV = (49.98177, 36.25475)
KYIV = (50.45466, 30.5238)
CHUHUIV = (49.83538, 36.6865)  # 35 km east of Kharkiv
SUMY_OBLAST = (51.08333, 34.03333)
BRUSSELS = (50.85045, 4.34878)  # outside the theatre box
DAY = date(2024, 5, 14)


def _gold(
    point: tuple[float, float] | None = KHARKIV,
    *,
    sub: SubEventType = SHELL,
    day: date | None = DAY,
    **fields: object,
) -> GoldEvent:
    lat, lon = point if point else (None, None)
    base = GoldEvent(sub.event_type, sub, day, latitude=lat, longitude=lon, location="Kharkiv")
    return replace(base, **fields)


def _event(
    point: tuple[float, float] | None = KHARKIV,
    *,
    sub: SubEventType = SHELL,
    day: date = DAY,
    **fields: object,
) -> Event:
    lat, lon = point if point else (None, None)
    base = Event(
        "e", day, TimePrecision.DAY, sub.event_type, sub, "Shelling hit the city.", latitude=lat,
        longitude=lon, location="Kharkiv" if point else None, confidence=0.8,
    )  # fmt: skip
    return replace(base, **fields)


def _article(article_id: str, *events: GoldEvent, lang: str = "en") -> GoldArticle:
    return GoldArticle(article_id, f"Text of {article_id}.", events=events, lang=lang)


def _extractor(by_text: dict[str, Sequence[Event]]):
    return lambda article: by_text.get(article.text, ())


# --- reading the labels -------------------------------------------------------------------


def test_the_fixture_reads_into_typed_articles() -> None:
    gold = read_gold([FIXTURE])
    assert gold.errors == ()
    assert [a.id for a in gold.articles] == [
        "en-strike",
        "en-none",
        "en-two",
        "en-region",
        "uk-dnipro",
    ]
    strike = gold.articles[0]
    assert strike.published == date(2024, 5, 15)
    assert strike.events[0] == replace(
        strike.events[0],
        event_type=E,
        sub_event_type=SHELL,
        latitude=49.98177,
        geo_precision=GeoPrecision.SETTLEMENT,
        event_date=DAY,
        time_precision=TimePrecision.DAY,
    )
    assert gold.articles[3].events[0].time_precision is TimePrecision.WEEK


def test_the_article_is_built_as_the_batch_input_builds_it() -> None:
    two = read_gold([FIXTURE]).articles[2]
    assert two.article == Article(
        two.text,
        title=None,
        url="https://example.org/news/odesa-kherson",
        published=date(2024, 6, 6),
        language="en",
    )


def test_language_filter() -> None:
    gold = read_gold([FIXTURE], languages=("uk",))
    assert [a.id for a in gold.articles] == ["uk-dnipro"]


def _good_line(article_id: str) -> str:
    return json.dumps({"id": article_id, "lang": "en", "text": "Calm.", "events": []})


def _event_line(article_id: str, **event: object) -> str:
    base = {"event_type": E.value, "sub_event_type": SHELL.value, "event_date": "2024-05-14"}
    return json.dumps({"id": article_id, "text": "Shelling.", "events": [{**base, **event}]})


BAD_LINES = [
    ("{oops", "not JSON"),
    ("[1, 2]", "a JSON list, not an article object"),
    (json.dumps({"id": "x", "events": []}), 'has no "text"'),
    (json.dumps({"text": "Calm."}), 'no "id"'),
    (json.dumps({"id": "x", "text": "Calm.", "published": "last May"}), "published is 'last May'"),
    (json.dumps({"id": "x", "text": "Calm.", "events": {}}), '"events" should be a list'),
    (_event_line("x", event_type="Shootout"), "event 1: event_type 'Shootout' is not"),
    (_event_line("x", sub_event_type="Peaceful protest"), "belongs to 'Protests'"),
    (_event_line("x", latitude=49.9), "a latitude or a longitude but not both"),
    (_event_line("x", latitude=149.9, longitude=36.2), "is not a latitude, longitude pair"),
    (_event_line("x", latitude="49.9", longitude=36.2), "latitude is '49.9', not a number"),
    (_event_line("x", geo_precision=4), "geo_precision is 4; use 1, 2, 3 or null"),
    (_event_line("x", event_date="14 May"), "event_date is '14 May', not a date"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES, ids=[m for _, m in BAD_LINES])
def test_a_bad_line_is_named_and_skipped(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([_good_line("a"), line, "", _good_line("b")]) + "\n")
    gold = read_gold([path])
    assert [a.id for a in gold.articles] == ["a", "b"]
    [error] = gold.errors
    assert (error.path, error.line) == (str(path), 2)
    assert message in error.message
    assert str(error).startswith(f"{path}:2: ")
    assert "\n" not in str(error)


def test_an_id_seen_before_is_a_bad_line(tmp_path: Path) -> None:
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_text(_good_line("a") + "\n")
    second.write_text(_good_line("b") + "\n" + _good_line("a") + "\n")
    gold = read_gold([first, second])
    assert [a.id for a in gold.articles] == ["a", "b"]
    assert [str(e) for e in gold.errors] == [
        f"{second}:2: id 'a' was seen before; give every article its own id"
    ]


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"cannot read labelled articles from .*nope\.jsonl"):
        read_gold([tmp_path / "nope.jsonl"])


# --- pairing ------------------------------------------------------------------------------


def test_events_of_another_type_never_pair() -> None:
    pairs = pair_events([_gold()], [_event(sub=CLASH)])
    assert pairs == ()


def test_a_subtype_mismatch_within_the_type_still_pairs() -> None:
    [pair] = pair_events([_gold(sub=SHELL)], [_event(sub=DRONE)])
    assert pair.strict


def test_greedy_pairs_take_the_nearest_place_first() -> None:
    gold = [_gold(KYIV, location="Kyiv"), _gold(KHARKIV)]
    predicted = [_event(KHARKIV), _event(CHUHUIV), _event(KYIV)]
    pairs = pair_events(gold, predicted)
    assert [(p.gold_index, p.predicted_index) for p in pairs] == [(0, 2), (1, 0)]
    assert all(p.strict for p in pairs)


def test_place_agreement_outranks_date_agreement_and_distance() -> None:
    # The prediction near Kharkiv has the right date but the wrong place; the Kyiv one, the
    # right place but a wrong date: the pair whose place agrees wins.
    gold = [_gold(KYIV, location="Kyiv")]
    predicted = [_event(CHUHUIV), _event(KYIV, day=date(2024, 5, 1))]
    [pair] = pair_events(gold, predicted)
    assert pair.predicted_index == 1 and pair.place_ok and not pair.date_ok


def test_date_agreement_breaks_a_tie_in_place() -> None:
    gold = [_gold(day=date(2024, 5, 1)), _gold(day=DAY)]
    [first, second] = pair_events(gold, [_event(day=DAY), _event(day=date(2024, 5, 2))])
    assert (first.gold_index, first.predicted_index) == (0, 1)
    assert (second.gold_index, second.predicted_index) == (1, 0)
    assert first.strict and second.strict


def test_date_agreement_outranks_a_shorter_distance() -> None:
    near_wrong_day = _event((49.99, 36.26), day=date(2024, 5, 1))  # ~1 km
    farther_right_day = _event((50.04, 36.30), day=DAY)  # ~7 km
    [pair] = pair_events([_gold()], [near_wrong_day, farther_right_day])
    assert pair.predicted_index == 1 and pair.strict


def test_pairs_are_one_to_one() -> None:
    outcome = score_article(_article("a", _gold()), [_event(), _event(KYIV)])
    assert len(outcome.pairs) == 1
    assert outcome.invented == (_event(KYIV),)


@pytest.mark.parametrize(
    ("gold_point", "event_point", "agrees"),
    [(None, None, True), (KHARKIV, None, False), (None, KHARKIV, False)],
    ids=["both unlocated", "only gold located", "only prediction located"],
)
def test_unlocated_events(gold_point, event_point, agrees: bool) -> None:
    [pair] = pair_events([_gold(gold_point)], [_event(event_point)])
    assert pair.place_ok is agrees
    assert pair.distance_km is None


@pytest.mark.parametrize(
    ("gold_precision", "event_precision", "event_point", "agrees"),
    [
        (GeoPrecision.REGION, GeoPrecision.SETTLEMENT, (51.0, 34.6), True),  # ~40 km
        (GeoPrecision.SETTLEMENT, GeoPrecision.REGION, (51.0, 34.6), True),
        (GeoPrecision.SETTLEMENT, GeoPrecision.SETTLEMENT, (51.0, 34.6), False),
        (GeoPrecision.NEAR, GeoPrecision.NEAR, (51.0, 34.6), False),
        (GeoPrecision.REGION, GeoPrecision.REGION, (51.0, 34.9), False),  # ~61 km
        (GeoPrecision.SETTLEMENT, None, (51.1, 34.1), True),  # ~5 km
    ],
)
def test_region_level_places_have_50_km_of_slack(
    gold_precision, event_precision, event_point, agrees: bool
) -> None:
    gold = _gold(SUMY_OBLAST, geo_precision=gold_precision)
    assert place_agrees(gold, _event(event_point, geo_precision=event_precision)) is agrees


@pytest.mark.parametrize(
    ("precision", "days_off", "agrees"),
    [
        (TimePrecision.DAY, 0, True),
        (TimePrecision.DAY, -1, True),
        (TimePrecision.DAY, 2, False),
        (TimePrecision.WEEK, 4, True),
        (TimePrecision.WEEK, -5, False),
        (TimePrecision.MONTH, -16, True),
        (TimePrecision.MONTH, 17, False),
    ],
)
def test_dates_have_a_day_a_week_or_a_month_of_slack(precision, days_off: int, agrees) -> None:
    gold = _gold(day=date(2024, 5, 15), time_precision=precision)
    predicted = _event(day=date.fromordinal(date(2024, 5, 15).toordinal() + days_off))
    assert date_agrees(gold, predicted) is agrees


def test_a_gold_event_without_a_date_never_agrees_on_date() -> None:
    assert not date_agrees(_gold(day=None), _event())


# --- figures ------------------------------------------------------------------------------


def _evaluation():
    strike = _article("strike", _gold())
    two = _article("two", _gold(KYIV, location="Kyiv"), _gold(sub=CLASH))
    quiet = _article("quiet")
    noisy = _article("noisy")
    uk = _article("uk", _gold(SUMY_OBLAST, geo_precision=GeoPrecision.REGION), lang="uk")
    predicted = {
        strike.text: [_event()],
        # The Kyiv shelling put at Chuhuiv, three days late; the clash missed.
        two.text: [_event(CHUHUIV, day=date(2024, 5, 17), confidence=0.9)],
        quiet.text: [],
        noisy.text: [_event(BRUSSELS, confidence=0.2), _event(None, sub=CLASH, confidence=0.6)],
        uk.text: [_event((51.0, 34.6), confidence=0.75)],
    }
    return evaluate_news([strike, two, quiet, noisy, uk], extract=_extractor(predicted))


def test_figures_follow_the_reference_definitions() -> None:
    figures = _evaluation().overall.figures()
    del figures["seconds"], figures["articles_per_s"]
    assert figures == {
        "articles": 5,
        "gold_events": 4,
        "pred_events": 5,
        "event_precision": 0.6,  # strike, two/Kyiv, uk paired: 3 of 5
        "event_recall": 0.75,
        "strict_precision": 0.4,  # strike and uk
        "strict_recall": 0.5,
        "place_within10": 0.333,  # only strike within 10 km; uk is 40 km (region slack)
        "date_ok": 0.667,
        "outside_share": 0.25,  # Brussels, of 4 located
        "negatives_with_events": "1/2",
    }


def test_figures_per_language() -> None:
    by_language = _evaluation().by_language
    assert list(by_language) == ["en", "uk"]
    assert by_language["uk"].figures()["strict_recall"] == 1.0
    assert by_language["en"].figures()["event_recall"] == 0.667
    assert by_language["en"].articles + by_language["uk"].articles == 5


def test_empty_denominators_give_no_figure() -> None:
    figures = Totals().figures()
    assert figures["event_precision"] is None and figures["articles_per_s"] is None
    assert figures["negatives_with_events"] == "0/0"


def test_speed_comes_from_the_clock() -> None:
    ticks = iter(range(0, 100, 2))
    evaluation = evaluate_news(
        [_article("a"), _article("b")], extract=lambda a: [], clock=lambda: next(ticks)
    )
    assert evaluation.overall.seconds == 4
    assert evaluation.overall.figures()["articles_per_s"] == 0.5


def test_min_confidence_drops_predictions_before_scoring() -> None:
    article = _article("a", _gold())
    weak, strong = _event(KYIV, confidence=0.3), _event(confidence=0.9)
    evaluation = evaluate_news([article], extract=lambda a: [weak, strong], min_confidence=0.5)
    [outcome] = evaluation.outcomes
    assert outcome.predicted == (strong,)
    assert evaluation.overall.figures()["strict_precision"] == 1.0


def test_a_refused_article_counts_with_no_events() -> None:
    def refuse(article: Article) -> list[Event]:
        raise ExtractionError("text is binary; give plain text")

    evaluation = evaluate_news([_article("a", _gold())], extract=refuse)
    [outcome] = evaluation.outcomes
    assert outcome.error == "text is binary; give plain text"
    assert outcome.missed == (_gold(),)
    assert evaluation.overall.figures()["event_recall"] == 0.0


# --- right, calibration -------------------------------------------------------------------


def test_right_means_paired_and_well_placed() -> None:
    verdicts = {v.event.confidence: v for v in _evaluation().verdicts}
    assert verdicts[0.8].right  # strike: paired, placed
    assert not verdicts[0.9].right  # paired, misplaced
    assert verdicts[0.75].right  # region slack
    assert not verdicts[0.2].right and not verdicts[0.6].right  # invented


def test_right_ignores_the_date() -> None:
    outcome = score_article(_article("a", _gold()), [_event(day=date(2024, 1, 1))])
    [verdict] = outcome.verdicts
    assert verdict.right and not verdict.pair.date_ok


def test_calibration_bins() -> None:
    evaluation = _evaluation()
    bins = [(b.low, b.high, b.events, b.right) for b in evaluation.calibration()]
    assert bins == [
        (0.0, 0.3, 1, 0),
        (0.3, 0.5, 0, 0),
        (0.5, 0.7, 1, 0),
        (0.7, 0.85, 2, 2),
        (0.85, 1.0, 1, 0),
    ]
    confident = evaluation.confident()
    assert (confident.events, confident.right, confident.share_right) == (3, 2, 0.667)


def test_a_confidence_of_one_falls_in_the_last_bin() -> None:
    evaluation = evaluate_news([_article("a", _gold())], extract=lambda a: [_event(confidence=1)])
    assert evaluation.calibration()[-1].events == 1


# --- what an engineer reads ---------------------------------------------------------------


def test_the_diff_names_each_kind_of_mistake() -> None:
    gold = (
        _gold(KYIV, location="Kyiv", admin1="Kyiv City", quote="shells hit Kyiv"),
        _gold(location="Kharkiv", admin1="Kharkiv Oblast", quote="artillery hit Kharkiv"),
        _gold(None, sub=CLASH, location=None, quote="fighting went on"),
    )
    article = replace(_article("a", *gold), url="https://example.org/a", path="g.jsonl", line=7)
    predicted = [
        _event(CHUHUIV, location="Chuhuiv", confidence=0.9),  # pairs with Kharkiv: misplaced
        _event(KYIV, location="Kyiv", day=date(2024, 5, 20)),  # pairs with Kyiv: wrong date
        _event(BRUSSELS, sub=CLASH, location="Brussels"),  # pairs with the clash: misplaced
        _event(sub=SubEventType.MOB_VIOLENCE, confidence=0.5),  # no gold riot: invented
    ]
    outcome = score_article(article, predicted)
    lines = diff_lines(outcome)
    assert lines[0] == "a [en] g.jsonl:7 https://example.org/a"
    assert lines[1] == "  gold 3, predicted 4, paired 3"
    assert lines[2:] == [
        "  INVENTED    Mob violence at Kharkiv, 2024-05-14, confidence 0.50: "
        "Shelling hit the city.",
        "  MISPLACED   Shelling/artillery/missile attack: predicted Chuhuiv vs gold Kharkiv, "
        "Kharkiv Oblast, 34.9 km",
        "  MISPLACED   Armed clash: predicted Brussels vs gold (no place), no distance",
        "  WRONG DATE  Shelling/artillery/missile attack at Kyiv, Kyiv City: predicted "
        "2024-05-20 vs gold 2024-05-14 (day)",
    ]


def test_the_diff_shows_missed_gold_with_its_quote_and_cuts_long_notes() -> None:
    article = _article("a", _gold(quote="artillery hit Kharkiv", admin1="Kharkiv Oblast"))
    long_notes = "word " * 60
    outcome = score_article(article, [_event(KYIV, sub=CLASH, notes=long_notes)])
    missed, invented = diff_lines(outcome)[2:]
    assert missed == (
        "  MISSED      Explosions/Remote violence / Shelling/artillery/missile attack at "
        'Kharkiv, Kharkiv Oblast, 2024-05-14 (day): "artillery hit Kharkiv"'
    )
    notes = invented.split(": ", 1)[1]
    assert len(notes) == 120 and notes.endswith("…")


def test_a_flawless_article_has_no_diff() -> None:
    outcome = score_article(_article("a", _gold()), [_event()])
    assert outcome.flawless and diff_lines(outcome) == []
    evaluation = evaluate_news([outcome.article], extract=lambda a: [_event()])
    assert format_diff(evaluation) == ""


def test_a_refused_article_shows_in_the_diff() -> None:
    outcome = ArticleOutcome(_article("a"), (), (), error="too long; split it")
    assert "  REFUSED     too long; split it" in diff_lines(outcome)


def test_prediction_rows_carry_the_event_and_its_verdict() -> None:
    rows = list(prediction_rows(_evaluation()))
    assert len(rows) == 5
    two = next(r for r in rows if r["article_id"] == "two")
    assert two["event"]["confidence"] == 0.9
    assert two["event"]["sub_event_type"] == SHELL.value
    assert (two["paired"], two["place_ok"], two["date_ok"], two["right"]) == (
        True,
        False,
        False,
        False,
    )
    assert two["gold"]["location"] == "Kyiv" and two["gold"]["event_date"] == "2024-05-14"
    assert two["distance_km"] > 400
    invented = [r for r in rows if r["article_id"] == "noisy"]
    assert all(r["gold"] is None and not r["paired"] for r in invented)
    json.dumps(rows)  # JSON-ready


def test_write_report(tmp_path: Path) -> None:
    evaluation = _evaluation()
    write_report(evaluation, tmp_path / "out", bad_lines=2)
    lines = (tmp_path / "out" / "predictions.jsonl").read_text().splitlines()
    assert [json.loads(line)["article_id"] for line in lines] == [
        r["article_id"] for r in prediction_rows(evaluation)
    ]
    totals = json.loads((tmp_path / "out" / "totals.json").read_text())
    assert totals == json.loads(json.dumps(summary(evaluation, bad_lines=2)))
    assert totals["bad_lines"] == 2
    assert (tmp_path / "out" / "diff.txt").read_text() == format_diff(evaluation)


def test_the_fixture_with_the_real_extractor(gazetteer) -> None:
    evaluation = evaluate_news(
        read_gold([FIXTURE]).articles, extract=RuleExtractor(gazetteer).extract
    )
    strike = evaluation.outcomes[0]
    assert [p.strict for p in strike.pairs] == [True]
    assert evaluation.overall.no_event_articles == 1


@pytest.mark.parametrize("module", [newsgold, newseval, newsreport], ids=lambda m: m.__name__)
def test_the_docstring_examples_run(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
