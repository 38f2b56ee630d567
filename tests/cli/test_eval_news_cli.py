"""``tracker eval news`` through the command line, and agreement with the reference scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
GOLD = TESTS / "extract" / "fixtures" / "news_gold.jsonl"
GAZ = [
    TESTS / "fixtures" / "geonames" / "UA_sample.txt",
    TESTS / "extract" / "fixtures" / "places.txt",
    TESTS / "fixtures" / "geonames" / "admin1CodesASCII.txt",
]
REFERENCE = REPO.parent / "shared" / "tools" / "score_devnews.py"
TRACKER = Path(sys.executable).parent / "tracker"
SPEED = ("seconds", "articles_per_s")  # the reference times a subprocess; we time extraction


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


def _run(tmp_path: Path, *args: str) -> Run:
    gaz = [a for p in GAZ for a in ("--gazetteer", str(p))]
    result = CliRunner().invoke(
        cli, ["--db", f"sqlite:///{tmp_path / 't.db'}", "eval", "news", *args, *gaz]
    )
    assert "Traceback" not in result.output, result.output
    return Run(result.exit_code, result.stdout, result.stderr)


def _json(tmp_path: Path, *args: str) -> dict:
    run = _run(tmp_path, str(GOLD), "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def test_table_shows_figures_per_language_and_calibration(tmp_path: Path) -> None:
    run = _run(tmp_path, str(GOLD))
    assert run.exit_code == 0, run.stderr
    for header in ("strict P", "strict R", "place ≤10 km", "no-event w/ events", "share right"):
        assert header in run.stdout
    rows = {line.split("│")[1].strip() for line in run.stdout.splitlines() if "│" in line}
    assert {"en", "uk", "all", "[0, 0.3)", "[0.85, 1]", "≥ 0.7"} <= rows


def test_json_figures(tmp_path: Path) -> None:
    doc = _json(tmp_path)
    overall = doc["overall"]
    assert (overall["articles"], overall["gold_events"]) == (5, 5)
    assert overall["negatives_with_events"].endswith("/1")
    assert doc["by_language"]["uk"]["articles"] == 1
    assert sum(b["events"] for b in doc["calibration"]) == overall["pred_events"]
    assert doc["confident"]["threshold"] == 0.7
    assert doc["bad_lines"] == 0


def test_min_confidence_one_drops_everything_and_the_diff_shows_every_miss(
    tmp_path: Path,
) -> None:
    doc = _json(tmp_path, "--min-confidence", "1", "--diff")
    assert doc["overall"]["pred_events"] == 0
    assert doc["overall"]["negatives_with_events"] == "0/1"
    missed = [line for line in doc["diff"] if line.lstrip().startswith("MISSED")]
    assert len(missed) == 5
    assert any('"Russian artillery shelled Kherson, killing one man"' in m for m in missed)
    assert not any(line.lstrip().startswith("INVENTED") for line in doc["diff"])


def test_table_diff_follows_the_tables(tmp_path: Path) -> None:
    run = _run(tmp_path, str(GOLD), "--diff", "--min-confidence", "1", "--lang", "uk")
    assert run.exit_code == 0, run.stderr
    tables, diff = run.stdout.split("\n\nuk-dnipro ", 1)
    assert "share right" in tables
    assert diff.startswith(f"[uk] {GOLD}:5 https://example.org/uk/dnipro")
    assert "en-strike" not in run.stdout


def test_out_writes_rows_totals_and_diff(tmp_path: Path) -> None:
    out = tmp_path / "out"
    doc = _json(tmp_path, "--out", str(out))
    rows = [json.loads(line) for line in (out / "predictions.jsonl").read_text().splitlines()]
    assert len(rows) == doc["overall"]["pred_events"]
    strike = next(r for r in rows if r["article_id"] == "en-strike" and r["paired"])
    assert strike["right"] and strike["place_ok"] and strike["date_ok"]
    assert strike["gold"]["location"] == "Kharkiv"
    assert 0 < strike["event"]["confidence"] <= 1 and strike["event"]["evidence"]
    totals = json.loads((out / "totals.json").read_text())
    assert {k: v for k, v in totals["overall"].items() if k not in SPEED} == {
        k: v for k, v in doc["overall"].items() if k not in SPEED
    }
    assert (out / "diff.txt").exists()


def test_bad_lines_are_reported_and_the_rest_scored(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    gold.write_text("\n".join([lines[0], "{not json", lines[1]]) + "\n", encoding="utf-8")
    run = _run(tmp_path, str(gold), "--format", "json")
    assert run.exit_code == 1
    assert json.loads(run.stdout)["overall"]["articles"] == 2
    assert f"Error: {gold}:2: not JSON" in run.stderr
    assert "1 bad line(s) skipped" in run.stderr


def test_a_missing_gold_file_is_one_error_line(tmp_path: Path) -> None:
    run = _run(tmp_path, str(tmp_path / "nope.jsonl"))
    assert run.exit_code == 1
    assert run.stderr.startswith("Error: cannot read labelled articles from")
    assert run.stderr.count("\n") == 1


def test_no_article_in_the_language_is_one_error_line(tmp_path: Path) -> None:
    run = _run(tmp_path, str(GOLD), "--lang", "fr")
    assert run.exit_code == 1
    assert run.stderr.startswith("Error: no labelled articles in language 'fr' to score in ")
    assert run.stderr.count("\n") == 1


def test_a_missing_gazetteer_file_is_one_error_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    missing = str(tmp_path / "UA.txt")
    result = CliRunner().invoke(
        cli, ["--db", db, "eval", "news", str(GOLD), "--gazetteer", missing]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no such gazetteer file")


def _shifted(tmp_path: Path) -> Path:
    """The fixture with its labels moved off the truth, so that pairs fail in every way."""
    moves = {  # article id → (km north, days later, new sub-event type or None)
        "en-strike": (8.0, 1, None),  # still within 10 km and a day
        "en-two": (12.0, 2, None),  # both events: misplaced and wrong date
        "en-region": (45.0, 5, None),  # region-level: 50 km of slack, a week of 4 days
        "uk-dnipro": (0.0, 0, "Armed clash"),  # another type: never paired
    }
    out = tmp_path / "shifted.jsonl"
    with out.open("w", encoding="utf-8") as stream:
        for line in GOLD.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            north, days, sub = moves.get(record["id"], (0.0, 0, None))
            for event in record["events"]:
                event["latitude"] += north / 111.2
                event["event_date"] = str(date.fromisoformat(event["event_date"]) + timedelta(days))
                if sub:
                    event["event_type"], event["sub_event_type"] = "Battles", sub
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


@pytest.mark.slow
@pytest.mark.skipif(not REFERENCE.exists(), reason=f"no reference scorer at {REFERENCE}")
@pytest.mark.skipif(not TRACKER.exists(), reason=f"no tracker command at {TRACKER}")
@pytest.mark.parametrize("shift", [False, True], ids=["fixture", "shifted labels"])
def test_figures_equal_the_reference_scorers(tmp_path: Path, shift: bool) -> None:
    gold = _shifted(tmp_path) if shift else GOLD
    gaz = [a for p in GAZ for a in ("--gazetteer", str(p))]
    reference = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold), *gaz, "--tracker", str(TRACKER)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    theirs = json.loads(reference.stdout)
    assert "error" not in theirs, theirs
    run = _run(tmp_path, str(gold), "--format", "json")
    assert run.exit_code == 0, run.stderr
    ours = json.loads(run.stdout)
    assert {k: v for k, v in ours["overall"].items() if k not in SPEED} == {
        k: v for k, v in theirs.items() if k not in SPEED
    }
