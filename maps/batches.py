"""Pack events given as Arrow record batches, one batch at a time: the large maps' packer.

A measured speed-up in its own module, beside the plain reference,
:func:`maps.pack.pack_events` (a GeoDataFrame in, a Python object per event
per text column): at a million events the frame and its lists held 2.6 GB.
Here each batch is reduced to typed arrays as it arrives and then dropped:
repeated strings (types, places, regions, claimants, sources) become
indexes into tables of their distinct values, coordinates and days become
numbers, and the notes are cut and marked (see :data:`maps.pack.PLACE_MARK`)
a batch at a time into one Arrow string column. Nothing per event outlives
its batch but numbers, the packed notes, the ids and each batch's sources
(:mod:`maps.batch_sources`, in Arrow): at a million events 0.87 GB at peak
for the whole ``tracker map``, the same page.
``tests/maps/test_batches.py`` holds :func:`pack_batches` to give the
payload of :func:`~maps.pack.pack_events` for the same events.

The batches follow :data:`BATCH_COLUMNS`: the frame's columns
(:data:`maps.FRAME_COLUMNS`, the optional confidence and claim columns)
with the place as ``latitude`` and ``longitude`` (EPSG:4326 degrees; null
or NaN for an event without one) instead of a geometry, days as Arrow
dates, and ``sources`` as the JSON text of each event's list of sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from maps.arrow_text import FixedText, TakenText
from maps.batch_sources import SourceTable
from maps.boundaries import Boundaries, region_of_xy
from maps.columns import CLAIM_COLUMNS, CONFIDENCE_COLUMN, FRAME_COLUMNS
from maps.errors import FrameError
from maps.pack import (
    NO_COORD,
    NUMERIC,
    PLACE_MARK,
    Payload,
    clip_note,
    confidence_per_mille,
    fixed_id_chars,
    ordered_types,
    short_ids,
)

BATCH_COLUMNS: tuple[str, ...] = (*FRAME_COLUMNS, "latitude", "longitude")
"""Columns every batch has; ``confidence`` and :data:`maps.CLAIM_COLUMNS` are optional."""

_WIDE = frozenset({"start", "end", "lat", "lon", "src1"})  # kept as int32; the rest narrowed
_TABLED = {"st": "sub_event_type", "loc": "location", "adm": "admin1", "claim": "claimed_by"}


@dataclass
class _Distinct:
    """The distinct values of one column, numbered in order of first appearance."""

    index: dict[Any, int] = field(default_factory=dict)

    def codes(self, array: pa.Array) -> np.ndarray:
        """Each value's number (-1 for null), adding new values to the table."""
        if pa.types.is_dictionary(array.type):
            array = array.dictionary_decode()
        encoded = pc.dictionary_encode(array)
        seen = [self.index.setdefault(v, len(self.index)) for v in encoded.dictionary.to_pylist()]
        lookup = np.array([*seen, -1], dtype="int32")  # the last entry serves null
        return lookup[pc.fill_null(encoded.indices, -1).to_numpy()]

    def names(self) -> list[str]:
        return [str(v) for v in self.index]


