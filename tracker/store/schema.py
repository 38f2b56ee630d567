"""The tables, as SQLAlchemy 2.x typed declarative models (docs/schema.md explains them).

``events`` holds one row per real-world event (merged across articles);
``reports`` holds what each article said, so every merge can be explained and
undone; ``articles`` and ``fetch_state`` remember what was read, ``source_runs``
what each ingest run got from each source. The spatial
index is engine specific and made by the migrations: an R*Tree virtual table
kept in step by triggers on SQLite, a generated ``geometry(Point, 4326)``
column with a GiST index on PostGIS.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from geodata.tables import GAZETTEER_METADATA

ID_LEN = 64


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as naive UTC on every engine and read back as aware UTC."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base of the tracker's own tables."""


class _EventFields:
    """Columns an event and a report share: ACLED's fields plus our evidence."""

    event_date: Mapped[date] = mapped_column(sa.Date)
    time_precision: Mapped[int] = mapped_column(sa.SmallInteger)
    event_type: Mapped[str] = mapped_column(sa.String(40))
    sub_event_type: Mapped[str] = mapped_column(sa.String(40))
    actor1: Mapped[str | None] = mapped_column(sa.Text)
    actor2: Mapped[str | None] = mapped_column(sa.Text)
    location: Mapped[str | None] = mapped_column(sa.Text)
    admin1: Mapped[str | None] = mapped_column(sa.Text)
    admin2: Mapped[str | None] = mapped_column(sa.Text)
    country: Mapped[str | None] = mapped_column(sa.Text)
    latitude: Mapped[float | None] = mapped_column(sa.Float)
    longitude: Mapped[float | None] = mapped_column(sa.Float)
    geo_precision: Mapped[int | None] = mapped_column(sa.SmallInteger)
    geonameid: Mapped[int | None] = mapped_column(sa.BigInteger)
    fatalities: Mapped[int] = mapped_column(sa.Integer, default=0)
    confidence: Mapped[float] = mapped_column(sa.Float, default=0.5)
    notes: Mapped[str] = mapped_column(sa.Text)
    source_url: Mapped[str | None] = mapped_column(sa.Text)
    source_title: Mapped[str | None] = mapped_column(sa.Text)
    target: Mapped[str | None] = mapped_column(sa.Text)
    claimed_by: Mapped[str | None] = mapped_column(sa.Text)
    alleged: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    evidence: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    trigger_span: Mapped[list[int] | None] = mapped_column(sa.JSON)
    place_span: Mapped[list[int] | None] = mapped_column(sa.JSON)
    date_start: Mapped[date | None] = mapped_column(sa.Date)
    date_end: Mapped[date | None] = mapped_column(sa.Date)
    ambiguous: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())


class ArticleRow(Base):
    """One article ever stored, by canonical URL or content hash (``Article.article_id``)."""

    __tablename__ = "articles"

    article_id: Mapped[str] = mapped_column(sa.String(ID_LEN), primary_key=True)
    url: Mapped[str | None] = mapped_column(sa.Text)
    title: Mapped[str | None] = mapped_column(sa.Text)
    outlet: Mapped[str | None] = mapped_column(sa.Text)
    author: Mapped[str | None] = mapped_column(sa.Text)
    published: Mapped[date | None] = mapped_column(sa.Date)
    language: Mapped[str | None] = mapped_column(sa.String(16))
    country_focus: Mapped[str | None] = mapped_column(sa.String(8))
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    text: Mapped[str] = mapped_column(sa.Text)
    # The extractor that read the article, and its version (NULL before schema 0003).
    extractor: Mapped[str | None] = mapped_column(sa.String(40))
    extractor_version: Mapped[str | None] = mapped_column(sa.String(80))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventRow(_EventFields, Base):
    """One event, merged from every report of it; ``id`` keys the spatial index."""

    __tablename__ = "events"
    # Few indexes on purpose: each costs every insert. Date ranges, listing order
    # and the merge's same-day lookup use (event_date, event_id); space (and
    # space + time on SQLite) uses the spatial index; type, region and text
    # filters narrow what those return.
    __table_args__ = (
        sa.Index("ix_events_date_id", "event_date", "event_id"),
        sa.Index("ix_events_updated_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(sa.String(ID_LEN), unique=True)
    article_id: Mapped[str | None] = mapped_column(sa.String(ID_LEN))
    report_count: Mapped[int] = mapped_column(sa.Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The sources of the record as compact JSON, kept by the writer (store/sources.py)
    # so bulk reads need no join; NULL: no report, the event is its own source.
    sources: Mapped[str | None] = mapped_column(sa.Text)


class ReportRow(_EventFields, Base):
    """What one article said about one event; ``event_id`` is the event it was merged into.

    ``seq`` orders reports by arrival, so removing an article can re-derive its
    events exactly as if it had never been read. ``article_id`` is NULL for
    events bulk-imported without an article (:meth:`Store.import_events`).
    """

    __tablename__ = "reports"
    __table_args__ = (
        sa.Index("ix_reports_event_id", "event_id"),
        sa.Index("ix_reports_article_id", "article_id"),
    )

    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    report_id: Mapped[str] = mapped_column(sa.String(ID_LEN), unique=True)
    article_id: Mapped[str | None] = mapped_column(
        sa.String(ID_LEN), sa.ForeignKey("articles.article_id", ondelete="CASCADE")
    )
    event_id: Mapped[str] = mapped_column(sa.String(ID_LEN))


class FetchStateRow(Base):
    """The last fetch of a URL: validators for a conditional request next time."""

    __tablename__ = "fetch_state"

    url: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    etag: Mapped[str | None] = mapped_column(sa.Text)
    last_modified: Mapped[str | None] = mapped_column(sa.Text)
    content_hash: Mapped[str | None] = mapped_column(sa.String(64))
    status: Mapped[int | None] = mapped_column(sa.Integer)
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SourceRunRow(Base):
    """What one ingest run read from one source (a feed, site, channel or folder), for health."""

    __tablename__ = "source_runs"
    __table_args__ = (sa.Index("ix_source_runs_source_started", "source", "started_at"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[str] = mapped_column(sa.String(16))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(sa.String(16))
    articles_new: Mapped[int] = mapped_column(sa.Integer, default=0)
    articles_updated: Mapped[int] = mapped_column(sa.Integer, default=0)
    articles_seen: Mapped[int] = mapped_column(sa.Integer, default=0)
    articles_failed: Mapped[int] = mapped_column(sa.Integer, default=0)
    events_added: Mapped[int] = mapped_column(sa.Integer, default=0)
    newest_published: Mapped[date | None] = mapped_column(sa.Date)
    error: Mapped[str | None] = mapped_column(sa.Text)


ARTICLES = ArticleRow.__table__
EVENTS = EventRow.__table__
REPORTS = ReportRow.__table__
FETCH_STATE = FetchStateRow.__table__
SOURCE_RUNS = SourceRunRow.__table__

EVENT_FIELDS: tuple[str, ...] = tuple(
    name for name in _EventFields.__annotations__ if not name.startswith("_")
)
"""Names of the columns events and reports share, in declaration order."""

ALL_METADATA: tuple[sa.MetaData, ...] = (Base.metadata, GAZETTEER_METADATA)
"""Everything the migrations create: the tracker's tables and geodata's ``gaz_`` tables."""
