"""How to show events: fast, time-filtered Folium maps of dated, categorised points.

``maps`` knows nothing of articles or databases: it draws any GeoDataFrame that
follows :data:`FRAME_COLUMNS`. See docs/maps.md.

>>> from maps import FRAME_COLUMNS, render_map, write_map
"""

from __future__ import annotations

from maps.assets import AssetSource, inline_assets
from maps.boundaries import Boundaries, basemap, builtin_boundaries, read_boundaries
from maps.columns import CLAIM_COLUMNS, CONFIDENCE_COLUMN, FRAME_COLUMNS, check_frame
from maps.errors import (
    AssetError,
    BoundaryError,
    FrameError,
    MapOptionError,
    MapOutputError,
    MapsError,
)
from maps.palette import TYPE_COLOURS, colour_for
from maps.render import render_map, write_map

__all__ = [
    "CLAIM_COLUMNS",
    "CONFIDENCE_COLUMN",
    "FRAME_COLUMNS",
    "TYPE_COLOURS",
    "AssetError",
    "AssetSource",
    "Boundaries",
    "BoundaryError",
    "FrameError",
    "MapOptionError",
    "MapOutputError",
    "MapsError",
    "basemap",
    "builtin_boundaries",
    "check_frame",
    "colour_for",
    "inline_assets",
    "read_boundaries",
    "render_map",
    "write_map",
]