@dataclass
class _Packer:
    """The per-event arrays of the batches seen so far, in the order they came."""

    optional: frozenset[str]
    regions: Boundaries | None
    numbers: dict[str, list[np.ndarray]] = field(default_factory=dict)
    tables: dict[str, _Distinct] = field(default_factory=dict)
    sources: SourceTable = field(default_factory=SourceTable)
    notes: list[pa.Array] = field(default_factory=list)
    ids: list[np.ndarray | pa.Array] = field(default_factory=list)  # fixed-width bytes if they can
    corners: list[tuple[float, float, float, float]] = field(default_factory=list)
    located: int = 0
    rows: int = 0

    def add(self, batch: pa.RecordBatch) -> None:
        """Reduce one checked batch to numbers, table codes and packed notes."""
        lacking = sorted(self.optional - set(batch.schema.names))
        if lacking:
            raise FrameError(f"an event batch lacks {lacking!r}, which the first batch has")
        start, end = _day_bounds(batch)
        self._keep("start", start)
        self._keep("end", end)
        self._place(_floats(batch.column("latitude")), _floats(batch.column("longitude")))
        self._keep("p", np.clip(_ints(batch.column("geo_precision")), 0, 3))
        self._keep("fat", _ints(batch.column("fatalities")))
        types = pc.fill_null(batch.column("event_type"), "Unknown")
        self._keep("t", self.table("t").codes(types))
        for key, name in _TABLED.items():
            if name in batch.schema.names:
                self._keep(key, self.table(key).codes(batch.column(name)))
        if CONFIDENCE_COLUMN in self.optional:
            cf = confidence_per_mille(_floats(batch.column(CONFIDENCE_COLUMN)))
            self._keep("cf", cf.astype("int32"))
        if "alleged" in self.optional:
            self._keep("alg", _ints(batch.column("alleged")))
        if "report_count" in self.optional:
            self._keep("reports", _ints(batch.column("report_count")))
        self._keep("src1", self.sources.add(batch.column("sources")))
        self.notes.append(_marked_notes(batch))
        ids = batch.column("event_id")
        fixed = _fixed_width(ids)
        # Copies: a view or a cast would share (and keep) the batch's own buffers.
        self.ids.append(fixed.copy() if fixed is not None else pa.concat_arrays([ids]))
        self.rows += batch.num_rows

    def _place(self, lat: np.ndarray, lon: np.ndarray) -> None:
        """Keep a batch's coordinates in the page's units, its regions and its corners."""
        located = ~(np.isnan(lat) | np.isnan(lon))
        if self.regions is not None:
            self._keep("rg", region_of_xy(self.regions, lon, lat).astype("int32"))
        self._keep("lat", _scaled(lat, located))
        self._keep("lon", _scaled(lon, located))
        if located.any():
            self.located += int(located.sum())
            lat, lon = lat[located], lon[located]
            self.corners.append((lat.min(), lon.min(), lat.max(), lon.max()))

    def _keep(self, name: str, values: np.ndarray) -> None:
        kept = values if name in _WIDE else _narrow(values)
        self.numbers.setdefault(name, []).append(kept)

    def table(self, key: str) -> _Distinct:
        """The distinct values of one column."""
        return self.tables.setdefault(key, _Distinct())

    def pop(self, name: str) -> np.ndarray:
        """One kept column, whole, no longer kept here."""
        parts = self.numbers.pop(name, [])
        return np.concatenate(parts) if parts else np.empty(0, dtype="int32")


def pack_batches(
    batches: Iterable[pa.RecordBatch], *, regions: Boundaries | None = None
) -> Payload:
    """Pack events given as record batches (:data:`BATCH_COLUMNS`) into the page's columns.

    The payload :func:`maps.pack.pack_events` gives for the same events as a
    frame; ``regions`` gives the ``rg`` column (the region holding each event).

    Raises
    ------
    FrameError
        When a batch lacks a column, a coordinate is out of range, a date is
        missing or a confidence is not from 0 to 1.

    Examples
    --------
    >>> import datetime, pyarrow as pa
    >>> batch = pa.RecordBatch.from_pydict({"event_id": ["a"],
    ...     "event_date": [datetime.date(2022, 3, 1)], "date_start": [None], "date_end": [None],
    ...     "event_type": ["Battles"], "sub_event_type": ["Armed clash"], "geo_precision": [1],
    ...     "location": ["Irpin"], "admin1": ["Kyiv Oblast"], "notes": ["Fighting in Irpin."],
    ...     "fatalities": [0], "sources": ["[]"], "latitude": [50.52], "longitude": [30.25]})
    >>> p = pack_batches([batch])
    >>> p.columns["lat"].tolist(), p.columns["lon"].tolist(), p.columns["d0"].tolist()
    ([505200], [302500], [19052])
    """
    packer: _Packer | None = None
    for batch in batches:
        _check_batch(batch)
        packer = packer or _Packer(optional=_optional_columns(batch), regions=regions)
        packer.add(batch)
        del batch  # each batch goes as soon as it is packed
    return _payload(packer or _Packer(optional=frozenset(), regions=regions))


def _optional_columns(batch: pa.RecordBatch) -> frozenset[str]:
    return frozenset({CONFIDENCE_COLUMN, *CLAIM_COLUMNS} & set(batch.schema.names))


