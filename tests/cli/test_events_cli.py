"""``tracker events`` through the CLI, against real SQLite and PostGIS databases."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.model import Article, Event, GeoPrecision, SubEventType, TimePrecision
from tracker.store import open_store

SHELLING = SubEventType.SHELLING_ARTILLERY_MISSILE


def _event(event_id: str, day: date, lat: float, lon: float, **extra: object) -> Event:
    sub = extra.pop("sub", SHELLING)
    return Event(
        event_id=event_id,
        event_date=day,
        time_precision=TimePrecision.DAY,
        event_type=sub.event_type,  # type: ignore[union-attr]
        sub_event_type=sub,  # type: ignore[arg-type]
        notes=extra.pop("notes", "Shelling damaged houses."),  # type: ignore[arg-type]
        latitude=lat,
        longitude=lon,
        geo_precision=GeoPrecision.SETTLEMENT,
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def url(db_url: str) -> str:
    store = open_store(db_url)
    store.save_article(
        Article("Kharkiv and Odesa were hit.", url="https://news.example/1", outlet="Wire"),
        [
            _event(
                "kh",
                date(2024, 3, 1),
                49.98081,
                36.25272,
                location="Kharkiv",
                admin1="Kharkiv Oblast",
                notes='He said "<script>x</script>", then, left',
            ),
            _event(
                "od",
                date(2024, 3, 9),
                46.47747,
                30.73262,
                location="Odesa",
                admin1="Odesa Oblast",
                sub=SubEventType.DISRUPTED_WEAPONS_USE,
            ),
        ],
    )
    store.save_article(
        Article("Kharkiv again.", url="https://news.example/2", outlet="Other"),
        [
            _event(
                "kh2", date(2024, 3, 1), 49.99, 36.26, location="Kharkiv", admin1="Kharkiv Oblast"
            )
        ],
    )
    store.close()
    return db_url


def _run(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, "events", *args])


def test_json_is_one_array_of_acled_named_events(url: str) -> None:
    result = _run(url, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["event_id"] for r in rows] == ["kh", "od"]
    kharkiv = rows[0]
    assert kharkiv["report_count"] == 2 and len(kharkiv["sources"]) == 2
    assert kharkiv["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (kharkiv["latitude"], kharkiv["longitude"]) == (49.98081, 36.25272)
    assert kharkiv["event_date"] == "2024-03-01" and kharkiv["geo_precision"] == 1


def test_csv_keeps_hostile_notes_intact(url: str) -> None:
    result = _run(url, "--format", "csv", "--type", "Explosions/Remote violence")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["event_id"] for r in rows] == ["kh"]
    assert rows[0]["notes"] == 'He said "<script>x</script>", then, left'


def test_filters_reach_the_store(url: str) -> None:
    near = _run(url, "--format", "jsonl", "--near", "46.48,30.73", "--radius-km", "10")
    assert [json.loads(line)["event_id"] for line in near.stdout.splitlines()] == ["od"]
    region = _run(url, "--format", "json", "--region", "Kharkiv region")
    assert [r["event_id"] for r in json.loads(region.stdout)] == ["kh"]
    outlet = _run(url, "--format", "json", "--outlet", "other")
    assert [r["event_id"] for r in json.loads(outlet.stdout)] == ["kh"]


def test_limit_and_offset_page_in_a_stable_order(url: str) -> None:
    first = json.loads(_run(url, "--format", "json", "--limit", "1").stdout)
    second = json.loads(_run(url, "--format", "json", "--limit", "1", "--offset", "1").stdout)
    assert [r["event_id"] for r in first + second] == ["kh", "od"]


def test_table_lists_events_and_notes_truncation_on_stderr(url: str) -> None:
    result = _run(url, "--limit", "5")
    assert result.exit_code == 0, result.output
    assert "kh" in result.stdout and "Odesa" in result.stdout
    capped = _run(url, "--limit", "1", "--format", "table")
    assert "Odesa" not in capped.stdout


def test_count_by_week_and_region(url: str) -> None:
    weeks = json.loads(_run(url, "--count-by", "week", "--format", "json").stdout)
    assert weeks == [{"week": "2024-02-26", "events": 1}, {"week": "2024-03-04", "events": 1}]
    regions = _run(url, "--count-by", "region", "--format", "csv").stdout.splitlines()
    assert regions == ["region,events", "Kharkiv Oblast,1", "Odesa Oblast,1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bbox", "1,2,3"], "4 comma-separated numbers"),
        (["--since", "March"], "YYYY-MM-DD"),
        (["--near", "49,36"], "--radius-km go together"),
        (["--count-by", "year"], "year"),
    ],
)
def test_bad_options_are_usage_errors(url: str, args: list[str], message: str) -> None:
    result = _run(url, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_inverted_bbox_is_one_error_line(url: str) -> None:
    result = _run(url, "--bbox", "31,50,30,51")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: bounding box") and "Traceback" not in result.output


def test_unreachable_database_is_one_error_line() -> None:
    result = CliRunner().invoke(cli, ["--db", "postgresql+psycopg://u:p@127.0.0.1:1/x", "events"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open the database")
    assert "Traceback" not in result.output
