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

Figures go to docs/benchmarks.md (Geocoding quality) with the command.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sqlalchemy import create_engine

from geodata.distance import haversine_km
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
    report = evaluate(mentions, gazetteer, front_line=True)
    total = len(report.outcomes)
    located = [o for o in report.outcomes if o.error_km is not None]
    within = sum(o.error_km <= 10 for o in located)
    far = sum(o.error_km > 100 for o in located)
    same_name = 0
    for o in located:
        if o.error_km <= 10 or o.precision == 3:
            continue
        m = o.mention
        if any(
            haversine_km(m.latitude, m.longitude, p.latitude, p.longitude) <= 10
            for p, _q in gazetteer.lookup(m.name)
        ):
            same_name += 1
    print(
        json.dumps(
            {
                "country": args.country,
                "mentions": total,
                "located": len(located),
                "within_10km": round(within / total, 4),
                "over_100km_of_located": round(far / len(located), 4),
                "same_name_loss": round(same_name / total, 4),
            }
        )
    )


if __name__ == "__main__":
    main()
