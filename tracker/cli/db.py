"""``tracker db``: create, upgrade and inspect the database schema."""

from __future__ import annotations

import click

from tracker.app import App
from tracker.cli.common import database_access, handle_errors
from tracker.settings import Access


@click.group("db")
def db() -> None:
    """Create, upgrade and inspect the database schema (migrations).

    Every command refuses a database at another schema revision; after
    installing a newer tracker, run `tracker db upgrade` once.

    \b
    Example:
      tracker --db sqlite:///news.db db upgrade
      tracker db status
      tracker db reindex
    """


@db.command("upgrade")
@click.pass_obj
@handle_errors
def upgrade(app: App) -> None:
    """Create the schema on an empty database or migrate it to this tracker's revision.

    Safe to run again, and from several machines at once.

    \b
    Example:
      tracker --db postgresql+psycopg://tracker:secret@dbhost/tracker db upgrade
    """
    from tracker.store import upgrade_database

    before, after = upgrade_database(app.db_url)
    if before.current == after.current:
        click.echo(f"Already at revision {after.current} (the newest); nothing to do.")
    else:
        click.echo(f"Upgraded from {before.current or 'an empty database'} to {after.current}.")


@db.command("status")
@click.pass_obj
@handle_errors
def status(app: App) -> None:
    """Show the database's schema revision and whether it needs `tracker db upgrade`.

    Exits with 1 when the database needs an upgrade (handy in scripts).

    \b
    Example:
      tracker db status
    """
    from tracker.store import database_status, safe_url

    state = database_status(app.db_url)
    click.echo(f"Database: {safe_url(app.db_url)}")
    click.echo(f"Revision: {state.current or '(none: empty database)'}")
    click.echo(f"Tracker:  {state.head}")
    if state.up_to_date:
        click.echo("Up to date.")
    elif state.current is None and state.empty:
        click.echo("Empty: the first command that needs it creates the schema (or run db upgrade).")
    elif not state.known:
        click.echo("Newer than this tracker: upgrade tracker.", err=True)
        raise SystemExit(1)
    else:
        click.echo("Needs `tracker db upgrade`.", err=True)
        raise SystemExit(1)


@db.command("reindex")
@click.pass_obj
@handle_errors
@database_access(Access.WRITE)
def reindex(app: App) -> None:
    """Rebuild the spatial index from the stored events.

    On SQLite the R*Tree is rebuilt packed, which makes box and radius
    searches faster after months of hourly ingest, and it indexes anything an
    interrupted bulk import left waiting (queries find those events anyway).
    On PostGIS the GiST index is rebuilt. Other writers wait meanwhile.

    \b
    Example:
      tracker db reindex
    """
    located = app.store.reindex()
    click.echo(f"Spatial index rebuilt: {located:,} located events.")
