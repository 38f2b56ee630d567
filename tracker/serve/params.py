"""Query parameters of the items endpoint -> an EventFilter, a page and a representation.

Every mistake is a :class:`QueryError` whose one-line message names the
parameter, shows the value and gives a working example; the server answers
it with 400. ``datetime`` follows OGC API - Features: an instant
(``2024-03-01`` or ``2024-03-01T10:00:00Z``) or an interval ``start/end``
where either end may be open (``..`` or empty). Events are dated to the day,
so a time of day only chooses the day it falls on (in UTC).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from tracker.errors import ConfigError
from tracker.model import EventFilter, EventType, GeoPrecision, SubEventType

__all__ = [
    "CRS84",
    "DEFAULT_LIMIT",
    "FILTER_PARAMS",
    "MAX_LIMIT",
    "ItemsQuery",
    "QueryError",
    "parse_items_query",
]

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000

FILTER_PARAMS: dict[str, str] = {
    "bbox": "minlon,minlat,maxlon,maxlat in WGS 84 degrees (CRS84), e.g. 30,50,31,51",
    "datetime": "an instant or interval, open ends as '..': 2024-03-01, 2024-03-01/2024-03-31, "
    "../2024-03-31",
    "type": "ACLED event type, e.g. Battles; repeatable (any of them)",
    "sub_event_type": "ACLED sub-event type, e.g. Air/drone strike; repeatable (any of them)",
    "region": "admin-1 region, e.g. Kharkiv Oblast",
    "actor": "text in actor1 or actor2",
    "precision": "worst geo_precision kept: 1 settlement, 2 near, 3 region",
    "min_confidence": "only events whose confidence (0-1) is at least this, e.g. 0.5",
    "text": "text in the notes",
    "outlet": "text in the outlet name of a source",
    "changed_since": "only events added or changed since this ISO time, e.g. 2024-03-01T12:00:00Z",
}
"""Every filter the items endpoint takes, with its help (also the OpenAPI description)."""

PAGING_PARAMS = ("limit", "offset", "f", "bbox-crs")
_REPEATABLE = frozenset({"type", "sub_event_type"})


class QueryError(ConfigError):
    """A query parameter the server cannot use (answered with 400)."""


@dataclass(frozen=True, slots=True)
class ItemsQuery:
    """What one items request asks for."""

    event_filter: EventFilter
    limit: int | None  # None: every match (streaming formats only)
    offset: int
    fmt: str | None  # from ``f=``; None leaves it to the Accept header


def parse_items_query(params: Mapping[str, Sequence[str]], *, streaming: bool) -> ItemsQuery:
    """Check every parameter and build the query; raise QueryError on the first mistake.

    ``params`` maps each name to its values in order (repeated names keep
    every value); ``streaming`` says the answer streams, so it may go without
    a limit (every match).

    Examples
    --------
    >>> q = parse_items_query({"bbox": ["30,50,31,51"], "datetime": ["2024-03-01/.."]},
    ...                       streaming=False)
    >>> q.event_filter.bbox, q.event_filter.since, q.limit
    ((30.0, 50.0, 31.0, 51.0), datetime.date(2024, 3, 1), 100)
    """
    _check_names(params)
    one = {k: _single(k, v) for k, v in params.items() if k not in _REPEATABLE}
    fmt = one.get("f")
    since, until = parse_datetime(one["datetime"]) if "datetime" in one else (None, None)
    _check_crs(one.get("bbox-crs"))
    flt = EventFilter(
        since=since,
        until=until,
        event_types=tuple(_enum(EventType, v, "type") for v in params.get("type", ())),
        sub_event_types=tuple(
            _enum(SubEventType, v, "sub_event_type") for v in params.get("sub_event_type", ())
        ),
        bbox=_bbox(one["bbox"]) if "bbox" in one else None,
        region=_text(one, "region"),
        actor=_text(one, "actor"),
        max_geo_precision=_precision(one.get("precision")),
        text=_text(one, "text"),
        outlet=_text(one, "outlet"),
        changed_since=_instant(one["changed_since"], "changed_since")
        if "changed_since" in one
        else None,
        min_confidence=_probability(one.get("min_confidence")),
    )
    limit = _limit(one.get("limit"), unlimited_ok=streaming)
    return ItemsQuery(flt, limit, _int(one.get("offset"), "offset", default=0), fmt)


def _check_names(params: Mapping[str, Sequence[str]]) -> None:
    known = (*FILTER_PARAMS, *PAGING_PARAMS)
    for name in params:
        if name not in known:
            raise QueryError(
                f"unknown query parameter {name!r}; the items endpoint takes: {', '.join(known)}"
            )


def _single(name: str, values: Sequence[str]) -> str:
    if len(values) != 1:
        raise QueryError(f"{name} is given {len(values)} times; give it once")
    return values[0]


def _text(one: Mapping[str, str], name: str) -> str | None:
    value = one.get(name)
    if value is not None and not value.strip():
        raise QueryError(f"{name} is empty; leave it out or give some text")
    return value


def _enum(kind: type[EventType] | type[SubEventType], value: str, name: str) -> object:
    by_name = {m.value.casefold(): m for m in kind}
    found = by_name.get(value.strip().casefold())
    if found is None:
        choices = "; ".join(m.value for m in kind)
        raise QueryError(
            f"{name} {value!r} is not an ACLED {name.replace('_', '-')}; one of: {choices}"
        )
    return found


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        parts = [float(p) for p in value.split(",")]
    except ValueError:
        parts = []
    if len(parts) == 6:
        raise QueryError(
            f"bbox {value!r} has heights; events have none, give minlon,minlat,maxlon,maxlat"
        )
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise QueryError(
            f"bbox {value!r} is not four numbers minlon,minlat,maxlon,maxlat, e.g. 30,50,31,51"
        )
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise QueryError(f"bbox {value!r}: longitudes must be within -180..180, e.g. 30,50,31,51")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise QueryError(
            f"bbox {value!r}: latitudes must be within -90..90 with the smaller first, "
            "e.g. 30,50,31,51"
        )
    if min_lon > max_lon:
        raise QueryError(
            f"bbox {value!r} crosses the antimeridian, which is not supported; "
            "ask for the two sides as two requests"
        )
    return min_lon, min_lat, max_lon, max_lat


def _check_crs(value: str | None) -> None:
    if value is not None and value not in (CRS84, "OGC:CRS84", "CRS84"):
        raise QueryError(f"bbox-crs {value!r} is not supported; give bbox in {CRS84} (lon,lat)")


def parse_datetime(value: str) -> tuple[date | None, date | None]:
    """The first and last day an OGC ``datetime`` value covers (None for an open end).

    >>> parse_datetime("2024-03-01T10:00:00Z/..")
    (datetime.date(2024, 3, 1), None)
    >>> parse_datetime("2024-03-05")
    (datetime.date(2024, 3, 5), datetime.date(2024, 3, 5))
    """
    if "/" not in value:
        day = _day(value)
        return day, day
    start, _, end = value.partition("/")
    if "/" in end:
        raise QueryError(f"datetime {value!r} has more than one '/'; write start/end")
    first = None if start in ("", "..") else _day(start)
    last = None if end in ("", "..") else _day(end)
    if first is None and last is None:
        raise QueryError(f"datetime {value!r} is open at both ends; leave datetime out instead")
    if first is not None and last is not None and first > last:
        raise QueryError(f"datetime {value!r} starts after it ends; swap the two ends")
    return first, last


def _day(value: str) -> date:
    if len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return _instant(value, "datetime").astimezone(UTC).date()


def _instant(value: str, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        raise QueryError(
            f"{name} {value!r} is not an RFC 3339 date or time, e.g. 2024-03-01 or "
            "2024-03-01T12:00:00Z"
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _precision(value: str | None) -> GeoPrecision | None:
    if value is None:
        return None
    if value not in ("1", "2", "3"):
        raise QueryError(f"precision {value!r} is not 1, 2 or 3 (settlement, near, region)")
    return GeoPrecision(int(value))


def _probability(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number <= 1:
        raise QueryError(f"min_confidence {value!r} is not a number from 0 to 1, e.g. 0.5")
    return number


def _int(value: str | None, name: str, *, default: int) -> int:
    if value is None:
        return default
    if not value.isdigit():
        raise QueryError(f"{name} {value!r} is not a whole number of 0 or more, e.g. {name}=100")
    return int(value)


def _limit(value: str | None, *, unlimited_ok: bool) -> int | None:
    if value is None:
        return None if unlimited_ok else DEFAULT_LIMIT
    limit = _int(value, "limit", default=DEFAULT_LIMIT)
    if limit < 1 or (limit > MAX_LIMIT and not unlimited_ok):
        raise QueryError(
            f"limit {value!r} must be from 1 to {MAX_LIMIT}; page with the 'next' link, or ask "
            "for f=csv (or another streaming format) without a limit to get every match"
        )
    return limit
