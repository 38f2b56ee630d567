"""``tracker gazetteer ...`` and ``tracker eval geocode`` through the CLI."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.store import upgrade_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
SAMPLE = FIXTURES / "UA_sample.txt"
ADMIN1 = FIXTURES / "admin1CodesASCII.txt"
ADMIN2 = FIXTURES / "admin2Codes.txt"


@pytest.fixture
def url(tmp_path):
    """A fresh tracker database (the migrations create the gazetteer tables)."""
    db = f"sqlite:///{tmp_path / 'tracker.db'}"
    upgrade_database(db)  # the commands that only read refuse a missing database
    return db


def run(url, *args):
    return CliRunner().invoke(cli, ["--db", url, *args])


def test_load_info_search(url):
    loaded = run(url, "gazetteer", "load", str(SAMPLE), str(ADMIN1), str(ADMIN2))
    assert loaded.exit_code == 0, loaded.output
    assert "Loaded 47 geonames row(s)" in loaded.stderr
    db = Path(url.removeprefix("sqlite:///"))
    assert db.with_name("tracker.db.index").exists()  # built once here, read by what follows

    info = run(url, "gazetteer", "info", "--format", "json")
    assert info.exit_code == 0, info.output
    sources = json.loads(info.stdout)
    assert [(s["kind"], s["rows"]) for s in sources] == [
        ("geonames", 47),
        ("admin1", 27),
        ("admin2", 9),
    ]

    found = run(url, "gazetteer", "search", "Havrylivka", "--admin1", "Kyiv", "--format", "json")
    assert found.exit_code == 0, found.output
    rows = json.loads(found.stdout)
    assert rows[0]["geonameid"] == 8516138
    assert rows[0]["admin1"] == "Kyiv Oblast"
    assert {
        "geonameid",
        "name",
        "latitude",
        "longitude",
        "feature_code",
        "admin1",
        "country",
        "score",
    } <= set(rows[0])
    assert rows[0]["score"] > rows[1]["score"]


def test_info_on_an_empty_database_says_embedded(url):
    result = run(url, "gazetteer", "info")
    assert result.exit_code == 0
    assert "embedded" in result.stdout and "CC BY 4.0" in result.stdout


def test_search_with_the_embedded_gazetteer(url):
    result = run(url, "gazetteer", "search", "Kharkov", "--country", "ua", "--format", "json")
    assert json.loads(result.stdout)[0]["name"] == "Kharkiv"


def test_search_near(url):
    run(url, "gazetteer", "load", str(SAMPLE))
    result = run(
        url, "gazetteer", "search", "Havrylivka", "--near", "49.2,37.27", "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    first = next(csv.DictReader(result.stdout.splitlines()))
    assert first["geonameid"] == "708873"


@pytest.mark.parametrize("near", ["50", "fifty,thirty", "95,30"])
def test_search_bad_near_is_a_usage_error(url, near):
    result = run(url, "gazetteer", "search", "Kyiv", "--near", near)
    assert result.exit_code == 2
    assert "--near" in result.output


def test_failed_load_keeps_the_previous_gazetteer(url, tmp_path):
    run(url, "gazetteer", "load", str(SAMPLE))
    bad = tmp_path / "RU.txt"
    bad.write_bytes(SAMPLE.read_bytes().splitlines()[0] + b"\n\xff\xfe broken\n")
    result = run(url, "gazetteer", "load", "--replace", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "line 2: not UTF-8" in result.stderr
    assert "Traceback" not in result.output
    again = run(url, "gazetteer", "search", "Kupyansk", "--format", "json")
    assert json.loads(again.stdout)[0]["geonameid"] == 703656


def test_load_missing_file(url, tmp_path):
    result = run(url, "gazetteer", "load", str(tmp_path / "UA.txt"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def _serve_dump(httpserver):
    """Serve the fixture like the GeoNames export server: UA.zip plus the admin files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.write(SAMPLE, "UA.txt")
    data = buffer.getvalue()
    httpserver.expect_request("/dump/UA.zip").respond_with_data(data)
    httpserver.expect_request("/dump/admin1CodesASCII.txt").respond_with_data(ADMIN1.read_bytes())
    httpserver.expect_request("/dump/admin2Codes.txt").respond_with_data(ADMIN2.read_bytes())


def test_download_fetches_and_loads(url, httpserver, tmp_path):
    _serve_dump(httpserver)
    result = run(
        url,
        "gazetteer",
        "download",
        "ua",
        "--base-url",
        httpserver.url_for("/dump/"),
        "--dest",
        str(tmp_path / "geo"),
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "geo").iterdir()) == [
        "UA.zip",
        "admin1CodesASCII.txt",
        "admin2Codes.txt",
    ]
    found = run(url, "gazetteer", "search", "Starokostiantyniv", "--format", "json")
    assert json.loads(found.stdout)[0]["geonameid"] == 692818


