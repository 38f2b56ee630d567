"""KATOTTG through the tracker: loading it, hromada and district places, the
``ambiguous`` flag stored and exported, and the oblast fallback for unknown villages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from tracker.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "katottg"
PLACES = FIXTURES / "places.txt"
CODIFIER = FIXTURES / "sample.csv"


def run(url, *args, stdin=None):
    return CliRunner().invoke(cli, ["--db", url, *args], input=stdin)


def _load(url):
    loaded = run(url, "gazetteer", "load", str(PLACES), str(CODIFIER))
    assert loaded.exit_code == 0, loaded.output
    return loaded


def _extract(url, text):
    result = run(url, "extract", "-", "--published", "2024-03-05", "--format", "jsonl", stdin=text)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_load_reports_the_codifier_and_a_wrong_csv_is_one_line(db_url, tmp_path):
    loaded = _load(db_url)
    assert "Loaded 18 katottg row(s)" in loaded.stderr
    wrong = tmp_path / "units.csv"
    wrong.write_text("code,name\nUA01,Somewhere\n", encoding="utf-8")
    failed = run(db_url, "gazetteer", "load", str(wrong))
    assert failed.exit_code == 1
    assert failed.stderr.count("\n") == 1 and "KATOTTG" in failed.stderr
    assert "Traceback" not in failed.output


def test_hromada_and_district_places_in_extraction(db_url):
    _load(db_url)
    text = (
        "Russian troops shelled Katerynivka in the Marinka hromada on Tuesday. "
        "Separately, a drone hit a warehouse in Kharkiv's Saltivskyi district overnight."
    )
    events = {e["location"]: e for e in _extract(db_url, text)}
    katerynivka = events["Katerynivka"]
    assert katerynivka["geonameid"] == 900001
    assert katerynivka["geo_precision"] == 1 and katerynivka["ambiguous"] is False
    assert any("Marinska hromada as the text says" in line for line in katerynivka["evidence"])
    assert events["Kharkiv - Saltivskyi"]["geonameid"] == 12514338


def test_ambiguous_flag_is_stored_and_exported(db_url, tmp_path):
    _load(db_url)
    post = tmp_path / "post.txt"
    post.write_text("Artillery shelled Katerynivka on Monday, the regional governor said.\n")
    ingested = run(db_url, "ingest", str(post), "--published", "2024-03-04")
    assert ingested.exit_code == 0, ingested.output
    out = tmp_path / "events.csv"
    assert run(db_url, "export", str(out)).exit_code == 0
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["ambiguous"] == "true" and row["geo_precision"] == "2"
    geojson = tmp_path / "events.geojson"
    assert run(db_url, "export", str(geojson)).exit_code == 0
    (feature,) = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    props = feature["properties"]
    assert props["ambiguous"] is True
    assert any("ambiguous: 2 of 2 candidates" in line for line in props["evidence"])


def test_unknown_village_with_an_oblast_is_the_oblast_not_its_capital(db_url):
    _load(db_url)
    (event,) = _extract(
        db_url, "Ukrainian forces repelled an assault near Verkhnokamianske, Donetsk, on Monday."
    )
    assert event["location"] == "Donetsk Oblast"
    assert event["geo_precision"] == 3
    assert any("a place the gazetteer does not know" in line for line in event["evidence"])
