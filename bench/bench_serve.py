"""Load benchmark of ``tracker serve``: concurrent clients asking bbox + month pages.

A store of synthetic events (bench_store's generator: clustered around 300
places over four years) is served by a real ``tracker serve`` process on
127.0.0.1; ``--clients`` asyncio clients each ask, one after another for
``--seconds``, for a page (``limit=100``) of events in a random ~70 x 67 km
box over one month (``/collections/events/items?bbox=...&datetime=a/b``).
Meanwhile a writer process saves one new article with an event every 0.2 s
into the same database, as the hourly ingest would. Reported: requests, errors,
throughput and latency percentiles per engine as the clients see them and
as the server's access log times them (without the wait in the queue), beside the same queries run
in-process through ``Store.query_events`` + ``count_events`` (what the server
adds over the store). Only 127.0.0.1 is contacted; the run stops by itself.

Usage:
    python bench/bench_serve.py                                   # 1,000,000 events, SQLite
    python bench/bench_serve.py --n 100000 --pg-admin postgresql+psycopg://u:p@127.0.0.1/db
    python bench/bench_serve.py --sqlite /tmp/bench.db            # a file kept between runs
    python bench/bench_serve.py --skip-sqlite --pg-url postgresql+psycopg://u:p@127.0.0.1/bench
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from bench_store import make_queries, pg_database, synthetic_events

from tracker.model import Article, Event, EventFilter, SubEventType, TimePrecision
from tracker.store import open_store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fill(url: str, n: int) -> None:
    store = open_store(url)
    if store.count_events(EventFilter()) < n:
        started = time.perf_counter()
        store.import_events(synthetic_events(n))
        print(f"  imported {n:,} events in {time.perf_counter() - started:.1f} s")
    store.close()


def query_urls(base: str, count: int) -> list[str]:
    boxes, _ = make_queries(count, seed=23)
    return [
        str(
            httpx.URL(
                f"{base}/collections/events/items",
                params={
                    "bbox": ",".join(f"{v:.4f}" for v in q.box),
                    "datetime": f"{q.month[0]}/{q.month[1]}",
                    "limit": "100",
                },
            )
        )
        for q in boxes
    ]


async def client(urls: list[str], deadline: float, seed: int, out: list[tuple[float, int]]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(timeout=60) as http:
        while time.monotonic() < deadline:
            url = rng.choice(urls)
            started = time.perf_counter()
            try:
                status = (await http.get(url)).status_code
            except httpx.HTTPError:
                status = 0
            out.append((time.perf_counter() - started, status))


async def load(urls: list[str], *, clients: int, seconds: float) -> list[tuple[float, int]]:
    out: list[tuple[float, int]] = []
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(urls, deadline, i, out) for i in range(clients)))
    return out


def writer(url: str, stop: Any, counter: Any) -> None:
    """Save one article with one event every 0.2 s, as an ingest run would (own process)."""
    store = open_store(url)
    sub = SubEventType.SHELLING_ARTILLERY_MISSILE
    i = 0
    while not stop.wait(0.2):
        day = date(2024, 6, 1) + timedelta(days=i % 30)
        text = f"Bench article {i}: shelling hit a district of Kharkiv on {day}."
        event = Event(
            f"bench-live-{i}",
            day,
            TimePrecision.DAY,
            sub.event_type,
            sub,
            text,
            latitude=49.99,
            longitude=36.23,
            admin1="Kharkiv Oblast",
        )
        store.save_article(Article(text, url=f"https://bench.example/{i}", published=day), [event])
        i += 1
        counter.value = i
    store.close()


def in_process(url: str, count: int) -> float:
    """p50 ms of the same questions asked of the Store directly (page + count)."""
    store = open_store(url)
    boxes, _ = make_queries(count, seed=23)
    times = []
    for q in boxes:
        started = time.perf_counter()
        list(store.query_events(q.flt, limit=100))
        store.count_events(q.flt)
        times.append((time.perf_counter() - started) * 1000)
    store.close()
    return statistics.median(times)


def run_engine(name: str, url: str, args: argparse.Namespace) -> None:
    print(f"== {name}")
    fill(url, args.n)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "TRACKER_DB": url}
    log = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tracker.cli import main; main()",
            "serve",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),  # the access log: a line per request, with the server's own ms
    )
    stop, written = multiprocessing.Event(), multiprocessing.Value("i", 0)
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/conformance", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        urls = query_urls(base, 200)
        asyncio.run(load(urls[:20], clients=10, seconds=3))  # warm the caches
        mark = log.stat().st_size
        process = multiprocessing.Process(target=writer, args=(url, stop, written))
        if args.writer:
            process.start()
        results = asyncio.run(load(urls, clients=args.clients, seconds=args.seconds))
        stop.set()
        if args.writer:
            process.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    report(results, args, written.value, in_process(url, 200))
    print(f"  inside the server (its access log): {server_side(log, mark)}")
    log.unlink()


def server_side(log: Path, start: int) -> str:
    with log.open("rb") as lines:
        lines.seek(start)
        ms = sorted(
            json.loads(line)["ms"]
            for line in lines
            if line.startswith(b"{") and b"/collections/events/items" in line
        )
    q = statistics.quantiles(ms, n=100)
    return f"p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms over {len(ms):,} requests"


def report(
    results: list[tuple[float, int]], args: argparse.Namespace, written: int, floor: float
) -> None:
    ms = sorted(t * 1000 for t, _ in results)
    errors = sum(1 for _, status in results if status != 200)
    q = statistics.quantiles(ms, n=100)
    print(
        f"  {args.workers} worker(s): {len(ms):,} requests in {args.seconds:.0f} s "
        f"from {args.clients} clients "
        f"({len(ms) / args.seconds:.1f}/s), {errors} errors; {written} articles written meanwhile"
    )
    print(f"  latency ms: p50 {q[49]:.1f}  p95 {q[94]:.1f}  p99 {q[98]:.1f}  max {ms[-1]:.1f}")
    print(f"  the same page + count in-process through the Store: p50 {floor:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="events (default 1,000,000)")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1, help="tracker serve --workers")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--sqlite", type=Path, help="SQLite file (default: a temporary one)")
    parser.add_argument("--pg-admin", help="PostgreSQL URL where a bench database may be made")
    parser.add_argument("--pg-url", help="an existing PostGIS database to fill (once) and serve")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostGIS only")
    parser.add_argument(
        "--no-writer",
        dest="writer",
        action="store_false",
        help="do not write articles during the load",
    )
    args = parser.parse_args()
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            path = args.sqlite or Path(folder) / "bench.db"
            run_engine("SQLite", f"sqlite:///{path}", args)
    if args.pg_url:
        run_engine("PostGIS", args.pg_url, args)
    elif args.pg_admin:
        url, drop = pg_database(args.pg_admin)
        try:
            with open_store(url) as store:
                store.close()
            run_engine("PostGIS", url, args)
        finally:
            drop()


if __name__ == "__main__":
    main()
