"""``tracker export`` end to end: events saved through the store, exported through the CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import geopandas as gpd
import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.model import Article, Event, GeoPrecision, Source, SubEventType, TimePrecision
from tracker.store import open_store

NOTES = 'Residents said "two blasts", then silence;\nу Харкові 🚀, 50% — «тиша»'

ARTICLE = Article(
    text="Overnight, an ammunition depot near Havrylivka in the Kyiv region was destroyed. "
    "Separately, fighting was reported near Kharkiv.",
    title="Depot destroyed near Havrylivka",
    url="https://news.example.org/depot",
    published=date(2022, 4, 13),
    outlet="Example News",
)


def _event(event_id: str, sub: SubEventType, **fields: object) -> Event:
    return Event(
        event_id=event_id,
        event_date=fields.pop("event_date", date(2022, 4, 12)),
        time_precision=TimePrecision.DAY,
        event_type=sub.event_type,
        sub_event_type=sub,
        notes=fields.pop("notes", "An ammunition depot near the village was destroyed."),
        country="Ukraine",
        geo_precision=GeoPrecision.SETTLEMENT,
        article_id=ARTICLE.article_id,
        source_url=ARTICLE.url,
        source_title=ARTICLE.title,
        sources=(Source(ARTICLE.article_id, url=ARTICLE.url, title=ARTICLE.title),),
        **fields,  # type: ignore[arg-type]
    )


EVENTS = [
    _event(
        "ev-depot",
        SubEventType.SHELLING_ARTILLERY_MISSILE,
        location="Havrylivka",
        admin1="Kyiv Oblast",
        latitude=50.67556,
        longitude=30.21356,
    ),
    _event(
        "ev-clash",
        SubEventType.ARMED_CLASH,
        event_date=date(2022, 4, 14),
        notes=NOTES,
        location="Kharkiv",
        admin1="Kharkiv Oblast",
        latitude=49.98177,
        longitude=36.25475,
    ),
]


@pytest.fixture
def stored(db_url: str) -> str:
    """A database (SQLite, then PostGIS: the shared ``db_url`` fixture) holding EVENTS."""
    store = open_store(db_url)
    try:
        store.save_article(ARTICLE, EVENTS)
    finally:
        store.close()
    return db_url


def _export(db_url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db_url, "export", *args])
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_export_geojson_has_stored_events_in_lon_lat(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / "events.geojson"
    code, _, err = _export(stored, str(out))
    assert code == 0, err
    doc = json.loads(out.read_text(encoding="utf-8"))
    by_id = {f["id"]: f for f in doc["features"]}
    assert set(by_id) == {"ev-depot", "ev-clash"}
    assert by_id["ev-depot"]["geometry"]["coordinates"] == [30.21356, 50.67556]
    assert by_id["ev-clash"]["properties"]["notes"] == NOTES
    assert "Wrote 2 event(s) (2 located) as geojson" in err
    assert doc["metadata"]["licence"] == "GeoNames, CC BY 4.0"


def test_filters_apply_and_are_recorded(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "battles.geojson"
    code, _, err = _export(stored, str(out), "--type", "Battles", "--since", "2022-04-13")
    assert code == 0, err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [f["id"] for f in doc["features"]] == ["ev-clash"]
    assert doc["metadata"]["filters"] == {"since": "2022-04-13", "event_types": ["Battles"]}


def test_bbox_filter(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "kyiv.csv"
    code, _, err = _export(stored, str(out), "--bbox", "29,50,31,51")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [r["event_id"] for r in rows] == ["ev-depot"]


def test_acled_csv_to_standard_output(stored: str) -> None:
    code, out, err = _export(stored, "-", "--format", "csv", "--acled")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert list(rows[0])[:3] == ["event_id_cnty", "event_date", "year"]
    assert {r["event_id_cnty"]: r["notes"] for r in rows}["ev-clash"] == NOTES


def test_geoparquet_through_the_cli(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    code, _, err = _export(stored, str(out))
    assert code == 0, err
    frame = gpd.read_parquet(out)
    assert sorted(frame["event_id"]) == ["ev-clash", "ev-depot"]
    assert frame.crs.to_epsg() == 4326


def test_changed_since_exports_only_newer_changes(stored: str) -> None:
    code, out, err = _export(stored, "-", "--format", "geojsonl", "--changed-since", "2999-01-01")
    assert code == 0, err
    assert out == ""
    code, out, err = _export(stored, "-", "--format", "geojsonl", "--changed-since", "2000-01-01")
    assert code == 0, err
    assert len(out.splitlines()) == 2


def test_two_runs_give_the_same_features(stored: str) -> None:
    first = _export(stored, "-", "--format", "geojsonl")[1]
    second = _export(stored, "-", "--format", "geojsonl")[1]
    assert first == second and len(first.splitlines()) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events.kml"], "cannot tell the export format of 'events.kml'"),
        (["events.geojson", "--format", "kml"], "unknown export format 'kml'"),
        (["-", "--format", "gpkg"], "cannot be written to standard output"),
    ],
)
def test_bad_format_is_one_error_line_before_touching_the_database(
    tmp_path: Path, args: list[str], message: str
) -> None:
    db = tmp_path / "never.db"
    code, _, err = _export(f"sqlite:///{db}", *args)
    assert code == 2
    assert err.startswith("Error: ") and message in err
    assert not db.exists()
