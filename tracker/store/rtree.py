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

``pack`` writes the node format that SQLite's file format fixes for R*Tree
tables (``ext/rtree/rtree.c``, "Database Format of R-Tree Tables"): node 1 is
the root; a node is a blob of the root's length holding a 2-byte big-endian
depth (root only), a 2-byte cell count, then cells of an 8-byte rowid or child
node number and 32-bit float coordinates, min/max per dimension. GDAL writes
GeoPackage R*Trees the same way. ``SELECT rtreecheck('events_rtree')`` checks
the result, and the tests run it after every kind of change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa

TABLE = "events_rtree"
BACKLOG = "events_unindexed"
DIMS = 3  # longitude, latitude, day (julianday)
_CELL_BYTES = 8 + 4 * 2 * DIMS
# Packed nodes are filled to 90%: a later insert rarely splits a node at once.
_FILL = 0.9
# Rebuild rather than insert row by row once the backlog is this share of all
# events: measured at 1M events, inserting costs ~9 µs per backlog row and a
# rebuild ~3.6 µs per event (docs/benchmarks.md), so they break even near 0.4.
PACK_SHARE = 0.4
_FETCH = 100_000
_POINTS_SQL = (
    "SELECT id, longitude, latitude, julianday(event_date) FROM events "
    "WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
)
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
    node_bytes = conn.exec_driver_sql(
        f"SELECT length(data) FROM {TABLE}_node WHERE nodeno = 1"  # noqa: S608
    ).scalar_one()
    ids, lo, hi = _read_points(conn)
    tree = _build(ids, lo, hi, max_cells=(node_bytes - 4) // _CELL_BYTES)
    for shadow in ("node", "rowid", "parent"):
        conn.exec_driver_sql(f"DELETE FROM {TABLE}_{shadow}")  # noqa: S608
    conn.exec_driver_sql(f"DELETE FROM {BACKLOG}")  # noqa: S608
    padded = [(no, blob.ljust(node_bytes, b"\0")) for no, blob in tree.nodes]
    conn.exec_driver_sql(f"INSERT INTO {TABLE}_node (nodeno, data) VALUES (?, ?)", padded)  # noqa: S608
    if len(ids):
        conn.exec_driver_sql(
            f"INSERT INTO {TABLE}_rowid (rowid, nodeno) VALUES (?, ?)",  # noqa: S608
            list(zip(tree.rowids.tolist(), tree.leaves.tolist(), strict=True)),
        )
    if tree.parents:
        conn.exec_driver_sql(
            f"INSERT INTO {TABLE}_parent (nodeno, parentnode) VALUES (?, ?)",  # noqa: S608
            tree.parents,
        )
    return len(ids)


def _read_points(conn: sa.Connection) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Event ids and each point's float32 box, min rounded down and max up (as SQLite does)."""
    cursor = conn.connection.cursor()
    try:
        cursor.execute(_POINTS_SQL)
        chunks = []
        while rows := cursor.fetchmany(_FETCH):
            chunks.append(np.array(rows, dtype=np.float64))
    finally:
        cursor.close()
    data = np.concatenate(chunks) if chunks else np.zeros((0, 1 + DIMS))
    values = data[:, 1:]
    return data[:, 0].astype(np.int64), _round(values, down=True), _round(values, down=False)


def _round(values: np.ndarray, *, down: bool) -> np.ndarray:
    # A point's stored box must contain it: float32 rounding may not move inwards.
    single = values.astype(np.float32)
    wide = single.astype(np.float64)
    if down:
        return np.where(wide > values, np.nextafter(single, np.float32(-np.inf)), single)
    return np.where(wide < values, np.nextafter(single, np.float32(np.inf)), single)


@dataclass(frozen=True)
class _Tree:
    nodes: list[tuple[int, bytes]]  # (node number, blob before padding)
    rowids: np.ndarray  # event ids, ascending
    leaves: np.ndarray  # the leaf node of each id in ``rowids``
    parents: list[tuple[int, int]]  # (node, parent) for every node but the root


_CELL = np.dtype([("id", ">i8"), ("box", ">f4", (2 * DIMS,))])


def _build(ids: np.ndarray, lo: np.ndarray, hi: np.ndarray, *, max_cells: int) -> _Tree:
    """Pack the points into nodes level by level, each level tiled Sort-Tile-Recursive."""
    cap = max(2, min(max_cells, math.floor(max_cells * _FILL)))
    nodes: list[tuple[int, bytes]] = []
    parents: list[tuple[int, int]] = []
    entries, next_no, depth = ids, 2, 0
    leaf_links = (ids, np.ones(len(ids), dtype=np.int64))  # all in the root unless split
    while len(entries) > max_cells:
        tiles = _str_tiles((lo + hi) / 2, cap)
        order = np.concatenate(tiles)
        sizes = np.array([len(t) for t in tiles])
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        entries, lo, hi = entries[order], lo[order], hi[order]
        numbers = np.arange(next_no, next_no + len(tiles), dtype=np.int64)
        next_no += len(tiles)
        owner = np.repeat(numbers, sizes)
        if depth == 0:
            leaf_links = (entries, owner)
        else:
            parents += zip(entries.tolist(), owner.tolist(), strict=True)
        for number, start, size in zip(
            numbers.tolist(), starts.tolist(), sizes.tolist(), strict=True
        ):
            part = slice(start, start + size)
            nodes.append((number, _blob(entries[part], lo[part], hi[part], depth=0)))
        lo, hi = np.minimum.reduceat(lo, starts), np.maximum.reduceat(hi, starts)
        entries, depth = numbers, depth + 1
    nodes.append((1, _blob(entries, lo, hi, depth=depth)))
    if depth:
        parents += ((int(child), 1) for child in entries.tolist())
    rowids, leaves = leaf_links
    by_id = np.argsort(rowids, kind="stable")
    return _Tree(nodes=sorted(nodes), rowids=rowids[by_id], leaves=leaves[by_id], parents=parents)


def _blob(ids: np.ndarray, lo: np.ndarray, hi: np.ndarray, *, depth: int) -> bytes:
    cells = np.empty(len(ids), dtype=_CELL)
    cells["id"] = ids
    box = np.empty((len(ids), 2 * DIMS), dtype=np.float32)
    box[:, 0::2], box[:, 1::2] = lo, hi  # min_lon, max_lon, min_lat, max_lat, ...
    cells["box"] = box
    return depth.to_bytes(2, "big") + len(ids).to_bytes(2, "big") + cells.tobytes()


def _str_tiles(centres: np.ndarray, cap: int) -> list[np.ndarray]:
    """Sort-Tile-Recursive: slabs along each dimension in turn, then tiles of ``cap``."""

    def tile(idx: np.ndarray, dim: int) -> list[np.ndarray]:
        idx = idx[np.argsort(centres[idx, dim], kind="stable")]
        left = centres.shape[1] - dim
        if left == 1 or len(idx) <= cap:
            return [idx[s : s + cap] for s in range(0, len(idx), cap)]
        pages = math.ceil(len(idx) / cap)
        per = math.ceil(pages / math.ceil(pages ** (1 / left))) * cap
        return [t for s in range(0, len(idx), per) for t in tile(idx[s : s + per], dim + 1)]

    return tile(np.arange(len(centres)), 0)
