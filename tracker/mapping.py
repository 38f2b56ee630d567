"""From stored events to the journalist map: the bridge between ``tracker`` and ``maps``.

``maps`` draws any frame that follows ``maps.FRAME_COLUMNS``; this module
builds that frame from :class:`~tracker.model.Event` objects and turns the
errors of ``maps`` into :class:`~tracker.errors.MapError`.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
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
