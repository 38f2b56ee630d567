"""The registry of export formats: names, file extensions and writers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.errors import ConfigError
from tracker.export.atomic import full_suffix

__all__ = ["ALIASES", "FORMATS", "ExportFormat", "format_for_name", "format_for_path"]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One output format. ``text`` formats can go to standard output (``-``)."""

    name: str
    extensions: tuple[str, ...]
    text: bool
    description: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "geojson", (".geojson", ".json"), True, "RFC 7946 FeatureCollection (default)"
        ),
        ExportFormat("geojsonseq", (".geojsons",), True, "RFC 8142 GeoJSON text sequence"),
        ExportFormat(
            "geojsonl", (".geojsonl", ".ndjson", ".jsonl"), True, "newline-delimited GeoJSON"
        ),
        ExportFormat("csv", (".csv",), True, "CSV, UTF-8, latitude/longitude columns"),
        ExportFormat("gpkg", (".gpkg",), False, "OGC GeoPackage (one layer, 'events')"),
        ExportFormat("parquet", (".parquet", ".geoparquet"), False, "GeoParquet 1.1"),
        ExportFormat("shp", (".shp", ".shp.zip"), False, "ESRI Shapefile (10-char names)"),
    )
}

ALIASES = {
    "ndjson": "geojsonl",
    "jsonl": "geojsonl",
    "geoparquet": "parquet",
    "geopackage": "gpkg",
    "shapefile": "shp",
}

_BY_EXTENSION = {ext: f for f in FORMATS.values() for ext in f.extensions}


def _known() -> str:
    return ", ".join(FORMATS)


def format_for_name(name: str) -> ExportFormat:
    """The format called ``name`` (or one of its aliases); ConfigError lists the choices.

    >>> format_for_name("GeoParquet").name
    'parquet'
    """
    key = name.strip().lower()
    found = FORMATS.get(ALIASES.get(key, key))
    if found is None:
        raise ConfigError(f"unknown export format {name!r}; choose one of: {_known()}")
    return found


def format_for_path(path: Path) -> ExportFormat:
    """The format a file name's extension stands for.

    >>> format_for_path(Path("out/events.shp.zip")).name
    'shp'
    """
    found = _BY_EXTENSION.get(full_suffix(path))
    if found is None:
        extensions = ", ".join(_BY_EXTENSION)
        raise ConfigError(
            f"cannot tell the export format of {str(path)!r} from its extension; "
            f"use one of {extensions} or pass --format ({_known()})"
        )
    return found
