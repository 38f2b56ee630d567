"""GeoPackage and Shapefile through GDAL (pyogrio), streamed as Arrow batches.

``pyogrio.write_arrow`` pulls record batches from a reader we feed lazily,
so GDAL sees one 16,384-row batch at a time. GeoPackage keeps every column
with its type and our provenance as layer metadata. A Shapefile gets the
10-character field names of ``Column.dbf_name`` (documented in
docs/export.md), UTF-8 text with a ``.cpg`` file, timestamps and JSON as text,
and text cut to 254 bytes: the .dbf format allows no more.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyogrio
from pyogrio.errors import DataLayerError, DataSourceError, FieldError, GeometryError

from tracker.errors import ExportError
from tracker.export.arrow import GEOMETRY, NATIVE, SHAPEFILE, Flavour, arrow_schema, record_batches
from tracker.export.columns import Layout
from tracker.export.metadata import ExportMetadata
from tracker.model import Event

__all__ = ["LAYER_NAME", "write_gpkg", "write_gpkg_batches", "write_shapefile"]

LAYER_NAME = "events"
_GDAL_ERRORS = (DataSourceError, DataLayerError, FieldError, GeometryError, OSError)


@dataclass
class _Counted:
    """Feeds batches to GDAL, counting rows and keeping our own errors for re-raising."""

    batches: Iterator[pa.RecordBatch]
    count: int = 0
    located: int = 0
    error: BaseException | None = field(default=None)

    def __iter__(self) -> Iterator[pa.RecordBatch]:
        try:
            for batch in self.batches:
                self.count += batch.num_rows
                self.located += batch.num_rows - batch.column(GEOMETRY).null_count
                yield batch
        except BaseException as err:
            # GDAL reports a failing stream (even Ctrl-C) as its own RuntimeError;
            # keep the real cause to re-raise it.
            self.error = err
            raise


def _write(
    batches: Iterator[pa.RecordBatch],
    path: Path,
    *,
    layout: Layout,
    flavour: Flavour,
    driver: str,
    **options: object,
) -> tuple[int, int]:
    feed = _Counted(batches)
    reader = pa.RecordBatchReader.from_batches(arrow_schema(layout, flavour), iter(feed))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # GDAL's notes on field widths
            pyogrio.write_arrow(
                reader,
                path,
                layer=LAYER_NAME,
                driver=driver,
                geometry_name=GEOMETRY,
                geometry_type="Point",
                crs="EPSG:4326",
                **options,
            )
    except (*_GDAL_ERRORS, pa.ArrowException, RuntimeError) as err:
        if feed.error is not None:
            raise feed.error from err
        raise ExportError(f"GDAL could not write {driver} file {str(path)!r}: {err}") from err
    return feed.count, feed.located


def write_gpkg(
    events: Iterable[Event], path: Path, *, layout: Layout, metadata: ExportMetadata
) -> tuple[int, int]:
    """Write an ``events`` layer to a GeoPackage; return (rows, located rows)."""
    return write_gpkg_batches(
        record_batches(events, layout), path, layout=layout, metadata=metadata
    )


def write_gpkg_batches(
    batches: Iterator[pa.RecordBatch], path: Path, *, layout: Layout, metadata: ExportMetadata
) -> tuple[int, int]:
    """Write batches of :func:`arrow_schema` as a GeoPackage ``events`` layer; return counts."""
    provenance = json.dumps(metadata.to_dict(layout=layout.name), ensure_ascii=False)
    return _write(
        batches,
        path,
        layout=layout,
        flavour=NATIVE,
        driver="GPKG",
        layer_metadata={"conflict_tracker": provenance},
    )


def write_shapefile(
    events: Iterable[Event], path: Path, *, layout: Layout, metadata: ExportMetadata
) -> tuple[int, int]:
    """Write a Shapefile (``.shp`` or zipped ``.shp.zip``); return (rows, located rows).

    ``metadata`` is not stored: the format has no place for it.
    """
    del metadata
    return _write(
        record_batches(events, layout, flavour=SHAPEFILE),
        path,
        layout=layout,
        flavour=SHAPEFILE,
        driver="ESRI Shapefile",
        encoding="UTF-8",
    )
