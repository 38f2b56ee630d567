"""Gazetteer tables in the tracker database (all prefixed ``gaz_``).

Tables are prefixed ``gaz_`` and live in the tracker's database, so every
process (and a shared PostGIS deployment) sees the same gazetteer. The schema is
created by the tracker's Alembic migrations from :data:`GAZETTEER_METADATA`.

- ``gaz_places``: one row per kept GeoNames feature (settlements, admin units, facilities).
- ``gaz_names``: every name key (folded spelling) → geonameid, with its quality.
- ``gaz_admin``: admin-1/admin-2 codes → names (``UA.13``, ``UA.13.3208``).
- ``gaz_units``: KATOTTG, the codifier of Ukraine's administrative units (oblast,
  raion, hromada, settlement, city district), with official Ukrainian names.
- ``gaz_sources``: what was loaded, when, from which file, how many rows.
- ``gaz_geocode_cache``: answers of online geocoders, so a name is asked once.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

GAZETTEER_METADATA = MetaData()

gaz_places = Table(
    "gaz_places",
    GAZETTEER_METADATA,
    Column("geonameid", BigInteger, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("latitude", Float, nullable=False),
    Column("longitude", Float, nullable=False),
    Column("feature_class", String(1), nullable=False),
    Column("feature_code", String(10), nullable=False),
    Column("country", String(2), nullable=False),
    Column("admin1_code", String(20)),
    Column("admin2_code", String(80)),
    Column("population", BigInteger, nullable=False, default=0),
    Column("modified", String(10)),
    Column("source_id", Integer, ForeignKey("gaz_sources.id", ondelete="SET NULL")),
)
Index("ix_gaz_places_country_admin1", gaz_places.c.country, gaz_places.c.admin1_code)

gaz_names = Table(
    "gaz_names",
    GAZETTEER_METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "geonameid",
        BigInteger,
        ForeignKey("gaz_places.geonameid", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("name", String(400), nullable=False),  # the name as GeoNames writes it
    Column("key", String(400), nullable=False),  # geodata.names.name_key of the name
    Column("quality", Float, nullable=False),  # 1 primary, 0.95 exonym, 0.9 alternate
)
Index("ix_gaz_names_key", gaz_names.c.key)
Index("ix_gaz_names_geonameid", gaz_names.c.geonameid)

gaz_admin = Table(
    "gaz_admin",
    GAZETTEER_METADATA,
    Column("code", String(100), primary_key=True),  # "UA.13" or "UA.13.3208"
    Column("country", String(2), nullable=False),
    Column("level", SmallInteger, nullable=False),
    Column("name", String(200), nullable=False),
    Column("asciiname", String(200)),
    Column("geonameid", BigInteger),
)

gaz_units = Table(
    "gaz_units",
    GAZETTEER_METADATA,
    Column("code", String(24), primary_key=True),  # the unit's own KATOTTG code
    Column("category", String(1), nullable=False),  # O K P H M X C B (geodata.katottg.Category)
    Column("name_uk", String(200), nullable=False),
    Column("oblast", String(24), nullable=False),
    Column("raion", String(24)),
    Column("hromada", String(24)),
    Column("settlement", String(24)),  # the city a city district belongs to
)

gaz_sources = Table(
    "gaz_sources",
    GAZETTEER_METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", String(1000), nullable=False),
    Column("kind", String(20), nullable=False),  # geonames / admin1 / admin2 / alternate names
    Column("rows", Integer, nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("key_version", Integer, nullable=False),  # geodata.names.KEY_VERSION used
)

gaz_geocode_cache = Table(
    "gaz_geocode_cache",
    GAZETTEER_METADATA,
    Column("provider", String(40), primary_key=True),
    Column("query", String(1000), primary_key=True),  # the query with its options, normalised
    Column("found", Boolean, nullable=False),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("address", String(1000)),
    Column("raw", Text),  # the provider's JSON answer, for audit
    Column("fetched_at", DateTime(timezone=True), nullable=False),
)

TABLES = (gaz_sources, gaz_places, gaz_names, gaz_admin, gaz_units, gaz_geocode_cache)
