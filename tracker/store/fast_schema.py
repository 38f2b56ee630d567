"""A new SQLite database's schema from its recorded DDL, without Alembic: a measured speed-up.

Creating the schema of an empty database through Alembic means importing
Alembic and geoalchemy2 (which pulls in shapely), reading the migration scripts
and running them one by one: about 0.2 s CPU, a twentieth of ``tracker
gazetteer load`` of the Ukraine dump into a new file. The schema those
migrations leave on SQLite is recorded once as plain DDL in ``sqlite_head.sql``
(the ``sqlite_master`` statements in creation order, then the revision row), and
a new SQLite database runs that script in one transaction instead.

The plain path is :func:`tracker.store.migrate.upgrade`, still what every other
case takes (PostgreSQL, a database at an older revision, a script recorded at
another revision than :data:`~tracker.store.migrate.HEAD_REVISION`).
``tests/store/test_fast_schema.py`` checks that the recorded script is exactly
what the migrations make today and that both paths leave the same schema.
After a new migration, record the script again::

    python -c "from tracker.store.fast_schema import main; main()"
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

SCRIPT = Path(__file__).resolve().with_name("sqlite_head.sql")
_REVISION_LINE = "-- revision "
# SQLite makes these itself (the R*Tree's shadow tables, the implicit key indexes).
_MADE_BY_SQLITE = ("sqlite_", "events_rtree_rowid", "events_rtree_node", "events_rtree_parent")


def recorded_revision(script: str) -> str | None:
    """The revision a recorded script was made at (its first line), or None."""
    first = script.partition("\n")[0]
    return first.removeprefix(_REVISION_LINE) if first.startswith(_REVISION_LINE) else None


def statements(script: str) -> list[str]:
    """The script's statements, one each (a trigger's body holds semicolons of its own)."""
    found, pending = [], ""
    for line in script.splitlines(keepends=True):
        if not pending and line.startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip().removesuffix(";"))
            pending = ""
    return found


def create_schema(conn: Connection, *, revision: str) -> bool:
    """Run the recorded script in ``conn``'s transaction when it is at ``revision``.

    False (nothing done) when the script is missing or recorded at another
    revision: the caller migrates with Alembic then. The caller holds the
    migration lock and has checked the database is empty.
    """
    try:
        script = SCRIPT.read_text(encoding="utf-8")
    except OSError:
        return False
    if recorded_revision(script) != revision:
        return False
    for statement in statements(script):
        conn.exec_driver_sql(statement)
    return True


def record_schema(engine: Engine) -> str:
    """The script of the schema in the SQLite database ``engine`` (made by the migrations)."""
    with engine.connect() as conn:
        revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).all()
    ddl = [f"{sql};\n" for name, sql in rows if not name.startswith(_MADE_BY_SQLITE)]
    # the revision is one of our migrations' ids ("0006"), written into a file we ship
    row = f"INSERT INTO alembic_version (version_num) VALUES ('{revision}');\n"  # noqa: S608
    return f"{_REVISION_LINE}{revision}\n" + "".join(ddl) + row


def main() -> None:
    """Migrate an in-memory database with Alembic and record its schema in :data:`SCRIPT`."""
    from tracker.store.engine import create_engine
    from tracker.store.migrate import upgrade

    engine = create_engine("sqlite://")
    upgrade(engine)
    SCRIPT.write_text(record_schema(engine), encoding="utf-8")
    print(f"recorded the schema at revision {recorded_revision(SCRIPT.read_text())} in {SCRIPT}")
