"""The sources of events given as record batches, tabled as they come (see maps.batches).

The page holds each distinct source (outlet, title, link) once, numbered by
first use in page order, and each event's first source's number
(:func:`maps.pack.source_table` is the reference). Here no Python object
per source outlives its batch: each batch's distinct sources (a batch's
own table) are kept as three Arrow text columns, and the sources seen in
several batches are told apart once, at the end, from the three columns'
dictionary codes (so values are compared as text, and null apart from '').
A million events' 333,000 sources held 115 MB as tuples of strings in one
dictionary, 20 MB as Arrow text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc

from maps.arrow_text import TakenText


@dataclass
class SourceTable:
    """The sources of the batches seen so far: each batch's distinct ones, in Arrow."""

    outlets: list[pa.Array] = field(default_factory=list)
    titles: list[pa.Array] = field(default_factory=list)
    urls: list[pa.Array] = field(default_factory=list)
    more: dict[int, list[int]] = field(default_factory=dict)  # row -> all its sources
    rows: int = 0
    seen: int = 0  # sources kept so far: a batch's source k is source seen + k

    def add(self, texts: pa.Array) -> np.ndarray:
        """Each event's first source (-1 for none) for a batch's JSON texts; events with
        several sources go in ``more``. Sources are numbered across batches, a source
        in two batches twice (see :meth:`columns`).

        Each distinct JSON text of the batch is parsed once: an article's
        events share theirs.
        """
        encoded = pc.dictionary_encode(texts)
        table: dict[tuple[Any, Any, Any], int] = {}
        parsed = [_ids(orjson.loads(t), table, self.seen) for t in encoded.dictionary.to_pylist()]
        self._keep(list(table))
        first = np.array([ids[0] if ids else -1 for ids in parsed] + [-1], dtype="int32")
        codes = pc.fill_null(encoded.indices, -1).to_numpy()
        several = [k for k, ids in enumerate(parsed) if len(ids) > 1]
        for row in np.flatnonzero(np.isin(codes, several)).tolist() if several else []:
            self.more[self.rows + row] = parsed[codes[row]]
        self.rows += len(texts)
        return first[codes]

    def _keep(self, keys: list[tuple[Any, Any, Any]]) -> None:
        outlet, title, url = zip(*keys, strict=True) if keys else ((), (), ())
        for kept, values in ((self.outlets, outlet), (self.titles, title), (self.urls, url)):
            kept.append(pa.array([None if v is None else str(v) for v in values], pa.string()))
        self.seen += len(keys)

    def columns(self, first: np.ndarray, order: np.ndarray) -> dict[str, Any]:
        """The page's source columns for events in ``order`` (``first``: each one's first
        source, in the order read), numbered by first use as the reference numbers them."""
        outlet, title, url = (_whole(kept) for kept in (self.outlets, self.titles, self.urls))
        self.outlets, self.titles, self.urls = [], [], []
        kept, same = _distinct(outlet, title, url)  # same[k]: the distinct source k is
        first = np.append(same, -1)[first][order]  # the last entry serves -1, no source
        rank = np.empty(len(order), dtype="int64")
        rank[order] = np.arange(len(order))
        rows = rank[np.fromiter(self.more, dtype="int64", count=len(self.more))]
        lists = [same[ids].tolist() for ids in self.more.values()]
        self.more.clear()
        by_row = np.argsort(rows, kind="stable")
        rows, lists = rows[by_row], [lists[k] for k in by_row.tolist()]
        renumber = _first_use(first, rows, lists, len(kept))
        at = kept[np.argsort(renumber)]  # each new number's row in the kept columns
        lookup = np.append(renumber, -1)  # the last entry serves -1, no source
        names, codes = _outlet_codes(outlet)
        return {
            "src1": lookup[first],
            "src_more": _more(rows, lists, lookup),
            "outlets": names,
            "src_outlet": codes[at].tolist(),
            "src_title": TakenText([title], at),
            "src_url": TakenText([url], at),
        }