def test_download_base_url_from_env(url, httpserver, tmp_path, monkeypatch):
    _serve_dump(httpserver)
    monkeypatch.setenv("TRACKER_GEONAMES_URL", httpserver.url_for("/dump/"))
    result = run(url, "gazetteer", "download", "UA", "--dest", str(tmp_path), "--no-load")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "UA.zip").exists()
    assert json.loads(run(url, "gazetteer", "info", "--format", "json").stdout) == []


def test_download_unknown_country(url):
    result = run(url, "gazetteer", "download", "XX")
    assert result.exit_code == 2
    assert "'XX' is not an ISO 3166 alpha-2 country code" in result.stderr


def test_download_offline_is_a_clear_error(url, tmp_path):
    result = run(
        url,
        "gazetteer",
        "download",
        "UA",
        "--base-url",
        "http://127.0.0.1:9/",
        "--retries",
        "1",
        "--timeout",
        "2",
        "--dest",
        str(tmp_path / "geo"),
    )
    assert result.exit_code == 1
    assert "could not download 'http://127.0.0.1:9/UA.zip' after 1 tries" in result.stderr
    assert not list((tmp_path / "geo").iterdir())  # no half-written file left behind


def test_download_missing_file_on_server(url, httpserver, tmp_path):
    httpserver.expect_request("/dump/UA.zip").respond_with_data("not here", status=404)
    result = run(
        url,
        "gazetteer",
        "download",
        "UA",
        "--base-url",
        httpserver.url_for("/dump/"),
        "--dest",
        str(tmp_path),
    )
    assert result.exit_code == 1
    assert "HTTP 404" in result.stderr


def _truth_csv(tmp_path):
    path = tmp_path / "truth.csv"
    rows = [
        ("town/city", "province", "country", "lat", "lon"),
        ("Havrylivka", "Kyiv Oblast", "Ukraine", "50.6760", "30.2140"),  # right, ~0 km
        ("Kup'yans'k", "Kharkiv Oblast", "Ukraine", "49.7500", "37.6158"),  # ~4.4 km off
        ("Bucha", "Kyiv Oblast", "Ukraine", "50.9000", "30.2088"),  # ~39 km off
        ("Qwertyzzville", "", "Ukraine", "50.0", "30.0"),  # unknown
        ("", "", "Ukraine", "50.0", "30.0"),  # no name: skipped
    ]
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_eval_geocode_reports_shares_and_median(url, tmp_path):
    run(url, "gazetteer", "load", str(SAMPLE), str(ADMIN1))
    result = run(url, "eval", "geocode", str(_truth_csv(tmp_path)), "--format", "json")
    assert result.exit_code == 0, result.output
    (summary,) = json.loads(result.stdout)
    assert summary["country"] == "all"
    assert summary["mentions"] == 4
    assert summary["resolved"] == 3
    assert (summary["within_1km"], summary["within_10km"], summary["within_50km"]) == (
        0.25,
        0.5,
        0.75,
    )
    assert summary["median_error_km"] == pytest.approx(4.4, abs=0.2)
    # Bucha is 39 km off, but no other Bucha lies near the truth: no homonym was at fault
    assert (summary["over_100km_of_resolved"], summary["same_name_loss"]) == (0.0, 0.0)


def test_eval_geocode_lists_the_worst(url, tmp_path):
    run(url, "gazetteer", "load", str(SAMPLE))
    result = run(
        url, "eval", "geocode", str(_truth_csv(tmp_path)), "--misses", "2", "--format", "jsonl"
    )
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x.get("name") for x in lines[1:]] == ["Qwertyzzville", "Bucha"]


def test_eval_geocode_wrong_column(url, tmp_path):
    result = run(url, "eval", "geocode", str(_truth_csv(tmp_path)), "--name-column", "place")
    assert result.exit_code == 1
    assert "no column 'place'" in result.stderr and "--name-column" in result.stderr


