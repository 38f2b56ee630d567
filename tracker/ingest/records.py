"""Turning what readers find (text, records, pages, feed entries) into Articles."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tracker.errors import InputError, TrackerError
from tracker.ingest.feeds import FeedEntry
from tracker.ingest.html import PageText
from tracker.ingest.urls import canonicalize_url, is_web_url
from tracker.model import Article

TEXT_KEYS = ("text", "body", "content")
_STR_FIELDS = ("title", "outlet", "author", "language", "country_focus")
_MAX_TITLE_LINE = 150


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a reader produced: an article, or the reason there is none."""

    origin: str  # "path/file.jsonl:3" or a URL: how the summary names it
    article: Article | None = None
    error: TrackerError | None = None


@dataclass(frozen=True, slots=True)
class ArticleDefaults:
    """Values that fill in (or, for a sources-file entry, override) an article's own."""

    published: date | None = None
    outlet: str | None = None
    language: str | None = None
    country_focus: str | None = None


def apply_defaults(
    article: Article, *, override: ArticleDefaults, fallback: ArticleDefaults
) -> Article:
    """``override`` wins over the article, which wins over ``fallback``; focus ends at "UA"."""
    values = {
        "published": override.published or article.published or fallback.published,
        "outlet": override.outlet or article.outlet or fallback.outlet,
        "language": override.language or article.language or fallback.language,
        "country_focus": override.country_focus
        or article.country_focus
        or fallback.country_focus
        or "UA",
    }
    if all(getattr(article, k) == v for k, v in values.items()):
        return article  # the common case on batch files: no copy
    return dataclasses.replace(article, **values)


def article_from_text(text: str) -> Article:
    """A plain-text article; a short first line followed by a blank line is its title.

    >>> article_from_text("Drone downed over Odesa\\n\\nAir defence shot down a drone.").title
    'Drone downed over Odesa'
    """
    first, sep, rest = text.strip().partition("\n")
    if sep and rest.startswith(("\n", "\r\n")) and len(first) <= _MAX_TITLE_LINE:
        title = first.strip()
        if title and not title.endswith((".", "!", "?", ":")):
            return Article(text=text.strip(), title=title, country_focus=None)
    return Article(text=text.strip(), country_focus=None)


def article_from_record(record: Any, *, origin: str) -> Article:
    """An article from a JSON/CSV record: ``text`` (or ``body``/``content``) and optional
    ``title``, ``url``, ``published``, ``outlet``, ``author``, ``language``, ``country_focus``."""
    if not isinstance(record, Mapping):
        raise InputError(
            f"{origin}: expected a JSON object per article, got {type(record).__name__}"
        )
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), "")
    if not text.strip():
        raise InputError(f"{origin}: the record has no 'text' (or 'body'/'content') to read")
    url = _opt_str(record, "url", origin)
    if url is not None and not is_web_url(url):
        # the URL becomes a link on journalists' maps: a javascript: or file: link is an attack
        raise InputError(f"{origin}: url {url!r} is not an http(s) URL; fix or remove it")
    fields = {k: _opt_str(record, k, origin) for k in _STR_FIELDS}
    return Article(
        text=text.strip(),
        url=canonicalize_url(url) if url else None,
        published=parse_published(record.get("published"), origin=origin),
        **fields,
    )


def article_from_page(
    page: PageText, *, fetched_url: str | None, entry: FeedEntry | None = None
) -> Article:
    """An article from an extracted web page, completed by its feed entry when there is one.

    The feed's date wins: it is structured data the outlet wrote on purpose,
    where a page's date is found by heuristics.
    """
    url = page.canonical_url or (canonicalize_url(fetched_url) if fetched_url else None)
    return Article(
        text=page.text,
        title=(entry.title if entry else None) or page.title,
        url=url,
        published=(entry.published if entry else None) or page.published,
        outlet=page.site_name,
        author=page.author or (entry.author if entry else None),
        language=page.language,
        country_focus=None,
    )


def parse_published(value: Any, *, origin: str) -> date | None:
    """``YYYY-MM-DD`` or an ISO timestamp (its own calendar day), else an InputError."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise InputError(f"{origin}: published {value!r} is not a date; write it as YYYY-MM-DD")


def _opt_str(record: Mapping[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{origin}: {key!r} should be text, got {value!r}")
    return value.strip() or None
