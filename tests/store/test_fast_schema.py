"""A new SQLite database's schema from the recorded DDL agrees with Alembic's migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from tracker.store import fast_schema, open_store
from tracker.store.engine import create_engine
from tracker.store.migrate import HEAD_REVISION, upgrade

RECORD = 'python -c "from tracker.store.fast_schema import main; main()"'


def _schema(engine: sa.Engine) -> list[tuple]:
    with engine.connect() as conn:
        master = conn.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).all()
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    return [*map(tuple, master), *map(tuple, version)]


def _migrated(path: Path) -> sa.Engine:
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)  # the plain path: Alembic runs every migration
    return engine


def test_the_recorded_script_is_what_the_migrations_make_today(tmp_path: Path) -> None:
    engine = _migrated(tmp_path / "alembic.db")
    recorded = fast_schema.SCRIPT.read_text(encoding="utf-8")
    assert fast_schema.recorded_revision(recorded) == HEAD_REVISION, f"record it again: {RECORD}"
    assert fast_schema.record_schema(engine) == recorded, f"record it again: {RECORD}"
    engine.dispose()


def test_a_new_database_gets_the_same_schema_either_way(tmp_path: Path) -> None:
    alembic = _migrated(tmp_path / "alembic.db")
    store = open_store(f"sqlite:///{tmp_path / 'fast.db'}")
    assert _schema(store.engine) == _schema(alembic)
    assert store.schema_status().up_to_date
    store.close()
    alembic.dispose()


def test_a_new_database_is_made_without_alembic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("Alembic ran for a new SQLite database")

    monkeypatch.setattr("tracker.store.migrate.upgrade", refuse)
    monkeypatch.setattr("tracker.store.migrate.schema_status", refuse)
    open_store(f"sqlite:///{tmp_path / 'new.db'}").close()


def test_a_script_of_another_revision_is_left_to_alembic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = tmp_path / "older.sql"
    script = fast_schema.SCRIPT.read_text(encoding="utf-8")
    older.write_text(script.replace(f"revision {HEAD_REVISION}", "revision 0001", 1))
    monkeypatch.setattr(fast_schema, "SCRIPT", older)
    store = open_store(f"sqlite:///{tmp_path / 'new.db'}")
    assert store.schema_status().up_to_date  # Alembic made it
    store.close()


def test_trigger_bodies_stay_whole_when_the_script_is_split() -> None:
    script = "-- revision 9\nCREATE TABLE t (a);\nCREATE TRIGGER g AFTER INSERT ON t BEGIN\n"
    script += "DELETE FROM t WHERE a = 1; DELETE FROM t WHERE a = 2; END;\n"
    assert fast_schema.statements(script) == [
        "CREATE TABLE t (a)",
        "CREATE TRIGGER g AFTER INSERT ON t BEGIN\n"
        "DELETE FROM t WHERE a = 1; DELETE FROM t WHERE a = 2; END",
    ]