def _payload(packer: _Packer) -> Payload:
    """The columns in the page's order (rows by first day, then id), as pack_events orders them.

    Each kept column is dropped as soon as its ordered copy is made.
    """
    start, end = packer.pop("start"), packer.pop("end")
    ids = _ids(packer.ids)
    packer.ids.clear()
    order = np.lexsort((ids, start))
    short = _short_ids(ids, order)
    del ids
    lat, lon = packer.pop("lat")[order], packer.pop("lon")[order]
    columns: dict[str, Any] = {
        "lat": lat,
        "lon": lon,
        "d0": np.diff(start[order], prepend=0) if len(start) else start,
        "span": (end - start)[order],
        "p": packer.pop("p")[order],
        "fat": packer.pop("fat")[order],
        "notes": TakenText(packer.notes, order),
        **ordered_types(packer.table("t").names(), packer.pop("t")[order]),
        **_tabled(packer, "st", order),
        **_tabled(packer, "loc", order),
        **_tabled(packer, "adm", order),
        **packer.sources.columns(packer.pop("src1"), order),
    }
    if "claimed_by" in packer.optional:
        columns.update(_tabled(packer, "claim", order))
    if "alleged" in packer.optional:
        columns["alg"] = (packer.pop("alg") != 0)[order]
    if packer.regions is not None:
        columns["rg"] = packer.pop("rg")[order]
    if CONFIDENCE_COLUMN in packer.optional:
        columns["cf"] = packer.pop("cf")[order]
    columns["nsrc"] = _source_counts(packer, columns, order)
    columns["ids"], columns["id_chars"] = short
    for name in NUMERIC:
        if name in columns:
            columns[name] = np.ascontiguousarray(columns[name], dtype="<i4")
    columns["place_marks"] = True  # the notes are marked already (see maps.pack.encode_columns)
    return Payload(
        columns=columns,
        n_events=packer.rows,
        n_located=packer.located,
        first_day=int(start.min()) if len(start) else None,
        last_day=int(end.max()) if len(end) else None,
        bounds=_bounds(packer.corners),
    )


def _check_batch(batch: pa.RecordBatch) -> None:
    if not isinstance(batch, pa.RecordBatch):
        raise FrameError(
            f"expected Arrow record batches of events, got a {type(batch).__name__!r}; "
            "give a GeoDataFrame or pyarrow.RecordBatch objects (Table.to_batches())"
        )
    missing = sorted(set(BATCH_COLUMNS) - set(batch.schema.names))
    if missing:
        raise FrameError(
            f"the event batches lack columns {missing!r}; maps.batches.BATCH_COLUMNS lists "
            "what is needed"
        )
    dates = batch.column("event_date")
    if dates.null_count:
        row = pc.index(pc.is_null(dates), True).as_py()
        raise FrameError(
            f"event {batch.column('event_id')[row].as_py()!r} has no usable event_date (None); "
            "every mapped event needs a date"
        )
    for name, limit in (("latitude", 90), ("longitude", 180)):
        values = _floats(batch.column(name))
        if np.any(np.abs(values[~np.isnan(values)]) > limit):
            raise FrameError(
                "event coordinates are outside longitude/latitude ranges; "
                "give latitude and longitude in EPSG:4326 degrees"
            )
    if CONFIDENCE_COLUMN in batch.schema.names:
        _check_confidence(batch)


def _check_confidence(batch: pa.RecordBatch) -> None:
    values = _floats(batch.column(CONFIDENCE_COLUMN))
    bad = np.flatnonzero(~np.isnan(values) & ((values < 0) | (values > 1)))
    if len(bad):
        row = int(bad[0])
        raise FrameError(
            f"event {batch.column('event_id')[row].as_py()!r} has confidence "
            f"{float(values[row])!r}; give a number from 0 to 1, or None when unknown"
        )


# Every array kept from a batch is a copy: a view of a batch's buffer would keep
# the whole batch (notes, sources and all, as a driver hands it over) alive.


def _floats(column: pa.Array) -> np.ndarray:
    """A numeric column as float64, NaN for null (a copy)."""
    return np.array(pc.cast(column, pa.float64()).to_numpy(zero_copy_only=False), copy=True)


def _ints(column: pa.Array) -> np.ndarray:
    """A numeric or boolean column as the page's int32, 0 for null, fractions cut as the
    reference's ``astype(int)`` cuts them (a copy)."""
    whole = pc.cast(column, pa.int64(), safe=False)
    return pc.fill_null(whole, 0).to_numpy().astype("int32")


def _days(column: pa.Array) -> np.ndarray:
    """Days since 1970-01-01, -1 for null."""
    return pc.fill_null(pc.cast(pc.cast(column, pa.date32()), pa.int32()), -1).to_numpy()


def _narrow(values: np.ndarray) -> np.ndarray:
    """A batch's integers in the smallest signed type that holds them (codes into short
    tables, precisions, flags: a byte each); a column's parts join into the widest.

    >>> _narrow(np.array([-1, 3])).dtype, _narrow(np.array([0, 1000])).dtype
    (dtype('int8'), dtype('int16'))
    """
    low, high = (int(values.min()), int(values.max())) if len(values) else (0, 0)
    for kind in ("int8", "int16"):
        if np.iinfo(kind).min <= low and high <= np.iinfo(kind).max:
            return values.astype(kind)
    return values


