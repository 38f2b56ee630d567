"""Events as Arrow record batches with a WKB point geometry column.

GeoParquet, GeoPackage and Shapefile are all written from these batches, one
chunk at a time, so memory stays flat whatever the number of events. A
``Flavour`` says how a format stores each column kind: GeoParquet and
GeoPackage keep dates, timestamps and booleans; a Shapefile's .dbf has only
text, numbers, dates and logicals, 10-character names and 254-byte text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import numpy as np
import pyarrow as pa

from geodata.model import xy
from tracker.export.columns import (
    COORDINATE_DECIMALS,
    SURROGATES,
    Column,
    Kind,
    Layout,
    column_values,
    impossible_position,
    scrub,
)
from tracker.export.features import chunked, encode_each
from tracker.model import Event

__all__ = [
    "DBF_TEXT_BYTES",
    "GEOMETRY",
    "NATIVE",
    "SHAPEFILE",
    "Flavour",
    "arrow_schema",
    "points",
    "record_batches",
]

GEOMETRY = "geometry"
DBF_TEXT_BYTES = 254
_BATCH_ROWS = 16_384  # also the GeoParquet row-group size

# One little-endian 2D WKB point: byte order, geometry type 1, x (lon), y (lat).
_WKB_POINT = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])


@dataclass(frozen=True, slots=True)
class Flavour:
    """How a target format stores names and kinds."""

    name: str
    short_names: bool = False  # Shapefile: 10-character field names
    text_limit: int | None = None  # bytes per text cell
    text_kinds: tuple[Kind, ...] = (Kind.JSON,)  # kinds written as text


NATIVE = Flavour("native")
SHAPEFILE = Flavour(
    "shapefile",
    short_names=True,
    text_limit=DBF_TEXT_BYTES,
    text_kinds=(Kind.JSON, Kind.DATETIME),
)

_ARROW_TYPES = {
    Kind.STR: pa.string(),
    Kind.INT: pa.int64(),
    Kind.FLOAT: pa.float64(),
    Kind.BOOL: pa.bool_(),
    Kind.DATE: pa.date32(),
    Kind.DATETIME: pa.timestamp("us", tz="UTC"),
    Kind.JSON: pa.string(),
}


def _arrow_type(column: Column, flavour: Flavour) -> pa.DataType:
    return pa.string() if column.kind in flavour.text_kinds else _ARROW_TYPES[column.kind]


def arrow_schema(layout: Layout, flavour: Flavour = NATIVE) -> pa.Schema:
    """The Arrow schema of the batches: the layout's columns, then ``geometry`` (WKB)."""
    fields = [
        pa.field(
            c.dbf_name if flavour.short_names else c.name,
            _arrow_type(c, flavour),
            nullable=c.nullable,
        )
        for c in layout.columns
    ]
    return pa.schema([*fields, pa.field(GEOMETRY, pa.binary())])


def _as_text(column: Column, values: list[Any]) -> list[str | bytes | None]:
    if column.kind is Kind.JSON:
        # UTF-8 JSON bytes go into Arrow strings as they are: no decode per value.
        return encode_each(values)
    return [None if v is None else v.isoformat() for v in values]


def _cut(value: str | bytes, limit: int) -> str | bytes:
    # Cut at a character boundary so multi-byte text (Cyrillic, emoji) stays valid.
    raw = value if isinstance(value, bytes) else value.encode("utf-8", SURROGATES)
    return raw[:limit].decode("utf-8", "ignore")


def _truncate(values: list[Any], limit: int) -> list[Any]:
    return [v if v is None or len(v) * 4 <= limit else _cut(v, limit) for v in values]


def _array(column: Column, values: list[Any], flavour: Flavour) -> pa.Array:
    if column.kind in flavour.text_kinds:
        values = _as_text(column, values)
    arrow_type = _arrow_type(column, flavour)
    if flavour.text_limit is not None and arrow_type == pa.string():
        values = _truncate(values, flavour.text_limit)
    try:
        return pa.array(values, type=arrow_type)
    except UnicodeEncodeError:  # a lone surrogate somewhere in this chunk's text
        return pa.array([v if v is None else scrub(v) for v in values], type=arrow_type)


def points(x: np.ndarray, y: np.ndarray, valid: np.ndarray) -> pa.Array:
    """WKB points built straight into Arrow buffers; a missing position gives a null."""
    wkb = np.zeros(int(valid.sum()), dtype=_WKB_POINT)
    wkb["order"], wkb["type"] = 1, 1
    wkb["x"], wkb["y"] = x[valid], y[valid]
    offsets = np.zeros(len(x) + 1, dtype="i4")
    np.cumsum(np.where(valid, _WKB_POINT.itemsize, 0), out=offsets[1:])
    bitmap = np.packbits(valid, bitorder="little")
    return pa.Array.from_buffers(
        pa.binary(),
        len(x),
        [pa.py_buffer(bitmap), pa.py_buffer(offsets), pa.py_buffer(wkb.tobytes())],
        null_count=int(len(x) - valid.sum()),
    )


def coordinate_values(column: Column, events: Sequence[Event]) -> tuple[np.ndarray, np.ndarray]:
    """A coordinate column for a chunk, vectorised: (rounded values, missing mask).

    Same checks and rounding as the column's own reader (``columns._coordinate``).
    """
    raw = list(map(attrgetter(column.name), events))
    missing = np.fromiter((v is None for v in raw), dtype=bool, count=len(raw))
    values = np.array([np.nan if v is None else v for v in raw], dtype="f8")
    bad = ~missing & ~(np.abs(values) <= (column.limit or 0.0))  # NaN is never <=
    if bad.any():
        raise impossible_position(events[int(np.argmax(bad))])
    return np.round(values, COORDINATE_DECIMALS), missing


def _batch(
    chunk: Sequence[Event], layout: Layout, schema: pa.Schema, flavour: Flavour
) -> pa.RecordBatch:
    arrays = []
    position: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for column in layout.columns:
        if column.limit is not None:  # a coordinate: checked and rounded in numpy
            values, missing = position[column.name] = coordinate_values(column, chunk)
            arrays.append(pa.array(values, type=pa.float64(), mask=missing))
        else:
            arrays.append(_array(column, column_values(column, chunk), flavour))
    (x, no_x), (y, no_y) = xy(position["latitude"], position["longitude"])
    arrays.append(points(x, y, ~(no_x | no_y)))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def record_batches(
    events: Iterable[Event], layout: Layout, *, flavour: Flavour = NATIVE
) -> Iterator[pa.RecordBatch]:
    """Record batches of at most 16,384 events with :func:`arrow_schema`'s columns."""
    schema = arrow_schema(layout, flavour)
    for chunk in chunked(events, _BATCH_ROWS):
        yield _batch(chunk, layout, schema, flavour)
