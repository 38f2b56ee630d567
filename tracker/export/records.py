"""The event record: one event as the fields of the default column table, everywhere.

Every output that shows an event takes its fields from here, so they cannot
drift apart: ``tracker events`` (json, jsonl, csv, and the table's subset),
``tracker extract`` (jsonl; ``--batch`` adds only the input line's ``id``), the
GeoJSON properties and CSV rows of every export, and the map frame (a subset,
see :func:`tracker.mapping.events_to_frame`). The fields are the columns of
:data:`tracker.export.columns.DEFAULT`, in its order; docs/schema.md lists them.

:func:`event_record` gives the values as the model holds them (dates, enums,
tuples, :class:`~tracker.model.Source` objects) for writers that type their
columns; :func:`json_record` gives the same record as JSON values.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any

from tracker.export.columns import DEFAULT, Layout, row_reader
from tracker.model import Event

__all__ = ["RECORD", "event_record", "json_record", "plain"]

RECORD: Layout = DEFAULT
"""The record's columns: the default export layout."""


def event_record(event: Event, *, layout: Layout = RECORD) -> dict[str, Any]:
    """The event's fields in the layout's column order, values as the model holds them.

    Coordinates are checked and rounded to the export's five decimals.

    Examples
    --------
    >>> from tracker.model import SubEventType, TimePrecision
    >>> ev = Event("e1", date(2022, 4, 12), TimePrecision.DAY, SubEventType.ARMED_CLASH.event_type,
    ...            SubEventType.ARMED_CLASH, "Fighting near the village.",
    ...            latitude=50.675561, longitude=30.213564)
    >>> record = event_record(ev)
    >>> list(record)[:3], record["latitude"], record["event_date"]
    (['event_id', 'event_date', 'time_precision'], 50.67556, datetime.date(2022, 4, 12))
    """
    return row_reader(layout)(event)


def json_record(event: Event, *, layout: Layout = RECORD) -> dict[str, Any]:
    """:func:`event_record` with JSON values: the same fields, as GeoJSON properties have them.

    >>> from tracker.model import Source, SubEventType, TimePrecision
    >>> ev = Event("e1", date(2022, 4, 12), TimePrecision.DAY, SubEventType.ARMED_CLASH.event_type,
    ...            SubEventType.ARMED_CLASH, "Fighting.", sources=(Source("a1", outlet="Wire"),))
    >>> record = json_record(ev)
    >>> record["event_date"], record["time_precision"], record["sub_event_type"]
    ('2022-04-12', 1, 'Armed clash')
    >>> record["sources"]
    [{'article_id': 'a1', 'url': None, 'title': None, 'outlet': 'Wire', 'published': None}]
    """
    return {name: plain(value) for name, value in event_record(event, layout=layout).items()}


def plain(value: Any) -> Any:
    """The JSON form of a record value: ISO dates, enum values, lists, objects.

    The same values orjson writes for the GeoJSON exports (see ``features.encoder``).

    >>> plain((date(2022, 4, 12), None, (1, 2)))
    ['2022-04-12', None, [1, 2]]
    """
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value
