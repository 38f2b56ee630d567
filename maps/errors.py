"""Errors raised by ``maps``.

MapsError (Exception)
├── FrameError   (also ValueError)  the GeoDataFrame does not follow the frame contract
├── BoundaryError (also ValueError) a boundaries file cannot be read or has no usable name
├── MapOptionError (also ValueError) an option of render_map/write_map is out of range
├── AssetError   (also OSError)     a script, style or font could not be found or fetched
└── MapOutputError (also OSError)   the map file could not be written

``tracker`` translates these into ``MapError`` at its boundary.
"""

from __future__ import annotations


class MapsError(Exception):
    """Root of every error raised by maps."""


class FrameError(MapsError, ValueError):
    """The events frame misses a column, has a bad CRS or a bad value."""


class BoundaryError(MapsError, ValueError):
    """A boundaries file cannot be read, or its regions have no name column."""


class MapOptionError(MapsError, ValueError):
    """An option of ``render_map``/``write_map`` is out of range (e.g. ``hide_below`` of 2)."""


class AssetError(MapsError, OSError):
    """A map asset (script, stylesheet, font, image) is neither cached, mirrored nor fetchable."""


class MapOutputError(MapsError, OSError):
    """The map file could not be written (missing folder, no permission, full disk)."""
