"""KATOTTG, Ukraine's codifier of administrative-territorial units: reading and stems.

The codifier (order No. 290 of the Ministry for Communities and Territories
Development, as amended) lists every oblast, raion (the 2020 ones), hromada,
settlement and city district with its code and official Ukrainian name, but no
coordinates. It is read here from the CSV form (one row per unit, header
``level1_code,level2_code,level3_code,level4_code,extra_level_code,category,name_uk,...``);
:mod:`geodata.units` links its settlements to GeoNames places.

A unit's level is in its codes: ``level1`` the oblast (``UA14...`` Donetsk),
``level2`` the raion, ``level3`` the hromada, ``level4`` the settlement and
``extra_level`` a district of a city. The raion code's first six characters are
GeoNames' admin-2 code with ``UA`` in front (``UA1416`` = admin2 ``1416``,
Pokrovskyi raion), which is how settlements meet their GeoNames entries.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from geodata.errors import GazetteerError, GazetteerFormatError
from geodata.names import name_key

HEADER = (
    "level1_code",
    "level2_code",
    "level3_code",
    "level4_code",
    "extra_level_code",
    "category",
    "name_uk",
)
HEADER_START = ",".join(HEADER[:2])  # enough of the first line to recognise the file


class Category(StrEnum):
    """KATOTTG's category letter of a unit."""

    OBLAST = "O"  # oblast or the Autonomous Republic of Crimea
    SPECIAL_CITY = "K"  # a city with special status: Kyiv, Sevastopol
    RAION = "P"
    HROMADA = "H"
    CITY = "M"
    SETTLEMENT = "X"  # селище
    VILLAGE = "C"  # село
    CITY_DISTRICT = "B"

    @property
    def is_settlement(self) -> bool:
        """True for cities, settlements and villages (the units GeoNames has as points)."""
        return self.value in "MXC"

    @property
    def word(self) -> str:
        """The English word a journalist puts after the unit's name."""
        return _WORDS[self]


_WORDS = {
    Category.OBLAST: "oblast",
    Category.SPECIAL_CITY: "city",
    Category.RAION: "raion",
    Category.HROMADA: "hromada",
    Category.CITY: "city",
    Category.SETTLEMENT: "settlement",
    Category.VILLAGE: "village",
    Category.CITY_DISTRICT: "district",
}


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of the codifier: a unit, its category, its official name and its parents."""

    code: str  # the unit's own code, e.g. "UA14160130010089415"
    category: Category
    name_uk: str  # official Ukrainian name ("Мар’їнка"; raions and hromadas are adjectives)
    oblast: str  # level-1 code
    raion: str | None = None  # level-2 code
    hromada: str | None = None  # level-3 code
    settlement: str | None = None  # level-4 code (the city of a city district)

    @property
    def admin2(self) -> str | None:
        """GeoNames' admin-2 code of the unit's raion ("1416"), None above raion level."""
        return self.raion[2:6] if self.raion else None


def is_katottg(path: Path) -> bool:
    """True when the file's first line is the codifier's CSV header."""
    try:
        with path.open("rb") as fh:
            first = fh.readline(400).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    return first.startswith(HEADER_START)


def iter_units(path: Path) -> Iterator[Unit]:
    """Stream the units of a KATOTTG CSV; a wrong header or row is a one-line error.

    Examples
    --------
    >>> units = list(iter_units(Path("tests/fixtures/katottg/sample.csv")))  # doctest: +SKIP
    """
    if not path.exists():
        raise GazetteerError(f"KATOTTG file {str(path)!r} does not exist; check the path")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header[: len(HEADER)]) != HEADER:
            raise GazetteerFormatError(
                f"{str(path)!r} is not the KATOTTG codifier CSV: its header must begin "
                f"{','.join(HEADER)!r}; convert the ministry's xlsx with those columns"
            )
        for number, cols in enumerate(reader, start=2):
            if any(c.strip() for c in cols):
                yield _unit(cols, path, number)


def _unit(cols: list[str], path: Path, number: int) -> Unit:
    if len(cols) < len(HEADER):
        raise GazetteerFormatError(
            f"{str(path)!r} line {number}: {len(cols)} columns, expected at least {len(HEADER)} "
            "(the codifier's level codes, category and name); fix or drop the row"
        )
    level1, level2, level3, level4, extra, category, name = (c.strip() for c in cols[:7])
    try:
        cat = Category(category)
    except ValueError:
        raise GazetteerFormatError(
            f"{str(path)!r} line {number}: category {category!r} is not one of "
            f"{''.join(c.value for c in Category)!r}; is this the codifier?"
        ) from None
    own = extra or level4 or level3 or level2 or level1
    if not own.startswith("UA") or not name:
        raise GazetteerFormatError(
            f"{str(path)!r} line {number}: no unit code starting 'UA' or no name; fix or drop it"
        )
    return Unit(own, cat, name, level1, level2 or None, level3 or None, level4 or None)


# Endings of Ukrainian adjectives naming units after their centre ("Pokrovskyi raion",
# "Marinska hromada", "Saltivskyi district") and of the towns themselves, once folded.
_ADJECTIVE_ENDS = ("skii", "ska", "ske", "ski", "nii", "na", "ne", "sk", "ii", "ka", "ke", "e", "a")
_UNIT_WORDS = frozenset(
    {"raion", "rayon", "district", "hromada", "community", "territorial", "city", "miska",
     "selishchna", "silska", "terytorialna", "teritorialna", "hromadi", "urban", "rural"}
)  # fmt: skip


def unit_stem(name: str) -> str:
    """One key for a unit and the town it is named after.

    Examples
    --------
    >>> unit_stem("Мар’їнська") == unit_stem("Marinka hromada") == unit_stem("Marinka")
    True
    >>> unit_stem("Pokrovskyi Raion") == unit_stem("Pokrovsk")
    True
    >>> unit_stem("Saltivskyi district") == unit_stem("Салтівський")
    True
    """
    words = [w for w in name_key(name).split() if w not in _UNIT_WORDS]
    key = " ".join(words)
    for end in _ADJECTIVE_ENDS:
        if key.endswith(end) and len(key) - len(end) >= 4:
            return key[: -len(end)]
    return key
