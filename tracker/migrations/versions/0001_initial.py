"""Initial schema: articles, events, reports, fetch state, spatial indexes, gazetteer.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

from tracker.store.schema import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _event_columns() -> list[sa.Column]:
    return [
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("time_precision", sa.SmallInteger(), nullable=False),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("sub_event_type", sa.String(40), nullable=False),
        sa.Column("actor1", sa.Text()),
        sa.Column("actor2", sa.Text()),
        sa.Column("location", sa.Text()),
        sa.Column("admin1", sa.Text()),
        sa.Column("admin2", sa.Text()),
        sa.Column("country", sa.Text()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("geo_precision", sa.SmallInteger()),
        sa.Column("geonameid", sa.BigInteger()),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source_url", sa.Text()),
        sa.Column("source_title", sa.Text()),
        sa.Column("target", sa.Text()),
        sa.Column("claimed_by", sa.Text()),
        sa.Column("alleged", sa.Boolean(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("trigger_span", sa.JSON()),
        sa.Column("place_span", sa.JSON()),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String(16)),
        sa.Column("country_focus", sa.String(8)),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("first_seen", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        *_event_columns(),
        sa.Column("article_id", sa.String(64)),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_events_date_id", "events", ["event_date", "event_id"])
    op.create_index("ix_events_updated_at", "events", ["updated_at"])
    op.create_table(
        "reports",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("report_id", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "article_id",
            sa.String(64),
            sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
        ),
        sa.Column("event_id", sa.String(64), nullable=False),
        *_event_columns(),
    )
    op.create_index("ix_reports_event_id", "reports", ["event_id"])
    op.create_index("ix_reports_article_id", "reports", ["article_id"])
    op.create_table(
        "fetch_state",
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("status", sa.Integer()),
        sa.Column("fetched_at", UTCDateTime()),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_spatial_index()
    else:
        _postgis_geometry()
    _gazetteer_tables()


def _gazetteer_tables() -> None:
    # geodata.tables.GAZETTEER_METADATA, written out so this revision never changes.
    op.create_table(
        "gaz_sources",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("path", sa.String(1000), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "gaz_places",
        sa.Column("geonameid", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("feature_class", sa.String(1), nullable=False),
        sa.Column("feature_code", sa.String(10), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("admin1_code", sa.String(20)),
        sa.Column("admin2_code", sa.String(80)),
        sa.Column("population", sa.BigInteger(), nullable=False),
        sa.Column("modified", sa.String(10)),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("gaz_sources.id", ondelete="SET NULL")),
    )
    op.create_index("ix_gaz_places_country_admin1", "gaz_places", ["country", "admin1_code"])
    op.create_table(
        "gaz_names",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "geonameid",
            sa.BigInteger(),
            sa.ForeignKey("gaz_places.geonameid", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("quality", sa.Float(), nullable=False),
    )
    op.create_index("ix_gaz_names_key", "gaz_names", ["key"])
    op.create_index("ix_gaz_names_geonameid", "gaz_names", ["geonameid"])
    op.create_table(
        "gaz_admin",
        sa.Column("code", sa.String(100), primary_key=True),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("asciiname", sa.String(200)),
        sa.Column("geonameid", sa.BigInteger()),
    )
    op.create_table(
        "gaz_geocode_cache",
        sa.Column("provider", sa.String(40), primary_key=True),
        sa.Column("query", sa.String(1000), primary_key=True),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("address", sa.String(1000)),
        sa.Column("raw", sa.Text()),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
    )


def _sqlite_spatial_index() -> None:
    # R*Tree ships with Python's sqlite3; triggers keep it in step with events.
    # Its third dimension is the day (julianday), so "this box in this month"
    # reads only the events of that month in that box.
    op.execute(
        "CREATE VIRTUAL TABLE events_rtree USING rtree("
        "id, min_lon, max_lon, min_lat, max_lat, min_day, max_day)"
    )
    op.execute(
        "CREATE TRIGGER events_rtree_insert AFTER INSERT ON events "
        "WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN "
        "INSERT INTO events_rtree VALUES (new.id, new.longitude, new.longitude, "
        "new.latitude, new.latitude, julianday(new.event_date), julianday(new.event_date)); END"
    )
    op.execute(
        "CREATE TRIGGER events_rtree_update "
        "AFTER UPDATE OF latitude, longitude, event_date ON events BEGIN "
        "DELETE FROM events_rtree WHERE id = old.id; "
        "INSERT INTO events_rtree SELECT new.id, new.longitude, new.longitude, "
        "new.latitude, new.latitude, julianday(new.event_date), julianday(new.event_date) "
        "WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL; END"
    )
    op.execute(
        "CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN "
        "DELETE FROM events_rtree WHERE id = old.id; END"
    )


def _postgis_geometry() -> None:
    # A generated column: the point can never disagree with latitude/longitude.
    op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.add_column(
        "events",
        sa.Column(
            "geom",
            Geometry("POINT", srid=4326, spatial_index=False),
            sa.Computed("ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)", persisted=True),
        ),
    )
    # One GiST over space and day (btree_gist, a trusted extension): "this box in
    # this month" reads that month's entries in that box, as on SQLite.
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.create_index(
        "ix_events_geom_date", "events", ["geom", "event_date"], postgresql_using="gist"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS events_rtree")
    gazetteer = ("gaz_geocode_cache", "gaz_admin", "gaz_names", "gaz_places", "gaz_sources")
    for table in (*gazetteer, "fetch_state", "reports", "events", "articles"):
        op.drop_table(table)
