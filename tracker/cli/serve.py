"""``tracker serve``: the live newsroom server (OGC API - Features, map, source health)."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.app import App
from tracker.cli.common import database_access, handle_errors, parse_probability
from tracker.cli.map import ENV_MAP_ASSETS
from tracker.settings import Access


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--title", default="Conflict events", show_default=True, help="The map's title.")
@click.option(
    "--tiles",
    help="Background tiles for the map: a Folium name (OpenStreetMap) or a URL template. "
    "Default: none, so the map page talks to this server only.",
)
@click.option(
    "--boundaries",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Region polygons (GeoJSON, GeoPackage) for the map's shading.",
)
@click.option(
    "--assets",
    "asset_dir",
    envvar=ENV_MAP_ASSETS,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help=f"The map's scripts and styles: a node_modules folder (npm ci) or a HOST/PATH mirror "
    f"(env {ENV_MAP_ASSETS}). Default: ./node_modules when present, else the asset cache.",
)
@click.option(
    "--hide-below",
    metavar="P",
    default="0.5",
    show_default=True,
    help="The map hides events below this confidence until the reader asks.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes, each with its own database connections; about one per core.",
)
@click.option(
    "--max-map-events",
    type=click.IntRange(min=1),
    default=50_000,
    show_default=True,
    help="Most events one map page carries; the default period is cut to fit.",
)
@click.pass_obj
@handle_errors
@database_access(Access.READ)
def serve(
    app: App,
    host: str,
    port: int,
    title: str,
    tiles: str | None,
    boundaries: Path | None,
    asset_dir: Path | None,
    hide_below: str,
    workers: int,
    max_map_events: int,
) -> None:
    """Serve the events read-only over HTTP until stopped (Ctrl-C or SIGTERM).

    OGC API - Features at / (GeoJSON pages, CSV and GeoJSON sequences that
    stream), the live map at /map, source health at /health and /sources.
    QGIS: Layer > Add WFS / OGC API - Features layer, URL http://HOST:PORT/.

    \b
    Example:
      tracker serve --host 127.0.0.1 --port 8000
      curl 'http://127.0.0.1:8000/collections/events/items?bbox=30,50,31,51&datetime=2024-03-01/..'
    """
    from tracker.serve import ServeOptions, create_app, run_server, run_workers
    from tracker.serve.mappage import MapOptions

    local = Path("node_modules")
    options = ServeOptions(
        map=MapOptions(
            title=title,
            tiles=tiles,
            boundaries=boundaries,
            asset_dir=asset_dir or (local if local.is_dir() else None),
            hide_below=parse_probability(hide_below, option="--hide-below") or 0.0,
            max_events=max_map_events,
        )
    )
    url = app.store.engine.url  # opening the store checks the database before serving
    click.echo(f"Serving {url.render_as_string()} on http://{host}:{port}/", err=True)
    if workers == 1:
        run_server(create_app(app.store, options=options), host=host, port=port)
        return
    app.close()  # each worker opens its own connections
    full = url.render_as_string(hide_password=False)
    run_workers(full, options, host=host, port=port, workers=workers)
