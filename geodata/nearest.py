"""The distance from a place to the nearest of a set of places: a measured speed-up.

Ranking a homonym ("Pavlivka": 56 villages in Ukraine) scores each candidate by
its distance to the other places of the article; done plainly, that is
``min(haversine_km(...) for o in others)`` for every candidate, and it was two
thirds of the time spent resolving a common village name. :class:`PointSet`
gives the same number faster:

- each point's latitude in radians and its cosine are computed once per set,
  not once per pair;
- a point whose latitude alone puts it farther than the nearest found so far is
  skipped (the great-circle distance is never less than the north-south one);
- the formula is inlined, with exactly the operations of
  :func:`geodata.distance.haversine_km` in the same order, so every distance, and
  so every score and reason, is the same float to the last bit.

The same set also says whether the article's other places all lie in one
region (:func:`in_one_region_besides`), counted once per set instead of once
per candidate.

:func:`nearest_km_plain` and :func:`in_one_region_besides_plain` are the plain
references; ``tests/geodata/test_nearest.py`` checks that each pair agrees exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import asin, cos, radians, sin, sqrt

from geodata.distance import EARTH_RADIUS_KM, haversine_km
from geodata.model import Place

_DIAMETER = 2 * EARTH_RADIUS_KM  # as haversine_km multiplies: (2 * R) * asin(...)
# The north-south bound R * |dphi| is exact in real numbers; rounding can move either
# side by ~1e-12 km, so a point is skipped only when its bound clears the best by far more.
_SLACK = 1e-6


class PointSet(tuple):  # type: ignore[type-arg]
    """A tuple of places that also answers :meth:`nearest_km` quickly.

    It is still a plain tuple of :class:`Place` for everything else (equality,
    iteration, ``len``).
    """

    def __new__(cls, places: Sequence[Place]) -> PointSet:
        self = super().__new__(cls, places)
        self._rows = [
            (p.geonameid, radians(p.latitude), cos(radians(p.latitude)), p.longitude)
            for p in places
        ]
        return self

    def in_one_region_besides(self, place: Place, *, minimum: int) -> bool:
        """:func:`in_one_region_besides` for this set, without a pass over it per place.

        The places with an admin-1 code are counted per region, and per id and region,
        once per set; leaving out ``place``'s id then only lowers those counts.
        """
        counts = self.__dict__.get("_regions")
        if counts is None:
            by_id: dict[int, dict[tuple[str, str], int]] = {}
            by_region: dict[tuple[str, str], int] = {}
            for p in self:
                if p.admin1_code:
                    region = (p.country, p.admin1_code)
                    mine = by_id.setdefault(p.geonameid, {})
                    mine[region] = mine.get(region, 0) + 1
                    by_region[region] = by_region.get(region, 0) + 1
            counts = self.__dict__["_regions"] = (by_id, by_region, sum(by_region.values()))
        by_id, by_region, total = counts
        left_out = by_id.get(place.geonameid, {})
        if total - sum(left_out.values()) < minimum or len(by_region) - len(left_out) > 1:
            return False  # too few places besides it, or two regions or more stay
        left = {r for r, n in by_region.items() if n > left_out.get(r, 0)}
        return left == {(place.country, place.admin1_code)}

    def nearest_km(self, place: Place) -> float | None:
        """Kilometres from ``place`` to the nearest other place of the set (None if none)."""
        lat1, lon1, skip = place.latitude, place.longitude, place.geonameid
        phi1 = radians(lat1)
        cos1 = cos(phi1)
        best = None
        for gid, phi2, cos2, lon2 in self._rows:
            if gid == skip:
                continue
            dphi = phi2 - phi1
            if best is not None and EARTH_RADIUS_KM * abs(dphi) > best + _SLACK:
                continue
            a = sin(dphi / 2) ** 2 + cos1 * cos2 * sin(radians(lon2 - lon1) / 2) ** 2
            d = _DIAMETER * asin(min(1.0, sqrt(a)))
            if best is None or d < best:
                best = d
        return best


def nearest_km(place: Place, others: Sequence[Place]) -> float | None:
    """Kilometres from ``place`` to the nearest of ``others`` that is not itself, or None.

    >>> kyiv = Place(703448, "Kyiv", 50.45466, 30.5238)
    >>> kharkiv = Place(706483, "Kharkiv", 49.98081, 36.25272)
    >>> round(nearest_km(kyiv, PointSet([kyiv, kharkiv])))
    411
    """
    if isinstance(others, PointSet):
        return others.nearest_km(place)
    return nearest_km_plain(place, others)


def nearest_km_plain(place: Place, others: Sequence[Place]) -> float | None:
    """The plain reference for :func:`nearest_km`."""
    rest = [o for o in others if o.geonameid != place.geonameid]
    if not rest:
        return None
    return min(haversine_km(place.latitude, place.longitude, o.latitude, o.longitude) for o in rest)


def in_one_region_besides(place: Place, others: Sequence[Place], *, minimum: int) -> bool:
    """True when at least ``minimum`` of ``others`` (``place`` itself left out, by id) have an
    admin-1 code and all of those lie in ``place``'s region.

    >>> kyiv = Place(703448, "Kyiv", 50.45, 30.52, country="UA", admin1_code="12")
    >>> bucha = Place(711660, "Bucha", 50.54, 30.22, country="UA", admin1_code="13")
    >>> irpin = Place(708052, "Irpin", 50.52, 30.25, country="UA", admin1_code="13")
    >>> in_one_region_besides(bucha, [kyiv, irpin], minimum=1)
    False
    >>> in_one_region_besides(bucha, PointSet([bucha, irpin]), minimum=1)
    True
    """
    if isinstance(others, PointSet):
        return others.in_one_region_besides(place, minimum=minimum)
    return in_one_region_besides_plain(place, others, minimum=minimum)


def in_one_region_besides_plain(place: Place, others: Sequence[Place], *, minimum: int) -> bool:
    """:func:`in_one_region_besides` the plain way, one pass per place (the reference)."""
    rest = [o for o in others if o.geonameid != place.geonameid and o.admin1_code]
    if len(rest) < minimum:
        return False
    return {(o.country, o.admin1_code) for o in rest} == {(place.country, place.admin1_code)}
