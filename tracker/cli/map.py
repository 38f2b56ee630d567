"""``tracker map OUT.html``: the journalist map of the stored events."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.app import App
from tracker.cli.common import database_access, filter_options, handle_errors
from tracker.mapping import DEFAULT_TITLE, write_event_map
from tracker.model import EventFilter
from tracker.settings import Access

ENV_MAP_ASSETS = "TRACKER_MAP_ASSETS"


@click.command("map")
@click.argument("out", metavar="OUT.html", type=click.Path(dir_okay=False, path_type=Path))
@filter_options
@click.option("--title", default=DEFAULT_TITLE, show_default=True, help="Title shown on the map.")
@click.option("--description", help="A sentence under the title: what the map shows, caveats.")
@click.option(
    "--boundaries",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Region polygons (GeoJSON, GeoPackage) to shade by the number of events shown.",
)
@click.option(
    "--self-contained",
    is_flag=True,
    help="Inline every script, style and image: the file opens with no network.",
)
@click.option(
    "--assets",
    "asset_dir",
    envvar=ENV_MAP_ASSETS,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with the map's assets for --self-contained: a node_modules folder "
    f"(npm ci) or a HOST/PATH mirror (env {ENV_MAP_ASSETS}). Default: the asset cache.",
)
@click.option("--no-tiles", is_flag=True, help="No background map tiles (no tile requests at all).")
@click.pass_obj
@handle_errors
@database_access(Access.READ)
def map_command(
    app: App,
    out: Path,
    event_filter: EventFilter,
    title: str,
    description: str | None,
    boundaries: Path | None,
    self_contained: bool,
    asset_dir: Path | None,
    no_tiles: bool,
) -> None:
    """Write an interactive HTML map of the stored events to OUT.html.

    The map has a date-range filter with a play button, a legend with a
    toggle and count per event type, markers that show how exact each place
    is, popups with the sentence and every source, and a link that keeps the
    current filters and view. The filters below choose which events go in.

    \b
    Example:
      tracker map out/map.html --since 2022-02-24 --title "Strikes on Kharkiv"
      tracker map out/offline.html --self-contained --assets node_modules \\
          --boundaries geoBoundaries-UKR-ADM1.geojson
    """
    path = write_event_map(
        app.store,
        event_filter,
        out,
        title=title,
        description=description,
        boundaries=boundaries,
        self_contained=self_contained,
        asset_dir=asset_dir,
        tiles=None if no_tiles else "OpenStreetMap",
    )
    count = app.store.count_events(event_filter)
    click.echo(f"Wrote a map of {count} event(s) to {path}", err=True)
    click.echo(str(path))
