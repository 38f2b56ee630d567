"""Analyst exports: GeoJSON, GeoJSON sequences, CSV, GeoPackage, GeoParquet, Shapefile.

>>> from tracker.export import export_events, ExportMetadata, FORMATS
>>> sorted(FORMATS)
['csv', 'geojson', 'geojsonl', 'geojsonseq', 'gpkg', 'parquet', 'shp']

Every export is streamed (memory stays flat whatever the number of events)
and written to a temporary file renamed into place at the end. Formats,
columns and the Shapefile field-name map are described in docs/export.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.lazy import lazy_exports

if TYPE_CHECKING:
    from tracker.export.api import STDOUT, choose_format, export_events, export_store
    from tracker.export.columns import ACLED, DEFAULT, LAYOUTS, Column, Kind, Layout
    from tracker.export.formats import (
        ALIASES,
        FORMATS,
        ExportFormat,
        format_for_name,
        format_for_path,
    )
    from tracker.export.metadata import GEONAMES_LICENCE, ExportMetadata, ExportResult

# Imported on first use (PEP 562): a command that only needs the CSV writer or
# the record does not load every writer with it.
_HOMES = {
    **dict.fromkeys(
        ("STDOUT", "choose_format", "export_events", "export_store"), "tracker.export.api"
    ),
    **dict.fromkeys(
        ("ACLED", "DEFAULT", "LAYOUTS", "Column", "Kind", "Layout"), "tracker.export.columns"
    ),
    **dict.fromkeys(
        ("ALIASES", "FORMATS", "ExportFormat", "format_for_name", "format_for_path"),
        "tracker.export.formats",
    ),
    **dict.fromkeys(
        ("GEONAMES_LICENCE", "ExportMetadata", "ExportResult"), "tracker.export.metadata"
    ),
}

__all__ = [
    "ACLED",
    "ALIASES",
    "DEFAULT",
    "FORMATS",
    "GEONAMES_LICENCE",
    "LAYOUTS",
    "STDOUT",
    "Column",
    "ExportFormat",
    "ExportMetadata",
    "ExportResult",
    "Kind",
    "Layout",
    "choose_format",
    "export_events",
    "export_store",
    "format_for_name",
    "format_for_path",
]


__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
