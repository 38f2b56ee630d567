from __future__ import annotations

from datetime import date

import pytest
from ingest_pages import ARTICLES, article_html

from tracker.errors import InputError
from tracker.ingest.html import extract_page


def test_page_text_and_metadata_are_extracted() -> None:
    page = extract_page(
        article_html("kharkiv", published="2022-05-02"),
        url="https://test.example/news/kharkiv?utm_source=rss",
        origin="x",
    )
    assert ARTICLES["kharkiv"][1] in page.text
    assert "all rights reserved" not in page.text  # boilerplate is gone
    assert page.title == "Shelling of residential Kharkiv"
    assert page.author == "Olena Test"
    assert page.published == date(2022, 5, 2)
    assert page.canonical_url == "https://test.example/news/kharkiv"
    assert page.language == "en"


def test_same_site_canonical_link_is_the_identity() -> None:
    html = article_html("odesa", canonical="https://www.test.example/story/odesa?utm_medium=x")
    page = extract_page(html, url="https://test.example/feed-item/123", origin="x")
    assert page.canonical_url == "https://www.test.example/story/odesa"


def test_a_foreign_canonical_link_is_not_trusted() -> None:
    """A hostile page must not be able to overwrite another outlet's article."""
    html = article_html("odesa", canonical="https://trusted-outlet.example/real-story")
    page = extract_page(html, url="https://evil.example/copy", origin="x")
    assert page.canonical_url == "https://evil.example/copy"
    assert page.site_name is None


def test_a_page_without_article_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        extract_page("<html><body><nav>Home</nav></body></html>", url=None, origin="idx")


def test_hostile_markup_does_not_leak_into_the_text() -> None:
    body = ARTICLES["sumy"][1]
    html = (
        "<html><body><article><p>"
        + body
        + "</p><script>alert('x')</script><style>p{}</style></article></body></html>"
    )
    page = extract_page(html, url=None, origin="x")
    assert "alert" not in page.text
    assert body in page.text
