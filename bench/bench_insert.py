"""SQLite bulk insert, old code against new in the same run: interleaved rounds, CPU and wall.

Each round imports the same events (``bench_store.synthetic_events``, ids
shaped like the tracker's own, batches of 50,000 as ``bench_store.py``) into
a fresh SQLite file once per source tree given, each in its own process, in
turn; the trees' own ``tracker`` packages do the work. On a shared machine
the CPU seconds of each process and the ratio between trees within a round
are the figures to trust; the load average is printed with each line.

With ``--pg-admin`` (a database where the role may ``CREATE DATABASE``) each
import goes into a throw-away PostGIS database instead (``bench_store.pg_database``),
so the same rounds compare the PostgreSQL path (its client CPU; the server's
work shows in the wall time only).

Usage::

    git worktree add /tmp/base main --detach      # the code to compare with
    python bench/bench_insert.py /tmp/base . --n 1000000 --rounds 3
    python bench/bench_insert.py /tmp/base . --n 200000 --rounds 3 \
        --pg-admin postgresql+psycopg://tracker:tracker@127.0.0.1:5432/tracker_test
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_store import pg_database  # bench/ is on sys.path

_CHILD = """
import os, sys, time
tree, n, url = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path[:0] = [tree, os.path.join(tree, "bench")]
from bench_store import synthetic_events
from tracker.store import open_store
import tracker
assert tracker.__file__.startswith(tree), tracker.__file__
events = list(synthetic_events(n))
store = open_store(url)
cpu, wall = time.process_time(), time.perf_counter()
store.import_events(events, batch_size=50_000)
print(time.process_time() - cpu, time.perf_counter() - wall)
store.close()
"""


def run(tree: Path, n: int, folder: Path, *, pg_admin: str | None) -> tuple[float, float]:
    """CPU and wall seconds of one import of ``n`` events with ``tree``'s code."""
    if pg_admin:
        url, drop = pg_database(pg_admin)
        try:
            return _child(tree, n, url)
        finally:
            drop()
    path = folder / "insert.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return _child(tree, n, f"sqlite:///{path}")


def _child(tree: Path, n: int, url: str) -> tuple[float, float]:
    command = [sys.executable, "-c", _CHILD, str(tree), str(n), url]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path, help="source trees (repository roots)")
    parser.add_argument("--n", type=int, default=1_000_000, help="events (default 1,000,000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every tree")
    parser.add_argument("--pg-admin", help="import into throw-away PostGIS databases made here")
    args = parser.parse_args()
    trees = [tree.resolve() for tree in args.trees]
    cpu: dict[Path, list[float]] = {tree: [] for tree in trees}
    wall: dict[Path, list[float]] = {tree: [] for tree in trees}
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(1, args.rounds + 1):
            for tree in trees:
                load = _load()
                seconds, took = run(tree, args.n, Path(tmp), pg_admin=args.pg_admin)
                cpu[tree].append(seconds)
                wall[tree].append(took)
                print(
                    f"round {round_no} {tree}: {took:.1f} s wall = {args.n / took:,.0f} events/s; "
                    f"{seconds:.1f} s CPU = {args.n / seconds:,.0f}/s of CPU "
                    f"(load {load} -> {_load()})",
                    flush=True,
                )
    first, first_wall = statistics.median(cpu[trees[0]]), statistics.median(wall[trees[0]])
    for tree in trees:
        median, took = statistics.median(cpu[tree]), statistics.median(wall[tree])
        print(
            f"median {tree}: CPU {median:.1f} s ({first / median:.2f}x the first tree's speed), "
            f"wall {took:.1f} s = {args.n / took:,.0f} events/s ({first_wall / took:.2f}x)"
        )


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


if __name__ == "__main__":
    main()
