"""Turn an events frame into the compact column arrays the page draws from.

The page receives every event once, as parallel arrays (one entry per event,
sorted by start day) plus small string tables, so 100,000 events cost a few
bytes each instead of a Leaflet object and a GeoJSON feature each. Text that
repeats (places, regions, outlets, titles, links) is stored once in a table
and referenced by index.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import geopandas as gpd
import numpy as np
import orjson
import pandas as pd

from maps.columns import CONFIDENCE_COLUMN
from maps.palette import colour_for, legend_order

LARGE_PAYLOAD = 32 * 2**20  # column bytes past which deflate trades size for time
NOTES_MAX_CHARS = 400  # the popup shows the sentence, not an essay; the link has the rest
_EPOCH = np.datetime64("1970-01-01", "D")


NO_COORD = -(2**31)  # latitude/longitude of an event with no place
NUMERIC = (
    "lat", "lon", "d0", "span", "p", "fat", "t", "st", "loc", "adm", "src1", "rg", "cf",
    "claim", "alg", "nsrc", "site",
)  # fmt: skip
"""Columns sent as little-endian int32 arrays."""
TEXT = ("notes", "src_title", "src_url", "loc_names", "ids")
"""Long text lists sent as NUL-joined UTF-8; every other entry travels as JSON."""
MIN_ID_CHARS = 8  # the page keeps ids cut to a unique prefix of at least this length
PLACE_MARK = "\x01"  # stands for the event's place name inside its notes (see encode_columns)


@dataclass(frozen=True, slots=True)
class Payload:
    """What the page receives: column arrays, string tables and a short summary."""

    columns: dict[str, Any]  # NUMERIC names -> int32 arrays; others JSON-able
    n_events: int
    n_located: int
    first_day: int | None  # days since 1970-01-01
    last_day: int | None
    bounds: tuple[tuple[float, float], tuple[float, float]] | None  # (south, west), (north, east)


def pack_events(frame: gpd.GeoDataFrame, *, region_index: Iterable[int] | None = None) -> Payload:
    """Pack a checked events frame (see :func:`maps.columns.check_frame`) into columns.

    Rows are sorted by first day (then event_id). ``region_index`` gives, per
    row of ``frame``, the index of the boundary polygon holding the event (-1
    for none); it becomes the ``rg`` column.

    Examples
    --------
    >>> import datetime, geopandas as gpd
    >>> from shapely.geometry import Point
    >>> f = gpd.GeoDataFrame({"event_id": ["a"], "event_date": [datetime.date(2022, 3, 1)],
    ...     "date_start": [None], "date_end": [None], "event_type": ["Battles"],
    ...     "sub_event_type": ["Armed clash"], "geo_precision": [1], "location": ["Irpin"],
    ...     "admin1": ["Kyiv Oblast"], "notes": ["Fighting in Irpin."], "fatalities": [0],
    ...     "sources": [[]]}, geometry=[Point(30.25, 50.52)], crs=4326)
    >>> p = pack_events(f)
    >>> p.columns["lat"].tolist(), p.columns["lon"].tolist(), p.columns["d0"].tolist()
    ([505200], [302500], [19052])
    """
    start, end = _day_bounds(frame)
    # Fixed-width text sorts several times faster than Python strings.
    ids = np.asarray(frame["event_id"].astype(str).to_numpy(), dtype=str)
    order = np.lexsort((ids, start))
    start, end = start[order], end[order]
    lat, lon, located = _coordinates(frame)
    columns: dict[str, Any] = {
        "lat": lat,
        "lon": lon,
        "d0": np.diff(start, prepend=0) if len(start) else start,
        "span": end - start,
        "p": frame["geo_precision"].fillna(0).astype(int).clip(0, 3).to_numpy(),
        "fat": pd.to_numeric(frame["fatalities"], errors="coerce").fillna(0).astype(int).to_numpy(),
        "notes": [clip_note(n) for n in frame["notes"].to_numpy(dtype=object)],
        **_types(frame),
        **_factorized(frame, "loc", "location"),
        **_factorized(frame, "adm", "admin1"),
        **_sources_of(frame["sources"], order),
        **_claims(frame),
    }
    if region_index is not None:
        columns["rg"] = np.asarray(list(region_index))
    if CONFIDENCE_COLUMN in frame.columns:
        columns["cf"] = confidence_per_mille(frame[CONFIDENCE_COLUMN])
    for name in ("lat", "lon", "p", "fat", "t", "st", "loc", "adm", "rg", "cf", "claim", "alg"):
        if name in columns:
            columns[name] = np.asarray(columns[name])[order]
    columns["notes"] = _reordered(columns["notes"], order)
    columns["nsrc"] = _source_counts(frame, columns, order)
    columns["ids"], columns["id_chars"] = short_ids(_reordered(list(frame["event_id"]), order))
    for name in NUMERIC:
        if name in columns:
            columns[name] = np.ascontiguousarray(columns[name], dtype="<i4")
    return Payload(
        columns=columns,
        n_events=len(frame),
        n_located=int(located.sum()),
        first_day=int(start.min()) if len(start) else None,
        last_day=int(end.max()) if len(end) else None,
        bounds=_bounds(frame, located),
    )


def short_ids(ids: list[Any]) -> tuple[list[str], int]:
    """Event ids cut to the shortest common length (at least :data:`MIN_ID_CHARS`) that keeps
    them apart, as git abbreviates hashes: 24 hex digits of a tracker id cost 2.5 times the
    bytes of 10 in the page. Returns the cut ids and the length (0: kept whole).

    >>> short_ids(["a1b2c3d4e5f6a7b8", "a1b2c3d4e5ffffff"])
    (['a1b2c3d4e5f6', 'a1b2c3d4e5ff'], 12)
    >>> short_ids(["one", "two"])
    (['one', 'two'], 0)
    """
    text = [str(i) for i in ids]
    longest = max((len(t) for t in text), default=0)
    if text and longest > MIN_ID_CHARS and all(len(t) == longest and t.isascii() for t in text):
        return _short_fixed_ids(text, longest)
    for chars in range(MIN_ID_CHARS, longest):
        if len({t[:chars] for t in text}) == len(set(text)):
            return [t[:chars] for t in text], chars
    return text, 0


def _short_fixed_ids(text: list[str], width: int) -> tuple[list[str], int]:
    """:func:`short_ids` of ASCII ids of one width, from one sort instead of a set per length."""
    ids = np.array(text, dtype=f"S{width}")
    chars = fixed_id_chars(ids)
    if not chars:
        return text, 0
    return ids.astype(f"S{chars}").astype(f"U{chars}").tolist(), chars


def fixed_id_chars(ids: np.ndarray) -> int:
    """The characters :func:`short_ids` keeps of fixed-width byte ids (0: all of them).

    Two distinct ids need as many characters as their longest common prefix
    plus one, and in sorted order the longest such prefix is between neighbours.

    >>> fixed_id_chars(np.array([b"a1b2c3d4e5f6a7b8", b"a1b2c3d4e5ffffff"]))
    12
    """
    width = ids.dtype.itemsize
    ordered = np.sort(ids).view(np.uint8).reshape(-1, width)
    longest = -1  # the longest prefix two distinct ids share
    for at in range(0, len(ordered) - 1, _ID_ROWS):  # in slices: a million ids held 0.1 GB
        after = ordered[at + 1 : at + 1 + _ID_ROWS]
        same = after == ordered[at : at + len(after)]
        distinct = ~same.all(axis=1)  # equal neighbours are one id, nothing to tell apart
        if distinct.any():
            longest = max(longest, int(np.argmin(same[distinct], axis=1).max()))
    chars = max(MIN_ID_CHARS, longest + 1)
    return 0 if chars >= width else chars


_ID_ROWS = 65_536


def day_numbers(values: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 for a column of dates (NaT becomes -1).

    >>> import datetime
    >>> day_numbers(pd.Series([datetime.date(1970, 1, 2), None])).tolist()
    [1, -1]
    """
    stamps = pd.to_datetime(values, errors="coerce")
    days = stamps.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    out = (days - _EPOCH).astype("int64")
    out[pd.isna(stamps).to_numpy()] = -1
    return out


