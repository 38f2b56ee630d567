"""GeoJSON Features written a column at a time from record batches, no Python object per row.

A measured speed-up in its own module. The reference is
``columnar.record_features``: a dict per Feature, encoded by orjson (at a
million events, most of a GeoJSON export's time went to building those
dicts). Here each column of a record batch becomes the JSON text of its
values with Arrow compute functions (numbers formatted by Arrow, strings
quoted, JSON-valued columns passed through), and Arrow joins the columns
into one line per Feature; the lines are written straight from the
array's buffer. The bytes are orjson's:

- a string that needs escaping (a quote, a backslash, a control
  character) is encoded by orjson, the whole column's such strings in one
  call (:func:`tracker.export.features.encode_each`);
- a float is Arrow's shortest text where that equals orjson's (a plain
  decimal from 1e-4 to 1e15, or zero, with ``.0`` added to whole numbers)
  and orjson's own elsewhere;
- coordinates are rounded as Python's ``round`` rounds them: NumPy's
  rounding, corrected by ``round`` itself where the two can differ (a
  value within a hair of a half).

``tests/export/test_feature_text.py`` holds these to orjson over awkward
values, and ``tests/store/test_columnar.py`` holds whole files to the
per-event path's bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from geodata.model import xy
from tracker.export.columnar import COORDINATES, JSON_COLUMNS, check_layout, checked, iso_text
from tracker.export.columns import COORDINATE_DECIMALS, Layout
from tracker.export.features import encode_each, encoder
from tracker.export.geojson import COLLECTION_TAIL, collection_head
from tracker.export.geojsonseq import RECORD_SEPARATOR
from tracker.export.metadata import ExportMetadata
from tracker.store.readahead import map_ahead

__all__ = [
    "feature_lines",
    "float_text",
    "json_text_column",
    "rounded_coordinates",
    "write_collection_text",
    "write_lines_text",
]

_NULL = "null"
_NEEDS_ESCAPE = r'["\\\x00-\x1f]'
_SAFE_LOW, _SAFE_HIGH = 1e-4, 1e15  # where Arrow's float text is orjson's
_SCALE = 10.0**COORDINATE_DECIMALS


def _join(*parts: pa.Array | str) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def string_text(column: pa.Array) -> pa.Array:
    """JSON string literals of a string column (null: ``null``)."""
    quoted = _join('"', column, '"')
    needs = pc.fill_null(pc.match_substring_regex(column, _NEEDS_ESCAPE), False)
    if pc.any(needs).as_py():
        special = column.filter(needs).to_pylist()
        encoded = [text.decode("utf-8") for text in encode_each(special, encoder())]
        quoted = pc.replace_with_mask(quoted, needs, pa.array(encoded, pa.string()))
    return pc.fill_null(quoted, _NULL)


def float_text(values: pa.Array) -> pa.Array:
    """JSON numbers of a float column, byte for byte as orjson writes them (null: ``null``).

    >>> float_text(pa.array([1.0, 0.25, None, 1e-7])).to_pylist()
    ['1.0', '0.25', 'null', '1e-7']
    """
    text = pc.cast(values, pa.string())
    whole = pc.invert(pc.match_substring_regex(text, r"[.en]"))
    text = pc.if_else(whole, _join(text, ".0"), text)
    size = pc.abs(values)
    in_range = pc.and_(pc.greater_equal(size, _SAFE_LOW), pc.less(size, _SAFE_HIGH))
    plain = pc.and_(pc.or_(pc.equal(size, 0.0), in_range), pc.invert(pc.match_substring(text, "e")))
    unsafe = pc.fill_null(pc.invert(plain), False)
    if pc.any(unsafe).as_py():
        encoded = [text.decode() for text in encode_each(values.filter(unsafe).to_pylist())]
        text = pc.replace_with_mask(text, unsafe, pa.array(encoded, pa.string()))
    return pc.fill_null(text, _NULL)


def rounded_coordinates(values: np.ndarray, missing: np.ndarray) -> np.ndarray:
    """``round(v, 5)`` of every value, as Python rounds (NaN where missing).

    >>> rounded_coordinates(np.array([50.123456, 0.000015]), np.array([False, False])).tolist()
    [50.12346, 2e-05]
    """
    plain = np.where(missing, np.nan, values)
    rounded = np.round(plain, COORDINATE_DECIMALS)
    scaled = plain * _SCALE
    # NumPy rounds the scaled value, which is inexact: near a half the two may differ.
    near_half = np.abs(np.abs(scaled - np.trunc(scaled)) - 0.5) < 1e-6
    for at in np.flatnonzero(near_half & ~missing):
        rounded[at] = round(float(values[at]), COORDINATE_DECIMALS)
    return rounded


def json_text_column(batch: pa.RecordBatch, name: str) -> pa.Array:
    """The JSON text of every value of one record column (no nulls: ``null``)."""
    column = batch.column(name)
    kind = column.type
    if name in JSON_COLUMNS:
        return pc.fill_null(column, _NULL)
    if name in COORDINATES:
        values, missing = checked(batch, name)
        rounded = pa.array(rounded_coordinates(values, missing), mask=missing)
        return float_text(rounded)
    if pa.types.is_string(kind):
        return string_text(column)
    if pa.types.is_date(kind) or pa.types.is_timestamp(kind):
        return pc.fill_null(_join('"', iso_text(column), '"'), _NULL)
    if pa.types.is_boolean(kind):
        return pc.fill_null(pc.if_else(column, "true", "false"), _NULL)
    if pa.types.is_integer(kind):
        return pc.fill_null(pc.cast(column, pa.string()), _NULL)
    if pa.types.is_floating(kind):
        return float_text(column)
    raise TypeError(f"no JSON text for column {name!r} of type {kind}")


def _geometry(lat: pa.Array, lon: pa.Array) -> pa.Array:
    x, y = xy(lat, lon)
    point = _join('{"type":"Point","coordinates":[', x, ",", y, "]}")
    located = pc.and_(pc.not_equal(lat, _NULL), pc.not_equal(lon, _NULL))
    return pc.if_else(located, point, _NULL)


def feature_lines(
    records: Iterable[pa.RecordBatch], layout: Layout, *, prefix: str, suffix: str
) -> Iterator[tuple[pa.Array, int]]:
    """Per batch: one string per Feature (``prefix`` + Feature JSON + ``suffix``), and how
    many of them have a geometry. The Features are ``record_features``' as orjson writes them.

    Two threads make the text of consecutive batches (Arrow's functions release
    the GIL), handed on in order."""
    check_layout(layout)

    def lines(batch: pa.RecordBatch) -> tuple[pa.Array, int]:
        return _batch_lines(batch, layout.names, prefix=prefix, suffix=suffix)

    yield from map_ahead(lines, records, depth=3)  # two at work, one waiting to be written


def _batch_lines(
    batch: pa.RecordBatch, names: Sequence[str], *, prefix: str, suffix: str
) -> tuple[pa.Array, int]:
    text = {name: json_text_column(batch, name) for name in names}
    geometry = _geometry(text["latitude"], text["longitude"])
    parts: list[pa.Array | str] = [prefix + '{"type":"Feature","id":', text["event_id"]]
    parts += [',"geometry":', geometry, ',"properties":{']
    for at, name in enumerate(names):
        parts += [("," if at else "") + f'"{name}":', text[name]]
    parts.append("}}" + suffix)
    unlocated = pc.sum(pc.equal(geometry, _NULL)).as_py() or 0
    return _join(*parts), batch.num_rows - unlocated


def line_bytes(lines: pa.Array) -> memoryview:
    """The concatenated text of a string array without nulls, straight from its buffer."""
    width = np.int64 if pa.types.is_large_string(lines.type) else np.int32
    offsets = np.frombuffer(
        lines.buffers()[1], dtype=width, count=len(lines) + 1, offset=lines.offset * width(0).nbytes
    )
    data = memoryview(lines.buffers()[2])
    return data[offsets[0] : offsets[-1]]


def write_collection_text(
    records: Iterable[pa.RecordBatch],
    stream: BinaryIO,
    *,
    layout: Layout,
    metadata: ExportMetadata,
) -> tuple[int, int]:
    """Write the records as one FeatureCollection, as ``geojson.write_collection`` writes it."""
    stream.write(collection_head(metadata, layout=layout, encode=encoder()))
    count = located = 0
    for lines, on_map in feature_lines(records, layout, prefix=",\n", suffix=""):
        text = line_bytes(lines)
        stream.write(text if count else text[1:])  # the first Feature follows a bare newline
        count += len(lines)
        located += on_map
    stream.write(COLLECTION_TAIL)
    return count, located


def write_lines_text(
    records: Iterable[pa.RecordBatch], stream: BinaryIO, *, layout: Layout, record_separator: bool
) -> tuple[int, int]:
    """Write the records one Feature per line, as ``geojsonseq.write_lines`` writes them."""
    prefix = RECORD_SEPARATOR.decode() if record_separator else ""
    count = located = 0
    for lines, on_map in feature_lines(records, layout, prefix=prefix, suffix="\n"):
        stream.write(line_bytes(lines))
        count += len(lines)
        located += on_map
    return count, located
