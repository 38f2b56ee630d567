"""How commands open the database: only writers create it, readers need it and never write.

A mistyped ``--db`` path must be an error, not an empty answer (or an empty
export over a good one), and a database nobody may write must still be read.

The suite runs as root in CI, where permission bits do not stop anything. The
read-only checks therefore do two things: they prove the open mode itself (a
write through a reader's connection fails even for root), and they run the
command as an unprivileged user (``nobody`` when we are root; see conftest.py)
so that a read-only folder really is read-only.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from tests.cli.unprivileged import Unprivileged
from tracker.cli import cli
from tracker.errors import ReadOnlyDatabase
from tracker.model import Article, Event, EventFilter, GeoPrecision, SubEventType, TimePrecision
from tracker.settings import Access
from tracker.store import open_store

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = Article(
    "Shelling damaged a school in Kharkiv on Monday.",
    url="https://news.example/access",
    published=date(2024, 3, 5),
)


def _event(event_id: str, day: int) -> Event:
    sub = SubEventType.SHELLING_ARTILLERY_MISSILE
    return Event(
        event_id=event_id,
        event_date=date(2024, 3, day),
        time_precision=TimePrecision.DAY,
        event_type=sub.event_type,
        sub_event_type=sub,
        notes="Shelling damaged a school in Kharkiv on Monday.",
        country="Ukraine",
        location="Kharkiv",
        admin1="Kharkiv Oblast",
        latitude=49.98,
        longitude=36.25,
        geo_precision=GeoPrecision.SETTLEMENT,
        article_id=ARTICLE.article_id,
    )


def _fill(url: str) -> None:
    store = open_store(url)
    try:
        store.save_article(ARTICLE, [_event("acc-1", 3), _event("acc-2", 4)])
    finally:
        store.close()


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


# --- a missing database ------------------------------------------------------------------

READERS = [
    ("events",),
    ("events", "--count-by", "day"),
    ("map", "{tmp}/map.html"),
    ("export", "{tmp}/events.geojson"),
    ("db", "status"),
    ("db", "reindex"),
    ("gazetteer", "info"),
    ("gazetteer", "search", "Kharkiv"),
    ("eval", "geocode", "{tmp}/truth.csv"),
    ("eval", "extract", "{tmp}/truth.csv"),
]


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_commands_that_only_read_refuse_a_missing_database(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    (tmp_path / "truth.csv").write_text("town/city,lat,lon\nKharkiv,49.98,36.25\n")
    typo = tmp_path / "srv" / "trackr" / "x.db"
    result = _run("--db", f"sqlite:///{typo}", *(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: no database at {str(typo)!r}")
    assert "--db" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "srv").exists()  # neither the folders nor the file were made
    assert not (tmp_path / "map.html").exists() and not (tmp_path / "events.geojson").exists()


def test_extract_without_a_database_says_it_uses_the_embedded_gazetteer(tmp_path: Path) -> None:
    typo = tmp_path / "nowhere" / "x.db"
    result = CliRunner().invoke(
        cli,
        ["--db", f"sqlite:///{typo}", "extract", "-", "--format", "jsonl"],
        input="Russian missiles struck Kharkiv on Monday, officials said.",
    )
    assert result.exit_code == 0, result.output
    assert f"no database at {str(typo)!r}" in result.stderr and "embedded" in result.stderr
    assert '"Kharkiv"' in result.stdout
    assert not (tmp_path / "nowhere").exists()


def test_ingest_still_creates_the_database_and_its_folder(tmp_path: Path) -> None:
    db = tmp_path / "new" / "folder" / "tracker.db"
    result = CliRunner().invoke(
        cli,
        ["--db", f"sqlite:///{db}", "ingest", "-", "--published", "2024-03-05", "--no-progress"],
        input="Russian missiles struck Kharkiv on Monday, officials said.",
    )
    assert result.exit_code == 0, result.output
    assert db.is_file()
    assert _run("--db", f"sqlite:///{db}", "events", "--format", "json").exit_code == 0


def test_commands_that_only_read_refuse_an_empty_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = _run("--db", f"sqlite:///{empty}", "events")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the database") and "is empty" in result.stderr
    assert empty.stat().st_size == 0  # nothing was created in it


# --- exports never silently empty a good file --------------------------------------------


def test_export_of_nothing_does_not_replace_a_good_export(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    _fill(url)
    out = tmp_path / "events.geojson"
    assert _run("--db", url, "export", str(out)).exit_code == 0
    good = out.read_bytes()
    refused = _run("--db", url, "export", str(out), "--since", "2030-01-01")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: no stored event matches")
    assert "--allow-empty" in refused.stderr
    assert out.read_bytes() == good
    forced = _run("--db", url, "export", str(out), "--since", "2030-01-01", "--allow-empty")
    assert forced.exit_code == 0, forced.output
    assert json.loads(out.read_bytes())["features"] == []


def test_export_of_nothing_to_a_new_file_is_fine(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    _fill(url)
    out = tmp_path / "none.csv"
    result = _run("--db", url, "export", str(out), "--since", "2030-01-01")
    assert result.exit_code == 0, result.output
    assert out.is_file()


def _nightly(out: Path, *args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRACKER_DB": db}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "nightly_export.py"), str(out), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_nightly_export_keeps_the_good_file_when_the_database_path_is_wrong(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    _fill(url)
    out = tmp_path / "events.geojson"
    assert _nightly(out, db=url).returncode == 0
    good = out.read_bytes()
    typo = _nightly(out, db=f"sqlite:///{tmp_path / 'trackr' / 'tracker.db'}")
    assert typo.returncode == 1 and typo.stderr.startswith("Error: no database at")
    nothing = _nightly(out, "--since", "2030-01-01", db=url)
    assert nothing.returncode == 1 and "--allow-empty" in nothing.stderr
    assert out.read_bytes() == good
    assert not (tmp_path / "trackr").exists()


# --- a database nobody may write ---------------------------------------------------------


def test_readers_open_sqlite_read_only(tmp_path: Path) -> None:
    """Even root cannot write through a reader's connection: the open mode itself is read-only."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    _fill(url)
    store = open_store(url, access=Access.READ)
    try:
        assert store.count_events(EventFilter()) == 2
        with (
            pytest.raises(sa.exc.OperationalError, match="readonly"),
            store.engine.begin() as conn,
        ):
            conn.exec_driver_sql("CREATE TABLE intruder (x INTEGER)")
        with pytest.raises(ReadOnlyDatabase):
            store.save_article(ARTICLE, [_event("acc-3", 5)])
    finally:
        store.close()
    assert open_store(url).count_events(EventFilter()) == 2


