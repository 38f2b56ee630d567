"""Events as the rest of the tracker sees them: ids, offsets, provenance, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.errors import ExtractionError
from tracker.export.records import json_record
from tracker.extract import RuleExtractor, extract_events
from tracker.extract.batch import LineError, LineResult, extract_lines
from tracker.model import Article, Source

TEXT = (
    "Russian missiles struck an ammunition depot near Havrylivka in the Kyiv region overnight, "
    "the Russian Defence Ministry said. Separately, shelling killed two people in Kharkiv."
)
ARTICLE = Article(
    TEXT,
    title="Strikes overnight",
    url="https://example.org/a/1",
    published=date(2022, 4, 12),
    outlet="Example News",
)


def test_ids_are_stable_and_distinct(gazetteer) -> None:
    first = extract_events(ARTICLE, gazetteer=gazetteer)
    again = extract_events(ARTICLE, gazetteer=gazetteer)
    assert [e.event_id for e in first] == [e.event_id for e in again]
    assert len({e.event_id for e in first}) == len(first) == 2


def test_ids_change_with_the_article(gazetteer) -> None:
    other = Article(TEXT, url="https://example.org/a/2", published=date(2022, 4, 12))
    ids = {e.event_id for e in extract_events(ARTICLE, gazetteer=gazetteer)}
    assert ids.isdisjoint(e.event_id for e in extract_events(other, gazetteer=gazetteer))


def test_spans_and_notes_point_into_the_article(gazetteer) -> None:
    for e in extract_events(ARTICLE, gazetteer=gazetteer):
        trigger = TEXT[e.trigger_span[0] : e.trigger_span[1]]
        place = TEXT[e.place_span[0] : e.place_span[1]]
        assert trigger in e.notes and place in e.notes
        assert place in ("Havrylivka", "Kharkiv")
        assert e.notes in " ".join(TEXT.split())


def test_provenance(gazetteer) -> None:
    e = extract_events(ARTICLE, gazetteer=gazetteer)[0]
    assert e.article_id == ARTICLE.article_id
    assert (e.source_url, e.source_title) == (ARTICLE.url, ARTICLE.title)
    assert e.sources == (
        Source(ARTICLE.article_id, ARTICLE.url, ARTICLE.title, "Example News", date(2022, 4, 12)),
    )
    assert any(line.startswith("trigger:") for line in e.evidence)
    assert any(line.startswith("place:") for line in e.evidence)
    assert 0 < e.confidence < 1


def test_markup_offsets_still_point_into_the_original(gazetteer) -> None:
    html = "<p>Russian <b>shelling</b> hit <i>Kharkiv</i> on April 10.</p>"
    [e] = extract_events(Article(html, published=date(2022, 4, 12)), gazetteer=gazetteer)
    assert html[e.place_span[0] : e.place_span[1]] == "Kharkiv"
    assert "<b>" not in e.notes


@pytest.mark.parametrize("text", ["", "\x00\x01\x02" * 100, "x" * 2_000_001])
def test_unreadable_articles_raise_extraction_error(text: str, gazetteer) -> None:
    with pytest.raises(ExtractionError):
        extract_events(Article(text), gazetteer=gazetteer)


def test_other_language_and_plain_news_give_no_events(gazetteer) -> None:
    for text in ("Вночі ракети влучили в Харків.", "The council approved the city budget."):
        assert extract_events(Article(text), gazetteer=gazetteer) == []


def test_huge_text_without_sentences_stays_bounded(gazetteer) -> None:
    text = ("shelling hit Kharkiv " * 3_000).strip()
    events = extract_events(Article(text, published=date(2022, 4, 12)), gazetteer=gazetteer)
    assert len(events) == 1
    assert len(events[0].notes) <= 1000


def test_batch_lines_keep_going_after_bad_ones(gazetteer) -> None:
    lines = [
        '{"id": "a", "text": "Shelling hit Kharkiv.", "published": "2022-04-12"}',
        "not json",
        '{"id": "b", "text": ""}',
        '{"id": "c", "text": "Shelling hit Sumy.", "published": "12 April"}',
        "",
        '["a list"]',
        '{"id": 7, "text": "Missiles struck Lviv overnight.", "url": "https://example.org/7"}',
    ]
    extractor = RuleExtractor(gazetteer, today=date(2022, 4, 12))
    results = list(extract_lines(lines, extractor=extractor))
    kinds = [(type(r).__name__, r.input_id) for r in results]
    assert kinds == [
        ("LineResult", "a"),
        ("LineError", None),
        ("LineError", "b"),
        ("LineError", "c"),
        ("LineError", None),
        ("LineResult", "7"),
    ]
    errors = [r for r in results if isinstance(r, LineError)]
    assert "not JSON" in errors[0].message and "empty" in errors[1].message
    assert "published" in errors[2].message
    last = results[-1]
    assert isinstance(last, LineResult)
    assert last.events[0].location == "Lviv"
    assert last.article_id == Article("x", url="https://example.org/7").article_id


def test_event_record_is_plain_json(gazetteer) -> None:
    import json

    record = json_record(extract_events(ARTICLE, gazetteer=gazetteer)[0])
    again = json.loads(json.dumps(record))
    assert again["event_date"] == "2022-04-12"
    assert again["time_precision"] == 1
    assert again["sub_event_type"] == "Shelling/artillery/missile attack"
    assert again["sources"][0]["url"] == "https://example.org/a/1"
