"""No command shows a traceback, whatever path it is given (see command_walk.py)."""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.cli import command_walk
from tests.cli.unprivileged import Unprivileged
from tracker.errors import StorageError
from tracker.places import load_places
from tracker.store import open_store


def test_the_walk_reaches_every_command() -> None:
    names = {" ".join(n) for n, _ in command_walk.leaf_commands()}
    assert {"ingest", "extract", "export", "map", "demo", "db status", "gazetteer load"} <= names
    assert {"eval geocode", "eval extract", "gazetteer download"} <= names


@pytest.mark.parametrize("kind", ["missing", "folder", "proc"])
def test_every_command_given_a_bad_path_says_error_in_one_line(tmp_path: Path, kind: str) -> None:
    runs = list(command_walk.invocations(tmp_path, kind))
    assert len(runs) >= 10  # every command, each of its path parameters, and --db
    failures = command_walk.walk(tmp_path, [kind])
    assert failures == []


@pytest.mark.slow
def test_every_command_given_an_unreadable_path_says_error_in_one_line(
    unprivileged: Unprivileged,
) -> None:
    """Run as ``nobody`` when we are root: root reads and writes any file."""
    folder = unprivileged.folder / "walk"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    result = unprivileged.execute(
        sys.executable, str(Path(command_walk.__file__)), str(folder), "unreadable"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout) == []


GEONAMES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"


def test_a_full_disk_during_gazetteer_load_is_named_without_sql(tmp_path: Path) -> None:
    """SQLite's max_page_count makes the database really full (SQLITE_FULL) on the first insert."""
    db = tmp_path / "tracker.db"
    store = open_store(f"sqlite:///{db}")
    store.engine.dispose()  # connections opened from here on have the cap
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("VACUUM")  # no free pages left to fill

    @sa.event.listens_for(store.engine, "connect")
    def cap(dbapi_conn, _record) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    many = tmp_path / "UA.txt"  # the sample fifty times over: more than the free room
    rows = (GEONAMES / "UA_sample.txt").read_text(encoding="utf-8").splitlines()
    many.write_text(
        "".join(
            f"{int(r.split(chr(9), 1)[0]) + copy * 10**8}\t{r.split(chr(9), 1)[1]}\n"
            for copy in range(50)
            for r in rows
        ),
        encoding="utf-8",
    )
    try:
        with pytest.raises(StorageError) as caught:
            load_places(store, [many, GEONAMES / "admin1CodesASCII.txt"])
    finally:
        store.close()
    message = str(caught.value)
    assert "full" in message and "Free some space" in message
    assert "INSERT" not in message.upper() and "\n" not in message
