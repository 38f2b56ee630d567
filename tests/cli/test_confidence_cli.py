"""``--min-confidence`` on ``events``, ``map`` and ``export``, and ``map --hide-below``,
against real SQLite and PostGIS databases."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from maps.pack import columns_in_page
from tracker.cli import cli
from tracker.model import Event, GeoPrecision, SubEventType, TimePrecision
from tracker.store import open_store

CONFIDENCES = {"low": 0.2, "edge": 0.5, "high": 0.9, "sure": 1.0}


def _event(event_id: str, day: int, confidence: float) -> Event:
    sub = SubEventType.SHELLING_ARTILLERY_MISSILE
    return Event(
        event_id=event_id,
        event_date=date(2024, 3, day),
        time_precision=TimePrecision.DAY,
        event_type=sub.event_type,
        sub_event_type=sub,
        notes=f"Shelling reported ({event_id}).",
        location="Kharkiv",
        admin1="Kharkiv Oblast",
        latitude=49.98 + day / 100,
        longitude=36.25,
        geo_precision=GeoPrecision.SETTLEMENT,
        confidence=confidence,
    )


@pytest.fixture
def url(db_url: str) -> str:
    store = open_store(db_url)
    store.import_events(
        [_event(name, day, c) for day, (name, c) in enumerate(CONFIDENCES.items(), start=1)]
    )
    store.close()
    return db_url


def _run(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, *args])


def _payload(page: str) -> dict:
    found = re.search(
        r'TrackerMap\.load\(\w+,\s*document\.getElementById\("[^"]+"\), (\{[^}]*\})', page
    )
    assert found
    return columns_in_page(page) | {"options": json.loads(found.group(1))}


def test_events_keeps_those_at_or_above_the_minimum(url: str) -> None:
    result = _run(url, "events", "--format", "json", "--min-confidence", "0.5")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["event_id"] for r in rows] == ["edge", "high", "sure"]
    assert [r["confidence"] for r in rows] == [0.5, 0.9, 1.0]
    counted = _run(url, "events", "--count-by", "type", "--format", "csv", "--min-confidence", "1")
    assert counted.stdout.splitlines() == ["type,events", "Explosions/Remote violence,1"]


def test_export_keeps_them_and_records_the_filter(url: str, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = _run(url, "export", str(out), "--min-confidence", "0.9")
    assert result.exit_code == 0, result.output
    assert "Wrote 2 event(s)" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(f["properties"]["event_id"] for f in data["features"]) == ["high", "sure"]
    assert json.dumps(data).count('"min_confidence": 0.9') == 1


def test_map_carries_confidence_and_hides_below_the_threshold(url: str, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = _run(url, "map", str(out), "--no-tiles")
    assert result.exit_code == 0, result.output
    assert "4 event(s), 1 below confidence 0.5 start hidden" in result.stderr
    payload = _payload(out.read_text(encoding="utf-8"))
    assert sorted(payload["cf"].tolist()) == [200, 500, 900, 1000]
    assert payload["options"]["hideBelow"] == 500

    result = _run(url, "map", str(out), "--min-confidence", "0.3", "--no-tiles")
    assert result.exit_code == 0, result.output
    assert "Wrote a map of 3 event(s) to" in result.stderr  # none left to hide
    assert sorted(_payload(out.read_text(encoding="utf-8"))["cf"].tolist()) == [500, 900, 1000]

    result = _run(url, "map", str(out), "--hide-below", "0.95", "--no-tiles")
    assert result.exit_code == 0, result.output
    assert "4 event(s), 3 below confidence 0.95 start hidden" in result.stderr
    assert _payload(out.read_text(encoding="utf-8"))["options"]["hideBelow"] == 950

    result = _run(url, "map", str(out), "--hide-below", "0", "--no-tiles")
    assert result.exit_code == 0 and "hidden" not in result.stderr
    assert _payload(out.read_text(encoding="utf-8"))["options"]["hideBelow"] == 0


COMMANDS = (["events"], ["map", "m.html"], ["export", "e.geojson"])
BAD_VALUES = [
    *((cmd, "--min-confidence", v) for cmd in COMMANDS for v in ("1.5", "-0.1", "nan", "likely")),
    *((COMMANDS[1], "--hide-below", v) for v in ("2", "NaN", "-1")),
]


@pytest.mark.parametrize(("command", "option", "value"), BAD_VALUES)
def test_a_value_outside_zero_to_one_is_one_usage_error_line(
    url: str, tmp_path: Path, command: list[str], option: str, value: str
) -> None:
    outputs = tmp_path / "out"
    outputs.mkdir()
    args = [command[0], *(str(outputs / a) for a in command[1:]), option, value]
    result = _run(url, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {option} ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "from 0 to 1" in result.stderr and "Traceback" not in result.output
    assert not any(outputs.iterdir())  # nothing written


@pytest.mark.parametrize("command", ["events", "map", "export"])
def test_every_filtering_command_documents_min_confidence(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert "--min-confidence" in result.output
    assert ("--hide-below" in result.output) == (command == "map")
