"""Writing an article and its reports in one transaction, merging them into events.

Runs inside a write transaction opened by :class:`tracker.store.Store`
(``BEGIN IMMEDIATE`` on SQLite). On PostgreSQL, advisory transaction locks on
the article and on every date it touches serialise the read-decide-write steps
of concurrent writers, so two workers never both create the same event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from tracker.model import Article, Event
from tracker.store import sources
from tracker.store.merge import aggregate, best_match
from tracker.store.rows import article_row, report_row
from tracker.store.schema import ARTICLES, EVENT_FIELDS, EVENTS, REPORTS
from tracker.store.types import ArticleStatus, ExtractorStamp, SaveResult, StoredArticle

Row = Mapping[str, Any]

# Statements built once with named parameters: SQLAlchemy compiles each one a
# single time and reuses it. Building ``.values(row)`` afresh per call made it
# derive a cache key from every value, which was half the cost of a save.
_STORED = sa.select(
    ARTICLES.c.content_hash,
    ARTICLES.c.published,
    ARTICLES.c.extractor,
    ARTICLES.c.extractor_version,
).where(ARTICLES.c.article_id == sa.bindparam("p_article_id"))
_REPORTS_OF = sa.select(REPORTS).where(REPORTS.c.article_id == sa.bindparam("p_article_id"))
_INSERT_ARTICLE = sa.insert(ARTICLES)
_UPDATE_ARTICLE = sa.update(ARTICLES).where(ARTICLES.c.article_id == sa.bindparam("p_article_id"))
_DELETE_ARTICLE = sa.delete(ARTICLES).where(ARTICLES.c.article_id == sa.bindparam("p_article_id"))
_INSERT_REPORT = sa.insert(REPORTS)
_DELETE_REPORTS = sa.delete(REPORTS).where(
    REPORTS.c.seq.in_(sa.bindparam("p_seqs", expanding=True))
)
_SET_REPORT_EVENT = (
    sa.update(REPORTS)
    .where(REPORTS.c.seq == sa.bindparam("p_seq"))
    .values(event_id=sa.bindparam("p_event_id"))
)
_CLUSTER = (
    sa.select(REPORTS)
    .where(REPORTS.c.event_id == sa.bindparam("p_event_id"))
    .order_by(REPORTS.c.seq)
)
_EVENT = sa.select(*EVENTS.c).where(EVENTS.c.event_id == sa.bindparam("p_event_id"))
_HAS_REPORTS = (
    sa.select(REPORTS.c.seq).where(REPORTS.c.event_id == sa.bindparam("p_event_id")).limit(1)
)
_INSERT_EVENT = sa.insert(EVENTS)
_UPDATE_EVENT = sa.update(EVENTS).where(EVENTS.c.event_id == sa.bindparam("p_event_id"))
_DELETE_EVENT = sa.delete(EVENTS).where(EVENTS.c.event_id == sa.bindparam("p_event_id"))
_EVENTS_STILL = sa.select(EVENTS.c.event_id).where(
    EVENTS.c.event_id.in_(sa.bindparam("p_event_ids", expanding=True))
)
# Only what the merge rule looks at (merge.match_distance / best_match): the
# text and JSON columns of every same-day event are not worth reading.
_MATCH_COLUMNS = (
    "id",
    "event_id",
    "article_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "latitude",
    "longitude",
    "geo_precision",
    "admin1",
    "geonameid",
)
_CANDIDATES = sa.select(*(EVENTS.c[name] for name in _MATCH_COLUMNS)).where(
    EVENTS.c.event_date == sa.bindparam("p_day"),
    EVENTS.c.event_type == sa.bindparam("p_event_type"),
    EVENTS.c.latitude.is_not(None),
)


def stored_article(conn: sa.Connection, article_id: str) -> StoredArticle | None:
    """What the database holds of ``article_id``, or None when it was never stored."""
    row = conn.execute(_STORED, {"p_article_id": article_id}).one_or_none()
    if row is None:
        return None
    name, version = row.extractor, row.extractor_version
    stamp = ExtractorStamp(name, version) if name is not None and version is not None else None
    return StoredArticle(row.content_hash, row.published, stamp)


def article_status(
    conn: sa.Connection, article: Article, *, extractor: ExtractorStamp | None = None
) -> ArticleStatus:
    """NEW, UNCHANGED, UPDATED (other text) or STALE (other date or extractor), as stored now."""
    stored = stored_article(conn, article.article_id)
    return ArticleStatus.NEW if stored is None else stored.status_of(article, extractor=extractor)


def save_article(
    conn: sa.Connection,
    article: Article,
    events: Sequence[Event],
    *,
    now: datetime,
    extractor: ExtractorStamp | None = None,
) -> SaveResult:
    """Store ``article`` and make its reports exactly ``events``; see :class:`SaveResult`."""
    article_id = article.article_id
    _lock(conn, f"article:{article_id}")
    status = article_status(conn, article, extractor=extractor)
    # A new article has no reports yet (reports reference their article).
    old = {} if status is ArticleStatus.NEW else _reports_of(conn, article_id)
    new = {e.event_id: report_row(e, article_id=article_id) for e in events}
    if status is ArticleStatus.UNCHANGED and _same_reports(old, new):
        return SaveResult(ArticleStatus.UNCHANGED)
    dates = {r["event_date"] for r in old.values()} | {r["event_date"] for r in new.values()}
    for day in sorted(dates):  # one order for every writer: no deadlock
        _lock(conn, f"date:{day.isoformat()}")
    values = article_row(article, now=now, extractor=extractor)
    _upsert_article(conn, values, exists=status is not ArticleStatus.NEW)
    gone = [rid for rid, row in old.items() if not _same_report(row, new.get(rid))]
    fresh = [row for rid, row in new.items() if not _same_report(old.get(rid), row)]
    # Every event this article reports keeps its sources in step: the kept
    # reports' events too, since the article's title, link or date may change.
    touched = {row["event_id"] for rid, row in old.items() if rid not in gone}
    vanished = _remove_reports(conn, [old[rid] for rid in gone], now=now, touched=touched)
    added = merged = 0
    for row in fresh:
        if _place_report(conn, _insert_report(conn, row), now=now, touched=touched):
            merged += 1
        elif row["report_id"] in vanished:
            vanished.discard(row["report_id"])  # the same event, reported differently now
        else:
            added += 1
    sources.refresh(conn, touched)
    removed = len(vanished)
    if status in (ArticleStatus.UNCHANGED, ArticleStatus.STALE):
        # same text, but its reports, date or extractor changed (a re-extraction)
        status = ArticleStatus.UPDATED
    return SaveResult(status, events_added=added, events_merged=merged, events_removed=removed)


def delete_article(conn: sa.Connection, article_id: str, *, now: datetime) -> int:
    """Remove an article and its reports, re-deriving the events; returns events removed."""
    _lock(conn, f"article:{article_id}")
    old = _reports_of(conn, article_id)
    for day in sorted({r["event_date"] for r in old.values()}):
        _lock(conn, f"date:{day.isoformat()}")
    touched: set[str] = set()
    vanished = _remove_reports(conn, list(old.values()), now=now, touched=touched)
    conn.execute(_DELETE_ARTICLE, {"p_article_id": article_id})
    sources.refresh(conn, touched)
    return len(vanished)


def _lock(conn: sa.Connection, key: str) -> None:
    # SQLite already holds the one database-wide write lock (BEGIN IMMEDIATE).
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(key))))


def _reports_of(conn: sa.Connection, article_id: str) -> dict[str, Row]:
    rows = conn.execute(_REPORTS_OF, {"p_article_id": article_id})
    return {r.report_id: r._mapping for r in rows}


def _same_report(old: Row | None, new: Row | None) -> bool:
    if old is None or new is None:
        return False
    return all(old[name] == new[name] for name in EVENT_FIELDS)


def _same_reports(old: Mapping[str, Row], new: Mapping[str, Row]) -> bool:
    return old.keys() == new.keys() and all(_same_report(old[k], new[k]) for k in old)


def _upsert_article(conn: sa.Connection, row: dict[str, Any], *, exists: bool) -> None:
    if not exists:
        conn.execute(_INSERT_ARTICLE, row)
        return
    del row["first_seen"]
    conn.execute(_UPDATE_ARTICLE, {**row, "p_article_id": row["article_id"]})


def _insert_report(conn: sa.Connection, row: Row) -> Row:
    result = conn.execute(_INSERT_REPORT, dict(row))
    return {**row, "seq": result.inserted_primary_key[0]}


def _remove_reports(
    conn: sa.Connection, rows: Sequence[Row], *, now: datetime, touched: set[str]
) -> set[str]:
    """Delete reports, re-derive each event they fed; return the event ids now gone.

    Every event written on the way is added to ``touched``.
    """
    affected = sorted({r["event_id"] for r in rows})
    if not affected:
        return set()
    conn.execute(_DELETE_REPORTS, {"p_seqs": [r["seq"] for r in rows]})
    for event_id in affected:
        _rederive(conn, event_id, now=now, touched=touched)
    still = conn.execute(_EVENTS_STILL, {"p_event_ids": affected})
    return set(affected) - set(still.scalars())


def _rederive(conn: sa.Connection, event_id: str, *, now: datetime, touched: set[str]) -> None:
    # Dissolve the event and place its remaining reports again in arrival order,
    # as if the removed reports had never been read.
    remaining = _cluster(conn, event_id)
    conn.execute(_DELETE_EVENT, {"p_event_id": event_id})
    for row in remaining:
        _place_report(conn, row, now=now, touched=touched)


def _cluster(conn: sa.Connection, event_id: str) -> list[Row]:
    return [r._mapping for r in conn.execute(_CLUSTER, {"p_event_id": event_id})]


def _place_report(conn: sa.Connection, report: Row, *, now: datetime, touched: set[str]) -> bool:
    """Merge ``report`` into a matching event (True) or found a new one (False).

    The event's id goes into ``touched``: its sources are refreshed at the end.
    """
    match = best_match(report, _candidates(conn, report["event_date"], report["event_type"]))
    event_id = match["event_id"] if match else report["report_id"]
    touched.add(event_id)
    if match is not None:
        _adopt_imported(conn, match)
    conn.execute(_SET_REPORT_EVENT, {"p_seq": report["seq"], "p_event_id": event_id})
    if match is None:
        row = aggregate([report], event_id=event_id)
        conn.execute(_INSERT_EVENT, {**row, "updated_at": now})
        return False
    _refresh_event(conn, event_id, now=now)
    return True


def _adopt_imported(conn: sa.Connection, event: Row) -> None:
    # A bulk-imported event has no report row until a report first merges into it;
    # give it one now, so re-deriving the event later can never lose it. An event
    # whose representative came from an article has report rows: no need to look.
    if event["article_id"] is not None:
        return
    if conn.execute(_HAS_REPORTS, {"p_event_id": event["event_id"]}).first() is not None:
        return
    full = conn.execute(_EVENT, {"p_event_id": event["event_id"]}).one()._mapping
    row = {name: full[name] for name in EVENT_FIELDS}
    row.update(report_id=event["event_id"], article_id=None, event_id=event["event_id"])
    conn.execute(_INSERT_REPORT, row)


def _candidates(conn: sa.Connection, day: date, event_type: str) -> Iterable[Row]:
    params = {"p_day": day, "p_event_type": event_type}
    return [r._mapping for r in conn.execute(_CANDIDATES, params)]


def _refresh_event(conn: sa.Connection, event_id: str, *, now: datetime) -> None:
    row = aggregate(_cluster(conn, event_id), event_id=event_id)
    conn.execute(_UPDATE_EVENT, {**row, "updated_at": now, "p_event_id": event_id})
