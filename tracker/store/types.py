"""Plain result types of the store: what a save did, what an article is, fetch state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.model import Article


class ArticleStatus(StrEnum):
    """How an article compares with what the database already holds."""

    NEW = "new"  # never stored
    UNCHANGED = "unchanged"  # stored with the same text, date and extractor (and reports)
    UPDATED = "updated"  # stored, but its text (or its extracted reports) changed
    # Same text, but stored under another publication date or extractor version:
    # its events must be extracted again. Only article_status says this; a save
    # that rewrites such an article reports UPDATED.
    STALE = "stale"


@dataclass(frozen=True, slots=True)
class ExtractorStamp:
    """Which extractor, at which version, read an article (kept with the article)."""

    name: str
    version: str

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the database remembers of an article: enough to tell whether to read it again.

    ``extractor`` is None for articles stored before extractors were recorded
    (schema 0003) or saved without one; that never equals a real extractor.
    """

    content_hash: str
    published: date | None
    extractor: ExtractorStamp | None

    def status_of(self, article: Article, *, extractor: ExtractorStamp | None) -> ArticleStatus:
        """UPDATED when the text changed, STALE when only the date or extractor did, else UNCHANGED.

        >>> from tracker.model import Article
        >>> a = Article("Shelling hit Kharkiv.")
        >>> stored = StoredArticle(a.content_hash, None, None)
        >>> stored.status_of(a, extractor=ExtractorStamp("rules-en", "1")).value
        'stale'
        """
        if self.content_hash != article.content_hash:
            return ArticleStatus.UPDATED
        if self.published != article.published or self.extractor != extractor:
            return ArticleStatus.STALE
        return ArticleStatus.UNCHANGED


class CountBy(StrEnum):
    """The buckets :meth:`Store.counts` can group events by."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    REGION = "region"
    TYPE = "type"


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What :meth:`Store.save_article` did, all in one transaction.

    ``events_added`` counts new events (a report that matched nothing),
    ``events_merged`` counts reports that joined an event another article had
    reported, ``events_removed`` counts events that disappeared because this
    article no longer reports them and nobody else does. ``error`` is set only
    by :meth:`Store.save_articles`, for an article it could not store (nothing
    of it was written; ``status`` is then UNCHANGED).
    """

    status: ArticleStatus
    events_added: int = 0
    events_merged: int = 0
    events_removed: int = 0
    error: Exception | None = None

    @property
    def changed(self) -> bool:
        """True when the save wrote anything."""
        return self.error is None and self.status is not ArticleStatus.UNCHANGED

    @property
    def failed(self) -> bool:
        """True when :meth:`Store.save_articles` could not store this article (see ``error``)."""
        return self.error is not None


@dataclass(frozen=True, slots=True)
class FetchState:
    """What the last fetch of a URL returned, for conditional (incremental) requests.

    ``status`` is the HTTP status of the last answer (200, 304, 404, ...) or None
    when the fetch failed before any answer; ``content_hash`` is the SHA-256 of
    the text extracted last time.
    """

    url: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    status: int | None = None
    fetched_at: datetime | None = None
