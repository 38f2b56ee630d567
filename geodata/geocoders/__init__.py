"""Online geocoders (geopy), switched on only by configuration, cached, rate limited.

- :data:`GEOCODERS` / :func:`config_from_env` / :func:`make_geocoder`: the registry;
- :class:`CachedGeocoder`: answers kept in ``gaz_geocode_cache``;
- :class:`GeocodingGazetteer`: the gazetteer first, the geocoder only for its misses.
"""

from geodata.geocoders.cache import CachedGeocoder
from geodata.geocoders.fallback import GeocodingGazetteer
from geodata.geocoders.online import GeocodeAnswer, OnlineGeocoder, make_geocoder
from geodata.geocoders.registry import GEOCODERS, GeocoderConfig, config_from_env

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
