"""The ``tracker`` command: thin commands over the Python API.

Each sub-command lives in its own module and only parses options, calls the
API and prints. Errors become one ``Error:`` line (see ``common.handle_errors``).
"""

from __future__ import annotations

import gc

import click

from tracker.app import App
from tracker.cli.db import db
from tracker.cli.demo import demo
from tracker.cli.evalnews import eval_news
from tracker.cli.events import events
from tracker.cli.export import export
from tracker.cli.extract import eval_extract, extract
from tracker.cli.gazetteer import eval_geocode, gazetteer
from tracker.cli.ingest import ingest
from tracker.cli.map import map_command
from tracker.cli.serve import serve
from tracker.cli.sources import sources
from tracker.settings import ENV_DB, default_db_url


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    "db_url",
    envvar=ENV_DB,
    default=None,
    metavar="URL",
    help="SQLAlchemy database URL (env TRACKER_DB). Default: a SQLite file under "
    "$TRACKER_HOME or ~/.local/share/tracker/.",
)
@click.version_option(package_name="conflict-tracker")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None) -> None:
    """Turn news articles into dated, geocoded conflict events; map and export them.

    \b
    Example:
      tracker ingest articles/ --published 2022-04-12
      tracker map out/map.html && tracker export out/events.geojson
    """
    app = App(db_url or default_db_url())
    ctx.obj = app
    ctx.call_on_close(app.close)


@cli.group("eval")
def eval_group() -> None:
    """Measure geocoding and extraction against a set with known answers.

    \b
    Example:
      tracker eval geocode devset/events.csv
    """


for command in (ingest, extract, events, map_command, export, gazetteer, db, demo, serve, sources):
    cli.add_command(command)
eval_group.add_command(eval_geocode, "geocode")
eval_group.add_command(eval_extract, "extract")
eval_group.add_command(eval_news, "news")


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="tracker")
    finally:
        # The process ends here. Python's last collections would walk everything the
        # command left (0.1 s for most, 0.2-0.3 s after a gazetteer load, measured in
        # docs/benchmarks.md) to free memory the OS takes back anyway; frozen objects
        # are skipped. Reference counting still frees what it frees, atexit hooks still
        # run; only objects caught in reference cycles are left to the OS.
        gc.freeze()
