"""Engines per URL (SQLite pragmas, PostgreSQL timeouts) and database error translation.

How a command opens the database is its :class:`~tracker.settings.Access`: only commands that
store something may create a SQLite file (and its folder); commands that only
read refuse a missing file, so a mistyped ``--db`` path is an error rather than
an empty answer, and open the file read-only, so they work on a database in a
read-only folder.
"""

from __future__ import annotations

import functools
import json
import math
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import StaticPool

from tracker.errors import (
    ConfigError,
    DatabaseUnavailable,
    ReadOnlyDatabase,
    StorageError,
)
from tracker.settings import Access

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG); the same in SQL on both engines
BUSY_TIMEOUT_S = 30.0  # how long a SQLite writer waits for another writer before failing
IMMEDIATE = "tracker_immediate"  # execution option: take SQLite's write lock at BEGIN

COMPACT_JSON = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
"""How JSON columns are written: the form exports write, so bulk reads pass them through."""
_URL_HELP = "use sqlite:///path/to/tracker.db or postgresql+psycopg://user:pass@host/dbname"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on the mean-radius sphere, in kilometres.

    >>> round(haversine_km(50.45, 30.52, 49.99, 36.23))
    409
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _sql_haversine(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> float | None:
    if None in (lat1, lon1, lat2, lon2):
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


def parse_url(url: str) -> URL:
    """A SQLAlchemy URL for a supported engine, or ConfigError saying what to write."""
    try:
        parsed = sa.make_url(url)
    except exc.ArgumentError as err:
        raise ConfigError(f"database URL {url!r} cannot be parsed; {_URL_HELP}") from err
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"database URL {url!r} names an unsupported engine "
            f"{parsed.get_backend_name()!r}; {_URL_HELP}"
        )
    return parsed