def _day_bounds(batch: pa.RecordBatch) -> tuple[np.ndarray, np.ndarray]:
    """As pack's: a missing bound falls back to event_date; an inverted interval is closed."""
    day = _days(batch.column("event_date"))
    start = _days(batch.column("date_start"))
    end = _days(batch.column("date_end"))
    start = np.where(start < 0, day, start)
    end = np.where(end < 0, day, end)
    return start, np.maximum(end, start)


def _marked_notes(batch: pa.RecordBatch) -> pa.Array:
    """A batch's notes cut for the popup, each mention of the event's place marked.

    The Python strings live for one batch; what is kept is one Arrow column.
    """
    places = batch.column("location").to_pylist()
    notes = []
    for note, place in zip(batch.column("notes").to_pylist(), places, strict=True):
        text = clip_note(note).replace(PLACE_MARK, " ")
        text = text.replace(str(place), PLACE_MARK) if place else text
        notes.append(text.replace("\0", ""))  # the page's separator (as encode_columns drops it)
    return pa.array(notes, type=pa.string())


def _tabled(packer: _Packer, key: str, order: np.ndarray) -> dict[str, Any]:
    return {key: packer.pop(key)[order], f"{key}_names": packer.table(key).names()}


def _scaled(values: np.ndarray, located: np.ndarray) -> np.ndarray:
    """Degrees in 1e-4 (ACLED's 4 decimals), NO_COORD where there is no place."""
    out = np.full(len(values), NO_COORD, dtype="int32")
    out[located] = np.rint(values[located] * 1e4)
    return out


def _source_counts(packer: _Packer, columns: dict[str, Any], order: np.ndarray) -> np.ndarray:
    """Reports per event: the sources listed, or ``report_count`` when it says more."""
    listed = (np.asarray(columns["src1"]) >= 0).astype("int64")
    for row, ids in columns["src_more"].items():
        listed[int(row)] = len(ids)
    if "report_count" not in packer.optional:
        return listed
    return np.maximum(listed, packer.pop("reports")[order])


def _bounds(
    corners: list[tuple[float, float, float, float]],
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """(south, west), (north, east) of the batches' corners (south, west, north, east)."""
    if not corners:
        return None
    south, west, north, east = np.array(corners, dtype="float64").T
    return (float(south.min()), float(west.min())), (float(north.max()), float(east.max()))


def _fixed_width(ids: pa.Array) -> np.ndarray | None:
    """ASCII ids of one width as a fixed-width byte array (one buffer, no object per id)."""
    if not (pa.types.is_string(ids.type) or pa.types.is_large_string(ids.type)):
        ids = pc.cast(ids, pa.string())  # numbers, say: the reference reads them as text
    if not len(ids) or ids.null_count or not pc.all(pc.string_is_ascii(ids)).as_py():
        return None
    lengths = pc.binary_length(ids)
    width = pc.min(lengths).as_py()
    if width != pc.max(lengths).as_py() or width == 0:
        return None
    wide = pa.types.is_large_string(ids.type)
    offsets = np.frombuffer(ids.buffers()[1], dtype="int64" if wide else "int32")
    offsets = offsets[ids.offset : ids.offset + len(ids) + 1]
    data = np.frombuffer(ids.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    if not data.all():  # a NUL inside an id: the page's separator, dropped as pack drops it
        return None
    return data.view(f"S{width}")


def _ids(parts: list[np.ndarray | pa.Array]) -> np.ndarray:
    """The ids as one fixed-width byte array when every batch's are ASCII of one width (the
    short ids come from one sort), else as one array of str."""
    widths = {p.dtype.itemsize if isinstance(p, np.ndarray) else -1 for p in parts}
    if len(widths) == 1 and -1 not in widths:
        return np.concatenate(parts)
    text = [_plain(p) for p in parts]
    return np.array([i for p in text for i in p], dtype=str) if text else np.array([], str)


def _plain(part: np.ndarray | pa.Array) -> list[str]:
    if isinstance(part, np.ndarray):
        return [i.decode("ascii") for i in part.tolist()]
    return [str(i) for i in part.to_pylist()]


def _short_ids(ids: np.ndarray, order: np.ndarray) -> tuple[Any, int]:
    """:func:`maps.pack.short_ids`; ids of one width stay one byte array."""
    if ids.dtype.kind != "S":
        return short_ids(ids[order].tolist())
    chars = fixed_id_chars(ids)
    return FixedText((ids.astype(f"S{chars}") if chars else ids)[order]), chars
