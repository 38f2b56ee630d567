"""Errors raised by ``geodata``.

GeodataError (Exception)
├── GazetteerError            a gazetteer cannot be read, loaded or queried
│   └── GazetteerFormatError  (also ValueError) a GeoNames file is malformed
└── GeocodingError            an online geocoder failed
    ├── GeocoderConfigError   (also ValueError) an unknown or misconfigured backend
    ├── GeocoderTimeout       (also TimeoutError) a geocoder did not answer in time
    └── GeocoderUnavailable   (also ConnectionError) a geocoder refused or is unreachable

``tracker`` translates these into its own ``TrackerError`` tree at its boundary.
"""

from __future__ import annotations


class GeodataError(Exception):
    """Root of every error raised by geodata."""


class GazetteerError(GeodataError):
    """A gazetteer cannot be read, loaded or queried."""


class GazetteerFormatError(GazetteerError, ValueError):
    """A GeoNames file is malformed; the message names the file and line."""


class GeocodingError(GeodataError):
    """An online geocoder failed."""


class GeocoderConfigError(GeocodingError, ValueError):
    """An unknown geocoder name or a missing setting."""


class GeocoderTimeout(GeocodingError, TimeoutError):
    """A geocoder did not answer in time."""


class GeocoderUnavailable(GeocodingError, ConnectionError):
    """A geocoder refused the request or could not be reached."""
