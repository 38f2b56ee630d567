"""Reading GeoNames dump files as streams of typed rows.

Handles the published formats: a country or ``allCountries`` table (``.txt`` or
``.zip``), ``citiesN.zip``, ``admin1CodesASCII.txt``, ``admin2Codes.txt`` and
``alternateNamesV2`` (``.txt`` or ``.zip``). Files are streamed line by line,
so memory stays flat even for allCountries. Every malformed line raises
:class:`GazetteerFormatError` naming the file and the line number.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from geodata.errors import GazetteerError, GazetteerFormatError

GEONAME_COLUMNS = 19
ADMIN_COLUMNS = 4
ALTNAME_COLUMNS = (8, 10)  # alternateNames (old) and alternateNamesV2

# alternateNames "languages" that are codes or links, not names.
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr", "tcid"})


class FileKind(Enum):
    """Which GeoNames table a file holds."""

    GEONAMES = "geonames"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    ALTNAMES = "alternate names"
    KATOTTG = "katottg"  # Ukraine's codifier of administrative units (geodata/katottg.py)


@dataclass(frozen=True, slots=True)
class GeonameRow:
    """One row of the ``geoname`` table (the columns the gazetteer uses)."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str
    admin2_code: str
    population: int
    modified: str


@dataclass(frozen=True, slots=True)
class AdminRow:
    """One row of ``admin1CodesASCII`` / ``admin2Codes``: ``UA.13`` or ``UA.13.3208``."""

    code: str
    name: str
    asciiname: str
    geonameid: int | None

    @property
    def level(self) -> int:
        """1 for admin-1 codes, 2 for admin-2 codes."""
        return self.code.count(".")


@dataclass(frozen=True, slots=True)
class AltNameRow:
    """One row of ``alternateNamesV2`` kept for matching."""

    geonameid: int
    language: str
    name: str
    historic: bool


@contextmanager
def open_lines(path: Path) -> Iterator[Iterator[tuple[int, str]]]:
    """Open a ``.txt`` or the table inside a GeoNames ``.zip``; yield numbered lines."""
    if not path.exists():
        raise GazetteerError(f"GeoNames file {str(path)!r} does not exist; check the path")
    if path.suffix.lower() == ".zip":
        with _open_zip_member(path) as raw:
            yield _decoded(raw, path)
    else:
        with path.open("rb") as raw:
            yield _decoded(raw, path)


@contextmanager
def _open_zip_member(path: Path) -> Iterator[io.BufferedIOBase]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        raise GazetteerFormatError(
            f"{str(path)!r} is not a readable zip file ({err}); download it again"
        ) from err
    with archive:
        member = _pick_member(archive, path)
        with archive.open(member) as raw:
            yield raw  # type: ignore[misc]


def _pick_member(archive: zipfile.ZipFile, path: Path) -> str:
    names = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
    wanted = f"{path.stem}.txt"
    if wanted in names:
        return wanted
    if len(names) == 1:
        return names[0]
    raise GazetteerFormatError(
        f"{str(path)!r} holds {names!r}; expected {wanted!r} inside, as GeoNames publishes it"
    )


