"""One event record: every output that shows an event carries the same fields with the same values.

``tracker events`` (json, jsonl, csv), ``tracker extract`` (jsonl, geojson,
``--batch``), ``tracker export`` (geojson, csv) and the map frame all read the
fields from ``tracker.export.records``; these tests compare what they print.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import shapely
from click.testing import CliRunner

from maps import CLAIM_COLUMNS, CONFIDENCE_COLUMN, FRAME_COLUMNS
from tracker.cli import cli
from tracker.cli.events import TABLE_COLUMNS
from tracker.export.arrow import record_batches
from tracker.export.columns import position
from tracker.export.records import RECORD, event_record
from tracker.mapping import events_to_frame, map_layout
from tracker.model import Article, Event, GeoPrecision, Source, SubEventType, TimePrecision
from tracker.store import open_store

FIELDS = list(RECORD.names)
TESTS = Path(__file__).resolve().parents[1]
GAZ = [
    TESTS / "fixtures" / "geonames" / "UA_sample.txt",
    TESTS / "extract" / "fixtures" / "places.txt",
    TESTS / "fixtures" / "geonames" / "admin1CodesASCII.txt",
]
TEXT = "Russian artillery shelled Kharkiv overnight, killing two civilians."
HOSTILE = '=HYPERLINK("http://evil.example","click") said a post'
ARTICLE = Article(
    "A depot near Havrylivka burned. Shelling hit Kharkiv.",
    title="Depot",
    url="https://news.example.org/depot",
    published=date(2022, 4, 13),
    outlet="Example News",
)


def _event(event_id: str, **fields: object) -> Event:
    sub = SubEventType.SHELLING_ARTILLERY_MISSILE
    return Event(
        event_id=event_id,
        event_date=date(2022, 4, 12),
        time_precision=TimePrecision.WEEK,
        event_type=sub.event_type,
        sub_event_type=sub,
        country="Ukraine",
        geo_precision=GeoPrecision.SETTLEMENT,
        evidence=("rule: shelled",),
        trigger_span=(3, 10),
        sources=(Source(ARTICLE.article_id, url=ARTICLE.url, title=ARTICLE.title),),
        **fields,  # type: ignore[arg-type]
    )


EVENTS = [
    _event("ev-a", notes=HOSTILE, location="Havrylivka", latitude=50.675561, longitude=30.213564),
    _event("ev-b", notes="-2 killed, officials said", location=None),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('record') / 'events.db'}"
    store = open_store(url)
    store.save_article(ARTICLE, EVENTS)
    store.close()
    return url


def _run(db: str, *args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.stdout


def _extract(db: str, *args: str, stdin: str | None = None) -> str:
    gaz = [a for p in GAZ for a in ("--gazetteer", str(p))]
    return _run(db, "extract", *args, *gaz, stdin=stdin)


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _geojson_properties(text: str) -> list[dict[str, object]]:
    return [f["properties"] for f in json.loads(text)["features"]]


def test_every_output_carries_the_record_fields(db: str) -> None:
    outputs = {
        "events json": json.loads(_run(db, "events", "--format", "json")),
        "events jsonl": [
            json.loads(x) for x in _run(db, "events", "--format", "jsonl").split("\n") if x
        ],
        "events csv": _csv(_run(db, "events", "--format", "csv")),
        "export geojson": _geojson_properties(_run(db, "export", "-", "--format", "geojson")),
        "export csv": _csv(_run(db, "export", "-", "--format", "csv")),
        "extract geojson": _geojson_properties(_extract(db, "-", stdin=TEXT)),
        "extract jsonl": [
            json.loads(x)
            for x in _extract(db, "-", "--format", "jsonl", stdin=TEXT).split("\n")
            if x
        ],
    }
    for name, rows in outputs.items():
        assert rows, name
        assert all(list(row) == FIELDS for row in rows), name


def test_batch_adds_only_the_input_id(db: str, tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": "line-1", "text": TEXT}) + "\n", encoding="utf-8")
    rows = [json.loads(x) for x in _extract(db, "--batch", str(batch)).splitlines()]
    assert rows and all(list(row) == ["id", *FIELDS] for row in rows)
    assert {row["id"] for row in rows} == {"line-1"}


def test_events_json_and_export_geojson_agree_value_for_value(db: str) -> None:
    listed = json.loads(_run(db, "events", "--format", "json"))
    exported = _geojson_properties(_run(db, "export", "-", "--format", "geojson"))
    assert listed == exported
    assert listed[0]["latitude"] == 50.67556  # both rounded by the same column reader


def test_events_csv_is_the_export_csv(db: str) -> None:
    listed = _run(db, "events", "--format", "csv")
    assert listed == _run(db, "export", "-", "--format", "csv")
    notes = {row["event_id"]: row["notes"] for row in _csv(listed)}
    assert notes == {"ev-a": "'" + HOSTILE, "ev-b": "'-2 killed, officials said"}


def test_count_tables_go_through_the_same_guarded_writer(db: str) -> None:
    lines = _run(db, "events", "--count-by", "type", "--format", "csv").splitlines()
    assert lines == ["type,events", "Explosions/Remote violence,2"]


def test_the_table_and_the_map_show_subsets_of_the_record() -> None:
    assert set(TABLE_COLUMNS) <= set(FIELDS)
    assert set(FRAME_COLUMNS) <= set(FIELDS)
    names = (*FRAME_COLUMNS, CONFIDENCE_COLUMN, *CLAIM_COLUMNS, "latitude", "longitude")
    assert map_layout().names == names
    # the map's columns are the record's own column readers, not a copy
    assert all(c in RECORD.columns for c in map_layout().columns)


def test_the_map_frame_holds_the_record_values_with_its_documented_changes() -> None:
    frame = events_to_frame(EVENTS)
    assert list(frame.columns) == [*FRAME_COLUMNS, CONFIDENCE_COLUMN, *CLAIM_COLUMNS, "geometry"]
    for i, event in enumerate(EVENTS):
        record = event_record(event)
        same = {*FRAME_COLUMNS, CONFIDENCE_COLUMN, *CLAIM_COLUMNS}
        for column in same - {"date_start", "date_end", "sources"}:
            value = frame.loc[i, column]
            assert pd.isna(value) if record[column] is None else value == record[column], column
        # week precision without an explicit interval: event_date ± 3 days
        assert (frame.loc[i, "date_start"], frame.loc[i, "date_end"]) == (
            date(2022, 4, 9),
            date(2022, 4, 15),
        )
        assert frame.loc[i, "sources"] == [
            {"outlet": None, "title": ARTICLE.title, "url": ARTICLE.url}
        ]


def test_every_output_puts_longitude_first() -> None:
    event = EVENTS[0]
    lon, lat = 30.21356, 50.67556
    assert position(event_record(event)["latitude"], event_record(event)["longitude"]) == [lon, lat]
    point = events_to_frame([event]).geometry[0]
    assert (point.x, point.y) == (pytest.approx(lon), pytest.approx(lat))
    batch = next(record_batches([event], RECORD))
    wkb = shapely.from_wkb(batch.column("geometry")[0].as_py())
    assert (wkb.x, wkb.y) == (lon, lat)
