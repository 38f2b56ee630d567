"""Export speed and memory: our streamed writers side by side with GeoPandas.

Usage::

    python bench/bench_export.py                 # 1,000,000 events, 3 rounds
    python bench/bench_export.py -n 100000 --rounds 5 --out /tmp/bench-export
    python bench/bench_export.py --db sqlite:////tmp/bench-1m.db   # from a real database

With ``--db`` (a database made by ``bench/bench_db.py``) every side reads the
database, as ``tracker export`` does: ``tracker.export.export_store`` (the
columnar read), ``export_events`` over ``Store.query_events`` (an ``Event``
per row, the reference), and a GeoPandas user's ``pandas.read_sql`` of the
events table into a GeoDataFrame written with ``to_file`` / ``to_parquet``
(without the sources, which need the reports and articles). Peak memory is
the ``VmHWM`` of a child process exporting a tenth of the events (one date
range) and all of them.

For each format (GeoJSON, GeoParquet) one run times, on the same synthetic
events:

* ``ours``: ``tracker.export.export_events`` from the list of events to the file;
* ``gpd write``: ``GeoDataFrame.to_file`` / ``to_parquet`` on a frame built
  beforehand (the frame's construction is not counted);
* ``gpd build+write``: building that frame from the events, then writing it,
  which is what a user holding our events would otherwise have to do.

It prints medians and the ratios of those medians. Peak memory is measured
in child processes that export from a lazy generator (as the store's cursor
delivers events) at N/10 and N events: a flat export has about the same peak
at both sizes. Figures and commands go in docs/benchmarks.md (Export).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import geopandas as gpd
import pandas as pd
from bench_db import SUBS  # bench/ is on sys.path
from shapely import points

from tracker.export import DEFAULT, ExportMetadata, export_events, export_store
from tracker.export.features import json_text
from tracker.model import Event, EventFilter, GeoPrecision, Source, TimePrecision
from tracker.settings import Access
from tracker.store import open_store

PLACES = [
    ("Kharkiv", "Kharkiv Oblast", 49.98177, 36.25475),
    ("Havrylivka", "Kyiv Oblast", 50.67556, 30.21356),
    ("Odesa", "Odesa Oblast", 46.48572, 30.74383),
    ("Starokostyantyniv", "Khmelnytskyi Oblast", 49.75522, 27.21229),
]
NOTES = [
    "Overnight shelling damaged several houses in the residential district, officials said.",
    "Air defence forces reported a drone shot down over the city; debris fell on a warehouse.",
    'A missile struck the airfield; the governor wrote "no casualties", Київ відповів 🚀.',
]


def synthetic_events(n: int, *, seed: int = 7) -> Iterator[Event]:
    """``n`` varied events, deterministic for a seed; every 10th has no location."""
    rng = random.Random(seed)
    start = date(2022, 2, 24)
    stamp = datetime(2024, 3, 1, tzinfo=UTC)
    for i in range(n):
        sub = SUBS[i % len(SUBS)]
        name, region, lat, lon = PLACES[i % len(PLACES)]
        located = i % 10 != 0
        article = f"{i // 3:032x}"
        yield Event(
            event_id=f"{i:016x}{sub.rank}",
            event_date=start + timedelta(days=i % 900),
            time_precision=TimePrecision.DAY,
            event_type=sub.event_type,
            sub_event_type=sub,
            notes=NOTES[i % len(NOTES)],
            actor1="Military Forces of Russia (2000-)",
            actor2="Civilians (Ukraine)" if i % 2 else None,
            location=name if located else None,
            admin1=region if located else None,
            country="Ukraine",
            latitude=lat + rng.uniform(-0.2, 0.2) if located else None,
            longitude=lon + rng.uniform(-0.2, 0.2) if located else None,
            geo_precision=GeoPrecision.SETTLEMENT if located else None,
            fatalities=i % 4,
            confidence=0.75,
            source_url=f"https://news.example.org/{article}",
            source_title="Strike reported overnight",
            article_id=article,
            evidence=("trigger: struck", f"place: {name}"),
            sources=(Source(article, url=f"https://news.example.org/{article}", outlet="Example"),),
            updated_at=stamp,
        )


def to_frame(events: list[Event]) -> gpd.GeoDataFrame:
    """The GeoDataFrame a user would build from our events to write it with GeoPandas."""
    columns = {c.name: [c.read(e) for e in events] for c in DEFAULT.columns}
    for c in DEFAULT.columns:  # lists/objects as JSON text, as our flat formats do
        if c.kind.name == "JSON":
            columns[c.name] = [json_text(v) for v in columns[c.name]]
    frame = pd.DataFrame(columns)
    geometry = points(frame["longitude"].to_numpy(float), frame["latitude"].to_numpy(float))
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _time(action: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds: CPU time shows the work when other jobs share the cores."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def _medians(
    actions: dict[str, Callable[[], object]], rounds: int
) -> dict[str, tuple[float, float]]:
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in actions}
    for _ in range(rounds):  # interleaved, so machine noise hits every side alike
        for name, action in actions.items():
            times[name].append(_time(action))
    return {
        name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for name, runs in times.items()
    }


def compare(fmt: str, events: list[Event], frame: gpd.GeoDataFrame, out: Path, rounds: int):
    """Median seconds of ours, GeoPandas' write, and GeoPandas' build+write for one format."""
    meta = ExportMetadata()
    ours = out / f"ours.{fmt}"
    theirs = out / f"gpd.{fmt}"
    if fmt == "geojson":

        def write() -> None:
            frame.to_file(theirs, driver="GeoJSON", engine="pyogrio")
    else:

        def write() -> None:
            frame.to_parquet(theirs)

    def build_and_write() -> None:
        nonlocal frame
        frame = to_frame(events)
        write()

    return _medians(
        {
            "ours": lambda: export_events(events, ours, metadata=meta),
            "gpd write": write,
            "gpd build+write": build_and_write,
        },
        rounds,
    )


def _peak_rss_mb() -> float:
    # VmHWM, not ru_maxrss: the latter survives fork+exec, so a child would
    # report its big parent's peak.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_memory(fmt: str, n: int, out: Path) -> None:
    """Child process: export ``n`` lazily generated events, print the peak RSS in MB."""
    export_events(synthetic_events(n), out / f"mem.{fmt}", metadata=ExportMetadata())
    print(f"{_peak_rss_mb():.0f}")


def _child_peak(fmt: str, n: int, out: Path) -> float:
    cmd = [sys.executable, __file__, "--child-memory", fmt, "-n", str(n), "--out", str(out)]
    return float(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


# About a tenth of bench_db.py's four years: the memory figure at N/10 events.
TENTH = EventFilter(since=date(2021, 1, 1), until=date(2021, 5, 26))


def _gpd_from_db(url: str) -> gpd.GeoDataFrame:
    with open_store(url, access=Access.READ) as store, store.engine.connect() as conn:
        frame = pd.read_sql("SELECT * FROM events ORDER BY event_date, event_id", conn)
    geometry = points(frame["longitude"].to_numpy(float), frame["latitude"].to_numpy(float))
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def compare_db(url: str, fmt: str, out: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each side for one format, all reading the database."""
    meta = ExportMetadata()
    store = open_store(url, access=Access.READ)

    def gpd_write() -> None:
        frame = _gpd_from_db(url)
        if fmt == "geojson":
            frame.to_file(out / "gpd.geojson", driver="GeoJSON", engine="pyogrio")
        else:
            frame.to_parquet(out / "gpd.parquet")

    actions = {
        "columnar": lambda: export_store(store, EventFilter(), out / f"col.{fmt}", metadata=meta),
        "per event": lambda: export_events(
            store.query_events(EventFilter()), out / f"ref.{fmt}", metadata=meta
        ),
        "gpd read_sql+write": gpd_write,
    }
    return _medians(actions, rounds)


