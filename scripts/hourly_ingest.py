#!/usr/bin/env python3
"""Hourly ingest job: ``tracker ingest`` under the ``hourly-ingest`` lock, quiet, logged.

Usage (database from $TRACKER_DB, default ~/.local/share/tracker/tracker.db)::

    python scripts/hourly_ingest.py --sources /etc/tracker/feeds.toml \\
        --log-jsonl /var/log/tracker/ingest.jsonl

Any ``tracker ingest`` option may follow. Exit status: 0 all stored, 1 some
items failed (named on stderr and in the log), 2 usage error, 3 the previous
run is still going (this one did nothing), 4 the previous run has held the lock
for more than its maximum run time (an hour unless --max-run-time): it is
probably hung, and the message says how to stop it.
"""

import sys

from tracker.cli import cli

if __name__ == "__main__":
    cli.main(
        args=["ingest", "--lock-name", "hourly-ingest", "--no-progress", *sys.argv[1:]],
        prog_name="tracker",
    )
