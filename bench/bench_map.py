"""Benchmark: the tracker's map against Folium's MarkerCluster and TimestampedGeoJson.

Builds N synthetic events at real GeoNames settlements (the GeoNames country
dump is given by path), writes the same events three ways (ours twice: from
the frame, and from Arrow record batches as ``tracker map`` feeds a stored
database's events, ``ours_batches``), and measures each
in headless Chromium with every CDN file served from node_modules and blank
tiles, nothing from the network:

- HTML size (MB; ours with Leaflet and its basemap inlined, as it opens offline;
  Folium's without its CDN assets), Python render time (s);
- ready: from navigation start to the first frame painted after ``load`` (s);
- date-range changes until painted (ms): all -> last 30 days, slide 30 days,
  back to all. TimestampedGeoJson can only step its fixed window, measured as
  its step; MarkerCluster has no date filter at all.

Each figure is the median of ``--repeat`` runs. Example::

    .venv/bin/python bench/bench_map.py \\
        --geonames /work/shared/datasets/gazetteer/geonames_UA/UA.txt --n 100000 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import numpy as np
from folium.plugins import MarkerCluster, TimestampedGeoJson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "maps"))  # the offline router the browser tests use

from map_browser import Traffic, launch, route_offline  # noqa: E402
from map_frames import batches_of  # noqa: E402

from maps import write_map  # noqa: E402

FIRST = date(2022, 2, 24)
DAYS = 1350
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.55),
    ("Explosions/Remote violence", "Air/drone strike", 0.2),
    ("Battles", "Armed clash", 0.15),
    ("Violence against civilians", "Attack", 0.04),
    ("Strategic developments", "Disrupted weapons use", 0.06),
]
OUTLETS = [f"Outlet {k}" for k in range(25)]
VERBS = ["shelled", "struck with drones", "hit with missiles", "attacked", "fired on"]
OBJECTS = [
    "residential buildings",
    "an energy facility",
    "the railway station",
    "farmland",
    "a school",
    "the outskirts",
    "industrial sites",
    "a market",
]


def read_places(
    path: Path,
) -> tuple[list[tuple[str, float, float]], list[tuple[str, float, float]]]:
    """Populated places (class P) and admin-1 units (ADM1) from a GeoNames dump: name, lat, lon."""
    settlements, regions = [], []
    with path.open(encoding="utf-8") as rows:
        for line in rows:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 7 and cols[6] == "P":
                settlements.append((cols[2], float(cols[4]), float(cols[5])))
            elif len(cols) > 7 and cols[7] == "ADM1":
                regions.append((cols[2], float(cols[4]), float(cols[5])))
    return settlements, regions


def synthetic_frame(
    n: int,
    places: list[tuple[str, float, float]],
    regions: list[tuple[str, float, float]],
    *,
    seed: int = 1,
) -> gpd.GeoDataFrame:
    """N events with realistic text lengths, intervals, precisions and shared sources.

    Region-level events sit at their region's centre, as ACLED codes them.
    """
    rng = np.random.default_rng(seed)
    region_picks = rng.integers(max(len(regions), 1), size=n)
    picks = rng.integers(len(places), size=n)
    kinds = rng.choice(len(TYPES), size=n, p=[t[2] for t in TYPES])
    days = rng.integers(DAYS, size=n)
    precision = rng.choice([1, 2, 3], size=n, p=[0.8, 0.15, 0.05])
    span = rng.choice([0, 3, 15], size=n, p=[0.9, 0.07, 0.03])
    rows, xs, ys = [], [], []
    for i in range(n):
        name, lat, lon = places[picks[i]]
        if precision[i] == 3 and regions:
            name, lat, lon = regions[region_picks[i]]
        day = FIRST + timedelta(days=int(days[i]))
        article = i // 3  # about three events per article
        rows.append(
            {
                # ids like the tracker's (24 hex digits of a SHA-256): random, so they
                # cost their full weight in the page, unlike a counter
                "event_id": hashlib.sha256(f"bench-{seed}-{i}".encode()).hexdigest()[:24],
                "event_date": day,
                "date_start": day - timedelta(days=int(span[i])) if span[i] else None,
                "date_end": day + timedelta(days=int(span[i])) if span[i] else None,
                "event_type": TYPES[kinds[i]][0],
                "sub_event_type": TYPES[kinds[i]][1],
                "geo_precision": int(precision[i]),
                "location": name,
                "admin1": None,
                "notes": f"Russian forces {VERBS[i % 5]} {OBJECTS[i % 8]} in {name} overnight, "
                f"local officials said; {i % 4} people were reported wounded.",
                "fatalities": int(i % 7 == 0),
                "sources": [
                    {
                        "outlet": OUTLETS[article % 25],
                        "title": f"Overnight attacks: update {article}",
                        "url": f"https://news.example/{article % 25}/2024/{article}",
                    }
                ],
            }
        )
        xs.append(lon)
        ys.append(lat)
    return gpd.GeoDataFrame(rows, geometry=gpd.points_from_xy(xs, ys), crs=4326)


def _popup(row: Any) -> str:
    return f"{row.sub_event_type} {row.event_date}: {row.notes}"


def write_marker_cluster(frame: gpd.GeoDataFrame, out: Path) -> Path:
    """What a Folium user would write first: one marker per event in a MarkerCluster."""
    fmap = folium.Map(location=[48.4, 31.2], zoom_start=6)
    cluster = MarkerCluster().add_to(fmap)
    for row in frame.itertuples():
        folium.CircleMarker(
            [row.geometry.y, row.geometry.x], radius=4, popup=folium.Popup(_popup(row))
        ).add_to(cluster)
    fmap.save(str(out))
    return out


def write_timestamped(frame: gpd.GeoDataFrame, out: Path) -> Path:
    """Folium's time plugin with a 30-day window (the default cumulative mode is far slower)."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row.geometry.x, row.geometry.y]},
            "properties": {
                "times": [str(row.event_date)],
                "popup": _popup(row),
                "icon": "circle",
                "iconstyle": {"radius": 4},
            },
        }
        for row in frame.itertuples()
    ]
    fmap = folium.Map(location=[48.4, 31.2], zoom_start=6)
    TimestampedGeoJson(
        {"type": "FeatureCollection", "features": features},
        period="P1D",
        duration="P30D",
        auto_play=False,
        add_last_point=False,
    ).add_to(fmap)
    fmap.save(str(out))
    return out


