"""The frame contract and the compact columns the page draws from."""

from __future__ import annotations

import random
from datetime import date

import geopandas as gpd
import pytest
from map_frames import frame_of, one_event, sample_frame
from shapely.geometry import LineString, Point

from maps import FRAME_COLUMNS, TYPE_COLOURS, FrameError, check_frame, colour_for
from maps.pack import (
    MIN_ID_CHARS,
    NO_COORD,
    NOTES_MAX_CHARS,
    day_numbers,
    decode_columns,
    encode_columns,
    pack_events,
    short_ids,
)


def _days(cols: dict) -> list[int]:
    out, day = [], 0
    for step in cols["d0"].tolist():
        day += step
        out.append(day)
    return out


def test_columns_are_sorted_by_start_day_and_delta_encoded() -> None:
    rows = [
        one_event(event_id="b", event_date=date(2022, 3, 5)),
        one_event(
            event_id="a",
            event_date=date(2022, 3, 1),
            date_start=date(2022, 2, 26),
            date_end=date(2022, 3, 4),
        ),
        one_event(event_id="c", event_date=date(2022, 3, 5)),
    ]
    payload = pack_events(check_frame(frame_of(rows, [Point(30, 50)] * 3)))
    days = _days(payload.columns)
    assert days == sorted(days)
    assert days[0] == (date(2022, 2, 26) - date(1970, 1, 1)).days
    assert payload.columns["span"].tolist() == [6, 0, 0]
    assert payload.first_day == days[0]
    assert payload.last_day == (date(2022, 3, 5) - date(1970, 1, 1)).days


def test_unlocated_events_are_kept_without_coordinates() -> None:
    rows = [one_event(event_id="x"), one_event(event_id="y")]
    payload = pack_events(check_frame(frame_of(rows, [None, Point(36.2527, 49.9808)])))
    assert payload.columns["lat"].tolist() == [NO_COORD, 499808]
    assert payload.columns["lon"].tolist() == [NO_COORD, 362527]
    assert (payload.n_events, payload.n_located) == (2, 1)
    assert payload.bounds == ((49.9808, 36.2527), (49.9808, 36.2527))


def test_repeated_text_is_stored_once() -> None:
    frame = check_frame(sample_frame(200))
    cols = pack_events(frame).columns
    assert len(cols["loc_names"]) <= 8 and len(cols["loc"]) == 200
    assert cols["src_more"] == {} and min(cols["src1"]) == 0
    assert cols["outlets"] == ["Example Wire"]
    assert len(cols["src_url"]) == 40  # 40 distinct articles among 200 events
    names = [cols["loc_names"][i] for i in cols["loc"]]
    assert sorted(names) == sorted(frame["location"])


def test_types_follow_the_fixed_legend_order_and_colours() -> None:
    cols = pack_events(check_frame(sample_frame(100))).columns
    assert cols["types"][0] == "Explosions/Remote violence"
    assert cols["colours"] == [colour_for(t) for t in cols["types"]]
    assert colour_for("Battles") == TYPE_COLOURS["Battles"]
    assert colour_for("A type ACLED lacks") == colour_for("A type ACLED lacks")


def test_long_notes_are_clipped_for_the_popup() -> None:
    rows = [one_event(notes="x" * 5000)]
    cols = pack_events(check_frame(frame_of(rows, [Point(30, 50)]))).columns
    assert len(cols["notes"][0]) == NOTES_MAX_CHARS and cols["notes"][0].endswith("…")


def test_day_numbers_handle_dates_strings_and_missing() -> None:
    import pandas as pd

    values = pd.Series([date(1970, 1, 1), "2022-02-24", None])
    assert day_numbers(values).tolist() == [0, 19047, -1]


