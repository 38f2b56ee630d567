"""Each event's ``sources``, kept as compact JSON text on its ``events`` row.

An event's sources are its reports in arrival order, one per article (the
first), each joined with its article: ``Store._sources`` builds them as
``Source`` objects per page, the reference. Bulk reads (exports, the map,
``query_records``) cannot afford that join per row: at a million events it
was more than half of the record read (an index search in ``reports``, a
wide report row and a search in ``articles`` per event; docs/benchmarks.md).
So the writer keeps the same JSON on the event's row (:func:`refresh`, for
every event a save or delete touched, and for every event of an article
whose title, link, outlet or date may have changed), and the migration that
added the column filled it (:func:`backfill`). ``NULL`` means the event has
no report (bulk-imported): it stands as its own source, built from its own
columns at read time (:func:`own_sources_sql`).

``tests/store/test_columnar.py`` holds the stored JSON to the reference
``Source`` objects after merges, re-extractions, renamed articles and
deletions, on both engines.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import sqlalchemy as sa

__all__ = ["backfill", "event_sources_sql", "own_sources_sql", "refresh"]

# ``a or b`` in Store._sources is coalesce(nullif(a, ''), b) here.
_KEY = "coalesce(nullif(r.article_id, ''), r.report_id)"
_CHUNK = 500  # event ids per UPDATE (well under every engine's parameter limit)


def _sqlite_sources(*, aggregate_order: bool) -> str:
    """SQLite before 3.44 (Python's own on Debian 12) cannot order inside an aggregate,
    and then aggregates the subquery's rows in the order it gives them."""
    inner_order, outer_order = ("", " ORDER BY s.seq") if aggregate_order else (" ORDER BY seq", "")
    return f"""(SELECT json_group_array(json(s.j){outer_order}) FROM (
     SELECT min(r.seq) AS seq, json_object(
       'article_id', {_KEY},
       'url', coalesce(nullif(a.url, ''), r.source_url),
       'title', coalesce(nullif(a.title, ''), r.source_title),
       'outlet', a.outlet, 'published', a.published) AS j
     FROM reports r LEFT JOIN articles a ON a.article_id = r.article_id
     WHERE r.event_id = events.event_id GROUP BY {_KEY}{inner_order}) s
   HAVING count(*) > 0)"""  # noqa: S608 - our own fixed SQL


def _pg_json(expr: str) -> str:
    return f"coalesce(to_json({expr})::text, 'null')"


# Concatenated by hand: json_build_object puts a space after every colon.
_PG_SOURCE = (
    f"""'{{"article_id":' || {_pg_json(_KEY + "::text")} || ',"url":' || """
    f"""{_pg_json("coalesce(nullif(a.url, ''), r.source_url)")} || ',"title":' || """
    f"""{_pg_json("coalesce(nullif(a.title, ''), r.source_title)")} || ',"outlet":' || """
    f"""{_pg_json("a.outlet")} || ',"published":' || {_pg_json("a.published")} || '}}'"""
)
_PG_SOURCES = f"""(SELECT '[' || string_agg(s.j, ',' ORDER BY s.seq) || ']' FROM (
     SELECT DISTINCT ON ({_KEY}) r.seq, {_PG_SOURCE} AS j
     FROM reports r LEFT JOIN articles a ON a.article_id = r.article_id
     WHERE r.event_id = events.event_id ORDER BY {_KEY}, r.seq) s)"""  # noqa: S608


def event_sources_sql(dialect: str, *, aggregate_order: bool | None = None) -> str:
    """The SQL expression of an ``events`` row's sources JSON from its reports (NULL: none).

    ``aggregate_order`` says whether SQLite may order inside the aggregate
    (3.44 and later); by default, whether Python's own ``sqlite3`` may.
    """
    if dialect == "postgresql":
        return _PG_SOURCES
    if aggregate_order is None:
        aggregate_order = sqlite3.sqlite_version_info >= (3, 44)
    return _sqlite_sources(aggregate_order=aggregate_order)


def own_sources_sql(dialect: str) -> str:
    """The SQL expression of an event without reports standing as its own single source."""
    if dialect == "postgresql":
        return (
            f"""'[{{"article_id":' || """
            f"""{_pg_json("coalesce(nullif(events.article_id, ''), events.event_id)::text")} """
            f"""|| ',"url":' || {_pg_json("events.source_url")} || ',"title":' || """
            f"""{_pg_json("events.source_title")} || ',"outlet":null,"published":null}}]'"""
        )
    return """json_array(json_object(
    'article_id', coalesce(nullif(events.article_id, ''), events.event_id),
    'url', events.source_url, 'title', events.source_title,
    'outlet', NULL, 'published', NULL))"""


def refresh(conn: sa.Connection, event_ids: Iterable[str]) -> None:
    """Write the sources of ``event_ids`` from their reports now (ids no longer stored: nothing)."""
    ids = sorted(set(event_ids))  # one order for every writer: row locks never cross
    sql = (
        f"UPDATE events SET sources = {event_sources_sql(conn.dialect.name)} "  # noqa: S608
        "WHERE event_id IN :ids"
    )
    stmt = sa.text(sql).bindparams(sa.bindparam("ids", expanding=True))
    for start in range(0, len(ids), _CHUNK):
        conn.execute(stmt, {"ids": ids[start : start + _CHUNK]})


def backfill(conn: sa.Connection) -> None:
    """Write the sources of every event from its reports (the migration; bulk loads of reports)."""
    sql = f"UPDATE events SET sources = {event_sources_sql(conn.dialect.name)}"  # noqa: S608
    conn.execute(sa.text(sql))
