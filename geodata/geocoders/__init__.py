"""Online geocoders (geopy), switched on only by configuration, cached, rate limited.

- :data:`GEOCODERS` / :func:`config_from_env` / :func:`make_geocoder`: the registry;
- :class:`CachedGeocoder`: answers kept in ``gaz_geocode_cache``;
- :class:`GeocodingGazetteer`: the gazetteer first, the geocoder only for its misses.


Names are imported on first use (PEP 562): a process that never configures a
geocoder does not import geopy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'geodata.geocoders' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
