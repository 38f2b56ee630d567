"""Typed results of the place layer: places, candidates, resolutions, name matches.

Coordinates are always held as ``latitude``/``longitude`` attributes. The one
place that turns them into the ``(x, y)`` = ``(longitude, latitude)`` order of
GeoJSON, WKB and shapely is :func:`xy`, so axis order is decided exactly once;
every caller (``Place.lonlat``, the exports' positions and WKB points, the map
frame's geometry) goes through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TypeVar

T = TypeVar("T")


def xy(latitude: T, longitude: T) -> tuple[T, T]:
    """``(x, y)``, that is ``(longitude, latitude)``: the code base's one lat/lon flip.

    Works alike on numbers and on whole columns (lists, numpy arrays).

    >>> xy(50.45, 30.52)
    (30.52, 50.45)
    """
    return longitude, latitude


class GeoPrecision(IntEnum):
    """ACLED's ``geo_precision``: how exactly a point stands for the event's place."""

    SETTLEMENT = 1  # the named town or village itself
    NEAR = 2  # near a town, or a small part of a region, coded to a representative town
    REGION = 3  # only a larger region is known, coded to its centre


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry (a GeoNames row, an admin unit, or a geocoder answer)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature_class: str = "P"
    feature_code: str = "PPL"
    country: str = "UA"
    admin1: str | None = None  # English admin-1 name, e.g. "Kyiv Oblast"
    admin1_code: str | None = None  # GeoNames admin-1 code, e.g. "13"
    admin2: str | None = None
    population: int = 0
    admin3: str | None = None  # the hromada, from KATOTTG ("Marinska hromada")

    def lonlat(self) -> tuple[float, float]:
        """Return ``(longitude, latitude)``, GeoJSON's order (see :func:`xy`)."""
        return xy(self.latitude, self.longitude)

    @property
    def is_region(self) -> bool:
        """True for administrative units (oblasts, raions) rather than points."""
        return self.feature_class == "A"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that matches a name, with the score it got and why."""

    place: Place
    score: float
    matched_name: str
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The place chosen for a mention, with its precision and the evidence kept."""

    place: Place
    precision: GeoPrecision
    score: float
    reason: str
    alternatives: tuple[Candidate, ...] = field(default=(), compare=False)
    # several candidates nearly as likely as the chosen one: a guess, said to be one
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A span of text that names a known place (or region), found by scanning text."""

    start: int
    end: int
    surface: str  # the text exactly as written
    key: str  # the normalised lookup key
    is_region: bool = False
