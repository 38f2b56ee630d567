"""``tracker db upgrade`` and ``tracker db status`` through the CLI."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from tracker.cli import cli
from tracker.store.migrate import head_revision


def test_upgrade_creates_then_reports_nothing_to_do(db_url: str) -> None:
    runner = CliRunner()
    if db_url.startswith("sqlite:///"):  # an empty database (a missing file is refused)
        Path(db_url.removeprefix("sqlite:///")).touch()
    status = runner.invoke(cli, ["--db", db_url, "db", "status"])
    assert status.exit_code == 0 and "Empty" in status.stdout
    first = runner.invoke(cli, ["--db", db_url, "db", "upgrade"])
    assert first.exit_code == 0, first.output
    assert f"to {head_revision()}" in first.stdout
    again = runner.invoke(cli, ["--db", db_url, "db", "upgrade"])
    assert "nothing to do" in again.stdout
    done = runner.invoke(cli, ["--db", db_url, "db", "status"])
    assert done.exit_code == 0 and "Up to date" in done.stdout


def test_status_hides_the_password() -> None:
    result = CliRunner().invoke(
        cli, ["--db", "postgresql+psycopg://u:hunter2@127.0.0.1:1/x", "db", "status"]
    )
    assert result.exit_code == 1
    assert "hunter2" not in result.output and result.stderr.startswith("Error: ")


def test_commands_refuse_a_database_from_a_newer_tracker(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    runner = CliRunner()
    runner.invoke(cli, ["--db", url, "db", "upgrade"])
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_future'")
    engine.dispose()
    events = runner.invoke(cli, ["--db", url, "events"])
    assert events.exit_code == 1 and "upgrade tracker" in events.stderr
    status = runner.invoke(cli, ["--db", url, "db", "status"])
    assert status.exit_code == 1 and "Newer than this tracker" in status.output
    upgrade = runner.invoke(cli, ["--db", url, "db", "upgrade"])
    assert upgrade.exit_code == 1 and "newer than this tracker" in upgrade.stderr