def confidence_per_mille(values: pd.Series | np.ndarray) -> np.ndarray:
    """Confidences as whole thousandths, rounded down (-1 when unknown): the ``cf`` column.

    Rounding down keeps every event below a threshold below it in the page too:
    0.4996 becomes 499, under a threshold of 0.5 (500).

    >>> confidence_per_mille(pd.Series([0.5, 0.4996, 0.7 - 0.4, None, 1.0])).tolist()
    [500, 499, 300, -1, 1000]
    """
    numbers = np.asarray(pd.to_numeric(values, errors="coerce"), dtype="float64")
    out = np.full(len(numbers), -1, dtype="int64")
    known = ~np.isnan(numbers)
    # The nudge keeps a 0.3 computed as 0.7 - 0.4 (times 1000: 299.99999999999994) at 300.
    out[known] = np.floor(numbers[known] * 1000 + 1e-6).astype("int64")
    return out


def threshold_per_mille(hide_below: float) -> int:
    """A hiding threshold (0 to 1) in whole thousandths, rounded up to match ``cf``.

    >>> threshold_per_mille(0.5), threshold_per_mille(0.0), threshold_per_mille(0.3333)
    (500, 0, 334)
    """
    return int(np.ceil(hide_below * 1000 - 1e-6))


def _day_bounds(frame: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """First and last day each event covers; a missing bound falls back to event_date."""
    day = day_numbers(frame["event_date"])
    start = day_numbers(frame["date_start"])
    end = day_numbers(frame["date_end"])
    start = np.where(start < 0, day, start)
    end = np.where(end < 0, day, end)
    end = np.maximum(end, start)  # an inverted interval would hide the event everywhere
    return start, end


def _coordinates(frame: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Latitude and longitude in 1e-4 degree (ACLED's 4 decimals); NO_COORD when absent."""
    geoms = frame.geometry
    located = (geoms.notna() & ~geoms.is_empty).to_numpy()
    lat = np.full(len(frame), NO_COORD, dtype="int64")
    lon = np.full(len(frame), NO_COORD, dtype="int64")
    lat[located] = np.rint(geoms[located].y.to_numpy() * 1e4)
    lon[located] = np.rint(geoms[located].x.to_numpy() * 1e4)
    return lat, lon, located


def _reordered(values: list[Any], order: np.ndarray) -> list[Any]:
    return [values[i] for i in order.tolist()]


def clip_note(text: Any) -> str:
    """A note as the popup shows it: text (None and NaN as ''), cut to NOTES_MAX_CHARS."""
    text = "" if text is None or (isinstance(text, float) and np.isnan(text)) else str(text)
    return text if len(text) <= NOTES_MAX_CHARS else text[: NOTES_MAX_CHARS - 1] + "…"


def _types(frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """Event types as indexes into a legend-ordered table, with colours; sub-types likewise."""
    codes, names = pd.factorize(frame["event_type"].fillna("Unknown").astype(str))
    return {**ordered_types(list(names), codes), **_factorized(frame, "st", "sub_event_type")}


def ordered_types(names: list[str], codes: np.ndarray) -> dict[str, Any]:
    """The ``t`` column (indexes into the legend-ordered table of types), the table, its colours.

    ``codes`` index into ``names``, the distinct types.

    >>> ordered_types(["Riots", "Battles"], np.array([0, 1, 0]))["t"].tolist()
    [1, 0, 1]
    """
    table = legend_order(sorted(names))
    index = np.array([table.index(name) for name in names] + [-1], dtype="int64")
    return {"t": index[codes], "types": table, "colours": [colour_for(name) for name in table]}


def _factorized(frame: gpd.GeoDataFrame, key: str, column: str) -> dict[str, Any]:
    """A column as indexes into a table of its distinct values (-1 for missing)."""
    codes, uniques = pd.factorize(frame[column].astype("object").where(frame[column].notna()))
    return {key: codes, f"{key}_names": [str(u) for u in uniques]}


def _sources_of(column: pd.Series, order: np.ndarray) -> dict[str, Any]:
    """:func:`_sources` of a frame's column, rows in ``order``."""
    if not pd.api.types.is_string_dtype(column):
        return _sources(_reordered(column.tolist(), order))
    # JSON text (a bulk reader's): an article's events share theirs, so each
    # distinct text is parsed once, in the order the sorted rows first show it.
    codes, texts = pd.factorize(column)
    codes, texts = codes[order], texts.tolist()
    table: dict[tuple[Any, Any, Any], int] = {}
    ids_of = {int(c): source_ids(orjson.loads(texts[c]), table) for c in pd.unique(codes) if c >= 0}
    size = len(texts)
    del texts  # the distinct texts go as soon as their sources are in the table
    first_of = np.array([ids[0] if ids else -1 for ids in ids_of.values()], dtype="int64")
    lookup = np.full(size + 1, -1, dtype="int64")  # the last entry serves code -1
    lookup[list(ids_of)] = first_of
    several = {c for c, ids in ids_of.items() if len(ids) > 1}
    rows = np.flatnonzero(np.isin(codes, list(several))) if several else []
    more = {str(row): ids_of[int(codes[row])] for row in rows}
    return source_table(lookup[codes], more, table)


def _sources(per_event: list[Any]) -> dict[str, Any]:
    """Sources as a deduplicated table: each event's first source id (-1 for none) in
    ``src1``, and the full list, by row, for the few events with several."""
    table: dict[tuple[Any, Any, Any], int] = {}
    first = np.full(len(per_event), -1, dtype="int64")
    more: dict[str, list[int]] = {}  # events with several sources: row -> all source ids
    for row, given in enumerate(per_event):
        ids = source_ids(given, table)
        if len(ids) == 1:
            first[row] = ids[0]
        elif ids:
            first[row], more[str(row)] = ids[0], ids
    return source_table(first, more, table)


def source_table(
    first: np.ndarray, more: dict[str, list[int]], keys: Iterable[tuple[Any, Any, Any]]
) -> dict[str, Any]:
    """The source columns of the page from each event's first source id, the events with
    several, and the (outlet, title, url) of each source id in order."""
    keys = list(keys)
    outlet = ["" if k[0] is None else str(k[0]) for k in keys]
    outlets = sorted(set(outlet))
    outlet_index = {o: i for i, o in enumerate(outlets)}
    return {
        "src1": first,
        "src_more": more,
        "outlets": outlets,
        "src_outlet": [outlet_index[o] for o in outlet],
        "src_title": ["" if k[1] is None else str(k[1]) for k in keys],
        "src_url": ["" if k[2] is None else str(k[2]) for k in keys],
    }


def source_ids(sources: Any, table: dict[tuple[Any, Any, Any], int]) -> list[int]:
    """The table ids of an event's sources, adding new ones to ``table`` in order."""
    if not isinstance(sources, list | tuple | np.ndarray) or not len(sources):
        return []
    return [table.setdefault(_source_key(s), len(table)) for s in sources]


def _claims(frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """Who claims each event and whether the text only alleges it (optional columns)."""
    out: dict[str, Any] = {}
    if "claimed_by" in frame.columns:
        out.update(_factorized(frame, "claim", "claimed_by"))
    if "alleged" in frame.columns:
        out["alg"] = frame["alleged"].fillna(False).astype(bool).astype(int).to_numpy()
    return out


def _source_counts(frame: gpd.GeoDataFrame, columns: dict[str, Any], order: np.ndarray) -> Any:
    """Reports per event: the sources listed, or ``report_count`` when it says more."""
    listed = (np.asarray(columns["src1"]) >= 0).astype("int64")
    for row, ids in columns["src_more"].items():
        listed[int(row)] = len(ids)
    if "report_count" not in frame.columns:
        return listed
    counted = pd.to_numeric(frame["report_count"], errors="coerce").fillna(0).to_numpy()
    return np.maximum(listed, counted[order].astype("int64"))


def _source_key(source: Any) -> tuple[Any, Any, Any]:
    """(outlet, title, url) of a source given as a dict or an object with those attributes."""
    if isinstance(source, dict):
        return (source.get("outlet"), source.get("title"), source.get("url"))
    if isinstance(source, str):  # not a source (and str.title is a method)
        return (None, None, None)
    return (
        getattr(source, "outlet", None),
        getattr(source, "title", None),
        getattr(source, "url", None),
    )


def encode_columns(columns: dict[str, Any]) -> str:
    """Deflate and base64-encode columns: the form the page inflates once at load.

    Three steps shrink the page before deflating, each undone by the page
    (and by :func:`decode_columns`):

    - *sites*: coordinates and place names repeat (many events at one town),
      so ``lat``, ``lon``, ``loc`` and ``adm`` travel once per distinct site,
      and each event carries ``site``, its index;
    - *place marks*: a sentence usually names its place, so each occurrence of
      the event's place name in its notes becomes :data:`PLACE_MARK`;
    - *byte planes*: each int32 column is sent as byte planes (all low bytes,
      then the next...), only as many as its values need (1, 2 or 4, signed),
      so the page inflates fewer bytes and deflate sees similar bytes together.

    Layout before deflating: a little-endian uint32 giving the length of a
    JSON header, the header (the small JSON entries, plus ``_bin``: name ->
    [offset, count, bytes per value] of each integer column, and ``_txt``: name -> [offset, bytes,
    count] of each long text list), padding to 4 bytes, the int32 columns,
    then the text lists as UTF-8 joined by NUL.

    >>> import numpy as np
    >>> cols = decode_columns(encode_columns({"lat": np.array([1, -2]), "notes": ["x", "ü"]}))
    >>> cols["lat"].tolist(), cols["notes"]
    ([1, -2], ['x', 'ü'])
    """
    columns = _with_place_marks(_with_sites(columns))
    header: dict[str, Any] = {k: v for k, v in columns.items() if k not in NUMERIC + TEXT}
    parts: list[Iterable[Any]] = []
    header["_bin"], offset = {}, 0
    for name in (n for n in NUMERIC if n in columns):
        values = np.ascontiguousarray(columns[name], dtype="<i4")
        width = _byte_width(values)
        parts.append([values.view(np.uint8).reshape(-1, 4)[:, :width].T.tobytes()])
        header["_bin"][name] = [offset, len(values), width]
        offset += len(values) * width
    header["_txt"] = {}
    for name in (n for n in TEXT if n in columns):
        length, pieces = _joined_text(columns[name])
        parts.append(pieces)
        header["_txt"][name] = [offset, length, len(columns[name])]
        offset += length
    head = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    # Level 6 (zlib's default): level 9 saves 2 % more at twice the time. Past
    # LARGE_PAYLOAD bytes, level 3: at a million events 0.8 s instead of 1.9 s
    # for a page 8 % bigger (164 MB of columns to 24.1 MB instead of 22.4 MB).
    level = 6 if 4 + len(head) + offset <= LARGE_PAYLOAD else 3
    # Fed piece by piece (the same bytes as one compress call): the columns are
    # never joined into one more copy of themselves.
    deflate = zlib.compressobj(level)
    out = [deflate.compress(len(head).to_bytes(4, "little")), deflate.compress(head)]
    out.extend(deflate.compress(piece) for pieces in parts for piece in pieces)
    out.append(deflate.flush())
    packed = b"".join(out)
    del out  # each copy goes as soon as the next is made: at a million events 24-32 MB each
    text = base64.b64encode(packed)
    del packed
    return text.decode("ascii")


@runtime_checkable
class JoinedText(Protocol):
    """A long text column that joins itself (see :func:`encode_columns`): the large
    maps' packer keeps its text in Arrow buffers, not as a string per event."""

    def __len__(self) -> int:
        """The number of entries."""
        ...

    def joined(self) -> tuple[int, Iterable[Any]]:
        """The entries (each without NUL) as UTF-8 joined by NUL: its length in bytes, and
        its pieces in order (bytes-like)."""
        ...


def _joined_text(values: Any) -> tuple[int, Iterable[Any]]:
    """A text column (a list of strings or a :class:`JoinedText`) as UTF-8 joined by NUL,
    NULs inside an entry dropped: its length in bytes and its pieces.

    >>> _joined_text(["ab", "c" + chr(0)])
    (4, [b'ab\\x00c'])
    """
    if isinstance(values, JoinedText):
        return values.joined()
    blob = "\0".join(str(v).replace("\0", "") for v in values).encode("utf-8")
    return len(blob), [blob]


def decode_columns(packed: str) -> dict[str, Any]:
    """The inverse of :func:`encode_columns`, as the page does it (for tests and debugging)."""
    raw = zlib.decompress(base64.b64decode(packed))
    size = int.from_bytes(raw[:4], "little")
    columns: dict[str, Any] = json.loads(raw[4 : 4 + size])
    body = raw[4 + size :]
    for name, (offset, count, width) in columns.pop("_bin").items():
        planes = np.frombuffer(body, dtype=np.uint8, count=width * count, offset=offset)
        low = planes.reshape(width, count).T
        fill = np.where(low[:, -1:] >= 128, 255, 0).astype(np.uint8)  # sign extension
        full = np.hstack([low, np.repeat(fill, 4 - width, axis=1)])
        columns[name] = np.ascontiguousarray(full).view("<i4").reshape(-1)
    for name, (offset, length, count) in columns.pop("_txt").items():
        text = body[offset : offset + length].decode("utf-8")
        columns[name] = text.split("\0") if count else []
    return _without_sites(_without_place_marks(columns))


_DATA_BLOCK = re.compile(r'<script type="application/octet-stream"[^>]*>([A-Za-z0-9+/=]+)</script>')


def columns_in_page(page: str) -> dict[str, Any]:
    """The columns a written map page carries (for tests and debugging).

    Raises
    ------
    ValueError
        When the page holds no event data block.
    """
    found = _DATA_BLOCK.search(page)
    if found is None:
        raise ValueError("the page holds no event data; is it a map written by maps.write_map?")
    return decode_columns(found.group(1))


def _byte_width(values: np.ndarray) -> int:
    """Bytes (1, 2 or 4) that hold every value as a signed integer: the rest are not sent.

    >>> _byte_width(np.array([-1, 127])), _byte_width(np.array([128])), _byte_width(np.array([]))
    (1, 2, 1)
    """
    if not len(values):
        return 1
    low, high = int(values.min()), int(values.max())
    for width in (1, 2):
        if -(2 ** (8 * width - 1)) <= low and high < 2 ** (8 * width - 1):
            return width
    return 4


_SITE_COLUMNS = ("lat", "lon", "loc", "adm")


def _with_sites(columns: dict[str, Any]) -> dict[str, Any]:
    if not all(name in columns for name in _SITE_COLUMNS) or "site" in columns:
        return columns
    # int32, as the page holds them: the same table as int64 in half the memory.
    rows = np.column_stack([np.asarray(columns[name], dtype="int32") for name in _SITE_COLUMNS])
    table, codes = np.unique(rows.reshape(-1, len(_SITE_COLUMNS)), axis=0, return_inverse=True)
    out = dict(columns, site=codes.reshape(-1))
    out.update({name: table[:, k] for k, name in enumerate(_SITE_COLUMNS)})
    return out


def _without_sites(columns: dict[str, Any]) -> dict[str, Any]:
    if "site" not in columns:
        return columns
    site = columns.pop("site")
    return columns | {name: columns[name][site] for name in _SITE_COLUMNS}


def _place_names(columns: dict[str, Any]) -> list[str]:
    """The place name of each event ('' when none), from the per-site or per-event columns."""
    names, loc = columns["loc_names"], np.asarray(columns["loc"])
    if "site" in columns:
        loc = loc[np.asarray(columns["site"])]
    return [names[k] if k >= 0 else "" for k in loc.tolist()]


def _with_place_marks(columns: dict[str, Any]) -> dict[str, Any]:
    if "notes" not in columns or "loc" not in columns or "place_marks" in columns:
        return columns
    notes = []
    for note, place in zip(columns["notes"], _place_names(columns), strict=True):
        note = str(note).replace(PLACE_MARK, " ")
        notes.append(note.replace(place, PLACE_MARK) if place else note)
    return dict(columns, notes=notes, place_marks=True)


def _without_place_marks(columns: dict[str, Any]) -> dict[str, Any]:
    if not columns.pop("place_marks", False):
        return columns
    places = _place_names(columns)
    notes = [n.replace(PLACE_MARK, p) for n, p in zip(columns["notes"], places, strict=True)]
    return dict(columns, notes=notes)


def _bounds(
    frame: gpd.GeoDataFrame, located: np.ndarray
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    if not located.any():
        return None
    west, south, east, north = frame.geometry[located].total_bounds
    return (float(south), float(west)), (float(north), float(east))
