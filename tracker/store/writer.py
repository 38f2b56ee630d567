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
from tracker.store.merge import aggregate, best_match
from tracker.store.rows import article_row, report_row
from tracker.store.schema import ARTICLES, EVENT_FIELDS, EVENTS, REPORTS
from tracker.store.types import ArticleStatus, SaveResult

Row = Mapping[str, Any]


def article_status(conn: sa.Connection, article: Article) -> ArticleStatus:
    """NEW, UNCHANGED (same text) or UPDATED, as the database sees it now."""
    stored = conn.execute(
        sa.select(ARTICLES.c.content_hash).where(ARTICLES.c.article_id == article.article_id)
    ).scalar_one_or_none()
    if stored is None:
        return ArticleStatus.NEW
    return ArticleStatus.UNCHANGED if stored == article.content_hash else ArticleStatus.UPDATED


def save_article(
    conn: sa.Connection, article: Article, events: Sequence[Event], *, now: datetime
) -> SaveResult:
    """Store ``article`` and make its reports exactly ``events``; see :class:`SaveResult`."""
    article_id = article.article_id
    _lock(conn, f"article:{article_id}")
    status = article_status(conn, article)
    old = _reports_of(conn, article_id)
    new = {e.event_id: report_row(e, article_id=article_id) for e in events}
    if status is ArticleStatus.UNCHANGED and _same_reports(old, new):
        return SaveResult(ArticleStatus.UNCHANGED)
    dates = {r["event_date"] for r in old.values()} | {r["event_date"] for r in new.values()}
    for day in sorted(dates):  # one order for every writer: no deadlock
        _lock(conn, f"date:{day.isoformat()}")
    _upsert_article(conn, article, now=now, exists=status is not ArticleStatus.NEW)
    gone = [rid for rid, row in old.items() if not _same_report(row, new.get(rid))]
    fresh = [row for rid, row in new.items() if not _same_report(old.get(rid), row)]
    vanished = _remove_reports(conn, [old[rid] for rid in gone], now=now)
    added = merged = 0
    for row in fresh:
        if _place_report(conn, _insert_report(conn, row), now=now):
            merged += 1
        elif row["report_id"] in vanished:
            vanished.discard(row["report_id"])  # the same event, reported differently now
        else:
            added += 1
    removed = len(vanished)
    if status is ArticleStatus.UNCHANGED:
        status = ArticleStatus.UPDATED  # same text, but its reports changed (new extractor)
    return SaveResult(status, events_added=added, events_merged=merged, events_removed=removed)


def delete_article(conn: sa.Connection, article_id: str, *, now: datetime) -> int:
    """Remove an article and its reports, re-deriving the events; returns events removed."""
    _lock(conn, f"article:{article_id}")
    old = _reports_of(conn, article_id)
    for day in sorted({r["event_date"] for r in old.values()}):
        _lock(conn, f"date:{day.isoformat()}")
    vanished = _remove_reports(conn, list(old.values()), now=now)
    conn.execute(sa.delete(ARTICLES).where(ARTICLES.c.article_id == article_id))
    return len(vanished)


def _lock(conn: sa.Connection, key: str) -> None:
    # SQLite already holds the one database-wide write lock (BEGIN IMMEDIATE).
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(key))))


def _reports_of(conn: sa.Connection, article_id: str) -> dict[str, Row]:
    rows = conn.execute(sa.select(REPORTS).where(REPORTS.c.article_id == article_id))
    return {r.report_id: r._mapping for r in rows}


def _same_report(old: Row | None, new: Row | None) -> bool:
    if old is None or new is None:
        return False
    return all(old[name] == new[name] for name in EVENT_FIELDS)


def _same_reports(old: Mapping[str, Row], new: Mapping[str, Row]) -> bool:
    return old.keys() == new.keys() and all(_same_report(old[k], new[k]) for k in old)


def _upsert_article(conn: sa.Connection, article: Article, *, now: datetime, exists: bool) -> None:
    row = article_row(article, now=now)
    if not exists:
        conn.execute(sa.insert(ARTICLES).values(row))
        return
    del row["first_seen"]
    conn.execute(sa.update(ARTICLES).where(ARTICLES.c.article_id == article.article_id).values(row))


def _insert_report(conn: sa.Connection, row: Row) -> Row:
    result = conn.execute(sa.insert(REPORTS).values(dict(row)))
    return {**row, "seq": result.inserted_primary_key[0]}


def _remove_reports(conn: sa.Connection, rows: Sequence[Row], *, now: datetime) -> set[str]:
    """Delete reports, re-derive each event they fed; return the event ids now gone."""
    affected = sorted({r["event_id"] for r in rows})
    if not affected:
        return set()
    conn.execute(sa.delete(REPORTS).where(REPORTS.c.seq.in_([r["seq"] for r in rows])))
    for event_id in affected:
        _rederive(conn, event_id, now=now)
    still = conn.execute(sa.select(EVENTS.c.event_id).where(EVENTS.c.event_id.in_(affected)))
    return set(affected) - set(still.scalars())


def _rederive(conn: sa.Connection, event_id: str, *, now: datetime) -> None:
    # Dissolve the event and place its remaining reports again in arrival order,
    # as if the removed reports had never been read.
    remaining = _cluster(conn, event_id)
    conn.execute(sa.delete(EVENTS).where(EVENTS.c.event_id == event_id))
    for row in remaining:
        _place_report(conn, row, now=now)


def _cluster(conn: sa.Connection, event_id: str) -> list[Row]:
    query = sa.select(REPORTS).where(REPORTS.c.event_id == event_id).order_by(REPORTS.c.seq)
    return [r._mapping for r in conn.execute(query)]


def _place_report(conn: sa.Connection, report: Row, *, now: datetime) -> bool:
    """Merge ``report`` into a matching event (True) or found a new one (False)."""
    match = best_match(report, _candidates(conn, report["event_date"], report["event_type"]))
    event_id = match["event_id"] if match else report["report_id"]
    if match is not None:
        _adopt_imported(conn, match)
    conn.execute(sa.update(REPORTS).where(REPORTS.c.seq == report["seq"]).values(event_id=event_id))
    if match is None:
        row = aggregate([report], event_id=event_id)
        conn.execute(sa.insert(EVENTS).values({**row, "updated_at": now}))
        return False
    _refresh_event(conn, event_id, now=now)
    return True


def _adopt_imported(conn: sa.Connection, event: Row) -> None:
    # A bulk-imported event has no report row until a report first merges into it;
    # give it one now, so re-deriving the event later can never lose it.
    has_reports = sa.select(REPORTS.c.seq).where(REPORTS.c.event_id == event["event_id"])
    if conn.execute(has_reports.limit(1)).first() is not None:
        return
    row = {name: event[name] for name in EVENT_FIELDS}
    row.update(report_id=event["event_id"], article_id=None, event_id=event["event_id"])
    conn.execute(sa.insert(REPORTS).values(row))


def _candidates(conn: sa.Connection, day: date, event_type: str) -> Iterable[Row]:
    query = sa.select(*EVENTS.c).where(
        EVENTS.c.event_date == day,
        EVENTS.c.event_type == event_type,
        EVENTS.c.latitude.is_not(None),
    )
    return [r._mapping for r in conn.execute(query)]


def _refresh_event(conn: sa.Connection, event_id: str, *, now: datetime) -> None:
    row = aggregate(_cluster(conn, event_id), event_id=event_id)
    conn.execute(
        sa.update(EVENTS).where(EVENTS.c.event_id == event_id).values({**row, "updated_at": now})
    )
