"""Great-circle distances on the WGS84 mean sphere."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in kilometres between two points given in decimal degrees.

    Accurate to about 0.5% anywhere on Earth: plenty to tell a village from its
    homonym 300 km away, and to score a geocoder against known coordinates.

    Examples
    --------
    >>> round(haversine_km(50.4501, 30.5234, 49.9935, 36.2304))  # Kyiv to Kharkiv
    409
    """
    phi1, phi2 = radians(lat1), radians(lat2)
    dphi = phi2 - phi1
    dlmb = radians(lon2 - lon1)
    a = sin(dphi / 2) ** 2 + cos(phi1) * cos(phi2) * sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(a)))
