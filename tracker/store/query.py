"""One query layer for both engines: EventFilter -> SQL conditions, pages and counts.

Spatial filters go through the engine's spatial index first (R*Tree on
SQLite, GiST on PostGIS) with a bounding box, then keep only exact matches:
the box on the stored double-precision coordinates, the radius with the
haversine distance on the same sphere on both engines.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from datetime import date, timedelta

import sqlalchemy as sa

from tracker.errors import ConfigError
from tracker.model import EventFilter
from tracker.store.engine import EARTH_RADIUS_KM
from tracker.store.schema import ARTICLES, EVENTS, REPORTS
from tracker.store.types import CountBy

_KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180


@functools.cache
def _geom() -> sa.ColumnClause[object]:
    # geoalchemy2 pulls in shapely and numpy (~0.15 s): only PostGIS queries need it.
    from geoalchemy2 import Geometry

    return sa.literal_column("events.geom", type_=Geometry("POINT", srid=4326))


_RTREE = sa.table(
    "events_rtree",
    sa.column("id"),
    sa.column("min_lon"),
    sa.column("max_lon"),
    sa.column("min_lat"),
    sa.column("max_lat"),
    sa.column("min_day"),
    sa.column("max_day"),
)
_BACKLOG = sa.table("events_unindexed", sa.column("lo"), sa.column("hi"))
_PENDING = EVENTS.alias("pending")
_JULIAN_OFFSET = 1721424.5  # julianday() of date.fromordinal(0)
ORDER = (EVENTS.c.event_date, EVENTS.c.event_id)


def conditions(
    flt: EventFilter, *, dialect: str, since_implied: bool = False, plain_sql: bool = False
) -> list[sa.ColumnElement[bool]]:
    """Every WHERE condition ``flt`` asks for (ANDed by the caller).

    ``since_implied``: a keyset lower bound already implies ``flt.since``; the
    date condition is left out so the planner seeks by the keyset alone.
    ``plain_sql``: no function of ours registered on the connection (SQLite's
    haversine): for a driver other than the engine's own (``columnar.py``).
    """
    c = EVENTS.c
    where: list[sa.ColumnElement[bool]] = []
    if flt.since and not since_implied:
        where.append(c.event_date >= flt.since)
    if flt.until:
        where.append(c.event_date <= flt.until)
    if flt.event_types or flt.sub_event_types:
        where.append(_types(flt))
    if flt.bbox is not None:
        where.extend(_bbox(checked_bbox(flt.bbox), flt, dialect=dialect))
    if flt.near is not None or flt.radius_km is not None:
        where.extend(_radius(flt, dialect=dialect, plain_sql=plain_sql))
    if flt.region:
        where.append(sa.func.lower(c.admin1) == region_name(flt.region).lower())
    if flt.actor:
        where.append(
            sa.or_(
                c.actor1.icontains(flt.actor, autoescape=True),
                c.actor2.icontains(flt.actor, autoescape=True),
            )
        )
    where.extend(_misc(flt))
    return where


def _misc(flt: EventFilter) -> list[sa.ColumnElement[bool]]:
    c = EVENTS.c
    where: list[sa.ColumnElement[bool]] = []
    if flt.max_geo_precision is not None:
        where.append(c.geo_precision <= int(flt.max_geo_precision))
    if flt.text:
        where.append(c.notes.icontains(flt.text, autoescape=True))
    if flt.outlet:
        where.append(_outlet(flt.outlet))
    if flt.changed_since:
        where.append(c.updated_at >= flt.changed_since)
    if flt.located_only:
        where.append(c.latitude.is_not(None))
    if flt.min_confidence is not None:  # EventFilter checked it is within 0..1
        where.append(c.confidence >= flt.min_confidence)
    return where


def _types(flt: EventFilter) -> sa.ColumnElement[bool]:
    return sa.or_(
        EVENTS.c.event_type.in_([t.value for t in flt.event_types]),
        EVENTS.c.sub_event_type.in_([s.value for s in flt.sub_event_types]),
    )


def region_name(name: str) -> str:
    """The canonical admin-1 name for ``name`` ("the Kharkiv region" -> "Kharkiv Oblast")."""
    from geodata.admin import canonical_admin1

    return canonical_admin1(name) or name.strip()


def _outlet(outlet: str) -> sa.ColumnElement[bool]:
    reported_by = (
        sa.select(REPORTS.c.seq)
        .join(ARTICLES, ARTICLES.c.article_id == REPORTS.c.article_id)
        .where(
            REPORTS.c.event_id == EVENTS.c.event_id,
            ARTICLES.c.outlet.icontains(outlet, autoescape=True),
        )
    )
    return reported_by.exists()


Box = tuple[float, float, float, float]


def checked_bbox(bbox: Box) -> Box:
    """``bbox`` when it is minlon,minlat,maxlon,maxlat in range; else ConfigError."""
    min_lon, min_lat, max_lon, max_lat = bbox
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ConfigError(
            f"bounding box {bbox!r} is not minlon,minlat,maxlon,maxlat with min <= max "
            "inside -180..180 / -90..90, e.g. 30,50,31,51"
        )
    return bbox


def _bbox(bbox: Box, flt: EventFilter, *, dialect: str) -> list[sa.ColumnElement[bool]]:
    return [_index_box(bbox, flt, dialect=dialect), *_bbox_exact(bbox)]


def _index_box(bbox: Box, flt: EventFilter, *, dialect: str) -> sa.ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = bbox
    if dialect == "postgresql":
        return _geom().op("&&")(sa.func.ST_MakeEnvelope(min_lon, min_lat, max_lon, max_lat, 4326))
    # R*Tree keeps 32-bit floats rounded outwards: ask for overlap, the exact test follows.
    r = _RTREE.c
    inside = sa.select(r.id).where(
        r.max_lon >= min_lon, r.min_lon <= max_lon, r.max_lat >= min_lat, r.min_lat <= max_lat
    )
    low, high = index_days(flt)
    if low is not None:  # the day dimension: only this period's entries are read
        inside = inside.where(r.max_day >= low)
    if high is not None:
        inside = inside.where(r.min_day <= high)
    # Rows a bulk import has written but not yet indexed (rtree.py) are read
    # from their id ranges; normally there are none and this costs nothing.
    p = _PENDING.c
    pending = (
        sa.select(p.id)
        .select_from(_BACKLOG.join(_PENDING, p.id.between(_BACKLOG.c.lo, _BACKLOG.c.hi)))
        .where(p.longitude.between(min_lon, max_lon), p.latitude.between(min_lat, max_lat))
    )
    return EVENTS.c.id.in_(sa.union_all(inside, pending))


def index_days(flt: EventFilter) -> tuple[float | None, float | None]:
    """The R*Tree's day bounds (julianday, widened by a day) for ``flt``'s period, or None."""
    low = flt.since.toordinal() + _JULIAN_OFFSET - 1 if flt.since else None
    high = flt.until.toordinal() + _JULIAN_OFFSET + 1 if flt.until else None
    return low, high


def checked_circle(flt: EventFilter) -> tuple[float, float, float]:
    """``(lat, lon, radius_km)`` of a radius search, or ConfigError saying what to give."""
    if flt.near is None or flt.radius_km is None or flt.radius_km <= 0:
        raise ConfigError(
            f"a radius search needs a centre and a positive radius, got near={flt.near!r} "
            f"radius_km={flt.radius_km!r}; e.g. --near 49.99,36.23 --radius-km 30"
        )
    lat, lon = flt.near
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ConfigError(f"centre {flt.near!r} is not LAT,LON in degrees, e.g. 49.99,36.23")
    return lat, lon, flt.radius_km


def _radius(flt: EventFilter, *, dialect: str, plain_sql: bool) -> list[sa.ColumnElement[bool]]:
    lat, lon, radius_km = checked_circle(flt)
    box = radius_box(lat, lon, radius_km)
    distance = _distance_km(lat, lon, dialect=dialect, plain_sql=plain_sql)
    return [_index_box(box, flt, dialect=dialect), *_bbox_exact(box), distance <= radius_km]


def _bbox_exact(box: Box) -> list[sa.ColumnElement[bool]]:
    c = EVENTS.c
    return [c.longitude.between(box[0], box[2]), c.latitude.between(box[1], box[3])]


def radius_box(lat: float, lon: float, radius_km: float) -> Box:
    """A lon/lat box that surely holds the circle (the index prefilter)."""
    dlat = radius_km / _KM_PER_DEGREE
    coslat = max(math.cos(math.radians(min(89.9, abs(lat) + dlat))), 1e-6)
    dlon = min(180.0, dlat / coslat)
    return (
        max(-180.0, lon - dlon),
        max(-90.0, lat - dlat),
        min(180.0, lon + dlon),
        min(90.0, lat + dlat),
    )


def _distance_km(
    lat: float, lon: float, *, dialect: str, plain_sql: bool = False
) -> sa.ColumnElement[float]:
    c = EVENTS.c
    if dialect == "sqlite" and not plain_sql:
        return sa.func.tracker_haversine_km(c.latitude, c.longitude, lat, lon)
    # The same haversine as engine.haversine_km, in SQL, on the same sphere, in
    # the same order of operations (SQLite's math functions are those of C too).
    least = sa.func.min if dialect == "sqlite" else sa.func.least
    p1, p2 = sa.func.radians(c.latitude), math.radians(lat)
    half_dp = (p2 - p1) / 2
    half_dl = sa.func.radians(lon - c.longitude) / 2
    a = sa.func.power(sa.func.sin(half_dp), 2) + sa.func.cos(p1) * math.cos(p2) * sa.func.power(
        sa.func.sin(half_dl), 2
    )
    return 2 * EARTH_RADIUS_KM * sa.func.asin(least(1.0, sa.func.sqrt(a)))


def page_query(flt: EventFilter, *, dialect: str, after: tuple[date, str] | None) -> sa.Select:
    """Events matching ``flt`` in the stable order, starting after ``after`` (keyset paging)."""
    # After a page, its last row (which matched ``since``) bounds the next one
    # from below; with both bounds SQLite seeks by ``since`` and reads every
    # earlier page again.
    where = conditions(flt, dialect=dialect, since_implied=after is not None)
    query = sa.select(*EVENTS.c).where(*where).order_by(*ORDER)
    if after is not None:
        # The row-value form, not `date > d OR (date = d AND id > i)`: SQLite plans
        # the OR as a scan from the start of the index for every page (a full read
        # was quadratic: 12 ms for the first page of a million, 127 ms for the
        # last), while both engines seek the composite index straight to a row
        # value. tests/store/test_paging_plan.py reads the plans to keep it so.
        query = query.where(sa.tuple_(*ORDER) > sa.tuple_(*after))
    return query


def count_query(flt: EventFilter, *, dialect: str) -> sa.Select:
    """``SELECT count(*)`` of the events matching ``flt``."""
    return sa.select(sa.func.count()).select_from(EVENTS).where(*conditions(flt, dialect=dialect))


def group_query(flt: EventFilter, *, by: CountBy, dialect: str) -> sa.Select:
    """Counts grouped by day, region or type (weeks and months are folded from days)."""
    column = {
        CountBy.REGION: EVENTS.c.admin1,
        CountBy.TYPE: EVENTS.c.event_type,
    }.get(by, EVENTS.c.event_date)
    return (
        sa.select(column, sa.func.count())
        .where(*conditions(flt, dialect=dialect))
        .group_by(column)
        .order_by(column)
    )


def fold_days(rows: Iterator[tuple[date, int]], *, by: CountBy) -> list[tuple[str, int]]:
    """Fold per-day counts into ISO weeks (their Monday) or months (YYYY-MM)."""
    totals: dict[str, int] = {}
    for day, n in rows:
        if by is CountBy.WEEK:
            key = (day - timedelta(days=day.weekday())).isoformat()
        elif by is CountBy.MONTH:
            key = day.strftime("%Y-%m")
        else:
            key = day.isoformat()
        totals[key] = totals.get(key, 0) + n
    return sorted(totals.items())