def _ids(sources: Any, table: dict[tuple[Any, Any, Any], int], seen: int) -> list[int]:
    """As :func:`maps.pack.source_ids`, numbered from ``seen``."""
    if not isinstance(sources, list) or not sources:
        return []
    return [seen + table.setdefault(_key(s), len(table)) for s in sources]


def _whole(parts: list[pa.Array]) -> pa.Array:
    return pa.concat_arrays(parts) if parts else pa.array([], pa.string())


def _distinct(*columns: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The rows holding each distinct combination of the columns' values (null apart from
    ''), and each row's distinct combination."""
    codes = np.stack(
        [pc.fill_null(pc.dictionary_encode(c).indices, -1).to_numpy() for c in columns], axis=1
    ).astype("int32")
    if not len(codes):
        return np.empty(0, dtype="int64"), np.empty(0, dtype="int64")
    rows = codes.view([("", "int32")] * len(columns)).reshape(-1)
    _, kept, same = np.unique(rows, return_index=True, return_inverse=True)
    return kept, same.reshape(-1)


def _outlet_codes(outlet: pa.Array) -> tuple[list[str], np.ndarray]:
    """The outlets' names, sorted ('' for none), and each kept row's index among them."""
    encoded = pc.dictionary_encode(outlet)
    names = [str(v) for v in encoded.dictionary.to_pylist()]
    table = sorted({*names, *([""] if encoded.indices.null_count else [])})
    slots = [*names, *([""] if "" in table else [])]  # the last slot serves null
    index = np.array([table.index(n) for n in slots], dtype="int64")
    codes = pc.fill_null(encoded.indices, len(names)).to_numpy()
    return table, index[codes] if len(codes) else np.empty(0, dtype="int64")


def _key(source: Any) -> tuple[Any, Any, Any]:
    if not isinstance(source, dict):  # as pack's _source_key reads an object without them
        return (None, None, None)
    return (source.get("outlet"), source.get("title"), source.get("url"))


def _more(rows: np.ndarray, lists: list[list[int]], lookup: np.ndarray) -> dict[str, list[int]]:
    """``src_more``: each event with several sources (by page row) -> all their new ids."""
    flat = lookup[np.fromiter(itertools.chain.from_iterable(lists), dtype="int64")].tolist()
    lengths = np.array([len(ids) for ids in lists], dtype="int64")
    ends = np.cumsum(lengths).tolist()
    starts = (np.cumsum(lengths) - lengths).tolist()
    return {
        str(row): flat[start:end]
        for row, start, end in zip(rows.tolist(), starts, ends, strict=True)
    }


def _first_use(
    first: np.ndarray, rows: np.ndarray, lists: list[list[int]], size: int
) -> np.ndarray:
    """New number of each source id: its rank by first use, reading the rows in order and
    each row's sources in turn (``first`` is each row's first; ``lists``, all the sources
    of the ``rows`` that have several)."""
    turns = 1 + max((len(ids) for ids in lists), default=1)
    lengths = np.array([len(ids) - 1 for ids in lists], dtype="int64")
    later = np.fromiter(
        itertools.chain.from_iterable(ids[1:] for ids in lists), dtype="int64", count=lengths.sum()
    )
    turn = np.arange(len(later)) - np.repeat(np.cumsum(lengths) - lengths, lengths) + 1
    # Where each id is first used, as one number (row, then turn), with no sort of the uses.
    at = np.full(size, np.iinfo("int64").max, dtype="int64")
    with_first = np.flatnonzero(first >= 0)
    np.minimum.at(at, first[with_first], with_first * turns)
    np.minimum.at(at, later, np.repeat(rows, lengths) * turns + turn)
    renumber = np.full(size, -1, dtype="int64")
    renumber[np.argsort(at, kind="stable")] = np.arange(size)
    return renumber
