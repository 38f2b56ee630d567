#!/usr/bin/env python3
"""Nightly export for analysts: ``tracker export`` with its options.

Usage::

    python scripts/nightly_export.py /srv/exports/events.geojson

The format follows the file extension (or ``--format``); every ``tracker
export`` option (filters, ``--acled``...) may follow. Reads $TRACKER_DB, which
must exist (a mistyped path is exit 1, never an empty file). An export of 0
events never replaces a non-empty file unless ``--allow-empty`` is given.
"""

import sys

from tracker.cli import cli

if __name__ == "__main__":
    cli.main(args=["export", *sys.argv[1:]], prog_name="tracker")
