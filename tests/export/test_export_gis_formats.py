"""GeoPackage, GeoParquet and Shapefile read back with pyogrio/GDAL and GeoPandas intact."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pyogrio
import pytest
from export_samples import HAVRYLIVKA, TRICKY, make_event, sample_events
from shapely.geometry import Point

from tracker.export import ACLED, DEFAULT, ExportMetadata, export_events
from tracker.export import arrow as arrow_module

IDS = [e.event_id for e in sample_events()]
NAMES = ["events.gpkg", "events.parquet", "events.shp", "events.shp.zip"]


def _read(path: Path) -> gpd.GeoDataFrame:
    if path.suffix == ".parquet":
        return gpd.read_parquet(path)
    return gpd.read_file(path)


def _expected_points() -> list[Point | None]:
    return [
        None if e.latitude is None else Point(round(e.longitude, 5), round(e.latitude, 5))
        for e in sample_events()
    ]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("acled", [False, True], ids=["default", "acled"])
def test_same_rows_crs_geometries_and_text(
    tmp_path: Path, metadata: ExportMetadata, name: str, acled: bool
) -> None:
    out = tmp_path / name
    result = export_events(sample_events(), out, metadata=metadata, acled=acled)
    frame = _read(out)
    id_column = "event_id" if (name.startswith("events.shp") or not acled) else "event_id_cnty"
    assert (result.count, result.located) == (4, 3)
    assert list(frame[id_column]) == IDS
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    for got, want in zip(frame.geometry, _expected_points(), strict=True):
        assert (got is None or got.is_empty) if want is None else got.equals(want)
    assert frame["notes"].iloc[1] == TRICKY
    assert frame.geometry.iloc[0].x == HAVRYLIVKA[1]  # longitude is x


@pytest.mark.parametrize("name", ["events.gpkg", "events.parquet"])
def test_types_survive_in_typed_formats(
    tmp_path: Path, metadata: ExportMetadata, name: str
) -> None:
    out = tmp_path / name
    export_events(sample_events(), out, metadata=metadata)
    frame = _read(out)
    assert list(frame.columns) == [*DEFAULT.names, "geometry"]
    first = frame.iloc[0]
    assert pd.Timestamp(first["event_date"]).date() == date(2022, 4, 12)
    assert int(first["time_precision"]) == 1 and int(first["fatalities"]) == 0
    assert float(first["confidence"]) == 0.8
    assert bool(frame["alleged"].iloc[1]) is True
    assert pd.isna(frame["geo_precision"].iloc[2])
    assert pd.Timestamp(first["updated_at"]) == pd.Timestamp("2024-03-01T12:30:15Z")
    assert json.loads(first["sources"])[0]["url"] == "https://news.example.org/depot"
    assert frame["latitude"].dtype == float and frame["fatalities"].dtype.kind == "i"


def test_geoparquet_metadata_follows_the_specification(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.parquet"
    export_events(sample_events(), out, metadata=metadata)
    file_meta = pq.read_schema(out).metadata
    geo = json.loads(file_meta[b"geo"])
    assert geo["version"] == "1.1.0" and geo["primary_column"] == "geometry"
    column = geo["columns"]["geometry"]
    assert column["encoding"] == "WKB" and column["geometry_types"] == ["Point"]
    assert column["crs"]["id"] == {"authority": "EPSG", "code": 4326}
    provenance = json.loads(file_meta[b"conflict_tracker"])
    assert provenance["licence"] == "GeoNames, CC BY 4.0"
    schema = pq.read_schema(out)
    assert schema.field("event_date").type == pa.date32()  # a date, not text
    assert schema.field("updated_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("alleged").type == pa.bool_()


def test_geopackage_keeps_provenance_as_layer_metadata(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.gpkg"
    export_events(sample_events(), out, metadata=metadata)
    info = pyogrio.read_info(out, layer="events")
    assert info["features"] == 4 and info["geometry_type"] == "Point"
    provenance = json.loads(info["layer_metadata"]["conflict_tracker"])
    assert provenance["filters"]["region"] == "Kyiv Oblast"


@pytest.mark.parametrize("acled", [False, True], ids=["default", "acled"])
def test_shapefile_field_names_are_mapped_to_ten_characters(
    tmp_path: Path, metadata: ExportMetadata, acled: bool
) -> None:
    out = tmp_path / "events.shp"
    export_events(sample_events(), out, metadata=metadata, acled=acled)
    layout = ACLED if acled else DEFAULT
    fields = list(pyogrio.read_info(out)["fields"])
    assert fields == [c.dbf_name for c in layout.columns]
    assert all(len(f) <= 10 for f in fields) and len(set(fields)) == len(fields)
    assert (tmp_path / "events.cpg").read_text().strip().upper().replace("-", "") == "UTF8"


def test_shapefile_text_is_cut_at_254_bytes_on_a_character_boundary(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    long_notes = "Київ 🚀 " * 60  # far beyond the .dbf limit, multi-byte throughout
    out = tmp_path / "events.shp"
    export_events([make_event("ev-1", notes=long_notes)], out, metadata=metadata)
    notes = gpd.read_file(out)["notes"].iloc[0]
    assert len(notes.encode("utf-8")) <= 254 and long_notes.startswith(notes)
    assert len(notes.encode("utf-8")) > 240


@pytest.mark.parametrize("name", NAMES)
def test_batches_keep_order_across_boundaries(
    tmp_path: Path, metadata: ExportMetadata, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(arrow_module, "_BATCH_ROWS", 3)
    many = [
        make_event(f"ev-{i:02d}", latitude=None if i % 4 == 0 else 50 + i / 100, fatalities=i)
        for i in range(11)
    ]
    out = tmp_path / name
    result = export_events(many, out, metadata=metadata)
    frame = _read(out)
    assert result.count == 11 and result.located == 8
    assert list(frame["event_id"]) == [e.event_id for e in many]
    assert list(frame["fatalities"]) == list(range(11))
    assert frame.geometry.isna().sum() + frame.geometry.is_empty.sum() == 3


@pytest.mark.parametrize("name", NAMES)
def test_empty_export_is_a_readable_empty_layer(
    tmp_path: Path, metadata: ExportMetadata, name: str
) -> None:
    out = tmp_path / name
    assert export_events([], out, metadata=metadata).count == 0
    frame = _read(out)
    assert len(frame) == 0 and "event_id" in frame.columns
