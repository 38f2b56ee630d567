"""``tracker gazetteer load`` of the UA dump, with and without the KATOTTG codifier.

Usage::

    taskset -c 1 python bench/bench_gazetteer_load.py --geonames DIR --katottg FILE \
        [--baseline CHECKOUT] [--rounds 3]

``DIR`` holds UA.txt, admin1CodesASCII_UA.txt and admin2_UA_derived_from_UA_txt.txt.
Each run loads into a new SQLite file in a fresh process (the whole command:
import, index build, snapshot). The runs are this checkout with the dump, and
with the dump and the codifier; with ``--baseline``, another checkout (e.g. a
worktree of main) does both too, with the same interpreter. Every round runs
each once, in turn (interleaved, so a busy spell of a shared machine hits all
alike); the median wall and CPU time of ``--rounds`` are printed, with the
ratios to the baseline and the load average. Figures go to docs/benchmarks.md.
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


def load_once(checkout: Path, files: list[Path]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one ``tracker gazetteer load FILES``
    into a new database; CPU time suffers less from a busy machine."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        cli = "import sys; from tracker.cli import main; sys.argv[0] = 'tracker'; main()"
        cmd = [sys.executable, "-c", cli, "--db", url, "gazetteer", "load"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        # cwd too: ``python -c`` puts the working directory before PYTHONPATH on sys.path
        run = [*cmd, *map(str, files)]
        subprocess.run(run, check=True, env=env, cwd=checkout, capture_output=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def interleaved(runs: dict[str, tuple[Path, list[Path]]], rounds: int) -> dict[str, list]:
    """Every run once per round, in turn, so a busy spell of the machine hits them alike."""
    times: dict[str, list] = {label: [] for label in runs}
    for _ in range(rounds):
        for label, (checkout, files) in runs.items():
            times[label].append(load_once(checkout, files))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, required=True)
    parser.add_argument("--katottg", type=Path, required=True)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    g = args.geonames
    dump = [g / "UA.txt", g / "admin1CodesASCII_UA.txt", g / "admin2_UA_derived_from_UA_txt.txt"]
    runs = {
        "this checkout, UA dump": (HERE, dump),
        "this checkout, UA dump + KATOTTG": (HERE, [*dump, args.katottg]),
    }
    if args.baseline:
        runs[f"{args.baseline}, UA dump"] = (args.baseline, dump)
        runs[f"{args.baseline}, UA dump + KATOTTG"] = (args.baseline, [*dump, args.katottg])
    load = os.getloadavg()[0]
    medians = {}
    for label, samples in interleaved(runs, args.rounds).items():
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        medians[label] = (wall, cpu)
        spread = ", ".join(f"{c:.2f}" for _, c in samples)
        print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU (medians; CPU each round {spread})")
    if args.baseline:
        for what in ("UA dump", "UA dump + KATOTTG"):
            new, old = medians[f"this checkout, {what}"], medians[f"{args.baseline}, {what}"]
            print(f"{what}: CPU {new[1] / old[1]:.2f}x, wall {new[0] / old[0]:.2f}x the baseline's")
    print(f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
