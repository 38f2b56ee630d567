"""Opening databases: schema creation by migration, revision checks, bad URLs, fetch state."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from tracker.errors import ConfigError, DatabaseUnavailable, SchemaMismatch
from tracker.model import EventFilter
from tracker.store import FetchState, fast_schema, open_store, sources
from tracker.store.migrate import HEAD_REVISION, head_revision, scripts_head_revision, upgrade


def test_open_store_creates_the_schema_at_the_head_revision(db_url: str) -> None:
    store = open_store(db_url)
    status = store.schema_status()
    assert status.up_to_date and status.current == head_revision()
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"articles", "events", "reports", "fetch_state", "alembic_version"} <= names
    store.close()
    reopened = open_store(db_url)  # a second open finds the schema and leaves it alone
    assert reopened.count_events(EventFilter()) == 0
    reopened.close()


def test_spatial_index_exists_on_each_engine(db_url: str) -> None:
    store = open_store(db_url)
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            sql = "SELECT sql FROM sqlite_master WHERE name = 'events_rtree'"
            assert "rtree" in conn.exec_driver_sql(sql).scalar_one().lower()
        else:
            sql = "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_geom_date'"
            assert "gist (geom, event_date)" in conn.exec_driver_sql(sql).scalar_one().lower()
    store.close()


def _set_revision(url: str, revision: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_a_database_from_a_newer_tracker_is_refused(db_url: str) -> None:
    open_store(db_url).close()
    _set_revision(db_url, "9999_future")
    with pytest.raises(SchemaMismatch, match="newer than this tracker"):
        open_store(db_url)


def test_a_database_at_an_older_revision_says_to_run_db_upgrade(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db_url).close()
    # Pretend this code knows a newer head than the database is at.
    monkeypatch.setattr("tracker.store.migrate.head_revision", lambda: "0002_next")
    with pytest.raises(SchemaMismatch, match=r"tracker --db .* db upgrade"):
        open_store(db_url)


def test_a_database_with_foreign_tables_is_not_taken_over(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'other.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE events (x INTEGER)")
    engine.dispose()
    with pytest.raises(SchemaMismatch, match="not made by tracker"):
        open_store(url)


def test_upgrade_is_idempotent(db_url: str) -> None:
    store = open_store(db_url)
    assert upgrade(store.engine).up_to_date
    assert upgrade(store.engine).up_to_date
    store.close()


@pytest.mark.parametrize(
    "url", ["not a url", "mysql://u@localhost/x", "sqlite+nodriver:///x.db", "oracle://x"]
)
def test_bad_urls_are_config_errors(url: str) -> None:
    with pytest.raises(ConfigError, match="sqlite:///"):
        open_store(url)


def test_unreachable_postgres_is_database_unavailable() -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/none"
    with pytest.raises(DatabaseUnavailable, match="server is running") as info:
        open_store(url)
    assert "secret" not in str(info.value)


def test_sqlite_file_in_an_impossible_place_is_database_unavailable() -> None:
    with pytest.raises(DatabaseUnavailable, match="--db"):
        open_store("sqlite:////proc/no/such/place/tracker.db")


def test_default_sqlite_folder_is_created(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'deep' / 'er' / 'tracker.db'}")
    assert (tmp_path / "deep" / "er" / "tracker.db").exists()
    store.close()


def test_fetch_state_round_trips_and_is_replaced(db_url: str) -> None:
    store = open_store(db_url)
    url = "https://news.example/feed.xml"
    assert store.get_fetch_state(url) is None
    first = FetchState(
        url,
        etag='"abc"',
        last_modified="Wed, 21 Oct 2025 07:28:00 GMT",
        content_hash="f" * 64,
        status=200,
        fetched_at=datetime(2025, 10, 21, 7, 30, tzinfo=UTC),
    )
    store.put_fetch_state(first)
    assert store.get_fetch_state(url) == first
    second = FetchState(url, status=304, fetched_at=datetime(2025, 10, 21, 8, 30, tzinfo=UTC))
    store.put_fetch_state(second)
    assert store.get_fetch_state(url) == second
    store.close()


def test_migrations_build_exactly_the_declared_models(db_url: str) -> None:
    # Alembic's own comparison: a model change without a migration fails here.
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from tracker.store.schema import ALL_METADATA

    def ours(obj: object, name: str | None, type_: str, reflected: bool, _: object) -> bool:
        # The spatial index is engine specific and made by hand (R*Tree and its
        # backlog on SQLite, geom + GiST on PostGIS).
        made_by_hand = ("events_rtree", "events_unindexed", "spatial_ref_sys", "ix_events_geom")
        spatial = (name or "").startswith(made_by_hand)
        return not (spatial or (type_ == "column" and name == "geom"))

    store = open_store(db_url)
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": ours, "compare_type": True}
        )
        diffs = compare_metadata(context, list(ALL_METADATA))
    store.close()
    assert diffs == []


def test_the_fast_revision_check_knows_the_newest_migration() -> None:
    # Opening a store compares the database with HEAD_REVISION without importing
    # Alembic; a new migration must move the constant too.
    newest = scripts_head_revision()
    assert HEAD_REVISION == head_revision() == newest, f"set migrate.HEAD_REVISION to {newest!r}"


def test_a_store_opened_while_another_creates_the_database_waits_for_it(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The revisions before the last are committed while the last one runs: a
    # second opener then sees an older revision and must wait, not refuse.
    in_last_revision = threading.Event()
    fill = sources.backfill

    def slow_fill(conn: sa.Connection) -> None:
        fill(conn)
        in_last_revision.set()
        time.sleep(1.0)  # keeps the migration running while the second store opens

    monkeypatch.setattr(sources, "backfill", slow_fill)
    # Alembic's path, as PostgreSQL and older databases take it (a new SQLite file
    # is made in one transaction from the recorded DDL: tracker/store/fast_schema.py)
    monkeypatch.setattr(fast_schema, "create_schema", lambda *_, **__: False)
    first = threading.Thread(target=lambda: open_store(db_url).close())
    first.start()
    assert in_last_revision.wait(60)
    second = open_store(db_url)
    assert second.schema_status().up_to_date
    second.close()
    first.join()
