"""Nothing lost: SIGKILLed ingests, concurrent writers, read-only databases, full disks."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_factories import make_article, make_event

from tracker.errors import ReadOnlyDatabase, StorageError
from tracker.model import EventFilter
from tracker.store import open_store, rtree

WORKER = Path(__file__).with_name("ingest_worker.py")
IMPORTER = Path(__file__).with_name("import_worker.py")
N_ARTICLES = 40


def _run_worker(url: str, first: int, last: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(first), str(last), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _kill_after(proc: subprocess.Popen[bytes], *, saves: int, delay: float) -> int:
    """SIGKILL ``proc`` ``delay`` seconds after it reported ``saves`` saves; lines read."""
    assert proc.stdout is not None
    lines = 0
    while lines < saves and proc.stdout.readline():
        lines += 1
    time.sleep(delay)  # lands inside the next save (or between two) at random
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return lines


def _finish(proc: subprocess.Popen[bytes]) -> None:
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()


def _snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row that matters, without the write timestamps."""
    engine = sa.create_engine(url)
    queries = {
        "articles": "SELECT article_id, url, content_hash FROM articles ORDER BY article_id",
        "events": "SELECT event_id, event_date, sub_event_type, latitude, longitude, "
        "fatalities, report_count, article_id FROM events ORDER BY event_id",
        "reports": "SELECT report_id, article_id, event_id FROM reports ORDER BY report_id",
    }
    with engine.connect() as conn:
        snap = {
            name: [tuple(r) for r in conn.exec_driver_sql(sql)] for name, sql in queries.items()
        }
    engine.dispose()
    return snap


def _other_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'reference.db'}"
    return request.getfixturevalue("pg_url_2")


