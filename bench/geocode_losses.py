"""Where geocoding loses events: within 10 km, > 100 km off, lost to a same-name place.

Usage::

    python bench/geocode_losses.py --db sqlite:////tmp/x.db DEVSET.csv [--country UA]

Resolves every mention of the CSV (town/city, province, country, lat, lon, date,
as ``tracker eval geocode`` reads it, with the batch's front-line context) with
the database's gazetteer and prints, over the mentions of ``--country``:

- within 10 km: the share placed within 10 km of the true point;
- > 100 km off: the share of *located* mentions more than 100 km away;
- same-name loss: the share placed more than 10 km away although the gazetteer
  holds a place of the same name within 10 km of the truth (a homonym chosen
  instead of the right one), region-level answers excluded.

The same figures as ``tracker eval geocode --by-country`` prints (the shares are
computed by :mod:`geodata.evaluate`), for one country without the others' rows
in its front line. Figures go to docs/benchmarks.md (Geocoding quality) with the
command.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sqlalchemy import create_engine

from geodata.evaluate import Columns, evaluate, read_mentions
from geodata.store import load_gazetteer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--country", default="UA")
    args = parser.parse_args()
    gazetteer = load_gazetteer(create_engine(args.db))
    mentions = [m for m in read_mentions(args.csv, Columns()) if m.country == args.country]
    summary = evaluate(mentions, gazetteer, front_line=True).as_dict()
    print(json.dumps({"country": args.country, **summary}))


if __name__ == "__main__":
    main()
