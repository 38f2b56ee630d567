"""The packed rebuild of SQLite's R*Tree (see ``rtree.py`` for when it runs).

A measured speed-up in its own module: at a million events a rebuild that
sorts every point once (Sort-Tile-Recursive) and writes the R*Tree's own
tables takes about a third of the time of inserting the rows one by one, and
its nodes overlap less. The plain reference is SQLite itself: ``rtree.py``
inserts the backlog row by row when it is small. The tests compare every
spatial answer with a brute-force filter, after both kinds of upkeep.

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

from tracker.store.rtree import BACKLOG, DIMS, TABLE

_CELL_BYTES = 8 + 4 * 2 * DIMS
# Packed nodes are filled to 90%: a later insert rarely splits a node at once.
_FILL = 0.9
_FETCH = 100_000
_POINTS_SQL = (
    "SELECT id, longitude, latitude, julianday(event_date) FROM events "
    "WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
)


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
