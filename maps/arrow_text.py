"""Text columns held in Arrow buffers that join themselves for the page (see maps.batches).

Both are :class:`maps.pack.JoinedText`: :func:`maps.pack.encode_columns`
deflates their pieces as they come, so a column is never one Python string
per entry, nor one more whole copy of itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

TEXT_SLICE = 65_536  # entries of a text column taken and joined at a time


@dataclass(frozen=True, slots=True)
class TakenText:
    """The rows ``order`` (numbered across the chunks) of Arrow text chunks: a
    :class:`maps.pack.JoinedText` taken and joined a slice at a time, never whole;
    a null is empty, and NULs inside an entry are dropped, as for a list of strings."""

    chunks: list[pa.Array]
    order: np.ndarray

    def __len__(self) -> int:
        return len(self.order)

    def joined(self) -> tuple[int, Iterable[Any]]:
        def count(column: pa.Array) -> np.ndarray:
            return pc.fill_null(column, 0).to_numpy().astype("int64")

        size = np.zeros(sum(len(c) for c in self.chunks), dtype="int64")
        at = 0
        for c in self.chunks:
            bytes_, nuls = count(pc.binary_length(c)), count(pc.count_substring(c, "\0"))
            size[at : at + len(c)] = bytes_ - nuls
            at += len(c)
        return int(size[self.order].sum()) + max(len(self) - 1, 0), self._pieces()

    def _pieces(self) -> Iterable[Any]:
        starts = np.cumsum([0, *(len(c) for c in self.chunks)])
        for at in range(0, len(self), TEXT_SLICE):
            part = take_rows(self.chunks, starts, self.order[at : at + TEXT_SLICE])
            part = pc.replace_substring(pc.fill_null(part, ""), "\0", "")
            whole = pa.ListArray.from_arrays(pa.array([0, len(part)], pa.int32()), part)
            if at:
                yield b"\0"
            yield pc.binary_join(whole, pa.scalar("\0", part.type))[0].as_buffer()


def take_rows(chunks: list[pa.Array], starts: np.ndarray, rows: np.ndarray) -> pa.Array:
    """Rows (numbered across the chunks) of chunked text: each chunk is taken from once."""
    chunk = np.searchsorted(starts, rows, side="right") - 1
    parts, at = [], []
    for k in np.unique(chunk).tolist():
        mine = np.flatnonzero(chunk == k)
        parts.append(chunks[k].take(pa.array(rows[mine] - starts[k])))
        at.append(mine)
    if not parts:
        return pa.array([], pa.string())
    back = np.empty(len(rows), dtype="int64")
    back[np.concatenate(at)] = np.arange(len(rows))
    return pa.concat_arrays(parts).take(pa.array(back))


@dataclass(frozen=True, slots=True)
class FixedText:
    """Fixed-width ASCII without NULs: a :class:`maps.pack.JoinedText` from one buffer."""

    values: np.ndarray

    def __len__(self) -> int:
        return len(self.values)

    def joined(self) -> tuple[int, Iterable[Any]]:
        width, n = self.values.dtype.itemsize, len(self.values)
        rows = np.zeros((n, width + 1), dtype=np.uint8)
        rows[:, :width] = self.values.view(np.uint8).reshape(n, width)
        blob = rows.tobytes()[:-1]
        return len(blob), [blob]
