"""Events as GeoJSON Feature objects, and the JSON encoder the GeoJSON formats share.

Features are built a chunk at a time from the layout's columns (see
``columns.row_reader``) and encoded with orjson when it is installed: at a
million features the standard library's encoder alone takes longer than our
whole ten-second budget. Both encoders give the same JSON: compact separators,
UTF-8 text left unescaped, dates as ISO 8601 strings.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import islice
from typing import Any, TypeVar

from tracker.export.columns import SURROGATES, Layout, position, row_reader
from tracker.model import Event

try:  # optional speed-up; the standard library gives the same bytes, slower
    import orjson
except ImportError:  # pragma: no cover - tests force the fallback by setting orjson to None
    orjson = None  # type: ignore[assignment]

__all__ = [
    "CHUNK_SIZE",
    "chunked",
    "encode_each",
    "encode_features",
    "encoder",
    "iter_features",
    "json_text",
    "relaxed_gc",
]

CHUNK_SIZE = 10_000
T = TypeVar("T")
Encoder = Callable[[Any], bytes]


@contextlib.contextmanager
def relaxed_gc(threshold: int = 50_000) -> Iterator[None]:
    """Run the cyclic garbage collector less often while an export allocates.

    An export makes millions of short-lived dicts and lists; with the default
    threshold (700) every few hundred of them trigger a collection that also
    walks every live object, including a caller's list of a million events,
    which doubled the time of a GeoJSON export. Cycles are still collected,
    just in larger steps, so memory stays bounded.
    """
    old = gc.get_threshold()
    gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Successive lists of at most ``size`` items, without reading ahead further."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _plain(value: Any) -> Any:
    # What orjson does natively: dates as ISO 8601, dataclasses as objects.
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


_STDLIB = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), default=_plain, allow_nan=False
)


def _stdlib_encode(obj: Any) -> bytes:
    return _STDLIB.encode(obj).encode("utf-8", SURROGATES)


def _orjson_encode(obj: Any) -> bytes:
    try:
        return orjson.dumps(obj)
    except orjson.JSONEncodeError:
        # orjson refuses lone surrogates (text decoded with "surrogateescape");
        # the standard library path writes them as U+FFFD instead of failing.
        return _stdlib_encode(obj)


def encoder(*, prefer_orjson: bool = True) -> Encoder:
    """The JSON encoder to use: orjson when available and preferred, else the stdlib's."""
    if prefer_orjson and orjson is not None:
        return _orjson_encode
    return _stdlib_encode


# Where one Feature ends and the next begins in an encoded array of Features.
# The bytes cannot occur inside a string (JSON escapes every quote there as
# \"), nor inside properties (no nested object starts with "type":"Feature").
_BOUNDARY = b'},{"type":"Feature",'


def encode_features(features: list[dict[str, Any]], encode: Encoder, *, separator: bytes) -> bytes:
    """Encode Features in one encoder call, ``separator`` between them (no brackets).

    One call for a batch is several times faster than one per Feature with
    orjson; the boundary split then puts each Feature on its own line.
    """
    if not features:
        return b""
    joined = encode(features)[1:-1]
    return joined.replace(_BOUNDARY, b"}" + separator + b'{"type":"Feature",')


# Each value is wrapped as {"\u0000": value} so one encoder call serves a
# whole column. The separator holds `{"`, which never occurs inside a JSON string
# (a quote there is always escaped), and no exported value has a NUL key.
_ITEM_START = b'[{"\\u0000":'
_ITEM_SEPARATOR = b'},{"\\u0000":'


def encode_each(values: Sequence[Any], encode: Encoder | None = None) -> list[bytes | None]:
    """The JSON of each value, from a single encoder call; None stays None.

    orjson spends most of its time per call, not per byte: one call for a
    column of 16,384 small values is ten times faster than one call per value.

    >>> encode_each([("a", "b"), None, ()])
    [b'["a","b"]', None, b'[]']
    """
    if not values:
        return []
    joined = (encode or encoder())([{"\x00": v} for v in values])
    parts = joined[len(_ITEM_START) : -2].split(_ITEM_SEPARATOR)
    return [None if v is None else p for v, p in zip(values, parts, strict=True)]


def json_text(value: Any) -> str | None:
    """Compact JSON text of a value for a flat format's cell; None stays None."""
    return None if value is None else encoder()(value).decode("utf-8")


def _feature_chunk(chunk: Sequence[Event], layout: Layout) -> Iterator[dict[str, Any]]:
    read_row = row_reader(layout)
    for event in chunk:
        properties = read_row(event)
        # The coordinate columns' readers have already checked and rounded them.
        where = position(properties["latitude"], properties["longitude"])
        yield {
            "type": "Feature",
            "id": event.event_id,
            "geometry": None if where is None else {"type": "Point", "coordinates": where},
            "properties": properties,
        }


def iter_features(events: Iterable[Event], layout: Layout) -> Iterator[dict[str, Any]]:
    """GeoJSON Features for ``events`` in order: ``id`` is the event id, unlocated → null geometry.

    Examples
    --------
    >>> from datetime import date
    >>> from tracker.export.columns import DEFAULT
    >>> from tracker.model import SubEventType, TimePrecision
    >>> ev = Event("e1", date(2022, 4, 12), TimePrecision.DAY, SubEventType.ARMED_CLASH.event_type,
    ...            SubEventType.ARMED_CLASH, "Fighting near the village.",
    ...            latitude=50.675561, longitude=30.213564)
    >>> next(iter_features([ev], DEFAULT))["geometry"]
    {'type': 'Point', 'coordinates': [30.21356, 50.67556]}
    """
    for chunk in chunked(events, CHUNK_SIZE):
        yield from _feature_chunk(chunk, layout)
