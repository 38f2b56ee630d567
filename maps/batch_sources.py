"""The sources of events given as record batches, tabled as they come (see maps.batches).

The page holds each distinct source (outlet, title, link) once, numbered by
first use in page order, and each event's first source's number
(:func:`maps.pack.source_table` is the reference). Here each source is
known by one compact key (the repr of its three values) while the batches
are read, and its title and link are kept as Arrow text, not as Python
strings: a million events' 333,000 sources cost 115 MB as tuples of strings.
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
    """Each distinct source seen so far, numbered in order of first appearance."""

    ids: dict[str, int] = field(default_factory=dict)  # repr of (outlet, title, url) -> id
    outlets: dict[str, int] = field(default_factory=dict)  # outlet ('' for none) -> its code
    outlet_codes: list[np.ndarray] = field(default_factory=list)
    titles: list[pa.Array] = field(default_factory=list)
    urls: list[pa.Array] = field(default_factory=list)
    more: dict[int, list[int]] = field(default_factory=dict)  # row -> all its source ids
    rows: int = 0

    def add(self, texts: pa.Array) -> np.ndarray:
        """Each event's first source id (-1 for none) for a batch's JSON texts; events with
        several sources go in ``more``.

        Each distinct JSON text of the batch is parsed once: an article's
        events share theirs.
        """
        encoded = pc.dictionary_encode(texts)
        new: list[tuple[Any, Any, Any]] = []
        parsed = [self._ids(orjson.loads(t), new) for t in encoded.dictionary.to_pylist()]
        self._keep(new)
        first = np.array([ids[0] if ids else -1 for ids in parsed] + [-1], dtype="int32")
        codes = pc.fill_null(encoded.indices, -1).to_numpy()
        several = [k for k, ids in enumerate(parsed) if len(ids) > 1]
        for row in np.flatnonzero(np.isin(codes, several)).tolist() if several else []:
            self.more[self.rows + row] = parsed[codes[row]]
        self.rows += len(texts)
        return first[codes]

    def _ids(self, sources: Any, new: list[tuple[Any, Any, Any]]) -> list[int]:
        """As :func:`maps.pack.source_ids`, keyed by repr: None and '' stay apart, as there."""
        if not isinstance(sources, list) or not sources:
            return []
        out = []
        for source in sources:
            key = _key(source)
            packed = repr(key)  # one string per source; orjson's bytes hold 4 KB each
            number = self.ids.get(packed)
            if number is None:
                number = self.ids[packed] = len(self.ids)
                new.append(key)
            out.append(number)
        return out

    def _keep(self, new: list[tuple[Any, Any, Any]]) -> None:
        def text(values: Any) -> pa.Array:  # as source_table and encode_columns write them
            plain = ("" if v is None else str(v).replace("\0", "") for v in values)
            return pa.array(plain, type=pa.string())

        outlet, title, url = zip(*new, strict=True) if new else ((), (), ())
        self.outlet_codes.append(
            np.array(
                [self.outlets.setdefault(o, len(self.outlets)) for o in map(_outlet, outlet)],
                dtype="int64",
            )
        )
        self.titles.append(text(title))
        self.urls.append(text(url))

    def columns(self, first: np.ndarray, order: np.ndarray) -> dict[str, Any]:
        """The page's source columns for events in ``order`` (``first``: each one's first
        source id, in the order read), numbered by first use as the reference numbers them."""
        size = len(self.ids)
        self.ids.clear()  # the keys are only needed while reading
        first = first[order]
        rank = np.empty(len(order), dtype="int64")
        rank[order] = np.arange(len(order))
        rows = rank[np.fromiter(self.more, dtype="int64", count=len(self.more))]
        lists = list(self.more.values())
        self.more.clear()
        by_row = np.argsort(rows, kind="stable")
        rows, lists = rows[by_row], [lists[k] for k in by_row.tolist()]
        renumber = _first_use(first, rows, lists, size)
        old_of = np.argsort(renumber)
        lookup = np.append(renumber, -1)  # the last entry serves -1, no source
        names = sorted(self.outlets, key=self.outlets.__getitem__)
        outlets = sorted(set(names))
        sorted_code = np.array([outlets.index(n) for n in names], dtype="int64")
        codes = np.concatenate(self.outlet_codes) if self.outlet_codes else np.empty(0, "int64")
        return {
            "src1": lookup[first],
            "src_more": _more(rows, lists, lookup),
            "outlets": outlets,
            "src_outlet": sorted_code[codes[old_of]].tolist(),
            "src_title": TakenText(self.titles, old_of),
            "src_url": TakenText(self.urls, old_of),
        }


def _key(source: Any) -> tuple[Any, Any, Any]:
    if not isinstance(source, dict):  # as pack's _source_key reads an object without them
        return (None, None, None)
    return (source.get("outlet"), source.get("title"), source.get("url"))


def _outlet(value: Any) -> str:
    return "" if value is None else str(value)


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