def create_engine(url: str, *, access: Access = Access.CREATE) -> Engine:
    """An engine for ``url`` set up for the tracker's workload (see module docstring).

    Raises DatabaseUnavailable when ``access`` is not CREATE and the SQLite
    file ``url`` names does not exist (nothing is created).

    >>> create_engine("sqlite:////no/such/folder/tracker.db", access=Access.READ)
    Traceback (most recent call last):
    ...
    tracker.errors.DatabaseUnavailable: no database at '/no/such/folder/tracker.db'; ...
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, access=access)
    return _postgres_engine(parsed, access=access)


def missing_sqlite_file(url: str) -> Path | None:
    """The SQLite file ``url`` names when it does not exist; None otherwise (or not a file).

    >>> missing_sqlite_file("sqlite:////no/such/folder/tracker.db")
    PosixPath('/no/such/folder/tracker.db')
    >>> missing_sqlite_file("sqlite://") is None
    True
    """
    parsed = parse_url(url)
    path = _sqlite_file(parsed) if parsed.get_backend_name() == "sqlite" else None
    return path if path is not None and not path.exists() else None


def _sqlite_file(url: URL) -> Path | None:
    database = url.database or ""
    if database in ("", ":memory:") or "mode=memory" in str(url) or url.query.get("uri"):
        return None  # in memory, or a URI the user spelled out (its own mode and path)
    return Path(database).expanduser()


def is_sqlite(engine: Engine) -> bool:
    """True when ``engine`` talks to SQLite."""
    return engine.dialect.name == "sqlite"


def _sqlite_engine(url: URL, *, access: Access) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or "mode=memory" in str(url)
    path = _sqlite_file(url)
    if path is not None:
        _check_file(path, access=access)
    kwargs: dict[str, Any] = {
        "connect_args": {"timeout": BUSY_TIMEOUT_S},
        "json_serializer": COMPACT_JSON,
    }
    if in_memory:
        # One shared connection, or every checkout would see its own empty database.
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif path is not None and access is Access.READ:
        kwargs["creator"] = functools.partial(_connect_read_only, path)
    try:
        engine = sa.create_engine(url, **kwargs)
    except exc.NoSuchModuleError as err:
        raise ConfigError(f"database URL {str(url)!r}: unknown driver; {_URL_HELP}") from err
    on_connect = functools.partial(_on_sqlite_connect, read_only=access is Access.READ)
    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _check_file(path: Path, *, access: Access) -> None:
    if path.is_dir():
        raise DatabaseUnavailable(
            f"{str(path)!r} is a folder, not a database file; name a file in it, "
            f"e.g. --db sqlite:///{path / 'tracker.db'}"
        )
    if access is Access.CREATE:
        _ensure_parent(path)
    elif not path.exists():
        raise DatabaseUnavailable(
            f"no database at {str(path)!r}; nothing was created. Check the path in --db or "
            "TRACKER_DB, or store events there first with `tracker ingest`"
        )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``): works on a file and folder nobody may write."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # the first read opens the WAL index
    except sqlite3.OperationalError:
        # A WAL database in a folder that cannot be written has no shared-memory
        # index and cannot get one; then no process can be writing it either, so
        # reading the file as immutable is safe.
        conn.close()
        uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    return conn


def _ensure_parent(path: Path) -> None:
    try:
        path.expanduser().parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DatabaseUnavailable(
            f"cannot create the folder for the database {str(path)!r}: {err.strerror}; "
            "choose a writable place with --db sqlite:///path/to/tracker.db"
        ) from err


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any, *, read_only: bool) -> None:
    # Driver-level autocommit: SQLAlchemy's "begin" hook below issues BEGIN itself,
    # which makes DDL transactional and lets writers take the lock up front.
    dbapi_conn.isolation_level = None
    dbapi_conn.create_function("tracker_haversine_km", 4, _sql_haversine, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    cur.execute("PRAGMA foreign_keys = ON")
    # 64 MiB of page cache: index pages of a million events stay in memory.
    cur.execute("PRAGMA cache_size = -65536")
    if read_only:
        cur.execute("PRAGMA query_only = ON")  # belt and braces: mode=ro already refuses writes
        cur.close()
        return
    try:
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.OperationalError:
        pass  # a read-only file keeps its journal mode; writes will say why they fail
    cur.close()


def _on_sqlite_begin(conn: sa.Connection) -> None:
    # BEGIN IMMEDIATE for writers: two writers never both read then try to upgrade
    # their lock (which would fail one of them with "database is locked").
    mode = "IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _postgres_engine(url: URL, *, access: Access) -> Engine:
    connect_args: dict[str, Any] = {"connect_timeout": 10}
    if access is Access.READ:
        connect_args["options"] = "-c default_transaction_read_only=on"
    try:
        return sa.create_engine(
            url, pool_pre_ping=True, connect_args=connect_args, json_serializer=COMPACT_JSON
        )
    except (exc.NoSuchModuleError, exc.ArgumentError) as err:
        raise ConfigError(
            f"database URL {url.render_as_string(hide_password=True)!r}: unknown driver; "
            f"{_URL_HELP} (pip install 'psycopg[binary]')"
        ) from err


@contextmanager
def translated(engine: Engine) -> Iterator[None]:
    """Turn SQLAlchemy/driver errors into the tracker's StorageError tree."""
    try:
        yield
    except exc.SQLAlchemyError as err:
        raise translate_error(err, engine) from err


def translate_error(err: exc.SQLAlchemyError, engine: Engine) -> StorageError:
    """The StorageError that says what ``err`` means for the user and how to fix it."""
    where = engine.url.render_as_string(hide_password=True)
    text = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
    low = text.lower()
    if "readonly" in low or "read-only" in low or "read only" in low:
        return ReadOnlyDatabase(
            f"the database {where!r} is read-only ({text}); nothing was written. "
            "Point --db at a writable database or fix its permissions"
        )
    if "disk is full" in low or "no space left" in low or "could not extend" in low:
        return StorageError(
            f"the disk under {where!r} is full ({text}); nothing was written. "
            "Free some space and run the same command again"
        )
    if isinstance(err, exc.OperationalError | exc.InterfaceError) and _is_connect_error(low):
        return DatabaseUnavailable(
            f"cannot open the database {where!r}: {text}. Check that the server is "
            "running and the URL, user and password are right (--db or TRACKER_DB)"
        )
    if "database is locked" in low:
        return StorageError(
            f"the database {where!r} stayed locked by another writer for "
            f"{BUSY_TIMEOUT_S:.0f} s; try again when the other job has finished"
        )
    return StorageError(f"the database {where!r} failed: {text}")


def _is_connect_error(low: str) -> bool:
    markers = (
        "unable to open database",
        "connection refused",
        "could not connect",
        "connection failed",
        "does not exist",
        "password authentication failed",
        "timeout expired",
        "name or service not known",
        "no such host",
    )
    return any(m in low for m in markers)


def safe_url(url: str) -> str:
    """``url`` with any password masked, for messages and logs."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return url
