"""Schema revisions with Alembic, configured in code from the migrations shipped in the package."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tracker.errors import SchemaMismatch
from tracker.store import fast_schema
from tracker.store.engine import IMMEDIATE, is_sqlite, translated
from tracker.store.schema import ALL_METADATA

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only to migrate or to explain a mismatch: importing it and
# reading the migration scripts cost about 0.3 s, which every command paid just
# to learn that the database was already current.
HEAD_REVISION = "0006"
"""The newest revision under migrations/versions; a test holds it to Alembic's reading."""
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
_OWN_TABLES = frozenset(name for md in ALL_METADATA for name in md.tables)
_PG_LOCK_KEY = 7_245_310_011  # advisory lock id that serialises migrations on PostgreSQL


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    """Where a database stands: its revision, the code's head, and whether it is empty."""

    current: str | None
    head: str
    empty: bool

    @property
    def up_to_date(self) -> bool:
        """True when the database is at the revision this code expects."""
        return self.current == self.head

    @property
    def known(self) -> bool:
        """True when this code knows the database's revision (it is not from a newer tracker)."""
        return self.current is None or self.current in _known_revisions()


def alembic_config() -> Config:
    """Alembic's Config pointing at the migrations inside the installed package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest revision this tracker's code defines (no Alembic import)."""
    return HEAD_REVISION


def scripts_head_revision() -> str:
    """The newest revision as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # only if the package was installed without its migrations
        raise SchemaMismatch(f"no migrations found under {str(MIGRATIONS)!r}; reinstall tracker")
    return head


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def schema_status(engine: Engine) -> SchemaStatus:
    """Read the database's revision (None when it has never been migrated)."""
    from alembic.runtime.migration import MigrationContext

    with translated(engine), engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        names = set(sa.inspect(conn).get_table_names())
    return SchemaStatus(current=current, head=head_revision(), empty=not names & _OWN_TABLES)


def upgrade(engine: Engine, *, revision: str = "head") -> SchemaStatus:
    """Apply every migration up to ``revision``, serialised against other processes."""
    from alembic import command

    with translated(engine), _migration_lock(engine) as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return schema_status(engine)


def ensure_schema(engine: Engine) -> None:
    """Create the schema on an empty database; refuse one at another revision."""
    if at_head(engine) or _create_new_sqlite(engine):
        return
    status = schema_status(engine)
    if status.up_to_date:
        return
    if status.current is None and status.empty:
        upgrade(engine)
        return
    # Another process may be creating this database right now: the revisions
    # before the last are committed while the last one (0006 fills a column)
    # runs. Its migration lock is held until it is done: wait for it, look again.
    status = _status_after_migrations(engine)
    if status.up_to_date:
        return
    raise SchemaMismatch(mismatch_message(engine, status))


def _create_new_sqlite(engine: Engine) -> bool:
    """A new SQLite database gets the schema the migrations would make, from its recorded
    DDL (see :mod:`tracker.store.fast_schema`); False when that path does not apply."""
    if not is_sqlite(engine):
        return False
    with translated(engine), _migration_lock(engine) as conn, conn.begin():
        # checked under the lock: a database with anything in it takes the plain path
        if conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one():
            return False
        return fast_schema.create_schema(conn, revision=head_revision())


def _status_after_migrations(engine: Engine) -> SchemaStatus:
    """The schema status once no other process holds the migration lock."""
    with translated(engine), _migration_lock(engine) as conn, conn.begin():
        pass  # SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock: taken, given back
    return schema_status(engine)


def at_head(engine: Engine) -> bool:
    """True when the database's one recorded revision is :data:`HEAD_REVISION` (plain SQL)."""
    with translated(engine), engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return False
        rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows == [head_revision()]


def mismatch_message(engine: Engine, status: SchemaStatus) -> str:
    """Why the database cannot be used as it is, and what to run."""
    where = engine.url.render_as_string(hide_password=True)
    if status.current is None:
        return (
            f"the database {where!r} holds tables but no tracker schema revision; "
            "it was not made by tracker. Use an empty database or another --db"
        )
    if not status.known:
        return (
            f"the database {where!r} is at schema revision {status.current!r}, newer than "
            f"this tracker ({status.head!r}); upgrade tracker (pip install -U conflict-tracker)"
        )
    return (
        f"the database {where!r} is at schema revision {status.current!r} but this tracker "
        f"needs {status.head!r}; run `tracker --db {where} db upgrade` first"
    )


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[sa.Connection]:
    # Two processes opening a fresh database at once must not both create it:
    # SQLite's BEGIN IMMEDIATE and a PostgreSQL advisory lock make them take turns,
    # and Alembic then finds the work already done.
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn = conn.execution_options(**{IMMEDIATE: True})
            yield conn
            return
        conn.execute(sa.select(sa.func.pg_advisory_lock(_PG_LOCK_KEY)))
        conn.commit()
        try:
            yield conn
        finally:
            conn.rollback()
            conn.execute(sa.select(sa.func.pg_advisory_unlock(_PG_LOCK_KEY)))
            conn.commit()