def test_eval_geocode_missing_file(url, tmp_path):
    result = run(url, "eval", "geocode", str(tmp_path / "nope.csv"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("gazetteer",),
        ("gazetteer", "load"),
        ("gazetteer", "download"),
        ("gazetteer", "info"),
        ("gazetteer", "search"),
        ("eval", "geocode"),
    ],
)
def test_help_has_an_example(args):
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_load_and_search_on_sqlite_and_postgis(db_url, tmp_path):
    """The same gazetteer in either database, and a failed load changes nothing."""
    loaded = run(db_url, "gazetteer", "load", str(SAMPLE), str(ADMIN1), str(ADMIN2))
    assert loaded.exit_code == 0, loaded.output
    bad = tmp_path / "admin2Codes.txt"
    bad.write_text("UA.13.3208\tBuchanskyi Raion\n", encoding="utf-8")
    failed = run(db_url, "gazetteer", "load", "--replace", str(SAMPLE), str(bad))
    assert failed.exit_code == 1 and "expected 4 columns" in failed.stderr
    found = run(db_url, "gazetteer", "search", "Havrylivka", "--admin1", "Kyiv", "--format", "json")
    rows = json.loads(found.stdout)
    assert rows[0]["geonameid"] == 8516138 and rows[0]["admin2"] == "Buchanskyi Raion"
    info = json.loads(run(db_url, "gazetteer", "info", "--format", "json").stdout)
    assert [s["kind"] for s in info] == ["geonames", "admin1", "admin2"]  # not the failed load


def _geocoder_env(monkeypatch, httpserver):
    monkeypatch.setenv("TRACKER_GEOCODER", "nominatim")
    monkeypatch.setenv("TRACKER_GEOCODER_USER_AGENT", "tracker-tests/1.0 (tests@example.org)")
    monkeypatch.setenv("TRACKER_GEOCODER_DOMAIN", f"{httpserver.host}:{httpserver.port}")
    monkeypatch.setenv("TRACKER_GEOCODER_SCHEME", "http")
    monkeypatch.setenv("TRACKER_GEOCODER_MIN_DELAY", "0")
    monkeypatch.setenv("TRACKER_GEOCODER_MAX_RETRIES", "0")


def _unknown_village_csv(tmp_path):
    path = tmp_path / "village.csv"
    path.write_text(
        "town/city,province,country,lat,lon\nZelenyi Hai,Kyiv Oblast,Ukraine,50.41,30.12\n",
        encoding="utf-8",
    )
    return path


def test_configured_geocoder_fills_misses_once(url, tmp_path, httpserver, monkeypatch):
    _geocoder_env(monkeypatch, httpserver)
    httpserver.expect_request("/search").respond_with_json(
        [{"lat": "50.41", "lon": "30.12", "display_name": "Zelenyi Hai, Kyiv Oblast"}]
    )
    csv_path = _unknown_village_csv(tmp_path)
    for _ in range(2):
        result = run(url, "eval", "geocode", str(csv_path), "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)[0]["within_1km"] == 1.0
    assert len(httpserver.log) == 1  # the second run read the database cache


def test_geocoder_failure_is_one_error_line(url, tmp_path, httpserver, monkeypatch):
    _geocoder_env(monkeypatch, httpserver)
    httpserver.expect_request("/search").respond_with_data("down", status=500)
    result = run(url, "eval", "geocode", str(_unknown_village_csv(tmp_path)))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: geocoder 'nominatim'") and "HTTP 500" in result.stderr
    assert "Traceback" not in result.output


def test_misconfigured_geocoder_is_a_usage_error(url, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_GEOCODER", "nominatim")
    monkeypatch.delenv("TRACKER_GEOCODER_USER_AGENT", raising=False)
    result = run(url, "eval", "geocode", str(_unknown_village_csv(tmp_path)))
    assert result.exit_code == 2
    assert "TRACKER_GEOCODER_USER_AGENT" in result.stderr


def test_eval_geocode_by_country(url, tmp_path):
    run(url, "gazetteer", "load", str(SAMPLE))
    path = tmp_path / "two.csv"
    path.write_text(
        "town/city,province,country,lat,lon\n"
        "Kharkiv,,Ukraine,49.98,36.25\n"
        "Qwertyzzgrad,,Russia,50.6,36.6\n",
        encoding="utf-8",
    )
    result = run(url, "eval", "geocode", str(path), "--by-country", "--format", "json")
    rows = {r["country"]: r for r in json.loads(result.stdout)}
    assert set(rows) == {"all", "RU", "UA"}
    assert (rows["UA"]["within_1km"], rows["RU"]["within_50km"], rows["all"]["within_1km"]) == (
        1.0,
        0.0,
        0.5,
    )


def test_eval_geocode_context_column_names_nearby_places(url, tmp_path):
    run(url, "gazetteer", "load", str(SAMPLE))
    path = tmp_path / "ctx.csv"
    path.write_text(
        "town/city,title,lat,lon\nHavrylivka,Depot hit between Bucha and Irpin,50.6756,30.2136\n",
        encoding="utf-8",
    )
    plain = run(url, "eval", "geocode", str(path), "--format", "json")
    assert json.loads(plain.stdout)[0]["within_10km"] == 0.0  # a guess among 9 homonyms
    helped = run(url, "eval", "geocode", str(path), "--context-column", "title", "--format", "json")
    assert json.loads(helped.stdout)[0]["within_1km"] == 1.0
