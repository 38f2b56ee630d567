"""Source health: one row per source per ingest run (``tracker sources``, ``/health``).

Ingest records, for every source it was given (a feed, a site, a Telegram
channel export, a folder), what the run got from it and the last error. A new
table only: existing rows are untouched, and databases from before this
revision simply have no history yet.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.store.schema import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_runs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("articles_new", sa.Integer(), nullable=False),
        sa.Column("articles_updated", sa.Integer(), nullable=False),
        sa.Column("articles_seen", sa.Integer(), nullable=False),
        sa.Column("articles_failed", sa.Integer(), nullable=False),
        sa.Column("events_added", sa.Integer(), nullable=False),
        sa.Column("newest_published", sa.Date()),
        sa.Column("error", sa.Text()),
    )
    op.create_index("ix_source_runs_source_started", "source_runs", ["source", "started_at"])


def downgrade() -> None:
    op.drop_table("source_runs")
