"""``tracker events``: list stored events, or count them per day, week, month, region, type."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from tracker.app import App
from tracker.cli.common import database_access, emit, filter_options, handle_errors
from tracker.model import Event, EventFilter
from tracker.settings import Access

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
# ACLED's names first, in ACLED's order, then ours.
ALL_COLUMNS = (
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "notes",
    "fatalities",
    "source_url",
    "source_title",
    "confidence",
    "geonameid",
    "target",
    "claimed_by",
    "alleged",
    "date_start",
    "date_end",
    "report_count",
    "sources",
    "article_id",
    "evidence",
    "trigger_span",
    "place_span",
    "updated_at",
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
    columns = TABLE_COLUMNS if fmt == "table" else ALL_COLUMNS
    emit((event_record(e) for e in found), fmt, columns=columns)


def event_record(event: Event) -> dict[str, Any]:
    """An event as a flat record of ACLED-named fields (sources as a list of objects)."""
    return {name: getattr(event, name) for name in ALL_COLUMNS} | {
        "sources": [asdict(s) for s in event.sources]
    }


def _note_truncation(app: App, flt: EventFilter, *, limit: int, offset: int) -> None:
    total = app.store.count_events(flt)
    if total > offset + limit:
        click.echo(
            f"Showing {limit} of {total} events from #{offset + 1}; "
            "use --limit/--offset to page, or --format csv for all.",
            err=True,
        )
