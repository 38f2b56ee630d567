"""The pipeline reads with the extractor it is handed, and re-extracts stored articles
when their date or their extractor's version changes, or when asked; on SQLite and PostGIS."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tracker.app import App
from tracker.extract import LanguageRouter
from tracker.ingest import IngestOptions, IngestSummary, run_ingest
from tracker.model import Article, Event, EventFilter, SubEventType, TimePrecision
from tracker.store import ExtractorStamp

TODAY = date(2026, 11, 30)
TEXTS = {
    "depot.txt": "A drone struck a fuel depot on the edge of the town before dawn.",
    "bridge.txt": "Shells fell near the river bridge through the afternoon.",
}
# Far apart, so the store never merges the two articles' events into one.
POINTS = {TEXTS["depot.txt"]: (49.98, 36.25), TEXTS["bridge.txt"]: (49.84, 24.03)}


class Recording:
    """A fake-but-real extractor: one strike per article (Kharkiv or Lviv), notes naming
    the version that read it, and a list of the articles it read."""

    def __init__(self, name: str = "fake", *, version: str = "1", languages=("en",)) -> None:
        self.name = name
        self.version = version
        self.languages = frozenset(languages)
        self.read: list[Article] = []

    def extract(self, article: Article) -> list[Event]:
        self.read.append(article)
        day = article.published or TODAY
        sub = SubEventType.AIR_DRONE_STRIKE
        basis = f"{article.article_id}|{self.name}|{day.isoformat()}"
        return [
            Event(
                event_id=hashlib.sha256(basis.encode()).hexdigest()[:24],
                event_date=day,
                time_precision=TimePrecision.DAY,
                event_type=sub.event_type,
                sub_event_type=sub,
                notes=f"read by {self.name} {self.version}",
                latitude=POINTS[article.text][0],
                longitude=POINTS[article.text][1],
                article_id=article.article_id,
            )
        ]


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    app = App(db_url)
    yield app
    app.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    for name, text in TEXTS.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def options(tmp_path: Path) -> IngestOptions:
    return IngestOptions(lock_dir=tmp_path / "locks", log_jsonl=tmp_path / "log.jsonl")


def _run(app: App, folder: Path, extractor: object, options: IngestOptions, **changes: object):
    opts = dataclasses.replace(options, **changes)
    return run_ingest([str(folder)], app=app, extractor=extractor, options=opts)  # type: ignore[arg-type]


def _notes(app: App) -> list[tuple[str, date]]:
    return sorted((e.notes, e.event_date) for e in app.store.query_events(EventFilter()))


def _counts(summary: IngestSummary) -> tuple[int, int, int, int]:
    return (
        summary.articles_new,
        summary.articles_updated,
        summary.articles_unchanged,
        summary.articles_reprocessed,
    )


def test_the_pipeline_reads_with_the_extractor_it_is_given(
    app: App, folder: Path, options: IngestOptions
) -> None:
    fake = Recording(version="7")
    summary = _run(app, folder, fake, options, published=date(2022, 5, 2))
    assert _counts(summary) == (2, 0, 0, 0) and summary.events_added == 2
    assert sorted(a.text for a in fake.read) == sorted(TEXTS.values())
    assert _notes(app) == [("read by fake 7", date(2022, 5, 2))] * 2
    for article in fake.read:
        stored = app.store.stored_article(article.article_id)
        assert stored is not None and stored.extractor == ExtractorStamp("fake", "7")


def test_a_new_extractor_version_re_extracts_every_stored_article(
    app: App, folder: Path, options: IngestOptions
) -> None:
    _run(app, folder, Recording(version="1"), options, published=date(2022, 5, 2))
    same = Recording(version="1")
    assert _counts(_run(app, folder, same, options)) == (0, 0, 2, 0) and same.read == []
    newer = Recording(version="2")
    summary = _run(app, folder, newer, options)
    assert _counts(summary) == (0, 0, 0, 2) and len(newer.read) == 2
    # the stored date is kept: re-ingesting without --published never re-dates to today
    assert {a.published for a in newer.read} == {date(2022, 5, 2)}
    assert (summary.events_added, summary.events_removed) == (0, 0)  # same ids, new reports
    assert _notes(app) == [("read by fake 2", date(2022, 5, 2))] * 2
    assert _counts(_run(app, folder, Recording(version="2"), options)) == (0, 0, 2, 0)


def test_an_undated_article_warns_and_the_right_date_re_extracts_it(
    app: App, folder: Path, options: IngestOptions, tmp_path: Path
) -> None:
    first = _run(app, folder, Recording(), options)
    warned = sorted(w.origin for w in first.warnings)
    assert warned == sorted(str(folder / name) for name in TEXTS)
    assert all("--published" in w.message for w in first.warnings)
    assert "Warning: " + str(folder / "depot.txt") in first.describe()
    log = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    assert sum(line["event"] == "warning" for line in log) == 2
    assert _notes(app) == [("read by fake 1", TODAY)] * 2

    dated = _run(app, folder, Recording(), options, published=date(2022, 5, 2))
    assert _counts(dated) == (0, 0, 0, 2) and dated.warnings == ()
    assert (dated.events_added, dated.events_removed) == (2, 2)  # ids hold the day
    assert _notes(app) == [("read by fake 1", date(2022, 5, 2))] * 2
    again = _run(app, folder, Recording(), options, published=date(2022, 5, 2))
    assert _counts(again) == (0, 0, 2, 0)


def test_reprocess_re_extracts_unchanged_articles(
    app: App, folder: Path, options: IngestOptions
) -> None:
    _run(app, folder, Recording(), options, published=date(2022, 5, 2))
    fake = Recording()
    summary = _run(app, folder, fake, options, reprocess=True)
    assert _counts(summary) == (0, 0, 0, 2) and len(fake.read) == 2
    assert (summary.events_added, summary.events_merged, summary.events_removed) == (0, 0, 0)
    assert "0 unchanged, 2 reprocessed" in summary.describe()


def test_articles_stored_before_extractors_were_recorded_are_re_extracted(
    app: App, folder: Path, options: IngestOptions
) -> None:
    for text in TEXTS.values():  # as a database from before schema 0003 holds them
        article = Article(text, published=date(2022, 5, 2), country_focus="UA")
        app.store.save_article(article, [])
        assert app.store.stored_article(article.article_id).extractor is None  # type: ignore[union-attr]
    summary = _run(app, folder, Recording(), options, published=date(2022, 5, 2))
    assert _counts(summary) == (0, 0, 0, 2) and summary.events_added == 2


def test_a_new_version_of_one_language_re_extracts_only_that_language(
    app: App, tmp_path: Path, options: IngestOptions
) -> None:
    records = tmp_path / "mixed.jsonl"
    lines = [
        {"text": TEXTS["depot.txt"], "language": "en", "published": "2022-05-02"},
        {"text": TEXTS["bridge.txt"], "language": "uk-UA", "published": "2022-05-02"},
    ]
    records.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    english, ukrainian = Recording("en-rules"), Recording("uk-rules", languages=("uk",))
    first = run_ingest(
        [str(records)], app=app, extractor=LanguageRouter([english, ukrainian]), options=options
    )
    assert first.articles_new == 2 and len(english.read) == len(ukrainian.read) == 1
    english, newer = Recording("en-rules"), Recording("uk-rules", version="2", languages=("uk",))
    second = run_ingest(
        [str(records)], app=app, extractor=LanguageRouter([english, newer]), options=options
    )
    assert _counts(second) == (0, 0, 1, 1)
    assert english.read == [] and [a.language for a in newer.read] == ["uk-UA"]
    assert _notes(app) == [
        ("read by en-rules 1", date(2022, 5, 2)),
        ("read by uk-rules 2", date(2022, 5, 2)),
    ]
