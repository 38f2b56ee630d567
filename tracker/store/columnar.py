"""The columnar bulk read: stored events as Arrow record batches, no Python object per row.

A measured speed-up in its own module, beside the plain reference,
:meth:`Store.query_events`, which builds an ``Event`` (and its ``Source``
objects) for every row: 35-60 µs a row, most of a whole-table export. Here
one SQL statement per engine returns the event record's own columns
(:data:`RECORD_SCHEMA`, the fields of ``tracker.export.records.RECORD``):
the database builds each event's ``sources`` as JSON from its reports and
their articles, and writes the JSON-valued columns in the compact form the
exports write; an ADBC driver (Arrow Database Connectivity, the Arrow
project's own) turns the rows into Arrow arrays in C. The exports, the map
payload and analytics read these batches; the small, rich paths (popups,
``tracker events --format table``) keep their ``Event`` objects.
``tests/store/test_columnar.py`` holds both paths to the same records for a
store of awkward values, on both engines.

What bounds it (1M events, docs/benchmarks.md): the ADBC SQLite driver reads
a table scan of every column at about 2 s; reading in the listing order
(the date index) adds the random access to the rows, and the ``sources``
join adds an index lookup into ``reports`` and ``articles`` per event.

An in-memory SQLite database cannot be shared with a second driver:
:func:`supported` says so and the caller keeps the reference path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from tracker.errors import DatabaseUnavailable, StorageError
from tracker.model import EventFilter
from tracker.store import query
from tracker.store.engine import safe_url
from tracker.store.schema import EVENTS

__all__ = ["RECORD_SCHEMA", "query_table", "read_batches", "supported"]

BATCH_ROWS = 16_384
_STR, _INT, _FLOAT = pa.string(), pa.int64(), pa.float64()
_DATE = pa.date32()

RECORD_SCHEMA = pa.schema(
    [
        ("event_id", _STR),
        ("event_date", _DATE),
        ("time_precision", _INT),
        ("event_type", _STR),
        ("sub_event_type", _STR),
        ("actor1", _STR),
        ("actor2", _STR),
        ("location", _STR),
        ("admin1", _STR),
        ("admin2", _STR),
        ("country", _STR),
        ("latitude", _FLOAT),
        ("longitude", _FLOAT),
        ("geo_precision", _INT),
        ("fatalities", _INT),
        ("notes", _STR),
        ("confidence", _FLOAT),
        ("source_url", _STR),
        ("source_title", _STR),
        ("report_count", _INT),
        ("geonameid", _INT),
        ("article_id", _STR),
        ("target", _STR),
        ("claimed_by", _STR),
        ("alleged", pa.bool_()),
        ("date_start", _DATE),
        ("date_end", _DATE),
        ("ambiguous", pa.bool_()),
        ("sources", _STR),  # JSON text, compact, as the exports write it
        ("evidence", _STR),
        ("trigger_span", _STR),
        ("place_span", _STR),
        ("updated_at", pa.timestamp("us", tz="UTC")),
    ]
)
"""The record's columns, typed; JSON-valued ones as compact JSON text."""

_JSON_COLUMNS = ("sources", "evidence", "trigger_span", "place_span")

# -- SQLite ----------------------------------------------------------------------
# Sources: the reports in arrival order, one per article (the first), each as
# Store._sources builds it (``a or b`` is coalesce(nullif(a, ''), b)); an
# imported event with no report stands as its own source.
_KEY = "coalesce(nullif(r.article_id, ''), r.report_id)"


def _sqlite_sources(*, aggregate_order: bool) -> str:
    """The sources JSON; SQLite before 3.44 (Python's own on Debian 12) cannot order inside
    an aggregate, and then aggregates the subquery's rows in the order it gives them."""
    inner_order, outer_order = ("", " ORDER BY s.seq") if aggregate_order else (" ORDER BY seq", "")
    return f"""coalesce(
  (SELECT json_group_array(json(s.j){outer_order}) FROM (
     SELECT min(r.seq) AS seq, json_object(
       'article_id', {_KEY},
       'url', coalesce(nullif(a.url, ''), r.source_url),
       'title', coalesce(nullif(a.title, ''), r.source_title),
       'outlet', a.outlet, 'published', a.published) AS j
     FROM reports r LEFT JOIN articles a ON a.article_id = r.article_id
     WHERE r.event_id = events.event_id GROUP BY {_KEY}{inner_order}) s
   HAVING count(*) > 0),
  json_array(json_object(
    'article_id', coalesce(nullif(events.article_id, ''), events.event_id),
    'url', events.source_url, 'title', events.source_title,
    'outlet', NULL, 'published', NULL)))"""  # noqa: S608 - our own fixed SQL


# json_each decodes each string and json_group_array encodes it again, so text
# stored with \\u escapes (json.dumps' default) comes out as UTF-8, as orjson writes.
_SQLITE_EVIDENCE = """CASE WHEN json_type(events.evidence) = 'array'
  THEN (SELECT json_group_array(j.value) FROM json_each(events.evidence) j) ELSE '[]' END"""


