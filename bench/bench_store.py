"""Storage benchmark: bulk insert, bbox+month and radius queries, against a GeoDataFrame.

Synthetic events spread over Ukraine and four years (clustered around a few
hundred places, as real reports are), written with ``Store.import_events``,
then queried through ``Store.query_events`` (full Event objects with their
sources, as every command gets them) and ``Store.query_records`` (Arrow
records: its light path on SQLite, and the plain path beside it). The
alternative, side by side in the same run: load every event into a
GeoDataFrame once, then filter with ``.cx`` and a date mask (bbox), its
``.sindex``, or an ``sjoin`` with a 30 km circle in UTM 36N (radius).
On SQLite the same import is then run again with its spatial index filled row
by row instead of rebuilt packed, for the ratio between the two.

Usage:
    python bench/bench_store.py                       # 1,000,000 events, SQLite only
    python bench/bench_store.py --db sqlite:////tmp/bench-1m.db   # queries on bench_db.py's
    python bench/bench_store.py --n 100000 --pg-admin postgresql+psycopg://u:p@127.0.0.1/db

``--pg-admin`` names a database where the role may CREATE DATABASE; the
benchmark makes a throw-away database there (with PostGIS) and drops it.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import geopandas as gpd
import pandas as pd
import sqlalchemy as sa
from bench_db import DAYS, START, SUBS, event_id, position, towns  # bench/ is on sys.path
from shapely.geometry import Point, box

from tracker.model import Event, EventFilter, GeoPrecision, TimePrecision
from tracker.settings import Access
from tracker.store import Store, columnar, open_store, rtree

RADIUS_KM = 30.0
UTM36N = "EPSG:32636"


@dataclass(frozen=True)
class Query:
    """One benchmark query: a filter for the store and its bbox/centre for the frame."""

    flt: EventFilter
    box: tuple[float, float, float, float]
    month: tuple[date, date]


def synthetic_events(n: int, *, seed: int = 7) -> Iterator[Event]:
    """``n`` reproducible events: 90% near 300 towns, 10% anywhere in the box."""
    rng = random.Random(seed)
    places = towns()
    for i in range(n):
        lat, lon = position(rng, places)
        sub = SUBS[i % len(SUBS)]
        yield Event(
            event_id=event_id(i),
            event_date=START + timedelta(days=rng.randrange(DAYS)),
            time_precision=TimePrecision.DAY,
            event_type=sub.event_type,
            sub_event_type=sub,
            notes=f"Synthetic report {i} of {sub.value.lower()}.",
            location=f"Town {i % 300}",
            admin1="Synthetic Oblast",
            country="Ukraine",
            latitude=round(lat, 5),
            longitude=round(lon, 5),
            geo_precision=GeoPrecision.SETTLEMENT,
            fatalities=i % 4,
        )


def make_queries(count: int, *, seed: int = 11) -> tuple[list[Query], list[Query]]:
    """Bbox+month queries (about 70 x 67 km) and radius+month queries (30 km)."""
    rng = random.Random(seed)
    places = towns()  # centred where the events are, as a journalist's questions are
    boxes, circles = [], []
    for _ in range(count):
        lat, lon = rng.choice(places)
        first = START + timedelta(days=30 * rng.randrange(DAYS // 30))
        month = (first, first + timedelta(days=30))
        box = (lon - 0.5, lat - 0.3, lon + 0.5, lat + 0.3)
        boxes.append(Query(EventFilter(since=month[0], until=month[1], bbox=box), box, month))
        near = EventFilter(since=month[0], until=month[1], near=(lat, lon), radius_km=RADIUS_KM)
        circles.append(Query(near, box, month))
    return boxes, circles


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Wall seconds of one call, and its result."""
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


@dataclass(frozen=True)
class Timing:
    """Medians over the queries: wall ms, this process's CPU ms, rows returned (mean)."""

    wall_ms: float
    cpu_ms: float
    rows: float


def p50_ms(fn: Callable[[Query], int], queries: list[Query]) -> Timing:
    """Median wall and CPU milliseconds per query (CPU excludes a database server's work)."""
    walls, cpus, rows = [], [], []
    for q in queries:
        c0, w0 = time.process_time(), time.perf_counter()
        rows.append(fn(q))
        walls.append((time.perf_counter() - w0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return Timing(statistics.median(walls), statistics.median(cpus), statistics.mean(rows))


def plain_records(store: Store, q: Query) -> int:
    """The records through the plain SQLAlchemy path (``columnar.query_table``), which
    ``query_records`` takes for filters its light path does not handle."""
    with store.engine.connect() as conn:
        return columnar.query_table(conn, q.flt).num_rows


def paired(
    first: Callable[[Query], int], second: Callable[[Query], int], queries: list[Query]
) -> tuple[Timing, Timing]:
    """Medians of two ways to answer the same queries, three passes each, taking turns
    to go first (whoever goes second finds the pages the first one read in the cache)."""
    times: tuple[list[Timing], list[Timing]] = ([], [])
    for turn in range(3):
        order = (0, 1) if turn % 2 == 0 else (1, 0)
        for side in order:
            times[side].append(p50_ms((first, second)[side], queries))
    return _median(times[0]), _median(times[1])


def _median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall_ms for t in timings),
        statistics.median(t.cpu_ms for t in timings),
        statistics.mean(t.rows for t in timings),
    )


