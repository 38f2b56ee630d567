"""``tracker map``: options reach the map, errors are one line, never a traceback."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from maps.pack import columns_in_page
from tracker.cli import cli
from tracker.model import Event, EventType, GeoPrecision, Source, SubEventType, TimePrecision
from tracker.store import open_store


def _event(
    event_id: str, day: date, etype: EventType, sub: SubEventType, lat: float, lon: float
) -> Event:
    return Event(
        event_id=event_id,
        event_date=day,
        time_precision=TimePrecision.DAY,
        event_type=etype,
        sub_event_type=sub,
        notes=f"Report {event_id}.",
        location="Kharkiv",
        admin1="Kharkiv Oblast",
        latitude=lat,
        longitude=lon,
        geo_precision=GeoPrecision.SETTLEMENT,
        sources=(Source(article_id=event_id, url=f"https://n.example/{event_id}", outlet="Wire"),),
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = open_store(url)
    store.import_events(
        [
            _event(
                "s1",
                date(2022, 3, 1),
                EventType.EXPLOSIONS,
                SubEventType.AIR_DRONE_STRIKE,
                49.98,
                36.25,
            ),
            _event(
                "s2",
                date(2022, 5, 1),
                EventType.EXPLOSIONS,
                SubEventType.AIR_DRONE_STRIKE,
                50.45,
                30.52,
            ),
            _event(
                "b1", date(2022, 5, 2), EventType.BATTLES, SubEventType.ARMED_CLASH, 48.59, 38.0
            ),
        ]
    )
    store.close()
    return url


def _run(db: str, *args: str) -> object:
    return CliRunner().invoke(cli, ["--db", db, "map", *args])


def _payload(page: str) -> dict:
    """The event columns the page will inflate."""
    return columns_in_page(page)


def test_map_writes_the_filtered_events(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / "map.html"
    result = _run(
        db,
        str(out),
        "--since",
        "2022-04-01",
        "--type",
        "Air/drone strike",
        "--title",
        "Drone strikes",
        "--description",
        "Since April.",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert "1 event(s)" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<title>Drone strikes</title>" in page and "Since April." in page
    assert len(_payload(page)["lat"]) == 1


def test_the_map_opens_offline_by_default_and_tiles_or_cdn_on_request(
    db: str, tmp_path: Path
) -> None:
    plain, tiled, linked = (tmp_path / f"{n}.html" for n in ("plain", "tiled", "linked"))
    assert _run(db, str(plain)).exit_code == 0
    assert _run(db, str(tiled), "--tiles").exit_code == 0
    assert _run(db, str(linked), "--cdn").exit_code == 0
    page = plain.read_text(encoding="utf-8")
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page)
    assert "tile.openstreetmap.org" not in page and "Мінрегіон" in page
    assert "tile.openstreetmap.org" in tiled.read_text(encoding="utf-8")
    assert '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3' in linked.read_text()


def test_map_uses_the_assets_folder(db: str, tmp_path: Path) -> None:
    mirror = tmp_path / "assets" / "leaflet" / "dist"
    mirror.mkdir(parents=True)
    (mirror / "leaflet.js").write_text("/* stand-in */")
    (mirror / "leaflet.css").write_text(".x{}")
    out = tmp_path / "offline.html"
    result = CliRunner(
        env={
            "TRACKER_MAP_ASSETS": str(tmp_path / "assets"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        }
    ).invoke(cli, ["--db", db, "map", str(out), "--self-contained", "--no-tiles"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "/* stand-in */" in page
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page)
    assert "tile.openstreetmap.org" not in page


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--boundaries", "missing.geojson"], 2, "does not exist"),
        (["--since", "March"], 2, "is not a date"),
        (["--type", "Parade"], 2, "not an ACLED event"),
    ],
)
def test_bad_options_are_usage_errors(
    db: str, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    result = _run(db, str(tmp_path / "m.html"), *args)
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output


def test_unwritable_output_is_one_error_line(db: str, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = _run(db, str(blocker / "map.html"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write the map")
    assert "Traceback" not in result.output


def test_bad_boundaries_file_is_one_error_line(db: str, tmp_path: Path) -> None:
    bad = tmp_path / "regions.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": []}')
    result = _run(db, str(tmp_path / "m.html"), "--boundaries", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.output
