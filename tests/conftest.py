"""Shared fixtures: real databases for the storage tests (SQLite and PostgreSQL + PostGIS).

PostgreSQL comes from, in order:
1. ``TRACKER_TEST_PG_URL`` (CI sets it): a server where the role may create databases;
2. pytest-postgresql launching the installed server binaries (not as root: initdb refuses);
3. nothing: the tests skip, saying how to enable them; when ``CI`` is set they fail instead.

Each test gets its own throw-away database, cloned from a session template that
already has PostGIS (``CREATE EXTENSION postgis`` once, not once per test).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

ENV_PG = "TRACKER_TEST_PG_URL"
HOW_TO_ENABLE = (
    f"PostgreSQL tests need a server: set {ENV_PG}="
    "postgresql+psycopg://USER:PASS@127.0.0.1:5432/DB (a role that may CREATE DATABASE, "
    "with PostGIS installed), or install PostgreSQL + PostGIS and run as a non-root user"
)

try:  # pytest-postgresql launches a private server from the installed binaries
    from pytest_postgresql import factories

    postgresql_proc = factories.postgresql_proc(port=None)
except ImportError:  # pragma: no cover - the test extra installs it
    factories = None


def _admin(url: URL) -> sa.Engine:
    return sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


def _unreachable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the PostgreSQL tests, but {reason}. {HOW_TO_ENABLE}")
    pytest.skip(f"{reason}. {HOW_TO_ENABLE}")


def _server_url(request: pytest.FixtureRequest) -> URL:
    if os.environ.get(ENV_PG):
        return sa.make_url(os.environ[ENV_PG])
    if factories is None:
        _unreachable("pytest-postgresql is not installed")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        _unreachable(f"{ENV_PG} is not set and initdb refuses to run as root")
    try:
        proc = request.getfixturevalue("postgresql_proc")
    except Exception as err:  # noqa: BLE001 - any failure to start means "no server here"
        _unreachable(f"{ENV_PG} is not set and no server could be started ({err})")
    return URL.create(
        "postgresql+psycopg",
        username=proc.user,
        password=proc.password or None,
        host=proc.host,
        port=proc.port,
        database=proc.dbname,
    )


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> URL:
    """The URL of a PostgreSQL server database where the role may create databases."""
    return _server_url(request)


@pytest.fixture(scope="session")
def pg_template(pg_server: URL) -> Iterator[URL]:
    """A session database with PostGIS, used as the template of every test database."""
    server = pg_server
    name = f"trk_tmpl_{uuid.uuid4().hex[:10]}"
    admin = _admin(server)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as err:
        _unreachable(f"cannot reach PostgreSQL at {server.render_as_string()!r} ({err.orig})")
    template = server.set(database=name)
    with _admin(template).connect() as conn:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
    yield template
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@contextmanager
def _fresh_database(server: URL, template: URL) -> Iterator[str]:
    name = f"trk_{uuid.uuid4().hex[:12]}"
    admin = _admin(server)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template.database}"')
    yield template.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def pg_url(pg_server: URL, pg_template: URL) -> Iterator[str]:
    """A fresh, empty PostgreSQL + PostGIS database for one test; dropped afterwards."""
    with _fresh_database(pg_server, pg_template) as url:
        yield url


@pytest.fixture
def pg_url_2(pg_server: URL, pg_template: URL) -> Iterator[str]:
    """A second fresh database for the same test (a reference run beside ``pg_url``)."""
    with _fresh_database(pg_server, pg_template) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, once for SQLite (a file in tmp_path) and once for PostGIS."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tracker.db'}"
    return request.getfixturevalue("pg_url")
