"""An interrupted or failing export leaves nothing that looks complete, and no litter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from export_samples import make_event, sample_events

from tracker.errors import ExportError
from tracker.export import ExportMetadata, export_events
from tracker.export import arrow as arrow_module
from tracker.export import features as features_module
from tracker.model import Event

NAMES = [
    "events.geojson",
    "events.geojsons",
    "events.geojsonl",
    "events.csv",
    "events.gpkg",
    "events.parquet",
    "events.shp",
    "events.shp.zip",
]


def _interrupted(after: int, error: BaseException) -> Iterator[Event]:
    for i in range(after):
        yield make_event(f"ev-{i}")
    raise error


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small chunks, so the failure comes after some data has already been written.
    monkeypatch.setattr(features_module, "CHUNK_SIZE", 2)
    monkeypatch.setattr(arrow_module, "_BATCH_ROWS", 2)


@pytest.mark.parametrize("name", NAMES)
def test_interrupt_half_way_leaves_no_file(
    tmp_path: Path, metadata: ExportMetadata, name: str
) -> None:
    with pytest.raises(KeyboardInterrupt):
        export_events(_interrupted(5, KeyboardInterrupt()), tmp_path / name, metadata=metadata)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", NAMES)
def test_failure_keeps_the_previous_export_untouched(
    tmp_path: Path, metadata: ExportMetadata, name: str
) -> None:
    out = tmp_path / name
    export_events(sample_events(), out, metadata=metadata)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    bad = [make_event("ev-ok"), make_event("ev-ok-2"), make_event("ev-bad", longitude=200.0)]
    with pytest.raises(ExportError, match="ev-bad"):
        export_events(bad, out, metadata=metadata)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_missing_folders_are_created(tmp_path: Path, metadata: ExportMetadata) -> None:
    out = tmp_path / "a" / "b" / "events.geojson"
    export_events(sample_events(), out, metadata=metadata)
    assert out.is_file()


def test_folder_that_cannot_exist_is_an_export_error(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="cannot create the folder"):
        export_events(sample_events(), blocker / "events.geojson", metadata=metadata)


def test_output_that_is_a_folder_is_an_export_error(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    (tmp_path / "events.geojson").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_events(sample_events(), tmp_path / "events.geojson", metadata=metadata)
