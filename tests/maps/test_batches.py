"""The batch packer (maps.batches) gives the reference packer's payload (maps.pack.pack_events)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import geopandas as gpd
import pyarrow as pa
import pytest
from map_frames import batches_of, frame_of, one_event, sample_frame
from shapely.geometry import Point

from maps import FrameError, builtin_boundaries, check_frame, write_map
from maps.batches import pack_batches
from maps.boundaries import region_of_points
from maps.pack import PLACE_MARK, Payload, decode_columns, encode_columns, pack_events

HOSTILE = 'He said "run" \\ </script><b>x</b> & Київ 🚀\n\t' + PLACE_MARK + "\0 end"


def reference(frame: gpd.GeoDataFrame) -> Payload:
    frame = check_frame(frame)
    return pack_events(frame, region_index=region_of_points(builtin_boundaries(), frame.geometry))


def assert_same_payload(frame: gpd.GeoDataFrame, rows: int = 7) -> None:
    expected = reference(frame)
    got = pack_batches(batches_of(frame, rows), regions=builtin_boundaries())
    # The page receives the encoded columns: the same bytes, so the same map.
    assert encode_columns(got.columns) == encode_columns(expected.columns)
    assert decode_columns(encode_columns(got.columns))["ids"] == expected.columns["ids"]
    summary = ("n_events", "n_located", "first_day", "last_day", "bounds")
    assert [getattr(got, k) for k in summary] == [getattr(expected, k) for k in summary]


def _rated(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    n = len(frame)
    frame["confidence"] = [None if i % 9 == 0 else (i % 11) / 10 for i in range(n)]
    frame["claimed_by"] = [None if i % 3 else f"Claimant {i % 4}" for i in range(n)]
    frame["alleged"] = [i % 2 == 0 for i in range(n)]
    frame["report_count"] = [None if i % 5 else i % 7 for i in range(n)]
    return frame


@pytest.mark.parametrize("rows", [1, 7, 64, 10_000])
def test_the_sample_frame_packs_alike_in_any_batch_size(rows: int) -> None:
    assert_same_payload(_rated(sample_frame(300)), rows=rows)


def test_frames_without_the_optional_columns_pack_alike() -> None:
    assert_same_payload(sample_frame(120))


def test_hostile_and_long_notes_and_place_marks_pack_alike() -> None:
    rows = [
        one_event(event_id=f"e{i}", notes=note, location=place, event_date=date(2022, 3, 1 + i))
        for i, (note, place) in enumerate(
            [
                (HOSTILE, "Київ"),
                ("Shelling of Irpin and Irpin again.", "Irpin"),
                ("x" * 1000, "x"),
                (None, None),
                ("", ""),
                ("Near " + PLACE_MARK + " Bucha", "Bucha"),
            ]
        )
    ]
    assert_same_payload(frame_of(rows, [Point(30.25, 50.52)] * len(rows)), rows=4)


def test_sources_are_numbered_by_first_use_across_batches() -> None:
    def source(k: int, outlet: str | None = "Wire") -> dict[str, object]:
        return {"outlet": outlet, "title": f"T{k}", "url": f"https://n.example/{k}"}

    lists = [
        [source(3), source(1)],
        [source(1)],
        [],
        [source(2, outlet=None), source(2, outlet=""), source(3)],
        [source(4, outlet="Дзеркало")],
        [source(3), source(1)],
        [{"title": "no outlet key"}, "not a source"],
    ]
    # Read order differs from page order: later dates come first.
    rows = [
        one_event(event_id=f"s{i}", sources=s, event_date=date(2022, 5, 20 - 2 * i))
        for i, s in enumerate(lists)
    ]
    assert_same_payload(frame_of(rows, [Point(30, 50)] * len(rows)), rows=2)


@pytest.mark.parametrize(
    "ids",
    [
        [f"{i:024x}" for i in range(0, 40_000, 997)],  # tracker's fixed-width hex ids
        ["a", "bb", "ccc", "dddd"] * 3,  # several widths
        ["Київ-1", "Київ-2"],  # not ASCII
        ["same0000000", "same0000000"],  # equal ids
        [123456789012, 123456789013],  # numbers, read as text
    ],
    ids=["hex", "widths", "unicode", "equal", "numbers"],
)
def test_ids_are_cut_alike(ids: list[object]) -> None:
    rows = [one_event(event_id=i, event_date=date(2022, 1, 1 + k % 20)) for k, i in enumerate(ids)]
    assert_same_payload(frame_of(rows, [Point(30, 50)] * len(rows)), rows=5)


def test_unlocated_events_and_an_empty_answer_pack_alike() -> None:
    rows = [one_event(event_id=f"u{i}") for i in range(3)]
    assert_same_payload(frame_of(rows, [None, None, Point(36.25, 49.98)]))
    assert_same_payload(frame_of(rows, [None, None, None]))
    empty = gpd.GeoDataFrame({c: [] for c in one_event()}, geometry=[], crs=4326)
    expected = reference(empty)
    none = batches_of(frame_of([one_event()], [None]), 1)[0].slice(0, 0)
    got = pack_batches([none], regions=builtin_boundaries())
    assert encode_columns(got.columns) == encode_columns(expected.columns)


def test_a_map_written_from_batches_is_the_frames_page(tmp_path: Path) -> None:
    frame = _rated(sample_frame(80))
    when = datetime(2024, 3, 2, 8, 0, tzinfo=UTC)
    pages = []
    for name, given in (("frame", frame), ("batches", batches_of(frame, 9))):
        path = write_map(given, tmp_path / f"{name}.html", title="T", generated_at=when)
        pages.append(re.sub(r"_[0-9a-f]{32}\b", "_ID", path.read_text(encoding="utf-8")))
    assert pages[0] == pages[1]


def _batch(**changes: object) -> list[pa.RecordBatch]:
    batch = batches_of(frame_of([one_event()], [Point(30, 50)]), 1)[0]
    for name, value in changes.items():
        at = batch.schema.get_field_index(name)
        if value is KeyError:
            batch = batch.drop_columns([name])
        else:
            batch = batch.set_column(at, name, pa.array([value]))
    return [batch]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (_batch(notes=KeyError), r"lack columns \['notes'\]"),
        (_batch(latitude=95.0), "outside longitude/latitude ranges"),
        (_batch(event_date=pa.scalar(None, pa.date32())), "'one' has no usable event_date"),
        ([{"event_id": "x"}], "expected Arrow record batches"),
    ],
    ids=["column", "range", "date", "not-a-batch"],
)
def test_bad_batches_get_a_clear_error(given: list, message: str) -> None:
    with pytest.raises(FrameError, match=message):
        pack_batches(given)


def test_a_confidence_out_of_range_is_named() -> None:
    frame = frame_of([one_event(event_id="c1")], [Point(30, 50)])
    frame["confidence"] = [1.5]
    with pytest.raises(FrameError, match=r"'c1' has confidence 1.5"):
        pack_batches(batches_of(frame, 1))
