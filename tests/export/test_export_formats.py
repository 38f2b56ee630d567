"""Choosing the format: from --format, aliases or the extension; refusals say what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_samples import sample_events

from tracker.errors import ConfigError
from tracker.export import FORMATS, ExportMetadata, choose_format, export_events


@pytest.mark.parametrize(
    ("out", "fmt", "expected"),
    [
        ("e.geojson", None, "geojson"),
        ("e.json", None, "geojson"),
        ("e.GeoJSON", None, "geojson"),
        ("e.geojsons", None, "geojsonseq"),
        ("e.ndjson", None, "geojsonl"),
        ("e.csv", None, "csv"),
        ("e.gpkg", None, "gpkg"),
        ("e.geoparquet", None, "parquet"),
        ("e.shp.zip", None, "shp"),
        ("e.txt", "csv", "csv"),
        ("e.out", "GeoParquet", "parquet"),
        ("e.data", "ndjson", "geojsonl"),
        ("-", None, "geojson"),
        ("-", "csv", "csv"),
    ],
)
def test_format_choice(out: str, fmt: str | None, expected: str) -> None:
    assert choose_format(out, fmt=fmt).name == expected


def test_unknown_format_lists_the_formats() -> None:
    with pytest.raises(ConfigError) as err:
        choose_format("e.geojson", fmt="kml")
    assert "'kml'" in str(err.value)
    assert all(name in str(err.value) for name in FORMATS)


def test_unknown_extension_says_to_use_format() -> None:
    with pytest.raises(ConfigError, match=r"'e\.txt'.*--format"):
        choose_format("e.txt")


@pytest.mark.parametrize("fmt", ["gpkg", "parquet", "shp"])
def test_binary_formats_refuse_standard_output(fmt: str) -> None:
    with pytest.raises(ConfigError, match="standard output"):
        choose_format("-", fmt=fmt)


def test_shapefile_needs_its_extension() -> None:
    with pytest.raises(ConfigError, match=r"\.shp"):
        choose_format("events.dat", fmt="shp")


def test_geojson_to_standard_output(
    metadata: ExportMetadata, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    result = export_events(sample_events(), "-", metadata=metadata)
    doc = json.loads(capsysbinary.readouterr().out)
    assert result.path is None and result.format == "geojson"
    assert [f["id"] for f in doc["features"]] == [e.event_id for e in sample_events()]


def test_format_option_wins_over_extension(tmp_path: Path, metadata: ExportMetadata) -> None:
    out = tmp_path / "events.txt"
    export_events(sample_events(), out, fmt="geojsonl", metadata=metadata)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
