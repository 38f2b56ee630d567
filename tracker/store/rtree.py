"""SQLite's spatial index: the R*Tree over (longitude, latitude, day) and its upkeep.

Rows normally enter ``events_rtree`` through a trigger, one at a time. That
costs about 9 µs a row at a million events, as much as writing the row and
its B-tree indexes, so a bulk import does not do it per batch. Each batch
instead records the id range it wrote in ``events_unindexed`` (in the same
transaction), and when the import ends :func:`catch_up` indexes the backlog:

- row by row when the backlog is small next to what is already indexed;
- otherwise by rebuilding the whole tree packed (:func:`pack`), which sorts
  every point once (Sort-Tile-Recursive) and writes the R*Tree's own tables
  directly. At a million events that takes about a third of the row-by-row
  time, and the packed tree's nodes overlap less.

Until the backlog is indexed, queries also read its rows (``query.py``), so a
crash between batches never hides an event from a map or a search; the next
import or ``tracker db reindex`` indexes them.

The packed rebuild lives in ``rtree_pack.py`` (numpy, imported only when a
rebuild runs).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

TABLE = "events_rtree"
BACKLOG = "events_unindexed"
DIMS = 3  # longitude, latitude, day (julianday)
# Rebuild rather than insert row by row once the backlog is this share of all
# events: measured at 1M events, inserting costs ~9 µs per backlog row and a
# rebuild ~3.6 µs per event (docs/benchmarks.md), so they break even near 0.4.
PACK_SHARE = 0.4
_INSERT_RANGE_SQL = (
    f"INSERT INTO {TABLE} SELECT e.id, e.longitude, e.longitude, e.latitude, e.latitude, "  # noqa: S608
    "julianday(e.event_date), julianday(e.event_date) FROM events e "
    "WHERE e.id BETWEEN ? AND ? AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL "
    f"AND NOT EXISTS (SELECT 1 FROM {TABLE}_rowid r WHERE r.rowid = e.id)"
)


@dataclass(frozen=True, slots=True)
class CatchUp:
    """What :func:`catch_up` did: how many backlog rows it saw and whether it rebuilt."""

    backlog: int
    packed: bool


def record_unindexed(conn: sa.Connection, *, lo: int, hi: int) -> None:
    """Note that events ``lo..hi`` were written without index entries (same transaction)."""
    if lo <= hi:
        conn.exec_driver_sql(f"INSERT INTO {BACKLOG} (lo, hi) VALUES (?, ?)", (lo, hi))  # noqa: S608


def backlog_ranges(conn: sa.Connection) -> list[tuple[int, int]]:
    """The recorded ranges, overlapping ones merged (ids can be reused after deletes)."""
    rows = conn.exec_driver_sql(f"SELECT lo, hi FROM {BACKLOG} ORDER BY lo").all()  # noqa: S608
    merged: list[tuple[int, int]] = []
    for lo, hi in rows:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((int(lo), int(hi)))
    return merged


def catch_up(conn: sa.Connection, *, share: float | None = None) -> CatchUp:
    """Index every backlog row, rebuilding when it is ``share`` (:data:`PACK_SHARE`) of all."""
    share = PACK_SHARE if share is None else share
    ranges = backlog_ranges(conn)
    if not ranges:
        return CatchUp(backlog=0, packed=False)
    backlog = sum(hi - lo + 1 for lo, hi in ranges)
    total = conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one()
    packed = backlog >= share * total
    if packed:
        pack(conn)
    else:
        for lo, hi in ranges:
            conn.exec_driver_sql(_INSERT_RANGE_SQL, (lo, hi))
        conn.exec_driver_sql(f"DELETE FROM {BACKLOG}")  # noqa: S608
    return CatchUp(backlog=backlog, packed=packed)


def pack(conn: sa.Connection) -> int:
    """Rebuild the whole R*Tree from ``events``, packed; clears the backlog. Returns points."""
    from tracker.store import rtree_pack  # numpy: only a rebuild pays for importing it

    return rtree_pack.pack(conn)
