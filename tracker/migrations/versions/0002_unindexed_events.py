"""SQLite: a backlog of events written without spatial-index entries (bulk imports).

A bulk import writes its rows first and indexes them once at the end (see
tracker/store/rtree.py); this table says which ids are still waiting, so
queries read them meanwhile and a crash never hides an event. PostGIS keeps
its GiST index in step row by row and needs no such table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TABLE events_unindexed ("
            "lo INTEGER NOT NULL, hi INTEGER NOT NULL, CHECK (lo <= hi))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Index what is waiting first: without the table no query would read it.
        op.execute(
            "INSERT INTO events_rtree SELECT e.id, e.longitude, e.longitude, e.latitude, "
            "e.latitude, julianday(e.event_date), julianday(e.event_date) "
            "FROM events e JOIN events_unindexed u ON e.id BETWEEN u.lo AND u.hi "
            "WHERE e.latitude IS NOT NULL AND e.longitude IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM events_rtree_rowid r WHERE r.rowid = e.id) "
            "GROUP BY e.id"
        )
        op.execute("DROP TABLE events_unindexed")
