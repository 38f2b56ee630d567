"""Web page → article text and metadata, with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura

from tracker.errors import InputError
from tracker.ingest.urls import canonicalize_url, is_web_url, same_site

_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
# Publication dates only from the page's own markup: guessing from copyright
# lines or URL fragments puts events on the wrong day, which is a wrong story.
MIN_ARTICLE_CHARS = 80
MIN_PROSE_LINE = 60  # at least one paragraph-like line, not only short link titles
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class PageText:
    """What a web page says about itself, once boilerplate is stripped."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    canonical_url: str | None = None
    language: str | None = None
    site_name: str | None = None


def extract_page(html: str, *, url: str | None, origin: str) -> PageText:
    """Main text, title, date, author and canonical URL of an HTML page.

    Parameters
    ----------
    html
        The decoded page.
    url
        Where the page was fetched from (after redirects), if anywhere. A
        ``<link rel=canonical>`` is trusted only on the same site, so a hostile
        page cannot take over another outlet's article identity.
    origin
        How to name the page in error messages.

    Examples
    --------
    >>> page = extract_page("<html><body><article><p>" + "Shelling hit Kharkiv. " * 20
    ...                     + "</p></article></body></html>", url=None, origin="x")
    >>> page.text[:20]
    'Shelling hit Kharkiv'
    """
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (getattr(doc, "text", None) or "").strip()
    if not _is_prose(text):
        raise InputError(
            f"{origin!r} has no article text that could be extracted "
            "(an index page, a paywall or a page built by JavaScript?)"
        )
    declared = getattr(doc, "url", None)
    foreign = bool(url and declared and not same_site(declared, url))
    return PageText(
        text=text,
        title=_clean(getattr(doc, "title", None)),
        author=_clean(getattr(doc, "author", None)),
        published=_date(getattr(doc, "date", None)),
        canonical_url=_canonical(declared, url),
        language=_language(html),
        # A site name taken from a foreign canonical link is as untrusted as the link.
        site_name=None if foreign else _clean(getattr(doc, "sitename", None)),
    )


def _is_prose(text: str) -> bool:
    # trafilatura falls back to whatever text a page has, menus included; an
    # index page of link titles is not an article and must not be stored as one.
    lines = text.splitlines()
    return len(text) >= MIN_ARTICLE_CHARS and max(map(len, lines), default=0) >= MIN_PROSE_LINE


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _canonical(declared: str | None, fetched: str | None) -> str | None:
    usable = declared is not None and is_web_url(declared)
    if fetched is None:
        return canonicalize_url(declared) if usable and declared else None
    if usable and declared and same_site(declared, fetched):
        return canonicalize_url(declared)
    return canonicalize_url(fetched)


def _language(html: str) -> str | None:
    match = _LANG.search(html[:4096])
    return match.group(1).lower() if match else None
