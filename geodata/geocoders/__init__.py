"""Online geocoders (geopy), switched on only by configuration, cached, rate limited.

- :data:`GEOCODERS` / :func:`config_from_env` / :func:`make_geocoder`: the registry;
- :class:`CachedGeocoder`: answers kept in ``gaz_geocode_cache``;
- :class:`GeocodingGazetteer`: the gazetteer first, the geocoder only for its misses.


Names are imported on first use (PEP 562): a process that never configures a
geocoder does not import geopy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.lazy import lazy_exports

if TYPE_CHECKING:
    from geodata.geocoders.cache import CachedGeocoder
    from geodata.geocoders.fallback import GeocodingGazetteer
    from geodata.geocoders.online import GeocodeAnswer, OnlineGeocoder, make_geocoder
    from geodata.geocoders.registry import GEOCODERS, GeocoderConfig, config_from_env

_HOMES = {
    "CachedGeocoder": "geodata.geocoders.cache",
    "GEOCODERS": "geodata.geocoders.registry",
    "GeocodeAnswer": "geodata.geocoders.online",
    "GeocoderConfig": "geodata.geocoders.registry",
    "GeocodingGazetteer": "geodata.geocoders.fallback",
    "OnlineGeocoder": "geodata.geocoders.online",
    "config_from_env": "geodata.geocoders.registry",
    "make_geocoder": "geodata.geocoders.online",
}

__all__ = [
    "GEOCODERS",
    "CachedGeocoder",
    "GeocodeAnswer",
    "GeocoderConfig",
    "GeocodingGazetteer",
    "OnlineGeocoder",
    "config_from_env",
    "make_geocoder",
]


__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
