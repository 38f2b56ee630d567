"""``tracker demo``: the main job on the bundled example articles."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import handle_errors


@click.command("demo")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the demo's database, map and GeoJSON file.",
)
@handle_errors
def demo(out_dir: Path) -> None:
    """Ingest the bundled example articles, then write a map and a GeoJSON file.

    The demo keeps its own database in the --out folder (tracker.db), never
    the one given by --db, so your events and the examples stay apart. It
    uses the built-in gazetteer and no network; running it again adds nothing.

    \b
    Example:
      tracker demo --out out/
    """
    from tracker.demo import run_demo

    result = run_demo(out_dir=out_dir)
    click.echo(result.summary.describe(), err=True)
    click.echo(f"Database: {result.db_path}")
    click.echo(f"Map:      {result.map_path.resolve()}")
    click.echo(f"GeoJSON:  {result.geojson_path.resolve()} ({result.event_count} events)")
