"""``tracker gazetteer load`` of the UA dump, with and without the KATOTTG codifier.

Usage::

    taskset -c 1 python bench/bench_gazetteer_load.py --geonames DIR --katottg FILE \
        [--baseline CHECKOUT] [--rounds 3]

``DIR`` holds UA.txt, admin1CodesASCII_UA.txt and admin2_UA_derived_from_UA_txt.txt.
Each round loads into a new SQLite file in a fresh process (the whole command:
import, index build, snapshot), and the median wall time of ``--rounds`` is
printed for: this checkout with the dump; this checkout with the dump and the
codifier; and, with ``--baseline``, another checkout (e.g. a worktree of main)
with the dump, run with the same interpreter. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def load_seconds(checkout: Path, files: list[Path], rounds: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``tracker gazetteer load
    FILES`` into a new database; CPU time suffers less from a busy machine."""
    times, cpu = [], []
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            cli = "import sys; from tracker.cli import main; sys.argv[0] = 'tracker'; main()"
            cmd = [sys.executable, "-c", cli, "--db", url, "gazetteer", "load"]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([*cmd, *map(str, files)], check=True, env=env, capture_output=True)
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, required=True)
    parser.add_argument("--katottg", type=Path, required=True)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    g = args.geonames
    dump = [g / "UA.txt", g / "admin1CodesASCII_UA.txt", g / "admin2_UA_derived_from_UA_txt.txt"]
    rows = [
        ("this checkout, UA dump", load_seconds(HERE, dump, args.rounds)),
        (
            "this checkout, UA dump + KATOTTG",
            load_seconds(HERE, [*dump, args.katottg], args.rounds),
        ),
    ]
    if args.baseline:
        rows.append((f"{args.baseline}, UA dump", load_seconds(args.baseline, dump, args.rounds)))
    for label, (wall, cpu) in rows:
        print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU (medians of {args.rounds})")


if __name__ == "__main__":
    main()
