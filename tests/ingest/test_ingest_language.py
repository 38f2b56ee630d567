"""An article's language: declared wins, else detected offline; it picks the extractor."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.app import App
from tracker.cli import cli
from tracker.errors import ConfigError
from tracker.extract import LanguageRouter
from tracker.ingest import IngestOptions, run_ingest
from tracker.ingest.language import check_language_code, detect_language
from tracker.ingest.sources import load_sources_file
from tracker.model import Article, Event

# Written for these tests: one short report in each language.
ENGLISH = "Two drones hit a warehouse on the outskirts of the city overnight; nobody was hurt."
UKRAINIAN = (
    "Уночі два дрони влучили у склад на околиці міста; ніхто не постраждав, кажуть рятувальники."
)
RUSSIAN = (
    "Ночью два беспилотника попали в склад на окраине города; "
    "никто не пострадал, сообщили спасатели."
)


class Reader:
    """An extractor that only remembers which articles it was given."""

    def __init__(self, language: str) -> None:
        self.name = f"reader-{language}"
        self.version = "1"
        self.languages = frozenset({language})
        self.read: list[Article] = []

    def extract(self, article: Article) -> list[Event]:
        self.read.append(article)
        return []


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    app = App(f"sqlite:///{tmp_path / 'lang.db'}")
    yield app
    app.close()


@pytest.fixture
def readers() -> dict[str, Reader]:
    return {code: Reader(code) for code in ("en", "uk", "ru")}


def _ingest(app: App, readers: dict[str, Reader], sources: list[str], **options: object) -> None:
    opts = IngestOptions(lock_name=None, **options)  # type: ignore[arg-type]
    router = LanguageRouter(readers.values())
    summary = run_ingest(sources, app=app, extractor=router, options=opts)
    assert summary.exit_code == 0, summary.describe()


def _read(readers: dict[str, Reader]) -> dict[str, list[str]]:
    return {code: [a.text for a in r.read] for code, r in readers.items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [(ENGLISH, "en"), (UKRAINIAN, "uk"), (RUSSIAN, "ru")],
    ids=["english", "ukrainian", "russian"],
)
def test_each_language_is_detected(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv’s mayor said “two drones” hit a depot — no one was hurt.",  # curly quotes, dashes
        "Shelling hit 3 villages (per the governor); 2_000 left.",
    ],
)
def test_latin_letters_amid_other_characters_are_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_only_the_start_of_a_long_article_is_read() -> None:
    # the detector reads a bounded prefix: what follows it does not change the answer
    assert detect_language(" ".join([UKRAINIAN] * 12 + [ENGLISH] * 200)) == "uk"


@pytest.mark.parametrize(
    "text", ["", "OK", "Так!", "12:40 — 15:10, 2024", "🚀🚀🚀 !!!", "A1_b2-C3 + 4,5,6 …"]
)
def test_too_little_text_is_no_guess(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("code", "expected"), [("en", "en"), ("UK", "uk"), (" ru ", "ru"), ("uk_UA", "uk")]
)
def test_language_codes_are_normalised(code: str, expected: str) -> None:
    assert check_language_code(code) == expected


@pytest.mark.parametrize("code", ["xx", "ukrainian", "", "123"])
def test_unknown_language_codes_are_refused_with_the_fix(code: str) -> None:
    with pytest.raises(ConfigError, match="ISO 639-1 code such as en, uk or ru"):
        check_language_code(code)


def test_undeclared_articles_go_to_the_extractor_of_their_detected_language(
    app: App, readers: dict[str, Reader], tmp_path: Path
) -> None:
    for name, text in (("en.txt", ENGLISH), ("uk.txt", UKRAINIAN), ("ru.txt", RUSSIAN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    _ingest(app, readers, [str(tmp_path / n) for n in ("en.txt", "uk.txt", "ru.txt")])
    assert _read(readers) == {"en": [ENGLISH], "uk": [UKRAINIAN], "ru": [RUSSIAN]}
    assert [a.language for r in readers.values() for a in r.read] == ["en", "uk", "ru"]


def test_a_declared_language_wins_over_detection(
    app: App, readers: dict[str, Reader], tmp_path: Path
) -> None:
    records = tmp_path / "declared.jsonl"
    lines = [{"text": UKRAINIAN, "language": "ru"}, {"text": RUSSIAN}]
    records.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    _ingest(app, readers, [str(records)])
    assert _read(readers) == {"en": [], "uk": [], "ru": [UKRAINIAN, RUSSIAN]}


def test_the_language_option_wins_over_detection_but_not_over_the_article(
    app: App, readers: dict[str, Reader], tmp_path: Path
) -> None:
    records = tmp_path / "mixed.jsonl"
    lines = [{"text": RUSSIAN}, {"text": ENGLISH, "language": "en"}]
    records.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    _ingest(app, readers, [str(records)], language="uk")
    assert _read(readers) == {"en": [ENGLISH], "uk": [RUSSIAN], "ru": []}


def test_the_detected_language_is_stored_with_the_article(tmp_path: Path) -> None:
    (tmp_path / "uk.txt").write_text(UKRAINIAN, encoding="utf-8")
    db = tmp_path / "cli.db"
    args = ["--db", f"sqlite:///{db}", "ingest", "--no-progress", "--lock-name", "t"]
    result = CliRunner().invoke(cli, [*args, str(tmp_path / "uk.txt")])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT language FROM articles").fetchall() == [("uk",)]


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_an_unknown_language_option_is_a_one_line_usage_error(command: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = CliRunner().invoke(
        cli, ["--db", db, command, str(tmp_path / "a.txt"), "--language", "zz"]
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: --language 'zz' is not a language code this tracker knows; "
        "give a two-letter ISO 639-1 code such as en, uk or ru"
    ]


def test_a_sources_file_language_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[[source]]\npath = "in"\nlanguage = "UA"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="language 'UA' is not a language code"):
        load_sources_file(path)
    path.write_text('[[source]]\npath = "in"\nlanguage = "uk-UA"\n', encoding="utf-8")
    assert load_sources_file(path)[0].options.language == "uk"


def test_extract_reads_with_a_declared_language(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    args = ["--db", db, "extract", str(tmp_path / "a.txt"), "--format", "jsonl"]
    assert CliRunner().invoke(cli, [*args, "--language", "en"]).exit_code == 0
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "1", "text": ENGLISH}) + "\n", encoding="utf-8")
    refused = CliRunner().invoke(
        cli, ["--db", db, "extract", "--batch", str(batch), "--language", "uk"]
    )
    assert refused.exit_code == 2
    assert "--language describes one article; it cannot apply to --batch" in refused.stderr
