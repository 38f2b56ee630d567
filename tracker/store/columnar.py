"""The columnar bulk read: stored events as Arrow record batches, no Python object per row.

A measured speed-up in its own module, beside the plain reference,
:meth:`Store.query_events`, which builds an ``Event`` (and its ``Source``
objects) for every row: 35-60 µs a row, most of a whole-table export. Here
one SQL statement per engine returns the event record's own columns
(:data:`RECORD_SCHEMA`, the fields of ``tracker.export.records.RECORD``):
each event's ``sources`` JSON is read from its own row, where the writer
keeps it (``store/sources.py``), and the other JSON-valued columns are
stored in the compact form the exports write, so every column passes
through as stored; an ADBC driver (Arrow Database Connectivity, the Arrow
project's own) turns the rows into Arrow arrays in C. The exports, the map
payload and analytics read these batches; the small, rich paths (popups,
``tracker events --format table``) keep their ``Event`` objects.
``tests/store/test_columnar.py`` holds both paths to the same records for a
store of awkward values, on both engines.

What bounds it (1M events, docs/benchmarks.md): the ADBC SQLite driver reads
a table scan of every column at about 3 s of CPU; reading in the listing
order (the date index) adds the access to the rows by id. The sources once
cost an index lookup into ``reports`` and ``articles`` per event, more than
half of the read: hence the stored column. A large SQLite read is cut into
runs of whole days (the day counts come from the date index alone) that
two connections read side by side, so the driver's decoding runs on two
cores; the batches are handed on in listing order.

An in-memory SQLite database cannot be shared with a second driver:
:func:`supported` says so and the caller keeps the reference path.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from tracker.errors import ConfigError, DatabaseUnavailable, StorageError
from tracker.model import EventFilter
from tracker.store import query, sources
from tracker.store.engine import BUSY_TIMEOUT_S, safe_url
from tracker.store.readahead import Ahead, read_ahead
from tracker.store.schema import EVENTS

__all__ = [
    "RECORD_SCHEMA",
    "chunk_filters",
    "query_table",
    "read_batches",
    "record_schema",
    "supported",
]

BATCH_ROWS = 16_384
CHUNK_ROWS = 65_536  # events per chunk of a large SQLite read (read_batches)
READERS = 2  # connections reading the chunks side by side: the machines have two cores
_CHUNK_END: Any = object()  # a reader's mark: its chunk is over
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
# The writer stores evidence and spans as the exports write them (engine.COMPACT_JSON;
# the migration to 0006 rewrote older rows): they pass through as stored. The
# JSON type writes a missing span as the text 'null'.
_EVIDENCE = "coalesce(nullif(CAST(events.evidence AS TEXT), 'null'), '[]')"


def _span(column: str) -> str:
    text = f"CAST(events.{column} AS TEXT)"
    return f"CASE WHEN {text} IN ('null', '[]') THEN NULL ELSE {text} END"


@dataclass(frozen=True, slots=True)
class _Backend:
    """How one engine reads an event's sources and which ADBC driver reads the record."""

    sources: str
    connect: Callable[[URL], _Link]
    probe_row: bool  # SQLite's driver infers types from the first rows; see _probe


class _Link:
    """One ADBC connection through the driver manager's low-level API.

    Not the drivers' DB-API modules: importing those imports ``pyarrow.dataset``
    and with it pandas, 0.2 s of every export's start-up for nothing used here.
    """

    def __init__(self, database: Any) -> None:
        import adbc_driver_manager as adbc

        self._database = database
        try:
            self._connection = adbc.AdbcConnection(database)
        except BaseException:
            database.close()
            raise

    @contextmanager
    def reader(
        self, sql: str, options: dict[str, str] | None = None
    ) -> Iterator[pa.RecordBatchReader]:
        """The result of ``sql`` as Arrow batches, its statement freed on leaving."""
        import adbc_driver_manager as adbc

        statement = adbc.AdbcStatement(self._connection)
        try:
            if options:
                statement.set_options(**options)
            statement.set_sql_query(sql)
            stream, _ = statement.execute_query()
            with pa.RecordBatchReader._import_from_c(stream.address) as reader:
                yield reader
        finally:
            statement.close()

    def run(self, sql: str) -> None:
        """Run ``sql`` and read its result to the end (a PRAGMA)."""
        with self.reader(sql) as reader:
            reader.read_all()

    def close(self) -> None:
        self._connection.close()
        self._database.close()