def load_frame(store: Store) -> gpd.GeoDataFrame:
    """What a user would do without our query layer: read every event into a frame."""
    with store.engine.connect() as conn:
        df = pd.read_sql(
            "SELECT event_id, event_date, sub_event_type, latitude, longitude, notes FROM events",
            conn,
        )
    df["event_date"] = pd.to_datetime(df["event_date"])
    return gpd.GeoDataFrame(
        df, geometry=gpd.points_from_xy(df.longitude, df.latitude), crs="EPSG:4326"
    )


def frame_bbox(frame: gpd.GeoDataFrame, q: Query) -> int:
    minx, miny, maxx, maxy = q.box
    hit = frame.cx[minx:maxx, miny:maxy]
    month = (hit.event_date >= pd.Timestamp(q.month[0])) & (
        hit.event_date <= pd.Timestamp(q.month[1])
    )
    return len(hit[month])


def frame_bbox_sindex(frame: gpd.GeoDataFrame, q: Query) -> int:
    """The box through the frame's spatial index (``.sindex``, an STRtree), then the month."""
    hit = frame.iloc[frame.sindex.query(box(*q.box))]
    month = (hit.event_date >= pd.Timestamp(q.month[0])) & (
        hit.event_date <= pd.Timestamp(q.month[1])
    )
    return int(month.sum())


def frame_radius(utm: gpd.GeoDataFrame, q: Query) -> int:
    lat, lon = q.flt.near  # type: ignore[misc]
    in_month = utm[
        (utm.event_date >= pd.Timestamp(q.month[0])) & (utm.event_date <= pd.Timestamp(q.month[1]))
    ]
    centre = gpd.GeoSeries([Point(lon, lat)], crs="EPSG:4326").to_crs(UTM36N)
    circle = gpd.GeoDataFrame(geometry=centre.buffer(RADIUS_KM * 1000))
    return len(gpd.sjoin(in_month, circle, predicate="within"))


def page_times(store: Store, page: int = 1000) -> tuple[float, float, float]:
    """A full read through ``query_events``: total seconds, median ms of the first and last
    ten pages (the same for a linear read)."""
    marks = [time.perf_counter()]
    for i, _ in enumerate(store.query_events(EventFilter()), start=1):
        if i % page == 0:
            marks.append(time.perf_counter())
    pages = [(b - a) * 1000 for a, b in itertools.pairwise(marks)]
    return marks[-1] - marks[0], statistics.median(pages[:10]), statistics.median(pages[-10:])


def bench_row_by_row(url: str, n: int) -> float:
    """The same SQLite import with its backlog indexed row by row (never a packed rebuild)."""
    store = open_store(url)
    events = list(synthetic_events(n))
    saved, rtree.PACK_SHARE = rtree.PACK_SHARE, math.inf
    try:
        elapsed, _ = timed(lambda: store.import_events(events, batch_size=50_000))
    finally:
        rtree.PACK_SHARE = saved
        store.close()
    print(
        f"bulk insert, index filled row by row: {elapsed:.1f} s wall = {n / elapsed:,.0f} events/s"
    )
    return n / elapsed


def bench_engine(
    name: str, url: str, n: int, queries: int, *, full_read: bool = True
) -> dict[str, float]:
    print(f"\n== {name}: {n:,} events (load average {_load()})")
    store = open_store(url)
    events = list(synthetic_events(n))
    cpu0 = time.process_time()
    elapsed, _ = timed(lambda: store.import_events(events, batch_size=50_000))
    cpu = time.process_time() - cpu0
    rate = n / elapsed
    print(
        f"bulk insert: {elapsed:.1f} s wall = {rate:,.0f} events/s ({n / cpu:,.0f}/s of CPU here)"
    )
    events.clear()
    box = bench_queries(store, queries, full_read=full_read)
    store.close()
    return {"rate": rate, **box}


