"""RSS/Atom feeds → the article links they list, with feedparser."""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
from dateutil import parser as dateutil_parser

from tracker.errors import InputError


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: where the article is and what the feed says of it."""

    link: str
    title: str | None = None
    published: date | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed. ``problem`` notes a recoverable fault, e.g. broken XML near the end."""

    url: str
    title: str | None
    language: str | None
    entries: tuple[FeedEntry, ...]
    skipped: int = 0  # entries without a link
    problem: str | None = None


def parse_feed(content: bytes, *, url: str, content_type: str = "") -> Feed:
    """Parse RSS or Atom bytes; entries' relative links are resolved against ``url``.

    Raises :class:`InputError` when nothing usable can be read. A feed that is
    broken only after some entries keeps those entries and notes the problem.

    Examples
    --------
    >>> feed = parse_feed(b"<rss version='2.0'><channel><item><link>/a</link></item>"
    ...                   b"</channel></rss>", url="https://example.org/feed.xml")
    >>> feed.entries[0].link
    'https://example.org/a'
    """
    # Always bytes: given a str that looks like a URL, feedparser would fetch it itself.
    parsed = feedparser.parse(
        bytes(content),
        response_headers={
            "content-location": url,
            "content-type": content_type or "application/xml",
        },
    )
    problem = _problem(parsed)
    entries = [_entry(raw, base=url) for raw in parsed.entries]
    kept = tuple(e for e in entries if e is not None)
    if problem and not kept:
        raise InputError(f"{url!r} is not a readable RSS or Atom feed: {problem}")
    return Feed(
        url=url,
        title=_text(parsed.feed.get("title")),
        language=_text(parsed.feed.get("language")),
        entries=kept,
        skipped=len(entries) - len(kept),
        problem=problem,
    )


def _problem(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    err = parsed.get("bozo_exception")
    return f"malformed feed ({err})" if err else "malformed feed"


def _entry(raw: Any, *, base: str) -> FeedEntry | None:
    link = _text(raw.get("link")) or _alternate(raw)
    if not link:
        return None
    detail = raw.get("author_detail") or {}
    return FeedEntry(
        link=urljoin(base, link),
        title=_text(raw.get("title")),
        published=_local_date(raw.get("published") or raw.get("updated"))
        or _date(raw.get("published_parsed") or raw.get("updated_parsed")),
        author=_text(detail.get("name")) or _text(raw.get("author")),
    )


def _alternate(raw: Any) -> str | None:
    for link in raw.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def _text(value: Any) -> str | None:
    text = str(value).strip() if value else ""
    return text or None


def _local_date(value: Any) -> date | None:
    """The calendar day in the publisher's own time zone, as written in the feed.

    feedparser converts to UTC, which moves a story posted at 01:00 in Kyiv to
    the previous day; the date an outlet printed is the one its readers saw.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dateutil_parser.parse(value).date()
    except (ValueError, OverflowError):
        return None


def _date(parsed: time.struct_time | None) -> date | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date()
