"""The rows one gazetteer load wrote, kept to build the index without reading them back.

``tracker gazetteer load`` builds the index (and its snapshot) right after the
import. When the load wrote the whole gazetteer, the rows it wrote are exactly
the rows the database holds, and reading the 190,000 place and name rows of the
Ukraine dump back (then folding the place names again) was a tenth of the load.
:class:`Written` collects the rows as they are inserted, in insertion order;
:func:`geodata.store.load_geonames` decides whether they are the whole gazetteer
(see there) and otherwise reads the database as before. Both feed the same
:func:`fill_builder`, so the index cannot differ by where its rows came from;
``tests/geodata/test_store.py`` checks the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from geodata.fast_keys import name_key_many
from geodata.index import GazetteerBuilder
from geodata.katottg import Category, Unit
from geodata.model import Place
from geodata.names import is_cyrillic, name_keys
from geodata.sources import add_embedded_places

# Past this many name rows (allCountries) the rows are not kept: the memory they
# hold would double the index build's, and a load that size is minutes anyway.
MAX_KEPT_NAMES = 3_000_000

PlaceRow = Sequence[Any]  # geonameid, name, latitude, longitude, class, code, country,
# admin1_code, admin2_code, population: the gaz_places columns the index reads
NameRow = tuple[int, str, str, float]  # geonameid, name, key, quality (gaz_names)


@dataclass
class Written:
    """The gazetteer rows one load inserted, in order; ``whole`` is False once they may not be
    all the load left (a row replaced by a later one of the same load, or too many kept)."""

    places: list[PlaceRow] = field(default_factory=list)
    names: list[NameRow] = field(default_factory=list)
    admin2: dict[str, str] = field(default_factory=dict)  # admin-2 code → name
    admin_codes: set[str] = field(default_factory=set)
    units: list[Mapping[str, Any]] = field(default_factory=list)  # gaz_units rows
    sources: list[int] = field(default_factory=list)  # the gaz_sources ids of this load
    whole: bool = True
    _geonameids: set[int] = field(default_factory=set)

    def add_places(self, rows: Sequence[PlaceRow], names: Sequence[NameRow]) -> None:
        """A batch of ``gaz_places`` rows and their ``gaz_names`` rows."""
        ids = {r[0] for r in rows}
        if not self._geonameids.isdisjoint(ids):
            self.whole = False  # the later rows replaced the earlier ones in the database
        self._geonameids |= ids
        self.places.extend(rows)
        self.add_names(names)

    def add_names(self, names: Sequence[NameRow]) -> None:
        """``gaz_names`` rows of places already added (alternate names)."""
        self.names.extend(names)
        if len(self.names) > MAX_KEPT_NAMES:
            self.give_up()

    def add_admin(self, code: str, level: int, name: str) -> None:
        """One ``gaz_admin`` row (a later row of the same code replaces the earlier)."""
        self.admin_codes.add(code)
        if level == 2:
            self.admin2[code] = name

    def replace_units(self, rows: Iterable[Mapping[str, Any]] = ()) -> None:
        """The codifier's rows; a codifier replaces the one loaded before."""
        self.units = list(rows)

    def give_up(self) -> None:
        """Stop keeping rows: the index will be read from the database."""
        self.whole = False
        self.places, self.names, self.units = [], [], []
        self.admin2, self.admin_codes, self._geonameids = {}, set(), set()

    def fill(self, builder: GazetteerBuilder) -> None:
        """Fill ``builder`` as :func:`fill_builder` does from the same rows in the database."""
        fill_builder(
            builder,
            places=self.places,
            names=self.names,
            admin2=self.admin2.items(),
            units=self.units,
            stale_keys=False,
        )


def fill_builder(
    builder: GazetteerBuilder,
    *,
    places: Iterable[PlaceRow],
    names: Iterable[NameRow],
    admin2: Iterable[tuple[str, str]],
    units: Iterable[Mapping[str, Any]],
    stale_keys: bool,
) -> None:
    """Add a gazetteer's rows to ``builder``, then the embedded places of the other countries.

    Rows are read once, as they come (a cursor streams them). ``stale_keys``: the
    stored keys were folded by an older fold; fold the names again.
    """
    countries: set[str] = set()
    it = iter(places)
    while chunk := list(islice(it, _CHUNK)):
        for row, key in zip(chunk, name_key_many([r[1] for r in chunk]), strict=True):
            builder.add_place(_place(row), key=key)
            countries.add(row[6])
    builder.add_keys(_name_keys(builder, names, stale_keys=stale_keys))
    for code, name in admin2:
        builder.add_admin_name(code, name)
    for row in units:
        builder.add_unit(_unit(row))
    add_embedded_places(builder, skip=frozenset(countries))


_CHUNK = 50_000


def _name_keys(
    builder: GazetteerBuilder, names: Iterable[NameRow], *, stale_keys: bool
) -> Iterator[tuple[str, int, float]]:
    """``(key, geonameid, quality)`` of every name row; notes the Ukrainian names on the way."""
    for gid, name, key, quality in names:
        if quality < 1.0 and is_cyrillic(name):
            builder.note_name(gid, name)
        if stale_keys:
            for k in name_keys(name):
                yield k, gid, quality
        else:
            yield key, gid, quality


def _place(row: PlaceRow) -> Place:
    gid, name, lat, lon, fclass, fcode, country, admin1_code, admin2_code, population = row[:10]
    return Place(
        geonameid=gid,
        name=name,
        latitude=lat,
        longitude=lon,
        feature_class=fclass,
        feature_code=fcode,
        country=country,
        admin1_code=admin1_code,
        admin2=admin2_code,
        population=population or 0,
    )


def _unit(row: Mapping[str, Any]) -> Unit:
    return Unit(
        code=row["code"],
        category=Category(row["category"]),
        name_uk=row["name_uk"],
        oblast=row["oblast"],
        raion=row["raion"],
        hromada=row["hromada"],
        settlement=row["settlement"],
    )
