from __future__ import annotations

import pytest

from tracker.errors import InputError
from tracker.ingest.urls import canonicalize_url, is_remote, same_site


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Example.org/a?utm_source=tw&utm_medium=x", "https://example.org/a"),
        ("https://example.org/a?id=7&fbclid=abc#comments", "https://example.org/a?id=7"),
        ("https://example.org:443/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://example.org", "https://example.org/"),
        ("http://[::1]:8000/x?gclid=1", "http://[::1]:8000/x"),
        ("https://example.org/a?ref=home&page=2", "https://example.org/a?page=2"),
    ],
)
def test_canonical_urls_drop_tracking_and_noise(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


def test_two_tracking_variants_of_one_article_are_the_same_url() -> None:
    a = canonicalize_url("https://news.example/x/1?utm_campaign=rss")
    b = canonicalize_url("https://NEWS.example/x/1?fbclid=123#top")
    assert a == b


def test_a_bad_port_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a valid URL"):
        canonicalize_url("http://example.org:99999999/")


@pytest.mark.parametrize(
    ("location", "remote"),
    [
        ("https://a.example/feed", True),
        ("file:///etc/passwd", True),
        ("articles/a.txt", False),
        ("-", False),
        ("C:/data/x.txt", False),
    ],
)
def test_is_remote(location: str, remote: bool) -> None:
    assert is_remote(location) is remote


def test_same_site_ignores_www_but_not_other_hosts() -> None:
    assert same_site("https://www.news.example/a", "https://news.example/b")
    assert not same_site("https://evil.example/a", "https://news.example/a")
