"""Start-up time of the ``tracker`` command: --help, --version, events, a one-note extract.

Each command runs in a fresh interpreter, ``--runs`` times after one warm-up
run (which also fills the embedded-gazetteer cache, as a user's first run
does), and the median wall time and CPU time are printed with the load
average. ``--baseline DIR`` runs the same commands from another checkout (for
example ``git archive <commit> | tar -x -C DIR``) interleaved with this one, so
both see the same load.

    python bench/bench_startup.py --runs 11
    python bench/bench_startup.py --runs 11 --baseline /tmp/tracker-before
    python bench/bench_startup.py --runs 11 --gazetteer UA.txt admin1CodesASCII_UA.txt

With ``--gazetteer`` a second database holds those GeoNames files (loaded by
this checkout's ``tracker gazetteer load``, which keeps the index snapshot), and
a one-note extract against it is timed too: the start-up of a command that
needs a loaded gazetteer.
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

ROOT = Path(__file__).resolve().parents[1]
NOTE = "Shelling hit Kharkiv yesterday, killing two civilians, the regional governor said.\n"


def _commands(db: str, note: Path, full: str | None) -> dict[str, list[str]]:
    extract = ["extract", str(note), "--published", "2022-04-12"]
    loaded = {"tracker extract (one note, loaded gazetteer)": ["--db", full, *extract]}
    return (loaded if full else {}) | {
        "tracker --help": ["--help"],
        "tracker --version": ["--version"],
        "tracker events (7 events)": ["--db", db, "events"],
        "tracker extract (one note, embedded gazetteer)": [
            "--db",
            db,
            "extract",
            str(note),
            "--published",
            "2022-04-12",
        ],
    }


def _run(checkout: Path, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``tracker`` run from ``checkout``."""
    code = "import sys; from tracker.cli import main; sys.argv[0] = 'tracker'; main()"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**env, "PYTHONPATH": str(checkout)},
        cwd=checkout,  # "-c" puts the working folder first on sys.path: make it the checkout
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _setup(folder: Path, gazetteer: list[Path]) -> tuple[dict[str, str], str, Path, str | None]:
    env = {k: v for k, v in os.environ.items() if k != "GEODATA_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(folder / "cache")  # a cold cache, filled by the warm-up runs
    db = f"sqlite:///{folder / 'small.db'}"
    note = folder / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    articles = ROOT / "tracker" / "examples" / "articles.jsonl"
    _run(ROOT, ["--db", db, "ingest", str(articles)], env)
    full = None
    if gazetteer:
        full = f"sqlite:///{folder / 'full.db'}"
        _run(ROOT, ["--db", full, "gazetteer", "load", *map(str, gazetteer)], env)
    return env, db, note, full


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--gazetteer", nargs="*", type=Path, default=[], help="GeoNames files")
    args = parser.parse_args()
    checkouts = {"this": ROOT} | ({"baseline": args.baseline} if args.baseline else {})
    with tempfile.TemporaryDirectory() as tmp:
        env, db, note, full = _setup(Path(tmp), [p.resolve() for p in args.gazetteer])
        print(f"load average at start: {os.getloadavg()}")
        for label, cmd in _commands(db, note, full).items():
            times: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
            for checkout in checkouts.values():
                _run(checkout, cmd, env)  # warm-up: page cache, gazetteer cache
            for _ in range(args.runs):
                for name, checkout in checkouts.items():  # interleaved: same load for both
                    times[name].append(_run(checkout, cmd, env))
            for name, runs in times.items():
                wall = statistics.median(w for w, _ in runs)
                cpu = statistics.median(c for _, c in runs)
                print(f"{label:50} {name:9} median wall {wall:6.3f} s  CPU {cpu:6.3f} s")
        print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
