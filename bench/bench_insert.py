"""SQLite bulk insert, old code against new in the same run: interleaved rounds, CPU and wall.

Each round imports the same events (``bench_store.synthetic_events``, ids
shaped like the tracker's own, batches of 50,000 as ``bench_store.py``) into
a fresh SQLite file once per source tree given, each in its own process, in
turn; the trees' own ``tracker`` packages do the work. On a shared machine
the CPU seconds of each process and the ratio between trees within a round
are the figures to trust; the load average is printed with each line.

Usage::

    git worktree add /tmp/base main --detach      # the code to compare with
    python bench/bench_insert.py /tmp/base . --n 1000000 --rounds 2
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import os, sys, time
tree, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path[:0] = [tree, os.path.join(tree, "bench")]
from bench_store import synthetic_events
from tracker.store import open_store
import tracker
assert tracker.__file__.startswith(tree), tracker.__file__
events = list(synthetic_events(n))
store = open_store(f"sqlite:///{path}")
cpu, wall = time.process_time(), time.perf_counter()
store.import_events(events, batch_size=50_000)
print(time.process_time() - cpu, time.perf_counter() - wall)
store.close()
"""


def run(tree: Path, n: int, folder: Path) -> tuple[float, float]:
    """CPU and wall seconds of one import of ``n`` events with ``tree``'s code."""
    path = folder / "insert.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, "-c", _CHILD, str(tree), str(n), str(path)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path, help="source trees (repository roots)")
    parser.add_argument("--n", type=int, default=1_000_000, help="events (default 1,000,000)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of every tree")
    args = parser.parse_args()
    trees = [tree.resolve() for tree in args.trees]
    cpu: dict[Path, list[float]] = {tree: [] for tree in trees}
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(1, args.rounds + 1):
            for tree in trees:
                load = _load()
                seconds, wall = run(tree, args.n, Path(tmp))
                cpu[tree].append(seconds)
                print(
                    f"round {round_no} {tree}: {wall:.1f} s wall = {args.n / wall:,.0f} events/s; "
                    f"{seconds:.1f} s CPU = {args.n / seconds:,.0f}/s of CPU "
                    f"(load {load} -> {_load()})",
                    flush=True,
                )
    first = statistics.median(cpu[trees[0]])
    for tree in trees:
        median = statistics.median(cpu[tree])
        print(f"median CPU {tree}: {median:.1f} s ({first / median:.2f}x the first tree's speed)")


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


if __name__ == "__main__":
    main()
