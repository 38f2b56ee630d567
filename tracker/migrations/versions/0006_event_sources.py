"""Events keep their sources as JSON on their own row, and JSON columns in export form.

Bulk reads (exports, the map, ``query_records``) then read every column as
it is stored, with no join and no JSON work per row:

- ``events.sources`` holds what the reports and their articles say (see
  ``tracker/store/sources.py``): filled here for every stored event with a
  report, kept in step by the writer from now on. NULL means the event has
  no report (bulk-imported) and stands as its own source.
- ``evidence`` and the spans of events are rewritten compact, with text as
  UTF-8 rather than ``\\u`` escapes (``engine.COMPACT_JSON``, how the writer
  stores them from now on); an empty span becomes NULL.

About 20 seconds per million events on SQLite.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.store import sources

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# json_each decodes each string and json_group_array encodes it again, compact, as UTF-8.
_SQLITE = """UPDATE events SET
  evidence = CASE WHEN json_type(evidence) = 'array'
    THEN (SELECT json_group_array(j.value) FROM json_each(events.evidence) j) ELSE '[]' END,
  trigger_span = CASE WHEN json_type(trigger_span) = 'array' AND json_array_length(trigger_span) > 0
    THEN json_array(CAST(json_extract(trigger_span, '$[0]') AS INTEGER),
                    CAST(json_extract(trigger_span, '$[1]') AS INTEGER)) END,
  place_span = CASE WHEN json_type(place_span) = 'array' AND json_array_length(place_span) > 0
    THEN json_array(CAST(json_extract(place_span, '$[0]') AS INTEGER),
                    CAST(json_extract(place_span, '$[1]') AS INTEGER)) END"""
_PG_SPAN = """CASE WHEN json_typeof({x}) = 'array' AND json_array_length({x}) > 0
    THEN ('[' || ({x}->>0)::bigint || ',' || ({x}->>1)::bigint || ']')::json END"""
_POSTGRES = f"""UPDATE events SET
  evidence = CASE WHEN json_typeof(evidence) = 'array' THEN coalesce(
    (SELECT '[' || string_agg(to_json(t.v)::text, ',' ORDER BY t.n) || ']'
     FROM json_array_elements_text(events.evidence) WITH ORDINALITY AS t(v, n)), '[]')::json
    ELSE '[]'::json END,
  trigger_span = {_PG_SPAN.format(x="trigger_span")},
  place_span = {_PG_SPAN.format(x="place_span")}"""  # noqa: S608 - our own fixed SQL


def upgrade() -> None:
    op.add_column("events", sa.Column("sources", sa.Text()))
    conn = op.get_bind()
    sources.backfill(conn)
    conn.execute(sa.text(_POSTGRES if conn.dialect.name == "postgresql" else _SQLITE))


def downgrade() -> None:
    op.drop_column("events", "sources")