def bench_queries(store: Store, queries: int, *, full_read: bool = True) -> dict[str, float]:
    """The query figures of one store, side by side with a GeoDataFrame in memory."""
    boxes, circles = make_queries(queries)
    ours_box = p50_ms(lambda q: len(list(store.query_events(q.flt))), boxes)

    def light(q: Query) -> int:
        return store.query_records(q.flt).num_rows

    def plain(q: Query) -> int:
        return plain_records(store, q)

    light_box, plain_box = paired(light, plain, boxes)
    ours_count = p50_ms(lambda q: store.count_events(q.flt), boxes)
    ours_radius = p50_ms(lambda q: len(list(store.query_events(q.flt))), circles)
    light_radius, plain_radius = paired(light, plain, circles)
    load_s, frame = timed(lambda: load_frame(store))
    utm_s, utm = timed(lambda: frame.to_crs(UTM36N))
    frame.sindex  # noqa: B018 - built once, before the timed queries
    utm.sindex  # noqa: B018
    gdf_box = p50_ms(lambda q: frame_bbox(frame, q), boxes)
    sindex_box = p50_ms(lambda q: frame_bbox_sindex(frame, q), boxes)
    gdf_radius = p50_ms(lambda q: frame_radius(utm, q), circles)
    print(f"GeoDataFrame: load all {load_s:.1f} s, reproject {utm_s:.1f} s (once)")
    _row("bbox+month", ours_box, gdf_box)
    _row("bbox+month, records", light_box, sindex_box)
    _row("records, plain path", plain_box, sindex_box)
    print(f"  (count only: p50 {ours_count.wall_ms:.2f} ms)")
    _row("radius 30 km+month", ours_radius, gdf_radius)
    _row("radius, records", light_radius, gdf_radius)
    _row("records, plain path", plain_radius, gdf_radius)
    if not full_read:
        return {"box": ours_box.wall_ms, "radius": ours_radius.wall_ms}
    total, first, last = page_times(store)
    print(
        f"full read (query_events): {total:.1f} s; a 1,000-event page at the start "
        f"{first:.1f} ms, at the end {last:.1f} ms (ratio {last / first:.2f}); "
        f"load average {_load()}"
    )
    return {"box": ours_box.wall_ms, "radius": ours_radius.wall_ms}


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _row(label: str, ours: Timing, theirs: Timing) -> None:
    print(
        f"{label:>20}: store p50 {ours.wall_ms:6.2f} ms wall {ours.cpu_ms:6.2f} ms CPU "
        f"({ours.rows:.0f} rows) | GeoDataFrame p50 {theirs.wall_ms:6.2f} ms wall "
        f"{theirs.cpu_ms:6.2f} ms CPU ({theirs.rows:.0f} rows) | "
        f"ratio {theirs.wall_ms / ours.wall_ms:.1f}x wall, {theirs.cpu_ms / ours.cpu_ms:.1f}x CPU"
    )


def pg_database(admin_url: str) -> tuple[str, Callable[[], None]]:
    """A throw-away PostGIS database next to ``admin_url``, and how to drop it."""
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"bench_store_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return url, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="events (default 1,000,000)")
    parser.add_argument("--queries", type=int, default=50, help="queries of each kind")
    parser.add_argument("--sqlite", type=Path, help="SQLite file to create (default: temp)")
    parser.add_argument("--pg-admin", help="PostgreSQL URL where a bench database may be made")
    parser.add_argument("--db", help="only query this database (made by bench/bench_db.py)")
    parser.add_argument(
        "--no-full-read",
        action="store_true",
        help="leave out the full read through query_events (minutes at a million events)",
    )
    args = parser.parse_args()
    if args.db:
        print(f"== {args.db} (load average {_load()})")
        with open_store(args.db, access=Access.READ) as store:
            bench_queries(store, args.queries, full_read=not args.no_full_read)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.sqlite or Path(tmp) / "bench.db"
        path.unlink(missing_ok=True)
        full_read = not args.no_full_read
        packed = bench_engine(
            "SQLite", f"sqlite:///{path}", args.n, args.queries, full_read=full_read
        )["rate"]
        path.unlink()  # room on disk for the second file
        other = path.with_name(f"{path.stem}-row-by-row.db")
        other.unlink(missing_ok=True)
        row_by_row = bench_row_by_row(f"sqlite:///{other}", args.n)
        other.unlink()
        print(f"packed rebuild / row by row: {packed / row_by_row:.2f}x the events per second")
    if args.pg_admin:
        url, drop = pg_database(args.pg_admin)
        try:
            bench_engine("PostGIS", url, args.n, args.queries, full_read=not args.no_full_read)
        finally:
            drop()


if __name__ == "__main__":
    main()
