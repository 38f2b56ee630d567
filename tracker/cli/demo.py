"""``tracker demo``: the main job on the bundled example articles."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.app import App
from tracker.cli.common import handle_errors


@click.command("demo")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the map and the GeoJSON file.",
)
@click.pass_obj
@handle_errors
def demo(app: App, out_dir: Path) -> None:
    """Ingest the bundled example articles, then write a map and a GeoJSON file.

    Uses the database given by --db (default: the SQLite file under
    ~/.local/share/tracker/), the built-in gazetteer and no network.

    \b
    Example:
      tracker demo --out out/
    """
    from tracker.demo import run_demo

    result = run_demo(app, out_dir=out_dir)
    click.echo(result.summary.describe(), err=True)
    click.echo(f"Database: {app.db_url}")
    click.echo(f"Map:      {result.map_path.resolve()}")
    click.echo(f"GeoJSON:  {result.geojson_path.resolve()} ({result.event_count} events)")
