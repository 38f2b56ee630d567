"""``tracker events``: list stored events, or count them per day, week, month, region, type."""

from __future__ import annotations

import sys

import click

from tracker.app import App
from tracker.cli.common import database_access, emit, filter_options, handle_errors
from tracker.export.delimited import write_csv
from tracker.export.records import RECORD, json_record
from tracker.model import EventFilter
from tracker.settings import Access

# A short view of the record for reading in a terminal; json/jsonl/csv carry it whole.
TABLE_COLUMNS = (
    "event_id",
    "event_date",
    "sub_event_type",
    "location",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "report_count",
)
TABLE_DEFAULT_LIMIT = 50


@click.command("events")
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="table for reading; json (one array), jsonl or csv for tools.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help=f"At most this many events (table default: {TABLE_DEFAULT_LIMIT}; others: all).",
)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@click.option(
    "--count-by",
    type=click.Choice(["day", "week", "month", "region", "type"]),
    help="Print counts per bucket instead of events (week = its Monday).",
)
@click.pass_obj
@handle_errors
@database_access(Access.READ)
def events(
    app: App,
    event_filter: EventFilter,
    fmt: str,
    limit: int | None,
    offset: int,
    count_by: str | None,
) -> None:
    """List stored events, oldest first (by date, then id), with the shared filters.

    \b
    Example:
      tracker events --since 2024-03-01 --near 49.99,36.23 --radius-km 30
      tracker events --region "Kharkiv Oblast" --type Battles --format csv
      tracker events --count-by week --format json
    """
    if count_by:
        rows = app.store.counts(event_filter, by=count_by)
        emit(({count_by: k, "events": n} for k, n in rows), fmt, columns=(count_by, "events"))
        return
    if fmt == "table" and limit is None:
        limit = TABLE_DEFAULT_LIMIT
        _note_truncation(app, event_filter, limit=limit, offset=offset)
    found = app.store.query_events(event_filter, limit=limit, offset=offset)
    if fmt == "csv":  # the export's CSV writer: same cells, same guard against formulas
        write_csv(found, sys.stdout.buffer, layout=RECORD)
        return
    columns = TABLE_COLUMNS if fmt == "table" else RECORD.names
    emit((json_record(e) for e in found), fmt, columns=columns)


def _note_truncation(app: App, flt: EventFilter, *, limit: int, offset: int) -> None:
    total = app.store.count_events(flt)
    if total > offset + limit:
        click.echo(
            f"Showing {limit} of {total} events from #{offset + 1}; "
            "use --limit/--offset to page, or --format csv for all.",
            err=True,
        )
