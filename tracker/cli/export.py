"""``tracker export OUT``: stored events to a file analysts can load anywhere."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.app import App
from tracker.cli.common import database_access, filter_options, handle_errors
from tracker.errors import ExportError
from tracker.export import FORMATS, ExportMetadata, choose_format, export_store
from tracker.model import EventFilter
from tracker.settings import Access

_FORMAT_HELP = "Output format: " + ", ".join(FORMATS) + ". Default: from the extension of OUT."


@click.command("export")
@click.argument("out", metavar="OUT")
@click.option("--format", "fmt", metavar="FORMAT", help=_FORMAT_HELP)
@click.option(
    "--acled", is_flag=True, help="ACLED's column names and order (event_id_cnty, year, ...)."
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Write even when no event matches and OUT already holds an export.",
)
@filter_options
@click.pass_obj
@handle_errors
@database_access(Access.READ)
def export(
    app: App, out: str, fmt: str | None, acled: bool, allow_empty: bool, event_filter: EventFilter
) -> None:
    """Write stored events to OUT as GeoJSON, GeoJSON sequences, CSV, GeoPackage,
    GeoParquet or Shapefile; `-` writes a text format to standard output.

    Output is in a stable order with stable ids, written to a temporary file
    and renamed at the end, so a scheduled job never leaves half a file.
    Use --changed-since to export only what was added or changed since then.
    An export with no events never replaces a non-empty OUT unless --allow-empty
    is given: an empty answer usually means a wrong --db or filter.

    \b
    Example:
      tracker export out/events.geojson --since 2022-04-01 --region "Kyiv Oblast"
      tracker export out/events.parquet --acled
      tracker export - --format geojsonl --changed-since 2024-03-01T00:00:00 | jq .id
    """
    choose_format(out, fmt=fmt)  # a bad name or extension fails before the database opens
    if not allow_empty:
        _refuse_emptying(app, out, event_filter)
    metadata = ExportMetadata(filters=event_filter)
    result = export_store(app.store, event_filter, out, fmt=fmt, metadata=metadata, acled=acled)
    where = "standard output" if result.path is None else str(result.path)
    click.echo(
        f"Wrote {result.count} event(s) ({result.located} located) as {result.format} to {where}",
        err=True,
    )


def _refuse_emptying(app: App, out: str, event_filter: EventFilter) -> None:
    target = Path(out)
    if out == "-" or not target.is_file() or target.stat().st_size == 0:
        return
    if app.store.count_events(event_filter) == 0:
        raise ExportError(
            f"no stored event matches, and writing would replace {out!r} "
            f"({target.stat().st_size:,} bytes) with an empty export; check --db and "
            "the filters, or pass --allow-empty to write it anyway"
        )
