from __future__ import annotations

from pathlib import Path

import pytest

from tracker.errors import ConfigError
from tracker.ingest.sources import load_sources_file


def _toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sources_with_defaults_and_per_source_options(tmp_path: Path) -> None:
    path = _toml(
        tmp_path,
        """
[defaults]
language = "en"
country_focus = "UA"

[[source]]
url = "https://news.example/rss"
outlet = "Example News"

[[source]]
path = "inbox/*.jsonl"
name = "wire"
language = "uk"
""",
    )
    feed, local = load_sources_file(path)
    assert (feed.location, feed.remote, feed.options.outlet, feed.options.language) == (
        "https://news.example/rss",
        True,
        "Example News",
        "en",
    )
    assert local.location == str(tmp_path / "inbox" / "*.jsonl")
    assert (local.remote, local.label, local.options.language) == (False, "wire", "uk")
    assert local.options.country_focus == "UA"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[source]]\nurl = 'https://a'\noutlett = 'x'\n", "unknown key"),
        ("[[source]]\noutlet = 'x'\n", "exactly one of url"),
        ("[[source]]\nurl = 'a/b.txt'\n", "is not a URL"),
        ("[[source]]\nurl = 'https://a'\nlanguage = 3\n", "non-empty text"),
        ("[feeds]\nx = 1\n", "unknown table"),
        ("[defaults]\nlanguage = 'en'\n", "no [[source]]"),
        ("[[source]\nurl=", "not valid TOML"),
    ],
)
def test_mistakes_are_config_errors_with_a_fix(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_sources_file(_toml(tmp_path, text))


def test_a_missing_sources_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_sources_file(tmp_path / "nope.toml")
