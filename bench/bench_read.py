"""The floor of a bulk read: a 1M-event SQLite file into Arrow, raw and as records.

Times, in a fresh process each, the ADBC SQLite driver reading the record's
columns as stored in table order and in listing order, the ids alone in
listing order (the date index only), ``Store.read_records`` of every
event on one connection (``record-one``) and as it reads, in chunks on two
connections side by side (``record``): what bounds an export or a map
(docs/benchmarks.md, A million events).

Usage::

    python bench/bench_read.py /tmp/bench-1m.db            # every read, one process each
    python bench/bench_read.py /tmp/bench-1m.db --read listing
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

READS = ("ids", "table", "listing", "record-one", "record")


def run_one(path: Path, read: str) -> str:
    """Read the file once the ``read`` way; a line with the rows, wall, CPU and peak RSS."""
    from tracker.model import EventFilter
    from tracker.settings import Access
    from tracker.store import columnar, open_store

    columns = ", ".join(columnar.RECORD_SCHEMA.names)
    sql = {
        "ids": "SELECT event_id FROM events ORDER BY event_date, event_id",
        "table": f"SELECT {columns} FROM events",
        "listing": f"SELECT {columns} FROM events ORDER BY event_date, event_id",
    }
    wall, cpu = time.perf_counter(), time.process_time()
    if read == "record":
        with open_store(f"sqlite:///{path}", access=Access.READ) as store:
            rows = sum(batch.num_rows for batch in store.read_records(EventFilter()))
    elif read == "record-one":  # one chunk: a single connection reads it all
        with open_store(f"sqlite:///{path}", access=Access.READ) as store:
            whole = columnar.read_batches(store.engine, EventFilter(), chunk_rows=2**62)
            rows = sum(batch.num_rows for batch in whole)
    else:
        import adbc_driver_sqlite.dbapi as adbc_sqlite

        with adbc_sqlite.connect(f"file:{path}?mode=ro") as conn, conn.cursor() as cursor:
            cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": 16_384})
            cursor.execute(sql[read])
            rows = sum(batch.num_rows for batch in cursor.fetch_record_batch())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"{read:>8}: {rows:,} rows, {time.perf_counter() - wall:.2f} s wall, "
        f"{time.process_time() - cpu:.2f} s CPU, peak RSS {peak:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a SQLite file made by bench/bench_db.py")
    parser.add_argument("--read", choices=READS, help="one read, in this process")
    args = parser.parse_args()
    if args.read:
        print(run_one(args.path.resolve(), args.read))
        return
    print(f"load average at the start: {Path('/proc/loadavg').read_text().strip()}")
    for read in READS:  # a process each: no read warms another's caches but the OS's
        command = [sys.executable, __file__, str(args.path), "--read", read]
        print(subprocess.run(command, check=True, capture_output=True, text=True).stdout, end="")
    print(f"load average at the end: {Path('/proc/loadavg').read_text().strip()}")


if __name__ == "__main__":
    main()
