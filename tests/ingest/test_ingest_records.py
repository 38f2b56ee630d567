from __future__ import annotations

from datetime import date

from tracker.ingest.records import ArticleDefaults, apply_defaults, article_from_text
from tracker.model import Article


def test_sources_file_options_override_and_command_line_options_fill_in() -> None:
    article = Article(text="t", outlet="Own outlet", language=None, country_focus=None)
    override = ArticleDefaults(outlet="From feeds.toml")
    fallback = ArticleDefaults(published=date(2022, 5, 2), outlet="CLI", language="en")
    result = apply_defaults(article, override=override, fallback=fallback)
    assert (result.outlet, result.language, result.published) == (
        "From feeds.toml",
        "en",
        date(2022, 5, 2),
    )
    assert result.country_focus == "UA"  # the tracker's default focus


def test_an_article_that_needs_nothing_is_returned_as_is() -> None:
    article = Article(text="t", outlet="O", language="en", published=date(2022, 1, 1))
    same = apply_defaults(article, override=ArticleDefaults(), fallback=ArticleDefaults())
    assert same is article


def test_a_long_or_sentence_first_line_is_not_a_title() -> None:
    assert article_from_text("Shelling hit Kharkiv overnight.\n\nMore text.").title is None
    assert article_from_text("x" * 200 + "\n\nMore text.").title is None
    assert article_from_text("One paragraph only").title is None
