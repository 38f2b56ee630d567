"""GeoParquet 1.1: Parquet with a WKB ``geometry`` column and ``geo`` file metadata.

Written with pyarrow's ParquetWriter one row group (16,384 events) at a time.
The ``geo`` key follows the GeoParquet 1.1 specification (WKB encoding, Point,
PROJJSON CRS of EPSG:4326; WKB axis order is always longitude, latitude), which
GeoPandas, GDAL, DuckDB and BigQuery read. Our provenance goes in a second key,
``conflict_tracker``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pyproj import CRS

from tracker.export.arrow import GEOMETRY, arrow_schema, record_batches
from tracker.export.columns import Layout
from tracker.export.metadata import ExportMetadata
from tracker.model import Event

__all__ = ["write_batches", "write_geoparquet"]


# Columns whose values rarely repeat within a row group: a dictionary page for
# them is built, found too big and dropped for every row group. Without the
# attempt a million events are written in 1.3 s of CPU instead of 1.8 s, the
# file 3 % bigger (docs/benchmarks.md); every other column keeps its dictionary.
_DISTINCT = frozenset(
    {"event_id", "notes", "sources", "latitude", "longitude", "confidence", "source_url",
     "article_id", GEOMETRY}
)  # fmt: skip


@cache
def _wgs84_projjson() -> dict:
    return CRS.from_epsg(4326).to_json_dict()


def _geo_metadata() -> bytes:
    geo = {
        "version": "1.1.0",
        "primary_column": GEOMETRY,
        "columns": {
            GEOMETRY: {
                "encoding": "WKB",
                "geometry_types": ["Point"],
                "crs": _wgs84_projjson(),
                "edges": "planar",
            }
        },
    }
    return json.dumps(geo).encode("utf-8")


def _schema(layout: Layout, metadata: ExportMetadata) -> pa.Schema:
    provenance = json.dumps(metadata.to_dict(layout=layout.name), ensure_ascii=False)
    return arrow_schema(layout).with_metadata(
        {b"geo": _geo_metadata(), b"conflict_tracker": provenance.encode("utf-8")}
    )


def write_geoparquet(
    events: Iterable[Event], path: Path, *, layout: Layout, metadata: ExportMetadata
) -> tuple[int, int]:
    """Write ``events`` to a GeoParquet file at ``path``; return (rows, located rows)."""
    return write_batches(record_batches(events, layout), path, layout=layout, metadata=metadata)


def write_batches(
    batches: Iterable[pa.RecordBatch], path: Path, *, layout: Layout, metadata: ExportMetadata
) -> tuple[int, int]:
    """Write batches of :func:`arrow_schema` to a GeoParquet file; return (rows, located rows)."""
    schema = _schema(layout, metadata)
    count = located = 0
    dictionary = [name for name in schema.names if name not in _DISTINCT]
    with pq.ParquetWriter(path, schema, compression="snappy", use_dictionary=dictionary) as writer:
        for batch in batches:
            writer.write_table(pa.Table.from_batches([batch.replace_schema_metadata(None)]))
            count += batch.num_rows
            located += batch.num_rows - batch.column(GEOMETRY).null_count
    return count, located