def _read_only_database(folder: Path) -> str:
    db = folder / "ro" / "tracker.db"
    db.parent.mkdir()
    url = f"sqlite:///{db}"
    _fill(url)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not db.with_name("tracker.db-shm").exists()  # a clean close removes the WAL files
    db.chmod(0o444)
    db.parent.chmod(0o555)
    return url


@pytest.mark.parametrize(
    "args",
    [("events", "--format", "json"), ("db", "status"), ("gazetteer", "info")],
    ids=lambda a: a[0],
)
def test_a_wal_database_in_a_read_only_folder_can_be_read(
    unprivileged: Unprivileged, args: tuple[str, ...]
) -> None:
    url = _read_only_database(unprivileged.folder)
    result = unprivileged.run("--db", url, *args)
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr
    if args[0] == "events":
        assert result.stdout.count('"event_id"') == 2
    assert sorted(p.name for p in (unprivileged.folder / "ro").iterdir()) == ["tracker.db"]


def test_writing_a_read_only_database_says_so(unprivileged: Unprivileged) -> None:
    url = _read_only_database(unprivileged.folder)
    result = unprivileged.run(
        *("--db", url, "ingest", "-", "--published", "2024-03-05", "--no-progress"),
        stdin="Russian missiles struck Odesa on Monday, officials said.",
    )
    assert result.returncode == 1
    assert "read-only" in result.stderr and "Traceback" not in result.stderr


# --- filters that cannot mean anything are usage errors ----------------------------------


@pytest.mark.parametrize("command", ["events", "map", "export"])
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--near", "49.99,36.23", "--radius-km", "nan"], "--radius-km"),
        (["--near", "49.99,36.23", "--radius-km", "inf"], "--radius-km"),
        (["--near", "49.99,36.23", "--radius-km", "-5"], "--radius-km"),
        (["--near", "nan,36.23", "--radius-km", "5"], "--near"),
        (["--near", "123,36.23", "--radius-km", "5"], "--near"),
        (["--bbox", "30,50,inf,51"], "--bbox"),
        (["--since", "2024-03-02", "--until", "2024-03-01"], "--since"),
    ],
)
def test_meaningless_filters_are_usage_errors(
    tmp_path: Path, command: str, args: list[str], message: str
) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    _fill(url)
    out = (
        []
        if command == "events"
        else [str(tmp_path / f"out.{'html' if command == 'map' else 'csv'}")]
    )
    result = _run("--db", url, command, *out, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output
