"""GeoJSON text sequences (RFC 8142) and newline-delimited GeoJSON."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from export_samples import TRICKY, sample_events

from tracker.export import ExportMetadata, export_events

RS = b"\x1e"


def test_rfc8142_sequence_starts_every_feature_with_record_separator(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.geojsons"
    result = export_events(sample_events(), out, metadata=metadata)
    raw = out.read_bytes()
    assert result.format == "geojsonseq"
    texts = raw.split(RS)
    assert texts[0] == b""  # the file starts with RS
    assert all(t.endswith(b"\n") for t in texts[1:])
    features = [json.loads(t) for t in texts[1:]]
    assert [f["id"] for f in features] == [e.event_id for e in sample_events()]
    assert features[0]["geometry"]["coordinates"] == [30.21356, 50.67556]


@pytest.mark.parametrize("name", ["events.geojsonl", "events.ndjson", "events.jsonl"])
def test_newline_delimited_is_one_feature_per_line(
    tmp_path: Path, metadata: ExportMetadata, name: str
) -> None:
    out = tmp_path / name
    result = export_events(sample_events(), out, metadata=metadata)
    lines = out.read_bytes().split(b"\n")
    assert result.format == "geojsonl"
    assert lines[-1] == b"" and RS not in out.read_bytes()
    features = [json.loads(line) for line in lines[:-1]]
    assert len(features) == 4 and all(f["type"] == "Feature" for f in features)
    by_id = {f["id"]: f for f in features}
    assert by_id["ev-kharkiv"]["properties"]["notes"] == TRICKY  # the newline stays escaped
    assert by_id["ev-unlocated"]["geometry"] is None


@pytest.mark.parametrize("suffix", [".geojsons", ".geojsonl"])
def test_gdal_reads_both_sequence_flavours(
    tmp_path: Path, metadata: ExportMetadata, suffix: str
) -> None:
    out = tmp_path / f"events{suffix}"
    export_events(sample_events(), out, metadata=metadata)
    frame = gpd.read_file(out, driver="GeoJSONSeq")
    assert list(frame["event_id"]) == [e.event_id for e in sample_events()]
    havrylivka = frame.geometry.iloc[0]
    assert (havrylivka.x, havrylivka.y) == (30.21356, 50.67556)
    assert frame.loc[frame["event_id"] == "ev-kharkiv", "notes"].item() == TRICKY
