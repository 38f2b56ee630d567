"""Articles remember the extractor (name and version) that read them.

``tracker ingest`` extracts a stored article again when its extractor's
version differs from the running one. Rows stored before this revision get
NULL, which never equals a real extractor, so they are re-extracted the next
time they are ingested.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns without defaults: a metadata-only change on both engines,
    # however many articles the table holds.
    op.add_column("articles", sa.Column("extractor", sa.String(40)))
    op.add_column("articles", sa.Column("extractor_version", sa.String(80)))


def downgrade() -> None:
    # SQLite drops columns natively since 3.35 (Debian 12 has 3.40).
    op.drop_column("articles", "extractor_version")
    op.drop_column("articles", "extractor")
