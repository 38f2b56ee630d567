"""A built gazetteer index on disk, loaded in one read: a measured speed-up.

Building the index of the full Ukraine dump (plus the embedded cities of every
other country) from database rows takes 2-3 s and some 220 MB in every process
that needs it. A *snapshot* is the built index written once, as columns rather
than objects, so a process reads it in a fraction of a second:

- places are columns (ids, coordinates, codes); a :class:`~geodata.model.Place`
  is made only when looked up (:class:`LazyPlaces`);
- name keys are one list with the hits of each key as slices of two arrays
  (:class:`NameTable`);
- the Aho-Corasick automaton stores integers, which pickle as plain bytes.

The plain path is :class:`geodata.index.GazetteerBuilder` building a
:class:`~geodata.index.MemoryGazetteer` from rows; ``tests/geodata/test_snapshot.py``
checks that a snapshot answers every lookup, scan and resolution exactly as the
index it was written from. A snapshot carries a ``stamp`` naming what it was built
from (see :func:`geodata.store.load_gazetteer`); one with another stamp, another
format or damaged bytes reads as missing, and the caller rebuilds it.

Pickle is safe here only because snapshots live where the user's own database or
cache folder is, as trusted as the installed code; they are never downloaded.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from array import array
from collections.abc import Iterator, Mapping
from itertools import accumulate, chain
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.model import Place

if TYPE_CHECKING:
    from geodata.index import MemoryGazetteer

MAGIC = b"geodata index snapshot\n"
FORMAT = 2  # 2: places carry their hromada (admin3)
Hits = tuple[tuple[int, float], ...]
_FIELDS = (
    "name", "feature_class", "feature_code", "country", "admin1", "admin1_code", "admin2", "admin3"
)  # fmt: skip


class LazyPlaces(Mapping[int, Place]):
    """Places held as columns; each :class:`Place` is built on first look-up, then kept."""

    def __init__(self, columns: dict[str, Any]) -> None:
        self._columns = columns
        self._ids: array = columns["geonameid"]
        self._row = {gid: i for i, gid in enumerate(self._ids)}
        self._made: dict[int, Place] = {}

    def __getitem__(self, geonameid: int) -> Place:
        place = self._made.get(geonameid)
        if place is None:
            place = self._made[geonameid] = self._build(self._row[geonameid])
        return place

    def _build(self, i: int) -> Place:
        c = self._columns
        return Place(
            geonameid=self._ids[i],
            latitude=c["latitude"][i],
            longitude=c["longitude"][i],
            population=c["population"][i],
            **{f: c[f][i] for f in _FIELDS},
        )

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, geonameid: object) -> bool:
        return geonameid in self._row


def place_columns(places: Mapping[int, Place]) -> dict[str, Any]:
    """The columns of ``places``, in their order."""
    # one attrgetter call per place and one zip, not a Python loop per field and place
    rows = list(
        map(
            attrgetter("geonameid", "latitude", "longitude", "population", *_FIELDS),
            places.values(),
        )
    )
    cols = list(zip(*rows, strict=True)) if rows else [()] * (4 + len(_FIELDS))
    columns: dict[str, Any] = {
        "geonameid": array("q", cols[0]),
        "latitude": array("d", cols[1]),
        "longitude": array("d", cols[2]),
        "population": array("q", cols[3]),
    }
    for f, values in zip(_FIELDS, cols[4:], strict=True):
        # One object per distinct value ("UA", "PPL", "Kharkiv Oblast"): pickle then
        # stores each once and later rows refer to it, so the file is smaller, loads
        # faster and holds one copy in memory, not 86,000.
        seen: dict[str | None, str | None] = {}
        columns[f] = [seen.setdefault(v, v) for v in values]
    return columns


class NameTable(Mapping[str, Hits]):
    """Name key → ``((geonameid, quality), ...)``, held as a key list and two flat arrays."""

    def __init__(self, keys: list[str], ends: array, gids: array, qualities: array) -> None:
        self._keys = keys
        self._pos = {k: i for i, k in enumerate(keys)}
        self._ends = ends
        self._gids = gids
        self._qualities = qualities

    @classmethod
    def from_mapping(cls, names: Mapping[str, Hits]) -> NameTable:
        """Pack a plain ``{key: hits}`` mapping (the reference :meth:`from_builder` agrees with)."""
        hits = list(names.values())
        ends = array("q", accumulate(map(len, hits)))
        gids = array("q", [gid for key_hits in hits for gid, _quality in key_hits])
        qualities = array("d", [quality for key_hits in hits for _gid, quality in key_hits])
        return cls(list(names), ends, gids, qualities)

    @classmethod
    def from_builder(cls, names: Mapping[str, Mapping[int, float]]) -> NameTable:
        """Pack the builder's ``{key: {geonameid: quality}}``, hits in insertion order.

        The same table as ``from_mapping({k: tuple(v.items()) ...})`` without making a
        tuple per key and hit first: each column is one pass in C over the dicts.
        """
        slots = list(names.values())
        ends = array("q", accumulate(map(len, slots)))
        gids = array("q", chain.from_iterable(slots))
        qualities = array("d", chain.from_iterable(map(dict.values, slots)))
        return cls(list(names), ends, gids, qualities)

    def __getitem__(self, key: str) -> Hits:
        return self._hits(self._pos[key])

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        """The hits of ``key``, or ``default`` (without raising: most words are no key)."""
        i = self._pos.get(key)
        return default if i is None else self._hits(i)

    def _hits(self, i: int) -> Hits:
        start = self._ends[i - 1] if i else 0
        end = self._ends[i]
        return tuple(zip(self._gids[start:end], self._qualities[start:end], strict=True))

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._pos

    def packed(self) -> tuple[list[str], array, array, array]:
        """The key list and arrays, as a snapshot stores them."""
        return self._keys, self._ends, self._gids, self._qualities


def write_snapshot(path: Path, index: MemoryGazetteer, *, stamp: str) -> bool:
    """Write ``index`` to ``path`` atomically; False (never an error) when it cannot be written.

    A unique temporary file is renamed into place, so two processes writing at
    once each leave a whole file, and a reader never sees half of one.
    """
    state = index.snapshot_state()
    payload = {
        "format": FORMAT,
        "stamp": stamp,
        "places": place_columns(state["places"]),
        "names": _name_table(state["names"]).packed(),
        "facilities": array("q", (p.geonameid for p in state["facilities"])),
        "automaton": state["automaton"],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC)
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        return False
    return True


def _name_table(names: Mapping[str, Hits]) -> NameTable:
    return names if isinstance(names, NameTable) else NameTable.from_mapping(names)


def read_snapshot(path: Path, *, stamp: str | None = None) -> MemoryGazetteer | None:
    """The index in ``path``, or None when it is missing, damaged, of another format or stamp.

    ``stamp=None`` accepts any stamp (the caller's file name already names the inputs).
    """
    from geodata.index import MemoryGazetteer

    try:
        with path.open("rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                return None
            payload = pickle.load(fh)  # our own file: see above
        if payload["format"] != FORMAT or (stamp is not None and payload["stamp"] != stamp):
            return None
        places = LazyPlaces(payload["places"])
        names = NameTable(*payload["names"])
        return MemoryGazetteer.from_snapshot(
            places, names, payload["automaton"], facilities=list(payload["facilities"])
        )
    except Exception:  # noqa: BLE001 - missing, unreadable or damaged: the caller rebuilds it
        return None