def _connect_sqlite(url: URL) -> _Link:
    import adbc_driver_sqlite

    uri = f"file:{quote(str(Path(url.database or '').expanduser().resolve()))}?mode=ro"
    link = _Link(adbc_driver_sqlite.connect(uri))
    try:
        # Two readers opening at once may find the WAL index busy: wait, as the
        # engine's own connections do, rather than read a stale file below.
        link.run(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        link.run("PRAGMA schema_version")  # the first read opens the WAL index
    except Exception as err:  # the driver's own error classes
        link.close()
        if "locked" in str(err) or "busy" in str(err).lower():
            raise
        # As engine._connect_read_only: a WAL database in a folder that cannot
        # be written has no shared-memory index; no process can be writing it.
        link = _Link(adbc_driver_sqlite.connect(uri + "&immutable=1"))
    return link


def _connect_postgres(url: URL) -> _Link:
    import adbc_driver_postgresql

    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return _Link(adbc_driver_postgresql.connect(plain))


def _stored_sources(dialect: str) -> str:
    # Kept on the row by the writer (store/sources.py); NULL: no report, its own source.
    return f"coalesce(events.sources, {sources.own_sources_sql(dialect)})"


_BACKENDS = {
    "sqlite": _Backend(_stored_sources("sqlite"), _connect_sqlite, probe_row=True),
    "postgresql": _Backend(_stored_sources("postgresql"), _connect_postgres, probe_row=False),
}
# The same record through the engine's own driver (query_table): Python's sqlite3.
_OWN_SQLITE = replace(_BACKENDS["sqlite"], probe_row=False)  # it types each value by itself


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


def record_schema(columns: Sequence[str] | None = None) -> pa.Schema:
    """:data:`RECORD_SCHEMA`, or the part of it holding ``columns`` (in the record's order).

    >>> record_schema(["notes", "event_id"]).names
    ['event_id', 'notes']
    """
    if columns is None:
        return RECORD_SCHEMA
    unknown = sorted(set(columns) - set(RECORD_SCHEMA.names))
    if unknown:
        raise ConfigError(
            f"the record has no columns {unknown!r}; choose from {RECORD_SCHEMA.names!r}"
        )
    return pa.schema([field for field in RECORD_SCHEMA if field.name in set(columns)])


def _select_list(backend: _Backend, schema: pa.Schema) -> list[sa.ColumnElement[Any]]:
    special = {
        "sources": backend.sources,
        "evidence": _EVIDENCE,
        "trigger_span": _span("trigger_span"),
        "place_span": _span("place_span"),
    }
    return [
        sa.literal_column(special.get(field.name, f"events.{field.name}")).label(field.name)
        for field in schema
    ]


def _record_select(
    backend: _Backend, flt: EventFilter, *, dialect: str, plain: bool, schema: pa.Schema
) -> sa.Select:
    where = query.conditions(flt, dialect=dialect, plain_sql=plain)
    return _base_select(backend, schema).where(*where).order_by(*query.ORDER)


@functools.cache
def _base_select(backend: _Backend, schema: pa.Schema) -> sa.Select:
    # Built once per backend and schema: its 32 labelled columns cost a light query
    # a sixth of its time when made afresh (a Select is copied, not changed, by where()).
    return sa.select(*_select_list(backend, schema)).select_from(EVENTS)


def query_table(conn: sa.Connection, flt: EventFilter) -> pa.Table:
    """The records matching ``flt`` as one Arrow table, read through ``conn`` itself.

    The light path for questions with small answers (a box, a radius, a
    month): one statement on the store's own pooled connection, rows as
    tuples into Arrow columns, no ``Event`` per row and no second
    connection to open.
    """
    dialect = conn.dialect.name
    backend = _OWN_SQLITE if dialect == "sqlite" else _BACKENDS[dialect]
    stmt = _record_select(backend, flt, dialect=dialect, plain=False, schema=RECORD_SCHEMA)
    rows = conn.execute(stmt).all()
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(RECORD_SCHEMA)
    raw = _SQLITE_RAW if dialect == "sqlite" else {}
    arrays = [
        _typed_column(pa.array(values, type=raw.get(field.type, field.type)), field.type)
        for values, field in zip(columns, RECORD_SCHEMA, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=RECORD_SCHEMA)


# What Python's sqlite3 gives for the record's types (the statement is plain SQL,
# without SQLAlchemy's result processing): ISO text for days and times, 0/1 for truth.
_SQLITE_RAW = {
    pa.date32(): pa.string(),
    pa.timestamp("us", tz="UTC"): pa.string(),
    pa.bool_(): pa.int64(),
}


def record_sql(engine: Engine, flt: EventFilter, *, schema: pa.Schema = RECORD_SCHEMA) -> str:
    """The one statement that reads the record (``schema``'s columns) of every event
    matching ``flt``, in order."""
    dialect = engine.dialect.name
    backend = _BACKENDS[dialect]
    stmt = _record_select(backend, flt, dialect=dialect, plain=True, schema=schema)
    # Literal values: the ADBC drivers take their own parameter styles, and
    # every value here is one of ours (dates, numbers, escaped strings).
    sql = str(stmt.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    return _probe(sql, schema) if backend.probe_row else sql


# The SQLite driver types each column by the values of the first batch; a
# column that is NULL there (no event of the first 16,384 has a target) is
# typed int64 and the first text further down fails the read. A leading row
# of typed literals fixes every column's type; read_batches drops it.
_PROBE = {pa.string(): "''", pa.int64(): "0", pa.float64(): "0.5", pa.bool_(): "0"}


def _probe(sql: str, schema: pa.Schema) -> str:
    values = ", ".join(f"{_PROBE.get(field.type, chr(39) * 2)} AS {field.name}" for field in schema)
    return f"SELECT {values}\nUNION ALL SELECT * FROM (\n{sql})"  # noqa: S608


def read_batches(
    engine: Engine,
    flt: EventFilter,
    *,
    schema: pa.Schema = RECORD_SCHEMA,
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[pa.RecordBatch]:
    """Record batches (``schema``, a part of :data:`RECORD_SCHEMA`) of the events matching
    ``flt``, in listing order, of at most :data:`BATCH_ROWS` rows.

    The same events, order and values as :meth:`Store.query_events`, read
    through ADBC, in threads a couple of batches ahead of the caller
    (:mod:`tracker.store.readahead`). A SQLite read of more than
    ``chunk_rows`` events is cut into runs of whole days of about that many
    events, read by :data:`READERS` connections side by side and handed on
    in order: the driver's decoding, most of an export, then runs on two
    cores. Raises DatabaseUnavailable when the driver cannot open the
    database.
    """
    chunks = []
    if engine.dialect.name == "sqlite":  # PostgreSQL's server does the work: one stream
        chunks = chunk_filters(engine, flt, chunk_rows=chunk_rows)
    if len(chunks) < 2:
        yield from read_ahead(lambda: _read_batches(engine, [flt], schema))
        return
    n = min(READERS, len(chunks))
    readers = [
        Ahead(lambda k=k: _read_batches(engine, chunks[k::n], schema, ends=True)) for k in range(n)
    ]
    try:
        yield from _in_turn(readers, len(chunks))
    finally:
        for reader in readers:
            reader.close()


def chunk_filters(engine: Engine, flt: EventFilter, *, chunk_rows: int) -> list[EventFilter]:
    """``flt`` cut into runs of whole days holding about ``chunk_rows`` events each.

    The events per day come from the date index alone (70 ms at a million);
    the other conditions stay in every chunk's filter, so a chunk may hold
    fewer events than counted, never other ones.
    """
    day = EVENTS.c.event_date
    stmt = sa.select(day, sa.func.count()).group_by(day).order_by(day)
    if flt.since:
        stmt = stmt.where(day >= flt.since)
    if flt.until:
        stmt = stmt.where(day <= flt.until)
    with engine.connect() as conn:
        counts = conn.execute(stmt).all()
    starts, held = [], chunk_rows
    for first, count in counts:
        if held >= chunk_rows:
            starts.append(first)
            held = 0
        held += count
    bounds = [flt.since, *starts[1:]]
    return [
        replace(flt, since=since, until=(end - timedelta(days=1)) if end else flt.until)
        for since, end in zip(bounds, [*starts[1:], None], strict=True)
    ]


def _in_turn(readers: list[Ahead[Any]], chunks: int) -> Iterator[pa.RecordBatch]:
    """The batches of chunk 0, 1, 2... from readers that take the chunks in turn."""
    for k in range(chunks):
        for batch in readers[k % len(readers)]:
            if batch is _CHUNK_END:
                break
            yield batch


def _read_batches(
    engine: Engine, flts: Sequence[EventFilter], schema: pa.Schema, *, ends: bool = False
) -> Iterator[pa.RecordBatch]:
    """The batches of each filter's events, on one connection; ``ends``: a mark after each."""
    backend = _BACKENDS[engine.dialect.name]
    try:
        conn = backend.connect(engine.url)
    except Exception as err:
        raise DatabaseUnavailable(
            f"the columnar reader cannot open {safe_url(str(engine.url))!r}: {err}"
        ) from err
    try:
        for flt in flts:
            sql = record_sql(engine, flt, schema=schema)
            yield from _batches(conn, sql, probe_row=backend.probe_row, schema=schema)
            if ends:
                yield _CHUNK_END
    except (adbc_error(), OSError, pa.ArrowException) as err:
        text = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise StorageError(
            f"the database {safe_url(str(engine.url))!r} failed in a bulk read: {text}"
        ) from err
    finally:
        conn.close()


def _batches(
    link: _Link, sql: str, *, probe_row: bool, schema: pa.Schema
) -> Iterator[pa.RecordBatch]:
    options = {"adbc.sqlite.query.batch_rows": str(BATCH_ROWS)} if probe_row else None
    # Closed at the end of its statement: a chunked read runs many statements on one
    # connection, and an open result keeps its statement and last batch alive.
    with link.reader(sql, options) as reader:
        first = True
        for batch in reader:
            if first and probe_row:
                batch = batch.slice(1)
            first = False
            if batch.num_rows:
                yield _typed(batch, schema)


def adbc_error() -> type[Exception]:
    """The root of the ADBC drivers' DB-API errors."""
    from adbc_driver_manager import Error

    return Error


def _typed(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    arrays = [
        _typed_column(column, field.type)
        for field, column in zip(schema, batch.columns, strict=True)
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _typed_column(column: pa.Array, arrow_type: pa.DataType) -> pa.Array:
    if column.type == arrow_type:
        return column
    if pa.types.is_timestamp(arrow_type) and pa.types.is_string(column.type):
        column = pc.cast(column, pa.timestamp("us"))  # stored as naive UTC
    return pc.cast(column, arrow_type)