def write_ours(frame: gpd.GeoDataFrame, out: Path) -> Path:
    """The tracker's map, as ``tracker map`` writes it: Leaflet and the basemap inlined."""
    return write_map(frame, out, title="Benchmark")


READY_JS = """() => new Promise(
  r => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))"""

OURS_RANGE_JS = """async ([from, to]) => {
  const s = window.trackerMaps[0], before = s.paints, t0 = performance.now();
  s.setRange(from, to);
  while (s.paints === before) await new Promise(r => requestAnimationFrame(r));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}"""

TGJ_STEP_JS = """async (k) => {
  const m = Object.keys(window).filter(n => n.startsWith('map_')).map(n => window[n])
    .find(v => v && v.timeDimension);
  const t0 = performance.now();
  const loaded = new Promise(r => m.timeDimension.once('timeload', r));
  m.timeDimension.setCurrentTimeIndex(k);
  await loaded;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}"""


def measure_page(
    browser: Any, path: Path, kind: str, first_day: int, last_day: int
) -> dict[str, float]:
    """Open one map offline and time ready and the date-range changes."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    route_offline(page, Traffic())
    page.goto(path.as_uri(), wait_until="load", timeout=300_000)
    if kind.startswith("ours"):
        page.wait_for_selector("html[data-map-ready='1']", timeout=300_000)
    result = {"ready_s": page.evaluate(READY_JS) / 1000}
    if kind.startswith("ours"):
        last30 = (last_day - 29, last_day)
        result["to_last_30_ms"] = page.evaluate(OURS_RANGE_JS, list(last30))
        result["slide_30_ms"] = page.evaluate(OURS_RANGE_JS, [last30[0] - 30, last30[1] - 30])
        result["to_all_ms"] = page.evaluate(OURS_RANGE_JS, [first_day, last_day])
    elif kind == "timestamped":
        result["slide_30_ms"] = page.evaluate(TGJ_STEP_JS, 30)
    page.close()
    return result


def timed(fn: Callable[[], Path]) -> tuple[Path, float, float]:
    """Run ``fn``; return its result, wall seconds and CPU seconds (the machine is shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    path = fn()
    return path, time.perf_counter() - start, time.process_time() - cpu


def run(args: argparse.Namespace) -> None:
    from playwright.sync_api import sync_playwright

    places, regions = read_places(args.geonames)
    frame = synthetic_frame(args.n, places, regions)
    first = (FIRST - date(1970, 1, 1)).days - 15
    last = first + DAYS + 30
    batches = batches_of(frame, 16_384)  # as tracker map feeds a stored database's events
    writers = {
        "ours": write_ours,
        "ours_batches": lambda _, out: write_map(batches, out, title="Benchmark"),
        "timestamped": write_timestamped,
        "marker_cluster": write_marker_cluster,
    }
    writers = {k: w for k, w in writers.items() if k in args.only.split(",")}
    figures: dict[str, dict[str, list[float]]] = {k: {} for k in writers}
    workdir = Path(tempfile.mkdtemp(prefix="bench-map-"))
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for rep in range(args.repeat):
            for kind, writer in writers.items():
                if kind == "marker_cluster" and rep >= args.cluster_repeat:
                    continue
                out = workdir / f"{kind}.html"
                path, seconds, cpu = timed(lambda w=writer, o=out: w(frame, o))
                got = figures[kind]
                got.setdefault("python_s", []).append(seconds)
                got.setdefault("python_cpu_s", []).append(cpu)
                got.setdefault("html_mb", []).append(path.stat().st_size / 1e6)
                for key, value in measure_page(browser, path, kind, first, last).items():
                    got.setdefault(key, []).append(value)
                print(f"run {rep + 1} {kind}: done", file=sys.stderr, flush=True)
        browser.close()
    report(figures, args)


def report(figures: dict[str, dict[str, list[float]]], args: argparse.Namespace) -> None:
    """Print medians side by side, and each approach's ratio to ours."""
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    columns = [
        "html_mb",
        "python_s",
        "python_cpu_s",
        "ready_s",
        "to_last_30_ms",
        "slide_30_ms",
        "to_all_ms",
    ]
    print(
        f"\n{args.n:,} events, medians of {args.repeat} run(s)"
        f" (MarkerCluster: {min(args.repeat, args.cluster_repeat)})\n"
    )
    print("| approach | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for kind, got in figures.items():
        cells = [f"{statistics.median(got[c]):.2f}" if c in got else "n/a" for c in columns]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    ours = figures.get("ours")
    if ours is None:
        return
    print("\nratio to ours (how many times larger/slower the alternative is)\n")
    for kind, got in figures.items():
        if kind == "ours":
            continue
        ratios = [
            f"{c} x{statistics.median(got[c]) / statistics.median(ours[c]):.1f}"
            for c in columns
            if c in got and c in ours
        ]
        print(f"- {kind}: " + ", ".join(ratios))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--geonames", type=Path, required=True, help="GeoNames country dump (UA.txt)"
    )
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--cluster-repeat",
        type=int,
        default=1,
        help="runs of MarkerCluster (slow: tens of seconds each at 100k)",
    )
    parser.add_argument(
        "--only",
        default="ours,ours_batches,timestamped,marker_cluster",
        help="comma-separated approaches to run",
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
