"""The Extractor seam: the English rule extractor, its version, and routing by language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.errors import ConfigError
from tracker.extract import (
    Extractor,
    LanguageRouter,
    RuleExtractor,
    default_extractor,
    extract_events,
    extractor_for,
    rules_version,
)
from tracker.extract.protocol import package_version, source_digest
from tracker.model import Article, Event, SubEventType, TimePrecision

SHELLING = Article(
    "Russian artillery shelled Kharkiv overnight, killing two civilians.",
    published=date(2022, 4, 12),
)


class Tagger:
    """A tiny extractor for one language: one event per article, its notes naming the reader."""

    def __init__(self, name: str, languages: set[str], version: str = "1") -> None:
        self.name = name
        self.version = version
        self.languages = frozenset(languages)

    def extract(self, article: Article) -> list[Event]:
        sub = SubEventType.AIR_DRONE_STRIKE
        day = article.published or date(2000, 1, 1)
        return [Event(f"{self.name}-1", day, TimePrecision.DAY, sub.event_type, sub, self.name)]


def test_the_rule_extractor_returns_exactly_what_extract_events_returns(gazetteer) -> None:
    extractor = RuleExtractor(gazetteer)
    assert extractor.extract(SHELLING) == extract_events(SHELLING, gazetteer=gazetteer)
    assert [e.location for e in extractor.extract(SHELLING)] == ["Kharkiv"]


def test_the_rule_extractor_passes_its_processing_day_on(gazetteer) -> None:
    undated = Article(SHELLING.text)
    today = date(2023, 7, 9)
    [event] = RuleExtractor(gazetteer, today=today).extract(undated)
    assert event.event_date == today  # no publication date: the processing day anchors it
    assert [event] == extract_events(undated, gazetteer=gazetteer, today=today)


def test_extractors_meet_the_protocol(gazetteer) -> None:
    assert isinstance(RuleExtractor(gazetteer), Extractor)
    assert isinstance(default_extractor(gazetteer), Extractor)
    assert isinstance(Tagger("t", {"xx"}), Extractor)


def test_the_rules_version_is_the_package_version_plus_a_digest_of_the_rule_files() -> None:
    version = rules_version()
    base, digest = version.split("+", 1)[0], version.rsplit("+", 1)[1]
    assert version.startswith(package_version() + "+") and base
    assert digest == source_digest("tracker.extract") and len(digest) == 12


def _package(root: Path, name: str, files: dict[str, str]) -> str:
    folder = root / name
    folder.mkdir()
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return name


def test_the_digest_changes_with_any_rule_or_lexicon_edit_and_ignores_plumbing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    base = {
        "__init__.py": "",
        "rules.py": "RULES = [('shelled', 'Shelling')]\n",
        "lexicons/sides.toml": "russian = ['occupiers']\n",
        "batch.py": "# plumbing\n",
    }
    digests = {}
    variants = {
        "same": {},
        "rule": {"rules.py": "RULES = [('shelled', 'Air/drone strike')]\n"},
        "lexicon": {"lexicons/sides.toml": "russian = ['occupiers', 'orcs']\n"},
        "plumbing": {"batch.py": "# plumbing, reworded\n"},
    }
    for n, (label, change) in enumerate(variants.items()):
        digests[label] = source_digest(_package(tmp_path, f"seam_pkg_{n}", base | change))
    assert digests["same"] == digests["plumbing"]
    assert len({digests["same"], digests["rule"], digests["lexicon"]}) == 3


@pytest.mark.parametrize(
    ("language", "reader"),
    [("en", "en"), ("en-GB", "en"), ("uk", "uk"), ("UK_ua", "uk"), ("fr", "en"), (None, "en")],
)
def test_the_router_chooses_by_primary_language_and_falls_back_to_english(
    language: str | None, reader: str
) -> None:
    router = LanguageRouter([Tagger("en", {"en"}), Tagger("uk", {"uk"})])
    article = Article("Text.", language=language)
    assert router.choose(article).name == reader
    assert extractor_for(router, article).name == reader
    assert [e.notes for e in router.extract(article)] == [reader]


def test_a_plain_extractor_reads_every_article_itself() -> None:
    tagger = Tagger("en", {"en"})
    assert extractor_for(tagger, Article("Text.", language="uk")) is tagger


def test_the_router_version_follows_its_extractors() -> None:
    one = LanguageRouter([Tagger("en", {"en"}), Tagger("uk", {"uk"}, version="1")])
    same = LanguageRouter([Tagger("en", {"en"}), Tagger("uk", {"uk"}, version="1")])
    newer = LanguageRouter([Tagger("en", {"en"}), Tagger("uk", {"uk"}, version="2")])
    assert one.version == same.version != newer.version
    assert one.languages == {"en", "uk"}
    assert [e.name for e in one.extractors] == ["en", "uk"]


def test_two_extractors_for_one_language_are_refused() -> None:
    with pytest.raises(ConfigError, match=r"'a' and 'b' both read 'en'"):
        LanguageRouter([Tagger("a", {"en"}), Tagger("b", {"en", "ru"})])


def test_a_router_without_the_default_language_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"no extractor reads the default language 'en'"):
        LanguageRouter([Tagger("uk", {"uk"})])


def test_the_shipped_router_reads_english_with_the_rules(gazetteer) -> None:
    router = default_extractor(gazetteer)
    chosen = router.choose(Article("Text.", language="fr"))
    assert (chosen.name, chosen.version) == ("rules-en", rules_version())
    assert router.choose(Article("Текст.", language="ru")).name == "rules-ru"
    assert router.choose(Article("Текст.", language="uk")).name == "rules-uk"
    assert router.extract(SHELLING) == extract_events(SHELLING, gazetteer=gazetteer)
