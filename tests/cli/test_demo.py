"""The README's main job, end to end through the installed ``tracker`` command."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from maps.pack import columns_in_page

TRACKER = shutil.which("tracker", path=str(Path(sys.executable).parent)) or "tracker"


# The user's own article, in the user's default database before the demo runs.
USER_ARTICLE = "Artillery shelling struck Sumy on Tuesday, the regional governor said."


def _run(*args: str, tmp_path: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRACKER_HOME": str(tmp_path / "home")}
    env.pop("TRACKER_DB", None)
    return subprocess.run(
        [TRACKER, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        input=stdin,
    )


def _user_events(tmp_path: Path) -> list[dict]:
    listed = _run("events", "--format", "json", tmp_path=tmp_path)
    assert listed.returncode == 0, listed.stderr
    return json.loads(listed.stdout)


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    tmp_path = tmp_path_factory.mktemp("demo")
    own = _run(
        "ingest",
        "-",
        "--published",
        "2023-03-07",
        "--no-progress",
        tmp_path=tmp_path,
        stdin=USER_ARTICLE,
    )
    assert own.returncode == 0, own.stderr
    result = _run("demo", "--out", "out", tmp_path=tmp_path)
    return tmp_path, result


def test_demo_prints_where_its_outputs_are(demo_run) -> None:
    tmp_path, result = demo_run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert str(tmp_path / "out" / "map.html") in result.stdout
    assert str(tmp_path / "out" / "events.geojson") in result.stdout
    assert str(tmp_path / "out" / "tracker.db") in result.stdout
    html = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    assert "leaflet" in html.lower()


@pytest.mark.parametrize(
    ("location", "lon", "lat", "max_km"),
    [  # the name as the article writes it; the gazetteer may spell it otherwise
        ("Starokost", 27.21, 49.76, 15),  # the airfield or the town, Khmelnytskyi Oblast
        ("Kharkiv", 36.25, 49.98, 10),
        ("Odesa", 30.74, 46.48, 10),
        ("Bakhmut", 38.00, 48.59, 10),
        ("Mykolaiv", 31.99, 46.97, 10),
    ],
)
def test_demo_geojson_puts_events_at_the_right_places(demo_run, location, lon, lat, max_km) -> None:
    tmp_path, result = demo_run
    assert result.returncode == 0, result.stderr
    collection = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    points = [
        f["geometry"]["coordinates"]
        for f in collection["features"]
        if f["geometry"] and location.lower() in f["properties"]["notes"].lower()
    ]
    assert points, f"no located event at {location}"
    assert any(_km(x, y, lon, lat) <= max_km for x, y in points), points


def test_demo_never_puts_the_havrylivka_depot_in_kyiv_city(demo_run) -> None:
    """Without the full dump the village is unknown: region precision, never the capital."""
    tmp_path, result = demo_run
    assert result.returncode == 0, result.stderr
    collection = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    depot = [f for f in collection["features"] if "Havrylivka" in f["properties"]["notes"]]
    assert depot, "the depot strike near Havrylivka should be extracted"
    for feature in depot:
        props = feature["properties"]
        assert props["admin1"] == "Kyiv Oblast"
        assert props["location"] != "Kyiv"
        assert props["geo_precision"] in (2, 3)
        assert props["sub_event_type"] == "Shelling/artillery/missile attack"
        assert props["claimed_by"] == "Russian Defence Ministry"


def test_demo_keeps_its_own_database_apart_from_the_users(demo_run) -> None:
    tmp_path, result = demo_run
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "tracker.db").is_file()
    mine = _user_events(tmp_path)  # the default database: only the user's event
    assert mine and all("Sumy" in e["notes"] for e in mine)
    collection = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    assert collection["features"]
    assert not [f for f in collection["features"] if "Sumy" in f["properties"]["notes"]]
    html = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    assert not [n for n in columns_in_page(html)["notes"] if "Sumy" in n]


def test_demo_into_a_folder_it_cannot_create_is_one_error_line(tmp_path: Path) -> None:
    result = _run("demo", "--out", "/proc/nope", tmp_path=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and "--out" in result.stderr
    assert "Traceback" not in result.stderr


def test_running_the_demo_again_adds_nothing(demo_run) -> None:
    tmp_path, first = demo_run
    assert first.returncode == 0, first.stderr
    before = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    again = _run("demo", "--out", "out", tmp_path=tmp_path)
    assert again.returncode == 0, again.stderr
    after = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    assert [f["id"] for f in after["features"]] == [f["id"] for f in before["features"]]
