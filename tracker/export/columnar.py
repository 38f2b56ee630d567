"""Exports from the store's columnar read: record batches in, the same files out.

A measured speed-up in its own module. The reference is the per-event path
(``arrow.record_batches`` and ``features.iter_features`` over ``Event``
objects); this one takes the record batches of ``tracker.store.columnar``
(the record's columns, JSON-valued ones already as compact JSON text) and
writes the very same values: coordinates are checked and rounded as the
columns' own readers do, GeoJSON embeds the JSON text unchanged (orjson
fragments), GeoParquet and GeoPackage get the same Arrow columns and WKB
points. ``tests/store/test_columnar.py`` holds the files of both paths equal.

Only the default layout is served here: the ACLED layout derives columns
(disorder type, interaction codes) in Python from each event, and Shapefiles
and CSV take the per-event path too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc

from geodata.model import xy
from tracker.errors import ExportError
from tracker.export.arrow import arrow_schema, points
from tracker.export.columns import COORDINATE_DECIMALS, DEFAULT, Layout, position

__all__ = [
    "COORDINATES",
    "JSON_COLUMNS",
    "check_layout",
    "checked",
    "iso_text",
    "native_batches",
    "record_features",
]

JSON_COLUMNS = frozenset({"sources", "evidence", "trigger_span", "place_span"})
COORDINATES = {"latitude": 90.0, "longitude": 180.0}


def check_layout(layout: Layout) -> None:
    if layout.names != DEFAULT.names:
        raise ExportError(
            f"the columnar export writes the default layout only, not {layout.name!r}"
        )


def checked(batch: pa.RecordBatch, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A coordinate column as (values, missing), refused as the column reader refuses it."""
    column = batch.column(name)
    missing = np.asarray(column.is_null())
    values = column.to_numpy(zero_copy_only=False).astype("f8")
    bad = ~missing & ~(np.abs(np.where(missing, 0.0, values)) <= COORDINATES[name])
    if bad.any():
        row = batch.slice(int(np.argmax(bad)), 1).to_pylist()[0]
        raise ExportError(
            f"event {row['event_id']!r} has an impossible position latitude="
            f"{row['latitude']!r}, longitude={row['longitude']!r}; fix or re-geocode it "
            "before exporting"
        )
    return values, missing


def native_batches(records: Iterable[pa.RecordBatch], layout: Layout) -> Iterator[pa.RecordBatch]:
    """Batches of ``arrow.arrow_schema(layout)`` (GeoParquet, GeoPackage) from record batches."""
    check_layout(layout)
    schema = arrow_schema(layout)
    for batch in records:
        arrays = []
        position_of: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for name in layout.names:
            if name in COORDINATES:  # rounded as arrow.coordinate_values does; WKB too
                values, missing = checked(batch, name)
                rounded = np.round(np.where(missing, np.nan, values), COORDINATE_DECIMALS)
                position_of[name] = (rounded, missing)
                arrays.append(pa.array(rounded, type=pa.float64(), mask=missing))
            else:
                arrays.append(batch.column(name))
        (x, no_x), (y, no_y) = xy(position_of["latitude"], position_of["longitude"])
        arrays.append(points(x, y, ~(no_x | no_y)))
        yield pa.RecordBatch.from_arrays(arrays, schema=schema)


def iso_text(column: pa.Array) -> pa.Array:
    """Dates and UTC timestamps as the text orjson writes for them, formatted by Arrow.

    Python date and zone-aware datetime objects cost 0.6 and 2.6 µs each to
    make, most of the time of turning a batch into Python values; strings
    cost a tenth of that. ISO 8601 as ``datetime.isoformat`` writes it: no
    fraction when the microseconds are zero, ``+00:00`` for UTC.

    >>> from datetime import UTC, datetime
    >>> stamps = [datetime(2024, 3, 1, 5, 6, 7, micro, tzinfo=UTC) for micro in (0, 80)]
    >>> iso_text(pa.array(stamps, type=pa.timestamp("us", tz="UTC"))).to_pylist()
    ['2024-03-01T05:06:07+00:00', '2024-03-01T05:06:07.000080+00:00']
    """
    if pa.types.is_date(column.type):
        return pc.cast(column, pa.string())
    # Arrow's own text of a naive microsecond timestamp, "2024-03-01 05:06:07.000080",
    # is ten times faster to make than strftime's.
    text = pc.cast(pc.cast(column, pa.timestamp("us")), pa.string())
    text = pc.replace_substring(text, ".000000", "")
    text = pc.replace_substring(text, " ", "T")
    return pc.binary_join_element_wise(text, "+00:00", "")


def _python_column(batch: pa.RecordBatch, name: str) -> list[Any]:
    column = batch.column(name)
    if pa.types.is_date(column.type) or pa.types.is_timestamp(column.type):
        column = iso_text(column)
    values = column.to_pylist()
    if name in JSON_COLUMNS:  # already JSON: embedded as it is
        return [None if v is None else orjson.Fragment(v) for v in values]
    if name in COORDINATES:
        checked(batch, name)
        return [None if v is None else round(v, COORDINATE_DECIMALS) for v in values]
    return values


def record_features(records: Iterable[pa.RecordBatch], layout: Layout) -> Iterator[dict[str, Any]]:
    """GeoJSON Features from record batches, equal to ``features.iter_features`` of the events.

    The JSON-valued properties are orjson fragments: encode them with orjson.
    """
    check_layout(layout)
    names = layout.names
    for batch in records:
        columns = [_python_column(batch, name) for name in names]
        ids = columns[names.index("event_id")]
        lat_at, lon_at = names.index("latitude"), names.index("longitude")
        for event_id, row in zip(ids, zip(*columns, strict=True), strict=True):
            where = position(row[lat_at], row[lon_at])
            yield {
                "type": "Feature",
                "id": event_id,
                "geometry": None if where is None else {"type": "Point", "coordinates": where},
                "properties": dict(zip(names, row, strict=True)),
            }
