"""GeoJSON exports validate, follow RFC 7946 strictly and read back with real GeoJSON readers."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import geopandas as gpd
import jsonschema
import pyogrio
import pytest
from export_samples import HAVRYLIVKA, TRICKY, make_event, sample_events

from tracker.export import ExportMetadata, export_events
from tracker.export import features as features_module
from tracker.export.columns import DEFAULT
from tracker.export.geojson import write_geojson

SCHEMA = json.loads((Path(__file__).parent / "geojson.schema.json").read_text(encoding="utf-8"))


def _decimals(value: float) -> int:
    return max(0, -Decimal(repr(value)).as_tuple().exponent)


def check_rfc7946(raw: bytes) -> dict[str, Any]:
    """A strict reading of RFC 7946 for point exports; returns the parsed document."""
    assert not raw.startswith(b"\xef\xbb\xbf"), "RFC 7946 forbids a byte order mark"
    doc = json.loads(raw.decode("utf-8"))
    jsonschema.validate(doc, SCHEMA)
    assert "crs" not in doc, "RFC 7946 removed the crs member"
    ids = [f["id"] for f in doc["features"]]
    assert all(isinstance(i, str) and i for i in ids)
    assert len(set(ids)) == len(ids)
    for feature in doc["features"]:
        assert "crs" not in feature and set(feature) >= {"type", "id", "geometry", "properties"}
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert _decimals(lon) <= 5 and _decimals(lat) <= 5
        assert [lon, lat] == [feature["properties"]["longitude"], feature["properties"]["latitude"]]
    return doc


@pytest.mark.parametrize("acled", [False, True], ids=["default", "acled"])
def test_export_validates_against_schema_and_rfc7946(
    tmp_path: Path, metadata: ExportMetadata, acled: bool
) -> None:
    out = tmp_path / "events.geojson"
    result = export_events(sample_events(), out, metadata=metadata, acled=acled)
    doc = check_rfc7946(out.read_bytes())
    assert (result.path, result.format, result.count, result.located) == (out, "geojson", 4, 3)
    assert len(doc["features"]) == 4


def test_havrylivka_is_longitude_then_latitude(tmp_path: Path, metadata: ExportMetadata) -> None:
    out = tmp_path / "events.geojson"
    export_events([make_event("ev-1")], out, metadata=metadata)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["features"][0]["geometry"]["coordinates"] == [30.21356, 50.67556]
    frame = gpd.read_file(out)
    point = frame.geometry.iloc[0]
    assert (point.x, point.y) == (HAVRYLIVKA[1], HAVRYLIVKA[0])
    assert frame.crs.to_epsg() == 4326


def test_coordinates_are_rounded_to_five_decimals(tmp_path: Path, metadata: ExportMetadata) -> None:
    out = tmp_path / "events.geojson"
    export_events(
        [make_event("ev-1", latitude=50.675561234, longitude=30.213564999)], out, metadata=metadata
    )
    feature = json.loads(out.read_text(encoding="utf-8"))["features"][0]
    assert feature["geometry"]["coordinates"] == [30.21356, 50.67556]


def test_unlocated_event_is_a_feature_with_null_geometry(
    tmp_path: Path, events: list, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.geojson"
    export_events(events, out, metadata=metadata)
    by_id = {f["id"]: f for f in json.loads(out.read_bytes())["features"]}
    assert by_id["ev-unlocated"]["geometry"] is None
    assert by_id["ev-unlocated"]["properties"]["latitude"] is None
    info = pyogrio.read_info(out)
    assert info["features"] == 4  # GDAL keeps the feature without geometry


def test_metadata_member_says_when_how_and_with_what(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.geojson"
    export_events([make_event("ev-1")], out, metadata=metadata)
    meta = json.loads(out.read_text(encoding="utf-8"))["metadata"]
    assert meta["generated_at"] == "2024-03-02T08:00:00"
    assert meta["generator"].startswith("conflict-tracker ")
    assert meta["filters"] == {"since": "2022-01-01", "region": "Kyiv Oblast"}
    assert meta["gazetteer"] == "GeoNames"
    assert meta["licence"] == "GeoNames, CC BY 4.0"
    assert meta["layout"] == "default"


def test_properties_keep_every_field_with_native_json_types(
    tmp_path: Path, events: list, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.geojson"
    export_events(events, out, metadata=metadata)
    props = {f["id"]: f["properties"] for f in json.loads(out.read_bytes())["features"]}
    first = props["ev-havrylivka"]
    assert list(first) == list(DEFAULT.names)
    assert first["event_date"] == "2022-04-12"
    assert first["time_precision"] == 1 and first["geo_precision"] == 1
    assert first["sub_event_type"] == "Shelling/artillery/missile attack"
    assert first["sources"][0]["outlet"] == "Example News"
    assert first["evidence"] == ["trigger: destroyed", "place: near Havrylivka, Kyiv region"]
    assert first["trigger_span"] == [10, 19]
    assert first["updated_at"] == "2024-03-01T12:30:15+00:00"
    assert props["ev-kharkiv"]["notes"] == TRICKY
    assert props["ev-kharkiv"]["alleged"] is True
    assert props["ev-starokostiantyniv"]["date_start"] == "2023-08-06"


def test_tricky_text_reads_back_through_gdal(tmp_path: Path, metadata: ExportMetadata) -> None:
    out = tmp_path / "events.geojson"
    export_events(sample_events(), out, metadata=metadata)
    frame = gpd.read_file(out)
    assert frame.loc[frame["event_id"] == "ev-kharkiv", "notes"].item() == TRICKY


def test_standard_library_encoder_writes_the_same_document(
    tmp_path: Path, events: list, metadata: ExportMetadata
) -> None:
    import io

    fast, slow = io.BytesIO(), io.BytesIO()
    write_geojson(events, fast, layout=DEFAULT, metadata=metadata)
    write_geojson(events, slow, layout=DEFAULT, metadata=metadata, prefer_orjson=False)
    assert json.loads(fast.getvalue()) == json.loads(slow.getvalue())
    check_rfc7946(slow.getvalue())


def test_export_of_nothing_is_an_empty_valid_collection(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    out = tmp_path / "none.geojson"
    result = export_events(iter(()), out, metadata=metadata)
    assert result.count == 0
    assert check_rfc7946(out.read_bytes())["features"] == []


def test_feature_chunks_keep_order_across_boundaries(
    tmp_path: Path, metadata: ExportMetadata, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(features_module, "CHUNK_SIZE", 3)
    many = [make_event(f"ev-{i:03d}", fatalities=i) for i in range(10)]
    out = tmp_path / "events.geojson"
    export_events(many, out, metadata=metadata)
    doc = check_rfc7946(out.read_bytes())
    assert [f["id"] for f in doc["features"]] == [e.event_id for e in many]
    assert [f["properties"]["fatalities"] for f in doc["features"]] == list(range(10))


def test_two_exports_of_the_same_events_are_identical_feature_lines(
    tmp_path: Path, events: list
) -> None:
    first, second = tmp_path / "a.geojson", tmp_path / "b.geojson"
    export_events(events, first, metadata=ExportMetadata())
    export_events(events, second, metadata=ExportMetadata())
    # The first line carries the generation time; every Feature line must match.
    assert first.read_text().splitlines()[1:] == second.read_text().splitlines()[1:]
    assert len(first.read_text().splitlines()) == 1 + len(events) + 1


def test_impossible_position_is_refused_with_the_event_id(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    from tracker.errors import ExportError

    out = tmp_path / "events.geojson"
    with pytest.raises(ExportError, match=r"'ev-bad'.*latitude=95\.0"):
        export_events([make_event("ev-bad", latitude=95.0)], out, metadata=metadata)
    assert not out.exists()


@pytest.mark.parametrize("name", ["events.geojson", "events.geojsons", "events.geojsonl"])
@pytest.mark.parametrize("prefer_orjson", [True, False], ids=["orjson", "stdlib"])
def test_text_that_looks_like_a_feature_boundary_stays_inside_its_string(
    tmp_path: Path,
    metadata: ExportMetadata,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    prefer_orjson: bool,
) -> None:
    if not prefer_orjson:
        monkeypatch.setattr(features_module, "orjson", None)
    sneaky = 'x"},{"type":"Feature","id":"fake"},{"type":"Feature",'
    events = [make_event("ev-1", notes=sneaky), make_event("ev-2", notes=sneaky)]
    out = tmp_path / name
    export_events(events, out, metadata=metadata)
    frame = gpd.read_file(out)
    assert list(frame["event_id"]) == ["ev-1", "ev-2"]
    assert list(frame["notes"]) == [sneaky, sneaky]


@pytest.mark.parametrize("name", ["events.geojson", "events.csv", "events.parquet"])
def test_lone_surrogates_from_badly_decoded_text_do_not_stop_an_export(
    tmp_path: Path, metadata: ExportMetadata, name: str
) -> None:
    broken = b"caf\xe9 shelled".decode("utf-8", "surrogateescape")
    event = make_event("ev-1", notes=broken, evidence=(broken,))
    out = tmp_path / name
    assert export_events([event], out, metadata=metadata).count == 1
    frame = gpd.read_parquet(out) if name.endswith("parquet") else gpd.read_file(out)
    assert frame["notes"].iloc[0] == "caf\ufffd shelled"
