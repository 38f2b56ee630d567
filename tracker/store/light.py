"""The light path on SQLite: a box, a radius or a period answered straight through the driver.

A measured speed-up in its own module, beside its plain reference,
``columnar.query_table``, which turns the filter into a SQLAlchemy statement
of some fifty expression objects on every call and runs it through the
engine. At a million events that plumbing cost more than SQLite's own work:
of a 2.7 ms bbox + month query, about 1 ms built the statement and 0.6 ms
went to SQLAlchemy's execution and result rows, against 1.0 ms in SQLite
(docs/benchmarks.md, "Queries: the light path").

Here the SQL text of each filter *shape* (which of since, until, box and
radius are set) is the plain path's own statement, compiled once; each call
only computes the values for its ``?`` marks, runs the text on a pooled
sqlite3 connection and turns the rows into Arrow in one call. The
first query of each shape in a process checks those values against the
ones SQLAlchemy binds for the same filter, so the two paths cannot drift
apart silently. Filters with any other condition (types, region, text,
outlet, ...) take the plain path: :func:`handles` says which.
``tests/store/test_light_query.py`` holds both paths to the same records in
the same order.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import exc
from sqlalchemy.engine import Engine

from tracker.model import EventFilter
from tracker.store import columnar, query
from tracker.store.engine import translate_error, translated

__all__ = ["handles", "query_table"]

_LIGHT_FIELDS = frozenset({"since", "until", "bbox", "near", "radius_km"})
# Every other field of EventFilter with its default: set to anything else, the plain path.
_OTHER_DEFAULTS = tuple(
    (field.name, getattr(EventFilter(), field.name))
    for field in dataclasses.fields(EventFilter)
    if field.name not in _LIGHT_FIELDS
)

# What Python's sqlite3 gives for the record's types: ISO text for days and
# times, 0/1 for truth; the rest is read as it is typed.
_AS_STORED = {
    pa.date32(): pa.string(),
    pa.timestamp("us", tz="UTC"): pa.string(),
    pa.bool_(): pa.int64(),
}
# The rows as the driver gives them, one struct per row: pyarrow reads a list of
# tuples into columns in one call (a third cheaper than a call per column).
_ROW_TYPE = pa.struct(
    [
        pa.field(field.name, _AS_STORED.get(field.type, field.type))
        for field in columnar.RECORD_SCHEMA
    ]
)
_NAIVE_US = pa.timestamp("us")  # stored as naive UTC


class _Shape(NamedTuple):
    """Which light conditions a filter sets: one SQL text per shape."""

    since: bool
    until: bool
    bbox: bool
    radius: bool


_SQL: dict[_Shape, str] = {}


def handles(flt: EventFilter) -> bool:
    """Whether ``flt`` sets nothing but since, until (days), a box and a radius.

    >>> handles(EventFilter(bbox=(30.0, 50.0, 31.0, 51.0)))
    True
    >>> handles(EventFilter(text="shelling"))
    False
    """
    # A moment given for a day is compared as a timestamp by the plain path: left to it.
    days = all(type(day) is date for day in (flt.since, flt.until) if day is not None)
    return days and all(getattr(flt, name) == default for name, default in _OTHER_DEFAULTS)


def query_table(engine: Engine, flt: EventFilter) -> pa.Table:
    """The records matching ``flt`` (see :func:`handles`) as one Arrow table, in listing order.

    The same table, column for column and row for row, as
    ``columnar.query_table`` on the same SQLite database. Raises ConfigError
    for an impossible box or circle, StorageError when the database fails.
    """
    shape = _Shape(
        flt.since is not None,
        flt.until is not None,
        flt.bbox is not None,
        flt.near is not None or flt.radius_km is not None,
    )
    params = _params(flt, shape)
    sql = _SQL.get(shape) or _prepare(engine, flt, shape, params)
    with translated(engine):
        pooled = engine.raw_connection()
    try:
        rows = pooled.driver_connection.execute(sql, params).fetchall()
    except sqlite3.Error as err:
        wrapped = exc.DBAPIError.instance(sql, params, err, sqlite3.Error)
        raise translate_error(wrapped, engine) from err
    finally:
        pooled.close()
    return _table(rows)


def _params(flt: EventFilter, shape: _Shape) -> list[Any]:
    """The values of the shape's ``?`` marks, in the order the plain statement binds them."""
    params: list[Any] = []
    if shape.since:
        params.append(_as_bound(flt.since))
    if shape.until:
        params.append(_as_bound(flt.until))
    days = [day for day in query.index_days(flt) if day is not None]
    if shape.bbox:
        params += _box_params(query.checked_bbox(flt.bbox), days)  # type: ignore[arg-type]
    if shape.radius:
        lat, lon, radius_km = query.checked_circle(flt)
        params += _box_params(query.radius_box(lat, lon, radius_km), days)
        params += (lat, lon, radius_km)
    return params


def _box_params(box: query.Box, days: list[float]) -> list[Any]:
    # The R*Tree's overlap test, its day bounds, the backlog's box, the exact box.
    min_lon, min_lat, max_lon, max_lat = box
    index = [min_lon, max_lon, min_lat, max_lat, *days]
    return [*index, min_lon, max_lon, min_lat, max_lat, min_lon, max_lon, min_lat, max_lat]


def _prepare(engine: Engine, flt: EventFilter, shape: _Shape, params: list[Any]) -> str:
    """The plain path's SQL text for this shape, once its bound values are checked to be ours."""
    stmt = columnar._record_select(
        columnar._OWN_SQLITE, flt, dialect="sqlite", plain=False, schema=columnar.RECORD_SCHEMA
    )
    compiled = stmt.compile(dialect=engine.dialect)
    bound = compiled.construct_params()
    theirs = [_as_bound(bound[name]) for name in compiled.positiontup or ()]
    if theirs != params:
        # A change to query.conditions that this module does not follow: a bug,
        # caught by tests/store/test_light_query.py before it can ship.
        raise RuntimeError(
            f"the light path's values {params!r} differ from the query layer's {theirs!r} "
            f"for a filter of shape {shape}; update tracker/store/light.py"
        )
    _SQL[shape] = str(compiled)
    return _SQL[shape]


def _as_bound(value: Any) -> Any:
    # SQLAlchemy's SQLite Date type binds a day as its ISO text.
    return value.isoformat() if isinstance(value, date) else value


def _table(rows: list[tuple[Any, ...]]) -> pa.Table:
    read = pa.Table.from_struct_array(pa.array(rows, type=_ROW_TYPE))
    arrays = [
        _typed(column, field.type)
        for column, field in zip(read.columns, columnar.RECORD_SCHEMA, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=columnar.RECORD_SCHEMA)


def _typed(column: pa.Array, arrow_type: pa.DataType) -> pa.Array:
    if column.type == arrow_type:
        return column
    if pa.types.is_timestamp(arrow_type):
        return pc.cast(column, _NAIVE_US).cast(arrow_type)
    return pc.cast(column, arrow_type)
