"""``tracker map OUT.html``: the journalist map of the stored events."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from tracker.app import App
from tracker.cli.common import database_access, filter_options, handle_errors, parse_probability
from tracker.mapping import DEFAULT_HIDE_BELOW, DEFAULT_TITLE
from tracker.model import EventFilter
from tracker.settings import Access

ENV_MAP_ASSETS = "TRACKER_MAP_ASSETS"
OSM_TILES = "OpenStreetMap"


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
    "--cdn",
    is_flag=True,
    help="Link Leaflet from its CDN instead of inlining it: a smaller file that needs "
    "the network to open.",
)
@click.option("--self-contained", is_flag=True, hidden=True, help="The default now; ignored.")
@click.option(
    "--assets",
    "asset_dir",
    envvar=ENV_MAP_ASSETS,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder to take Leaflet from instead of the installed package: a node_modules "
    f"folder (npm ci) or a HOST/PATH mirror (env {ENV_MAP_ASSETS}).",
)
@click.option(
    "--tiles",
    "tiles",
    flag_value=OSM_TILES,
    default=None,
    help="Draw OpenStreetMap tiles over the built-in basemap (fetched online by the reader).",
)
@click.option("--no-tiles", is_flag=True, hidden=True, help="The default now; ignored.")
@click.option(
    "--hide-below",
    metavar="P",
    default=str(DEFAULT_HIDE_BELOW),
    show_default=True,
    help="Hide events with a confidence below P until the reader ticks "
    '"Show low-confidence events"; 0 shows all and leaves the switch out.',
)
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
    cdn: bool,
    self_contained: bool,
    asset_dir: Path | None,
    tiles: str | None,
    no_tiles: bool,
    hide_below: str,
) -> None:
    """Write an interactive HTML map of the stored events to OUT.html.

    The file opens with no network: Leaflet is inlined from an installed
    package and a basemap of oblasts and cities ships inside it. It has a
    date-range filter with a play button, a legend with a toggle and count
    per event type, an event list with text search, popups with the sentence,
    the claim and every source, a link per event (#event=ID), share, embed and
    print buttons, and a link that keeps the current filters and view. The
    filters below choose which events go in; of those, events with a
    confidence below --hide-below start hidden, behind a switch that shows
    them and says how many it hides.

    \b
    Example:
      tracker map out/map.html --since 2022-02-24 --title "Strikes on Kharkiv"
      tracker map out/likely.html --min-confidence 0.3 --hide-below 0.7
      tracker map out/online.html --tiles --boundaries geoBoundaries-UKR-ADM1.geojson
    """
    threshold = parse_probability(hide_below, option="--hide-below")
    from tracker.mapping import write_event_map  # geopandas and folium: only for this command

    path = write_event_map(
        app.store,
        event_filter,
        out,
        title=title,
        description=description,
        boundaries=boundaries,
        cdn=cdn,
        asset_dir=asset_dir,
        tiles=None if no_tiles else tiles,
        hide_below=threshold or 0.0,
    )
    count = app.store.count_events(event_filter)
    hidden = _hidden_at_first(app, event_filter, threshold or 0.0, count=count)
    click.echo(f"Wrote a map of {count} event(s){hidden} to {path}", err=True)
    click.echo(str(path))


def _hidden_at_first(app: App, flt: EventFilter, threshold: float, *, count: int) -> str:
    """The stderr line's ", N below confidence P start hidden" part, or nothing."""
    if not threshold:
        return ""
    stricter = replace(flt, min_confidence=max(threshold, flt.min_confidence or 0.0))
    hidden = count - app.store.count_events(stricter)
    return f", {hidden} below confidence {threshold:g} start hidden" if hidden else ""