def child_memory_db(url: str, fmt: str, tenth: bool, out: Path) -> None:
    """Child process: export from the database, print the peak RSS in MB."""
    with open_store(url, access=Access.READ) as store:
        flt = TENTH if tenth else EventFilter()
        export_store(store, flt, out / f"mem.{fmt}", metadata=ExportMetadata())
    print(f"{_peak_rss_mb():.0f}")


def run_db(url: str, rounds: int, out: Path, formats: list[str]) -> None:
    print(f"load average at the start: {Path('/proc/loadavg').read_text().strip()}")
    rows = []
    for fmt in formats:
        rows.append((fmt, compare_db(url, fmt, out, rounds)))
    print(f"\nMedian of {rounds} round(s), seconds wall (CPU), all reading {url}:\n")
    print("| format | columnar | per event | gpd read_sql+write | per event / columnar |")
    print("|---|---|---|---|---|")
    for fmt, t in rows:
        cells = " | ".join(f"{t[k][0]:.2f} ({t[k][1]:.2f})" for k in t)
        print(f"| {fmt} | {cells} | {t['per event'][0] / t['columnar'][0]:.2f} |")
    print("\nPeak RSS of `export_store` (child process):\n")
    print("| format | a tenth of the events | all |")
    print("|---|---|---|")
    for fmt in formats:
        peaks = []
        for tenth in (True, False):
            cmd = [sys.executable, __file__, "--db", url, "--child-memory", fmt, "--out", str(out)]
            cmd += ["--tenth"] if tenth else []
            peaks.append(
                float(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            )
        print(f"| {fmt} | {peaks[0]:.0f} MB | {peaks[1]:.0f} MB |")
    print(f"\nload average at the end: {Path('/proc/loadavg').read_text().strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="number of events")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per side")
    parser.add_argument("--out", type=Path, default=None, help="scratch folder")
    parser.add_argument("--formats", default="geojson,parquet")
    parser.add_argument("--db", default=None, help="read this database (bench/bench_db.py)")
    parser.add_argument("--child-memory", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--tenth", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-export-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.db and args.child_memory:
        child_memory_db(args.db, args.child_memory, args.tenth, out)
        return
    if args.db:
        run_db(args.db, args.rounds, out, args.formats.split(","))
        return
    if args.child_memory:
        child_memory(args.child_memory, args.n, out)
        return
    run(args.n, args.rounds, out, args.formats.split(","))


def run(n: int, rounds: int, out: Path, formats: list[str]) -> None:
    """Time every format side by side, then measure peak memory; print tables."""
    timings = _timings(n, rounds, out, formats)
    print(f"Median of {rounds} round(s), seconds wall (CPU):\n")
    print(
        "| format | ours | gpd write | gpd build+write | ratio write/ours "
        "| ratio build+write/ours | ours MB |"
    )
    print("|---|---|---|---|---|---|---|")
    for fmt, t in timings:
        size = (out / f"ours.{fmt}").stat().st_size / 1e6
        (ours, ours_cpu), (gw, gw_cpu), (gb, gb_cpu) = (
            t["ours"],
            t["gpd write"],
            t["gpd build+write"],
        )
        print(
            f"| {fmt} | {ours:.2f} ({ours_cpu:.2f}) | {gw:.2f} ({gw_cpu:.2f}) "
            f"| {gb:.2f} ({gb_cpu:.2f}) | {gw / ours:.2f} | {gb / ours:.2f} | {size:.0f} |"
        )
    print("\nPeak RSS of a streamed export (child process, lazy events):")
    print("| format | N/10 events | N events |")
    print("|---|---|---|")
    for fmt in formats:
        small, full = _child_peak(fmt, max(1, n // 10), out), _child_peak(fmt, n, out)
        print(f"| {fmt} | {small:.0f} MB | {full:.0f} MB |")


def _timings(n: int, rounds: int, out: Path, formats: list[str]) -> list[tuple[str, dict]]:
    begin = time.perf_counter()
    events = list(synthetic_events(n))
    print(f"{n:,} events generated in {time.perf_counter() - begin:.1f} s; scratch {out}")
    begin = time.perf_counter()
    frame = to_frame(events)
    print(f"GeoDataFrame built from them in {time.perf_counter() - begin:.2f} s\n")
    return [(fmt, compare(fmt, events, frame, out, rounds)) for fmt in formats]


if __name__ == "__main__":
    main()