def _sqlite_span(column: str) -> str:
    x = f"events.{column}"
    return (
        f"CASE WHEN json_type({x}) = 'array' AND json_array_length({x}) > 0 THEN json_array("
        f"CAST(json_extract({x}, '$[0]') AS INTEGER), CAST(json_extract({x}, '$[1]') AS INTEGER))"
        " END"
    )


# -- PostgreSQL ------------------------------------------------------------------
def _pg_json(expr: str) -> str:
    return f"coalesce(to_json({expr})::text, 'null')"


_PG_SOURCE = (
    f"""'{{"article_id":' || {_pg_json(_KEY + "::text")} || ',"url":' || """
    f"""{_pg_json("coalesce(nullif(a.url, ''), r.source_url)")} || ',"title":' || """
    f"""{_pg_json("coalesce(nullif(a.title, ''), r.source_title)")} || ',"outlet":' || """
    f"""{_pg_json("a.outlet")} || ',"published":' || {_pg_json("a.published")} || '}}'"""
)
_PG_OWN = (
    f"""'[{{"article_id":' || """
    f"""{_pg_json("coalesce(nullif(events.article_id, ''), events.event_id)::text")} """
    f"""|| ',"url":' || {_pg_json("events.source_url")} || ',"title":' || """
    f"""{_pg_json("events.source_title")} || ',"outlet":null,"published":null}}]'"""
)
_PG_SOURCES = f"""coalesce(
  (SELECT '[' || string_agg(s.j, ',' ORDER BY s.seq) || ']' FROM (
     SELECT DISTINCT ON ({_KEY}) r.seq, {_PG_SOURCE} AS j
     FROM reports r LEFT JOIN articles a ON a.article_id = r.article_id
     WHERE r.event_id = events.event_id ORDER BY {_KEY}, r.seq) s),
  {_PG_OWN})"""  # noqa: S608 - our own fixed SQL
_PG_EVIDENCE = """CASE WHEN json_typeof(events.evidence) = 'array' THEN coalesce(
  (SELECT '[' || string_agg(to_json(t.v)::text, ',' ORDER BY t.n) || ']'
   FROM json_array_elements_text(events.evidence) WITH ORDINALITY AS t(v, n)), '[]')
  ELSE '[]' END"""


def _pg_span(column: str) -> str:
    x = f"events.{column}"
    return (
        f"CASE WHEN json_typeof({x}) = 'array' AND json_array_length({x}) > 0 THEN "
        f"'[' || ({x}->>0)::bigint || ',' || ({x}->>1)::bigint || ']' END"
    )


@dataclass(frozen=True, slots=True)
class _Backend:
    """How one engine builds the record in SQL and which ADBC driver reads it."""

    sources: str
    evidence: str
    span: Callable[[str], str]
    connect: Callable[[URL], Any]
    probe_row: bool  # SQLite's driver infers types from the first rows; see _probe


def _connect_sqlite(url: URL) -> Any:
    import adbc_driver_sqlite.dbapi as adbc_sqlite

    uri = f"file:{quote(str(Path(url.database or '').expanduser().resolve()))}?mode=ro"
    conn = adbc_sqlite.connect(uri)
    try:
        cursor = conn.cursor()
        cursor.execute("PRAGMA schema_version")  # the first read opens the WAL index
        cursor.fetchall()
        cursor.close()
    except Exception:  # noqa: BLE001 - the driver's own error classes
        # As engine._connect_read_only: a WAL database in a folder that cannot
        # be written has no shared-memory index; no process can be writing it.
        conn.close()
        conn = adbc_sqlite.connect(uri + "&immutable=1")
    return conn


def _connect_postgres(url: URL) -> Any:
    import adbc_driver_postgresql.dbapi as adbc_pg

    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return adbc_pg.connect(plain)


_BACKENDS = {
    "sqlite": _Backend(
        _sqlite_sources(aggregate_order=True), _SQLITE_EVIDENCE, _sqlite_span, _connect_sqlite, True
    ),
    "postgresql": _Backend(_PG_SOURCES, _PG_EVIDENCE, _pg_span, _connect_postgres, False),
}
# The same record through the engine's own driver (query_table): Python's sqlite3.
_OWN_SQLITE = replace(
    _BACKENDS["sqlite"],
    sources=_sqlite_sources(aggregate_order=sqlite3.sqlite_version_info >= (3, 44)),
    probe_row=False,  # Python's driver types each value by itself
)


def supported(engine: Engine) -> bool:
    """Whether :func:`read_batches` can read this database (not an in-memory SQLite one).

    >>> supported(sa.create_engine("sqlite://"))
    False
    """
    name = engine.dialect.name
    if name == "sqlite":
        database = engine.url.database or ""
        return database not in ("", ":memory:") and "mode=memory" not in str(engine.url)
    return name in _BACKENDS