def _decoded(raw: io.BufferedIOBase, path: Path) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(raw, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as err:
            raise GazetteerFormatError(
                f"{str(path)!r} line {number}: not UTF-8 ({err.reason} at byte {err.start}); "
                "GeoNames files are UTF-8, re-download or convert the file"
            ) from err
        text = text.rstrip("\r\n")
        if text and not text.startswith("#"):
            yield number, text


def sniff_kind(path: Path) -> FileKind:
    """Tell the table of a GeoNames file from its name, else from its first line."""
    lower = path.name.lower()
    if lower.startswith("admin1codes"):
        return FileKind.ADMIN1
    if lower.startswith("admin2codes"):
        return FileKind.ADMIN2
    if lower.startswith("alternatenames"):
        return FileKind.ALTNAMES
    from geodata.katottg import is_katottg

    if path.exists() and is_katottg(path):
        return FileKind.KATOTTG
    with open_lines(path) as lines:
        for number, text in lines:
            return _kind_from_columns(text.split("\t"), path, number)
    raise GazetteerFormatError(f"{str(path)!r} is empty; expected GeoNames rows")


def _kind_from_columns(cols: list[str], path: Path, number: int) -> FileKind:
    if len(cols) == GEONAME_COLUMNS:
        return FileKind.GEONAMES
    if len(cols) == ADMIN_COLUMNS:
        return FileKind.ADMIN2 if cols[0].count(".") == 2 else FileKind.ADMIN1
    if len(cols) in ALTNAME_COLUMNS:
        return FileKind.ALTNAMES
    raise GazetteerFormatError(
        f"{str(path)!r} line {number}: {len(cols)} tab-separated columns; a GeoNames table has "
        f"{GEONAME_COLUMNS} (admin codes {ADMIN_COLUMNS}, alternate names 8 or 10), and the "
        "KATOTTG codifier CSV starts with the header 'level1_code,level2_code,...'"
    )


def iter_geonames(path: Path) -> Iterator[GeonameRow]:
    """Stream the rows of a country/allCountries/citiesN table."""
    with open_lines(path) as lines:
        for number, text in lines:
            yield _geoname(text.split("\t"), path, number)


def _geoname(cols: list[str], path: Path, number: int) -> GeonameRow:
    if len(cols) != GEONAME_COLUMNS:
        raise GazetteerFormatError(
            f"{str(path)!r} line {number}: {len(cols)} columns, expected {GEONAME_COLUMNS}; "
            "the file may be truncated or not a GeoNames table"
        )
    try:
        return GeonameRow(
            geonameid=int(cols[0]),
            name=cols[1],
            asciiname=cols[2],
            alternatenames=tuple(filter(None, cols[3].split(","))),
            latitude=_coord(cols[4], 90.0),
            longitude=_coord(cols[5], 180.0),
            feature_class=cols[6],
            feature_code=cols[7],
            country=cols[8],
            admin1_code=cols[10],
            admin2_code=cols[11],
            population=int(cols[14] or 0),
            modified=cols[18],
        )
    except ValueError as err:
        raise GazetteerFormatError(
            f"{str(path)!r} line {number}: {err}; fix or drop the row"
        ) from err


def _coord(text: str, limit: float) -> float:
    value = float(text)
    if not -limit <= value <= limit:
        raise ValueError(f"coordinate {text!r} is out of range")
    return value


def iter_admin_codes(path: Path) -> Iterator[AdminRow]:
    """Stream ``admin1CodesASCII`` / ``admin2Codes`` rows."""
    with open_lines(path) as lines:
        for number, text in lines:
            cols = text.split("\t")
            if len(cols) != ADMIN_COLUMNS or "." not in cols[0]:
                raise GazetteerFormatError(
                    f"{str(path)!r} line {number}: expected 4 columns 'CC.code, name, asciiname, "
                    f"geonameid', got {text[:80]!r}"
                )
            gid = cols[3].strip()
            if gid and not gid.isdigit():
                raise GazetteerFormatError(
                    f"{str(path)!r} line {number}: geonameid {gid!r} is not a number"
                )
            yield AdminRow(cols[0], cols[1], cols[2], int(gid) if gid else None)


def iter_alternate_names(path: Path) -> Iterator[AltNameRow]:
    """Stream alternate names that are names (not links, postcodes or airport codes)."""
    with open_lines(path) as lines:
        for number, text in lines:
            cols = text.split("\t")
            if len(cols) not in ALTNAME_COLUMNS or not cols[1].isdigit():
                raise GazetteerFormatError(
                    f"{str(path)!r} line {number}: {len(cols)} columns, expected 8 or 10 "
                    "(alternateNames / alternateNamesV2)"
                )
            if cols[2] not in _NOT_NAMES:
                yield AltNameRow(int(cols[1]), cols[2], cols[3], cols[7] == "1")
