"""``tracker extract`` and ``tracker eval extract`` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

TESTS = Path(__file__).resolve().parents[1]
GAZ = [
    TESTS / "fixtures" / "geonames" / "UA_sample.txt",
    TESTS / "extract" / "fixtures" / "places.txt",
    TESTS / "fixtures" / "geonames" / "admin1CodesASCII.txt",
]
ARTICLE = (
    "Russian artillery shelled Kharkiv overnight, killing two civilians. "
    "Air defences shot down three drones, the Ukrainian Air Force said."
)


def _run(tmp_path: Path, *args: str, stdin: str | None = None):
    gaz = [a for p in GAZ for a in ("--gazetteer", str(p))]
    runner = CliRunner()
    return runner.invoke(cli, ["--db", f"sqlite:///{tmp_path / 't.db'}", *args, *gaz], input=stdin)


def test_extract_prints_geojson_with_lon_lat(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = _run(
        tmp_path,
        "extract",
        str(path),
        "--published",
        "2022-04-12",
        "--url",
        "https://example.org/x",
        "--title",
        "Night",
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["type"] == "FeatureCollection"
    kharkiv, drones = doc["features"]
    assert kharkiv["geometry"]["coordinates"] == [
        pytest.approx(36.25, abs=0.1),
        pytest.approx(49.98, abs=0.1),
    ]
    assert kharkiv["properties"]["fatalities"] == 2
    assert kharkiv["properties"]["source_url"] == "https://example.org/x"
    assert drones["geometry"] is None
    assert drones["properties"]["sub_event_type"] == "Disrupted weapons use"


def test_extract_reads_stdin_as_jsonl(tmp_path: Path) -> None:
    result = _run(
        tmp_path, "extract", "-", "--format", "jsonl", "--published", "2022-04-12", stdin=ARTICLE
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["location"] for r in lines] == ["Kharkiv", None]
    assert all(r["event_date"] == "2022-04-12" for r in lines)


def test_batch_streams_events_and_reports_bad_lines(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"id": "one", "text": ARTICLE, "published": "2022-04-12"}),
                "{broken",
                json.dumps({"id": "empty", "text": "  "}),
                json.dumps({"id": "two", "text": "Missiles struck Lviv on April 10, 2022."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = _run(tmp_path, "extract", "--batch", str(batch))
    assert result.exit_code == 1
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["id"], e["location"]) for e in events] == [
        ("one", "Kharkiv"),
        ("one", None),
        ("two", "Lviv"),
    ]
    assert all(len(e["article_id"]) == 32 for e in events)
    assert "Error: line 2" in result.stderr and "not JSON" in result.stderr
    assert "Error: line 3 (id 'empty')" in result.stderr
    assert "4 article(s), 3 event(s), 2 error(s)" in result.stderr


def test_missing_file_is_one_error_line(tmp_path: Path) -> None:
    result = _run(tmp_path, "extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot read")
    assert "Traceback" not in result.output


def test_empty_article_is_an_error_not_a_crash(tmp_path: Path) -> None:
    result = _run(tmp_path, "extract", "-", stdin="   ")
    assert result.exit_code == 1
    assert "empty" in result.stderr


def test_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(tmp_path, "extract", "-", "--published", "12/04/2022", stdin=ARTICLE)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_eval_extract_scores_a_devset_csv(tmp_path: Path) -> None:
    csv_path = tmp_path / "dev.csv"
    csv_path.write_text(
        "entry,date,event_group,title,lat,lon\n"
        "A1,2022-04-10,Bombing or Explosion Feb - June,10/04/2022 Shelling of Kharkiv,49.99,36.23\n"
        "A2,2022-04-10,Ground Battle,10/04/2022 Shelling of Kharkiv,49.99,36.23\n"
        "A3,2022-04-11,Civilian Casualty,11/04/2022 Aftermath of a strike,48.5,35.0\n"
        "A4,2022-04-11,Other,11/04/2022 Missile hit Lviv,40.0,20.0\n",
        encoding="utf-8",
    )
    result = _run(tmp_path, "eval", "extract", str(csv_path), "--format", "json", "--misses", "5")
    assert result.exit_code == 0, result.output
    rows = {r["measure"]: r for r in json.loads(result.stdout)}
    assert rows["rows"]["rows"] == 4
    assert rows["with a located event"]["rows"] == 3
    assert rows["event within 10 km, type plausible (hit)"]["rows"] == 1
    assert "miss A2" in result.stderr


def test_eval_extract_names_missing_columns(tmp_path: Path) -> None:
    csv_path = tmp_path / "dev.csv"
    csv_path.write_text("title,date\nx,2022-01-01\n", encoding="utf-8")
    result = _run(tmp_path, "eval", "extract", str(csv_path))
    assert result.exit_code == 1
    assert "lacks the column(s) lat, lon, event_group" in result.stderr


@pytest.mark.parametrize("args", [["extract", "--help"], ["eval", "extract", "--help"]])
def test_help_ends_with_an_example(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_extract_uses_the_database_gazetteer_by_default(tmp_path: Path) -> None:
    # No --gazetteer: the store's gazetteer (the embedded one for a new database).
    result = CliRunner().invoke(
        cli,
        ["--db", f"sqlite:///{tmp_path / 'd.db'}", "extract", "-", "--format", "jsonl",
         "--published", "2022-04-12"],
        input="Russian missiles struck Vinnytsia overnight, killing three people.",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [event] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (event["location"], event["admin1"], event["fatalities"]) == (
        "Vinnytsya", "Vinnytsia Oblast", 3
    )  # fmt: skip