def _select_list(backend: _Backend) -> list[sa.ColumnElement[Any]]:
    special = {
        "sources": backend.sources,
        "evidence": backend.evidence,
        "trigger_span": backend.span("trigger_span"),
        "place_span": backend.span("place_span"),
    }
    return [
        sa.literal_column(special.get(field.name, f"events.{field.name}")).label(field.name)
        for field in RECORD_SCHEMA
    ]


def _record_select(backend: _Backend, flt: EventFilter, *, dialect: str, plain: bool) -> sa.Select:
    return (
        sa.select(*_select_list(backend))
        .select_from(EVENTS)
        .where(*query.conditions(flt, dialect=dialect, plain_sql=plain))
        .order_by(*query.ORDER)
    )


def query_table(conn: sa.Connection, flt: EventFilter) -> pa.Table:
    """The records matching ``flt`` as one Arrow table, read through ``conn`` itself.

    The light path for questions with small answers (a box, a radius, a
    month): one statement on the store's own pooled connection, rows as
    tuples into Arrow columns, no ``Event`` per row and no second
    connection to open.
    """
    dialect = conn.dialect.name
    backend = _OWN_SQLITE if dialect == "sqlite" else _BACKENDS[dialect]
    rows = conn.execute(_record_select(backend, flt, dialect=dialect, plain=False)).all()
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(RECORD_SCHEMA)
    arrays = [
        _from_python(list(values), field.type)
        for values, field in zip(columns, RECORD_SCHEMA, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=RECORD_SCHEMA)


def _from_python(values: list[Any], arrow_type: pa.DataType) -> pa.Array:
    try:
        return pa.array(values, type=arrow_type)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # SQLite's ISO text, 0/1 for booleans
        return _typed_column(pa.array(values), arrow_type)


def record_sql(engine: Engine, flt: EventFilter) -> str:
    """The one statement that reads the record of every event matching ``flt``, in order."""
    dialect = engine.dialect.name
    backend = _BACKENDS[dialect]
    stmt = _record_select(backend, flt, dialect=dialect, plain=True)
    # Literal values: the ADBC drivers take their own parameter styles, and
    # every value here is one of ours (dates, numbers, escaped strings).
    sql = str(stmt.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    return _probe(sql) if backend.probe_row else sql


# The SQLite driver types each column by the values of the first batch; a
# column that is NULL there (no event of the first 16,384 has a target) is
# typed int64 and the first text further down fails the read. A leading row
# of typed literals fixes every column's type; read_batches drops it.
_PROBE = {pa.string(): "''", pa.int64(): "0", pa.float64(): "0.5", pa.bool_(): "0"}


def _probe(sql: str) -> str:
    values = ", ".join(
        f"{_PROBE.get(field.type, chr(39) * 2)} AS {field.name}" for field in RECORD_SCHEMA
    )
    return f"SELECT {values}\nUNION ALL SELECT * FROM (\n{sql})"  # noqa: S608


def read_batches(engine: Engine, flt: EventFilter) -> Iterator[pa.RecordBatch]:
    """Record batches (:data:`RECORD_SCHEMA`) of the events matching ``flt``, in listing order.

    The same events, order and values as :meth:`Store.query_events`, read
    through ADBC in one statement. Raises DatabaseUnavailable when the
    driver cannot open the database.
    """
    backend = _BACKENDS[engine.dialect.name]
    sql = record_sql(engine, flt)
    try:
        conn = backend.connect(engine.url)
    except Exception as err:
        raise DatabaseUnavailable(
            f"the columnar reader cannot open {safe_url(str(engine.url))!r}: {err}"
        ) from err
    try:
        yield from _batches(conn, sql, probe_row=backend.probe_row)
    except (adbc_error(), OSError, pa.ArrowException) as err:
        text = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise StorageError(
            f"the database {safe_url(str(engine.url))!r} failed in a bulk read: {text}"
        ) from err
    finally:
        conn.close()


def _batches(conn: Any, sql: str, *, probe_row: bool) -> Iterator[pa.RecordBatch]:
    cursor = conn.cursor()
    if probe_row:
        cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": BATCH_ROWS})
    cursor.execute(sql)
    first = True
    for batch in cursor.fetch_record_batch():
        if first and probe_row:
            batch = batch.slice(1)
        first = False
        if batch.num_rows:
            yield _typed(batch)


def adbc_error() -> type[Exception]:
    """The root of the ADBC drivers' DB-API errors."""
    from adbc_driver_manager import Error

    return Error


def _typed(batch: pa.RecordBatch) -> pa.RecordBatch:
    arrays = [
        _typed_column(column, field.type)
        for field, column in zip(RECORD_SCHEMA, batch.columns, strict=True)
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=RECORD_SCHEMA)


def _typed_column(column: pa.Array, arrow_type: pa.DataType) -> pa.Array:
    if column.type == arrow_type:
        return column
    if pa.types.is_timestamp(arrow_type) and pa.types.is_string(column.type):
        column = pc.cast(column, pa.timestamp("us"))  # stored as naive UTC
    return pc.cast(column, arrow_type)
