"""Events say when their place was a guess among homonyms; the KATOTTG codifier table.

``events.ambiguous`` and ``reports.ambiguous``: the place was chosen among several
nearly equally likely candidates (geodata's ``Resolution.ambiguous``). Rows stored
before this revision read false: they were stored without the flag, and the next
re-extraction sets it. ``gaz_units`` holds Ukraine's codifier of administrative
units (``tracker gazetteer load`` of the KATOTTG CSV).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant default: a metadata-only change on PostgreSQL 11+ and on SQLite,
    # however many events the tables hold.
    for table in ("events", "reports"):
        op.add_column(
            table, sa.Column("ambiguous", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "gaz_units",
        sa.Column("code", sa.String(24), primary_key=True),
        sa.Column("category", sa.String(1), nullable=False),
        sa.Column("name_uk", sa.String(200), nullable=False),
        sa.Column("oblast", sa.String(24), nullable=False),
        sa.Column("raion", sa.String(24)),
        sa.Column("hromada", sa.String(24)),
        sa.Column("settlement", sa.String(24)),
    )


def downgrade() -> None:
    op.drop_table("gaz_units")
    for table in ("reports", "events"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("ambiguous")