def test_inverted_interval_still_covers_its_start() -> None:
    rows = [one_event(date_start=date(2022, 3, 9), date_end=date(2022, 3, 2))]
    cols = pack_events(check_frame(frame_of(rows, [Point(30, 50)]))).columns
    assert cols["span"].tolist() == [0]


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (gpd.GeoDataFrame({"event_id": ["a"]}), "lacks columns"),
        ("not a frame", "expected a GeoDataFrame"),
        (frame_of([one_event()], [LineString([(30, 50), (31, 51)])]), "must be points"),
        (frame_of([one_event(event_date=None)], [Point(30, 50)]), "no usable event_date"),
        (gpd.GeoDataFrame([one_event()], geometry=[Point(3_400_000, 6_400_000)]), "outside"),
        (frame_of([one_event(confidence=1.5)], [Point(30, 50)]), "'one' has confidence 1.5"),
        (frame_of([one_event(confidence="high")], [Point(30, 50)]), "from 0 to 1"),
    ],
)
def test_frames_breaking_the_contract_are_refused(frame: object, message: str) -> None:
    with pytest.raises(FrameError, match=message):
        check_frame(frame)  # type: ignore[arg-type]


def test_projected_frames_are_brought_back_to_lon_lat() -> None:
    frame = frame_of([one_event()], [Point(30.25, 50.52)]).to_crs(3857)
    checked = check_frame(frame)
    assert checked.crs.to_epsg() == 4326
    assert checked.geometry[0].x == pytest.approx(30.25)


def test_a_frame_without_geometry_maps_every_event_as_unlocated() -> None:
    import pandas as pd

    plain = gpd.GeoDataFrame(pd.DataFrame([one_event()]))
    payload = pack_events(check_frame(plain))
    assert payload.n_located == 0 and payload.columns["lat"].tolist() == [NO_COORD]


def test_frame_columns_name_the_contract() -> None:
    assert FRAME_COLUMNS[:2] == ("event_id", "event_date")
    assert {"date_start", "date_end", "geo_precision", "sources"} <= set(FRAME_COLUMNS)


def test_columns_survive_the_trip_to_the_page() -> None:
    rows = [
        one_event(
            event_id=f"e{i}",
            sources=[
                {"outlet": "A", "title": f"t{i}", "url": None},
                {"outlet": "B", "title": "shared", "url": "https://b"},
            ],
        )
        for i in range(3)
    ]
    payload = pack_events(check_frame(frame_of(rows, [Point(30, 50), None, Point(31, 51)])))
    cols = decode_columns(encode_columns(payload.columns))
    assert cols["lat"].tolist() == payload.columns["lat"].tolist()
    assert cols["notes"] == payload.columns["notes"]
    assert cols["src_more"] == {"0": [0, 1], "1": [2, 1], "2": [3, 1]}
    assert cols["src_title"][1] == "shared" and cols["outlets"] == ["A", "B"]


def test_confidence_travels_in_thousandths_in_the_events_order() -> None:
    rows = [
        one_event(event_id="late", event_date=date(2022, 3, 9), confidence=0.4996),
        one_event(event_id="early", event_date=date(2022, 3, 1), confidence=0.5),
        one_event(event_id="unknown", event_date=date(2022, 3, 5), confidence=None),
    ]
    frame = check_frame(frame_of(rows, [Point(30, 50)] * 3))
    cols = decode_columns(encode_columns(pack_events(frame).columns))
    assert cols["cf"].tolist() == [500, -1, 499]  # early, unknown, late
    without = frame_of([one_event()], [Point(30, 50)])
    assert "cf" not in pack_events(check_frame(without)).columns


def _short_ids_by_sets(ids: list[str]) -> tuple[list[str], int]:
    """short_ids the plain way: the first length whose prefixes are as many as the ids."""
    longest = max((len(t) for t in ids), default=0)
    for chars in range(MIN_ID_CHARS, longest):
        if len({t[:chars] for t in ids}) == len(set(ids)):
            return [t[:chars] for t in ids], chars
    return ids, 0


def test_short_ids_of_one_width_agree_with_the_plain_way() -> None:
    rng = random.Random(1)
    for _ in range(2000):
        width = rng.choice([6, 8, 9, 12, 32])
        alphabet = rng.choice(["01", "0123456789abcdef"])
        ids = [
            "".join(rng.choice(alphabet) for _ in range(width))
            for _ in range(rng.randrange(1, 300))
        ]
        if len(ids) > 1 and rng.random() < 0.3:
            ids[1] = ids[0]  # a repeated id needs no telling apart
        assert short_ids(ids) == _short_ids_by_sets(ids)
