#!/usr/bin/env python3
"""Re-render the journalists' map after an ingest: ``tracker map`` with its options.

Usage::

    python scripts/render_maps.py /srv/www/maps/latest.html --since 2022-04-01

Writes the map to the given path (the first argument) from the database in
$TRACKER_DB; every ``tracker map`` option (filters, title...) may follow.
"""

import sys

from tracker.cli import cli

if __name__ == "__main__":
    cli.main(args=["map", *sys.argv[1:]], prog_name="tracker")
