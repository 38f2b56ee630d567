from __future__ import annotations

from datetime import date

import pytest
from ingest_pages import atom, rss

from tracker.errors import InputError
from tracker.ingest.feeds import parse_feed


def test_rss_entries_with_links_dates_and_titles() -> None:
    feed = parse_feed(
        rss(
            [
                ("Strike on Sumy", "/news/sumy", "Wed, 04 May 2022 09:15:00 +0300"),
                ("Late post", "https://test.example/news/late", "Thu, 05 May 2022 01:30:00 +0300"),
            ]
        ).encode(),
        url="https://test.example/rss",
    )
    assert feed.title == "Test Post news"
    assert [e.link for e in feed.entries] == [
        "https://test.example/news/sumy",
        "https://test.example/news/late",
    ]
    # the day as the outlet printed it, not shifted to UTC (which would be 4 May)
    assert feed.entries[1].published == date(2022, 5, 5)
    assert feed.entries[0].title == "Strike on Sumy"


def test_atom_entries() -> None:
    feed = parse_feed(
        atom([("Kherson", "https://test.example/k", "2022-05-05T10:00:00+03:00")]).encode(),
        url="https://test.example/atom",
    )
    assert [(e.link, e.published) for e in feed.entries] == [
        ("https://test.example/k", date(2022, 5, 5))
    ]


def test_entries_without_links_are_counted_not_kept() -> None:
    raw = (
        b"<rss version='2.0'><channel><title>t</title><item><title>x</title></item></channel></rss>"
    )
    feed = parse_feed(raw, url="https://test.example/rss")
    assert (feed.entries, feed.skipped) == ((), 1)


@pytest.mark.parametrize(
    "raw",
    [b"<rss><channel><item><title>broken", b"not a feed at all", b"<rss><channel><item><link>"],
)
def test_malformed_feeds_are_input_errors(raw: bytes) -> None:
    with pytest.raises(InputError, match="not a readable RSS or Atom feed"):
        parse_feed(raw, url="https://test.example/bad")


def test_a_feed_broken_after_some_entries_keeps_them() -> None:
    good = rss([("a", "https://test.example/a", "Mon, 02 May 2022 08:00:00 +0300")])
    raw = good.replace("</channel></rss>", "<item><title>cut off").encode()
    feed = parse_feed(raw, url="https://test.example/rss")
    assert [e.link for e in feed.entries] == ["https://test.example/a"]
    assert feed.problem is not None


def test_an_entity_expansion_bomb_is_not_expanded() -> None:
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    raw = (
        f'<?xml version="1.0"?><!DOCTYPE r [{"".join(levels)}]>'
        '<rss version="2.0"><channel><title>&l9;</title>'
        "<item><link>https://test.example/a</link></item></channel></rss>"
    ).encode()
    feed = parse_feed(raw, url="https://test.example/rss")
    assert len(feed.title or "") < 1000
