"""From stored events to the journalist map: the bridge between ``tracker`` and ``maps``.

``maps`` draws any frame that follows ``maps.FRAME_COLUMNS``; this module
builds that frame and turns the errors of ``maps`` into
:class:`~tracker.errors.MapError`. A stored database's frame is built from
the store's columnar read a batch at a time (:func:`records_to_batches`: at
a million events, an ``Event`` per row cost minutes and gigabytes, and a
frame of them gigabytes more), which ``maps`` packs as they come;
:func:`events_to_frame` builds the same frame from ``Event`` objects, the
reference, and serves an in-memory database.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.model import xy
from tracker.errors import MapError
from tracker.export.columns import Layout, row_reader
from tracker.export.records import RECORD
from tracker.model import Event, EventFilter, TimePrecision

if TYPE_CHECKING:
    import geopandas as gpd
    import pyarrow as pa

    from tracker.store import Store

DEFAULT_TITLE = "Conflict events"
DEFAULT_HIDE_BELOW = 0.5  # events less likely than not to be real and rightly placed


def events_to_frame(events: Iterable[Event]) -> gpd.GeoDataFrame:
    """Build the map frame (``maps.FRAME_COLUMNS``, ``confidence`` and geometry) from events.

    The frame is a subset of the event record (:func:`map_layout`), read by the
    same columns as every other output, with two changes the page needs: every
    event gets an interval (week- and month-precision events without an explicit
    one cover their week, event_date ± 3 days, or calendar month; see
    :func:`event_interval`), and ``sources`` keeps only each source's outlet,
    title and link (the popup's), falling back to ``source_url``/``source_title``.
    Events without coordinates get no geometry: the map counts them as "not on
    map" instead of inventing a place.

    Examples
    --------
    >>> from datetime import date
    >>> from tracker.model import EventType, SubEventType, TimePrecision
    >>> e = Event(event_id="e1", event_date=date(2022, 3, 15), time_precision=TimePrecision.MONTH,
    ...     event_type=EventType.BATTLES, sub_event_type=SubEventType.ARMED_CLASH,
    ...     notes="Fighting near Irpin.", latitude=50.52, longitude=30.25)
    >>> frame = events_to_frame([e])
    >>> frame.loc[0, "date_start"], frame.loc[0, "date_end"], frame.geometry[0].x
    (datetime.date(2022, 3, 1), datetime.date(2022, 3, 31), 30.25)
    """
    import geopandas as gpd  # with maps below: imported by the map command only

    from maps import CLAIM_COLUMNS, CONFIDENCE_COLUMN, FRAME_COLUMNS

    read = row_reader(map_layout())
    rows = [_row(e, read) for e in events]
    lats = [r.pop("latitude") for r in rows]
    lons = [r.pop("longitude") for r in rows]
    x, y = xy(_nums(lats), _nums(lons))
    geometry = [
        None if lat is None or lon is None else point
        for lat, lon, point in zip(lats, lons, gpd.points_from_xy(x=x, y=y), strict=True)
    ]
    names = (*FRAME_COLUMNS, CONFIDENCE_COLUMN, *CLAIM_COLUMNS)
    columns = {c: [r[c] for r in rows] for c in names}
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(geometry, crs=4326), crs=4326)


def write_event_map(
    store: Store,
    flt: EventFilter,
    out: str | Path,
    *,
    title: str = DEFAULT_TITLE,
    description: str | None = None,
    boundaries: str | Path | None = None,
    cdn: bool = False,
    asset_dir: str | Path | None = None,
    tiles: str | None = None,
    hide_below: float = DEFAULT_HIDE_BELOW,
) -> Path:
    """Write the map of the stored events matching ``flt`` to ``out``; return the path.

    Events whose confidence is below ``hide_below`` are on the map but hidden
    until the reader ticks "Show low-confidence events"; 0 hides nothing. The
    map opens offline (Leaflet inlined from an installed package, a built-in
    basemap) unless ``cdn``; ``tiles`` adds online tiles.

    Raises
    ------
    MapError
        When the boundaries file, an asset or the output file is unusable.
    """
    from maps import MapsError, write_map

    if store.columnar:
        frame: Any = records_to_batches(store.read_records(flt, columns=map_columns()))
    else:
        frame = events_to_frame(store.query_events(flt))
    try:
        return write_map(
            frame,
            out,
            title=title,
            description=description,
            boundaries=boundaries,
            cdn=cdn,
            asset_dir=asset_dir,
            tiles=tiles,
            hide_below=hide_below,
        )
    except MapsError as err:
        raise MapError(str(err)) from err


def event_interval(event: Event) -> tuple[date, date]:
    """First and last day an event may have happened on, from its time precision.

    >>> from tracker.model import EventType, SubEventType
    >>> e = Event(event_id="x", event_date=date(2022, 2, 10), time_precision=TimePrecision.WEEK,
    ...     event_type=EventType.BATTLES, sub_event_type=SubEventType.ARMED_CLASH, notes="")
    >>> event_interval(e)
    (datetime.date(2022, 2, 7), datetime.date(2022, 2, 13))
    """
    if event.date_start is not None and event.date_end is not None:
        return event.date_start, event.date_end
    day = event.event_date
    if event.time_precision == TimePrecision.WEEK:  # ACLED codes the middle of the week
        return day - timedelta(days=3), day + timedelta(days=3)
    if event.time_precision == TimePrecision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day, day


def map_layout() -> Layout:
    """The record's columns the map frame takes: ``maps.FRAME_COLUMNS``, confidence, the
    claim columns and the coordinates.

    >>> map_layout().names[:3]
    ('event_id', 'event_date', 'date_start')
    """
    from maps import CLAIM_COLUMNS, CONFIDENCE_COLUMN, FRAME_COLUMNS

    names = (*FRAME_COLUMNS, CONFIDENCE_COLUMN, *CLAIM_COLUMNS, "latitude", "longitude")
    return RECORD.subset(names)


def map_columns() -> tuple[str, ...]:
    """The record's columns :func:`records_to_batches` needs.

    >>> "notes" in map_columns() and "evidence" not in map_columns()
    True
    """
    return (*map_layout().names, "time_precision")


def _row(event: Event, read: Callable[[Event], dict[str, Any]]) -> dict[str, Any]:
    row = {k: v.value if isinstance(v, Enum) else v for k, v in read(event).items()}
    row["date_start"], row["date_end"] = event_interval(event)
    row["sources"] = _sources(event)
    return row


def _sources(event: Event) -> list[dict[str, str | None]]:
    if event.sources:
        return [{"outlet": s.outlet, "title": s.title, "url": s.url} for s in event.sources]
    if event.source_url or event.source_title:
        return [{"outlet": None, "title": event.source_title, "url": event.source_url}]
    return []


def _nums(values: list[float | None]) -> list[float]:
    return [float("nan") if v is None else v for v in values]


def records_to_batches(records: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The map's batches (``maps.batches.BATCH_COLUMNS``) of record batches
    (``Store.read_records``), one for one, as they come.

    The frame :func:`events_to_frame` builds, a batch at a time and without
    a Python object per event: every event gets its interval (see
    :func:`event_interval`), coordinates are rounded as the record rounds
    them, and ``sources`` stays the record's JSON text, which ``maps``
    reads as it reads a list of sources. ``tests/maps/test_records_frame.py``
    holds the written page to the one :func:`events_to_frame` gives.
    """
    import pyarrow as pa

    from tracker.store.columnar import record_schema

    given = False
    for batch in records:
        given = True
        yield _map_batch(batch)
    if not given:  # an empty answer still shows maps its columns (confidence, claims)
        yield _map_batch(pa.RecordBatch.from_pylist([], schema=record_schema(map_columns())))


def _map_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    import pyarrow as pa

    from maps import CLAIM_COLUMNS, CONFIDENCE_COLUMN, FRAME_COLUMNS

    table = pa.Table.from_batches([batch])
    start, end = _intervals(table)
    columns = {
        name: batch.column(name)
        for name in (*FRAME_COLUMNS, CONFIDENCE_COLUMN, *CLAIM_COLUMNS)
        if name not in ("date_start", "date_end")
    }
    columns["date_start"], columns["date_end"] = pa.array(start), pa.array(end)
    columns.update(_coordinates(table))
    return pa.RecordBatch.from_pydict(columns)


def _intervals(table: pa.Table) -> tuple[Any, Any]:
    """:func:`event_interval` of every row, as datetime64 day columns."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    def days(name: str) -> np.ndarray:
        column = pc.cast(table.column(name), pa.int32())
        return pc.fill_null(column, 0).to_numpy().astype(np.int64)

    day = days("event_date")
    precision = table.column("time_precision").to_numpy()
    month = day.astype("datetime64[D]").astype("datetime64[M]")
    first = month.astype("datetime64[D]").astype(np.int64)
    last = (month + 1).astype("datetime64[D]").astype(np.int64) - 1
    start = np.select(
        [precision == TimePrecision.WEEK, precision == TimePrecision.MONTH], [day - 3, first], day
    )
    end = np.select(
        [precision == TimePrecision.WEEK, precision == TimePrecision.MONTH], [day + 3, last], day
    )
    given = pc.and_(table.column("date_start").is_valid(), table.column("date_end").is_valid())
    given = given.to_numpy(zero_copy_only=False)
    start = np.where(given, days("date_start"), start)
    end = np.where(given, days("date_end"), end)
    return start.astype("datetime64[D]"), end.astype("datetime64[D]")


def _coordinates(table: pa.Table) -> dict[str, pa.Array]:
    """Latitude and longitude rounded as the record rounds them (null for no place)."""
    import pyarrow as pa

    from tracker.export.feature_text import rounded_coordinates

    out = {}
    for name in ("latitude", "longitude"):
        column = table.column(name)
        missing = column.is_null().to_numpy(zero_copy_only=False)
        plain = column.to_numpy(zero_copy_only=False).astype("f8")
        out[name] = pa.array(rounded_coordinates(plain, missing), mask=missing)
    return out
