"""The frame contract: which columns a map needs, and the check that they are there.

A map is drawn from a GeoDataFrame with one row per event. Geometry holds
EPSG:4326 points, or None for an event with no usable place (such events are
counted as "not on map", never placed somewhere invented).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from maps.errors import FrameError

FRAME_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "date_start",
    "date_end",
    "event_type",
    "sub_event_type",
    "geo_precision",
    "location",
    "admin1",
    "notes",
    "fatalities",
    "sources",
)
"""Columns every events frame has, besides ``geometry``.

``event_date``/``date_start``/``date_end`` are dates (``date_start``/``date_end``
may be missing: the event then covers ``event_date`` only); ``geo_precision``
is 1 settlement, 2 near, 3 region; ``sources`` is a list of dicts with keys
``outlet``, ``title`` and ``url`` (other keys are ignored), or the JSON text
of such a list (a bulk reader's: parsed one row at a time while packing).
"""

CONFIDENCE_COLUMN = "confidence"
"""An optional column: how likely each event is real and rightly placed, 0 to 1.

With it, popups show the value and the page can hide events below a
threshold (see :func:`maps.render_map`); a missing value (None or NaN) means
unknown, and such an event is never hidden as low-confidence.
"""


CLAIM_COLUMNS: tuple[str, ...] = ("claimed_by", "alleged", "report_count")
"""Optional columns on who says an event happened, shown in its popup.

``claimed_by`` (str or None): who claims it ("Russian Defence Ministry");
``alleged`` (bool): the text only alleges it; ``report_count`` (int): how
many reports describe it, when more than the ``sources`` listed. With
``report_count`` or several sources the page can keep only events reported
by two sources or more.
"""


def check_frame(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return ``frame`` in EPSG:4326 after checking it follows the contract.

    Raises
    ------
    FrameError
        When a column is missing, the geometry is not points, or a date is absent.

    Examples
    --------
    >>> import geopandas as gpd
    >>> check_frame(gpd.GeoDataFrame({"event_id": []}))
    Traceback (most recent call last):
    ...
    maps.errors.FrameError: the events frame lacks columns ['admin1', ...
    """
    if not isinstance(frame, gpd.GeoDataFrame):
        raise FrameError(
            f"expected a GeoDataFrame of events, got {type(frame).__name__!r}; "
            "build one with geopandas.GeoDataFrame(..., geometry=points, crs='EPSG:4326')"
        )
    missing = sorted(set(FRAME_COLUMNS) - set(frame.columns))
    if missing:
        raise FrameError(
            f"the events frame lacks columns {missing!r}; maps.FRAME_COLUMNS lists what is needed"
        )
    frame = _to_wgs84(frame)
    _check_geometry(frame)
    _check_dates(frame)
    _check_confidence(frame)
    return frame


def _to_wgs84(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326 when another CRS is declared; a frame without geometry gets None."""
    if frame._geometry_column_name not in frame.columns:
        empty = gpd.GeoSeries([None] * len(frame), index=frame.index, crs=4326)
        return frame.set_geometry(empty)
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        return frame.to_crs(4326)
    return frame


def _check_geometry(frame: gpd.GeoDataFrame) -> None:
    geoms = frame.geometry
    present = geoms.notna() & ~geoms.is_empty
    kinds = set(geoms[present].geom_type.unique())
    if kinds - {"Point"}:
        raise FrameError(
            f"event geometries must be points, found {sorted(kinds)!r}; "
            "give each event its centroid and its geo_precision"
        )
    xs, ys = geoms[present].x, geoms[present].y
    if len(xs) and (xs.abs().max() > 180 or ys.abs().max() > 90):
        raise FrameError(
            "event coordinates are outside longitude/latitude ranges; "
            "set the frame's CRS so it can be reprojected to EPSG:4326"
        )


def _check_dates(frame: gpd.GeoDataFrame) -> None:
    dates = pd.to_datetime(frame["event_date"], errors="coerce")
    if dates.isna().any():
        row = frame.index[dates.isna()][0]
        raise FrameError(
            f"event {frame.at[row, 'event_id']!r} has no usable event_date "
            f"({frame.at[row, 'event_date']!r}); every mapped event needs a date"
        )


def _check_confidence(frame: gpd.GeoDataFrame) -> None:
    if CONFIDENCE_COLUMN not in frame.columns:
        return
    given = frame[CONFIDENCE_COLUMN].notna()
    values = pd.to_numeric(frame[CONFIDENCE_COLUMN].where(given), errors="coerce")
    bad = given & ~values.between(0, 1)
    if bad.any():
        row = frame.index[bad][0]
        value = frame.at[row, CONFIDENCE_COLUMN]
        value = value.item() if isinstance(value, np.generic) else value  # 1.5, not np.float64
        raise FrameError(
            f"event {frame.at[row, 'event_id']!r} has confidence {value!r}; "
            "give a number from 0 to 1, or None when unknown"
        )