@pytest.mark.slow
def test_sigkill_at_random_moments_then_rerun_equals_an_uninterrupted_run(
    db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    reference = _other_url(db_url, tmp_path, request)
    _finish(_run_worker(reference, 0, N_ARTICLES))
    rng = random.Random(20240301)
    open_store(db_url).close()  # schema first, so kills land among article writes
    killed_mid_run = 0
    for target in sorted(rng.sample(range(1, N_ARTICLES - 1), 5)):
        proc = _run_worker(db_url, 0, N_ARTICLES)
        lines = _kill_after(proc, saves=target, delay=rng.uniform(0.0, 0.01))
        killed_mid_run += lines < N_ARTICLES
        stored = len(_snapshot(db_url)["articles"])
        assert stored >= target  # every reported save is durable
    assert killed_mid_run == 5
    _finish(_run_worker(db_url, 0, N_ARTICLES))
    assert _snapshot(db_url) == _snapshot(reference)
    assert len(_snapshot(db_url)["articles"]) == N_ARTICLES


def _kill_import_after(url: str, *, stored: int, delay: float) -> None:
    """Start a bulk import and SIGKILL it ``delay`` s after ``stored`` events are committed."""
    proc = subprocess.Popen(
        [sys.executable, str(IMPORTER), url, str(N_IMPORTED), "300"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    engine = sa.create_engine(url)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            with engine.connect() as conn:
                if conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one() >= stored:
                    break
            time.sleep(0.005)
    finally:
        engine.dispose()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the import ended before it could be killed"


N_IMPORTED = 30_000


@pytest.mark.slow
def test_sigkilled_bulk_imports_hide_no_event_and_a_rerun_completes_them(
    db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from test_spatial_index import assert_spatial_queries_exact

    reference = _other_url(db_url, tmp_path, request)
    _finish(subprocess.Popen([sys.executable, str(IMPORTER), reference, str(N_IMPORTED), "300"]))
    rng = random.Random(20240302)
    open_store(db_url).close()
    backlogs = []
    for stored in (300, 6000, 15000):
        _kill_import_after(db_url, stored=stored, delay=rng.uniform(0.0, 0.03))
        store = open_store(db_url)
        assert store.count_events(EventFilter()) >= stored  # committed batches stay
        assert_spatial_queries_exact(store, seed=stored)  # and every one can be found
        if store.engine.dialect.name == "sqlite":
            with store.engine.connect() as conn:
                backlogs.append(bool(rtree.backlog_ranges(conn)))
        store.close()
    assert db_url.startswith("postgresql") or any(backlogs)  # queries did read a backlog
    rerun = subprocess.run(
        [sys.executable, str(IMPORTER), db_url, str(N_IMPORTED), "300"],
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert int(rerun.stdout) < N_IMPORTED  # it skipped what the killed runs had stored
    assert _snapshot(db_url) == _snapshot(reference)
    store = open_store(db_url)
    assert store.count_events(EventFilter()) == N_IMPORTED
    assert_spatial_queries_exact(store, seed=9)
    if store.engine.dialect.name == "sqlite":  # the date index a killed import deferred is back
        with store.engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
            assert "ix_events_date_id" in {name for (name,) in names}
    store.close()


@pytest.mark.slow
def test_two_writers_at_once_lose_nothing_and_duplicate_nothing(db_url: str) -> None:
    # Both start on an empty database (both want to create the schema), then write
    # overlapping ranges in opposite orders: the same articles and dates at once.
    procs = [_run_worker(db_url, 0, 30), _run_worker(db_url, 10, N_ARTICLES, "--reverse")]
    for proc in procs:
        _finish(proc)
    snap = _snapshot(db_url)
    assert len(snap["articles"]) == N_ARTICLES
    assert len(snap["reports"]) == 2 * N_ARTICLES
    # Each article's shared report merges by place and day: 5 places x 7 days at most.
    store = open_store(db_url)
    events = list(store.query_events(EventFilter()))
    assert len({e.event_id for e in events}) == len(events)
    shared = [e for e in events if e.sub_event_type.value == "Air/drone strike"]
    assert sum(e.report_count for e in shared) == N_ARTICLES
    assert len({(e.event_date, e.location) for e in shared}) == len(shared)
    store.close()


def test_read_only_sqlite_gives_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    store = open_store(f"sqlite:///{path}")
    store.save_article(make_article(1), [make_event("e1")])
    store.close()
    ro = open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert ro.count_events(EventFilter()) == 1  # reading still works
    with pytest.raises(ReadOnlyDatabase, match="read-only"):
        ro.save_article(make_article(2), [make_event("e2", point=(50.0, 30.0))])
    ro.close()
    assert open_store(f"sqlite:///{path}").article_count() == 1


@pytest.mark.postgres
def test_read_only_postgres_gives_a_clear_error_and_writes_nothing(pg_url: str) -> None:
    open_store(pg_url).close()
    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    name = engine.url.database
    with engine.connect() as conn:
        conn.exec_driver_sql(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    engine.dispose()
    store = open_store(pg_url)
    with pytest.raises(ReadOnlyDatabase, match="nothing was written"):
        store.save_article(make_article(1), [make_event("e1")])
    assert store.article_count() == 0
    store.close()


def test_full_disk_gives_a_clear_error_and_no_partial_article(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    store = open_store(f"sqlite:///{path}")
    store.save_article(make_article(1), [make_event("e1")])
    pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar_one()
    store.close()

    full = open_store(f"sqlite:///{path}")
    # Cap the file at its current size on every connection: the next write finds the disk full.
    sa.event.listen(
        full.engine,
        "connect",
        lambda dbapi, _: dbapi.execute(f"PRAGMA max_page_count = {pages}"),
    )
    full.engine.dispose()
    big = make_article(2, text="x" * 200_000)
    with pytest.raises(StorageError, match="full"):
        full.save_article(big, [make_event(f"e{n}", point=(50.0, 30.0 + n)) for n in range(50)])
    full.close()
    again = open_store(f"sqlite:///{path}")
    assert (again.article_count(), again.count_events(EventFilter())) == (1, 1)
    again.close()
