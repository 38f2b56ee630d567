"""Writing GeoNames files and the KATOTTG codifier into the ``gaz_`` tables, in one transaction.

:func:`import_files` streams the files in batches; a malformed line anywhere
rolls everything back, so the gazetteer loaded before stays intact. Each batch
folds its distinct names once (:mod:`geodata.fast_keys`) and goes in through
the driver's ``executemany`` (:mod:`geodata.bulk`); the rows written are kept
in a :class:`~geodata.written.Written` for the index build that follows
(:func:`geodata.store.load_geonames`). The public entry points are in
:mod:`geodata.store`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, insert, inspect, literal, select, update
from sqlalchemy.exc import SQLAlchemyError

from geodata.bulk import insert_rows
from geodata.errors import GazetteerError
from geodata.fast_keys import name_key_many, name_keys_many
from geodata.geonames import (
    FileKind,
    GeonameRow,
    iter_admin_codes,
    iter_alternate_names,
    iter_geonames,
    sniff_kind,
)
from geodata.index import ALT_QUALITY, keeps
from geodata.katottg import iter_units
from geodata.names import KEY_VERSION, name_keys, usable_key
from geodata.romanize import is_ukrainian
from geodata.tables import gaz_admin, gaz_names, gaz_places, gaz_sources, gaz_units
from geodata.written import Written

BATCH = 5000
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One loaded file: where from, what kind, how many rows, when."""

    path: str
    kind: str
    rows: int
    loaded_at: datetime


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What one :func:`import_geonames` call loaded."""

    sources: tuple[SourceInfo, ...]

    @property
    def rows(self) -> int:
        """Rows kept across all files."""
        return sum(s.rows for s in self.sources)


def import_files(
    engine: Engine, paths: Sequence[str | Path], written: Written, *, progress: bool, replace: bool
) -> ImportSummary:
    """Write ``paths`` into the gazetteer tables in one transaction, keeping the rows in
    ``written`` (see :func:`geodata.store.import_geonames` for the options)."""
    files = sorted((Path(p) for p in paths), key=_order)
    try:
        with no_cycle_collection(), engine.begin() as conn, _Progress(enabled=progress) as bar:
            if replace:
                for table in (gaz_names, gaz_places, gaz_admin, gaz_units):
                    conn.execute(delete(table))
            done = tuple(_import_file(conn, path, bar, written) for path in files)
            if written.whole and not _holds_only(conn, written):
                written.give_up()
    except SQLAlchemyError as err:
        raise GazetteerError(
            f"could not write the gazetteer to the database ({err.__class__.__name__}: "
            f"{err}); nothing was changed. Run `tracker db upgrade` if the tables are missing"
        ) from err
    return ImportSummary(done)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a load makes millions of small objects.

    Every tuple, set and dict a load makes lives on until the load ends, so each
    pass of the collector over the growing heap frees nothing; they took a
    seventh of the load of the Ukraine dump. Reference counting still frees all
    that is dropped, and the collector runs again as soon as the load is done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _order(path: Path) -> int:
    return {FileKind.GEONAMES: 0, FileKind.ADMIN1: 1, FileKind.ADMIN2: 1}.get(sniff_kind(path), 2)


# Built after the rows when a load writes into empty tables (see _FreshTables).
_LATER_INDEXES = (*gaz_places.indexes, *gaz_names.indexes)


class _FreshTables:
    """Into empty ``gaz_places`` and ``gaz_names``: index after the insert, delete nothing.

    Building an index over rows already written is cheaper than keeping it up to
    date row by row, and no place can be replaced while its id has not been written
    yet, so each batch's two deletes (5,000 ids each) would find nothing. Both come
    back as soon as a batch repeats an id written before in this load.

    Done inside the load's transaction, so a failed load leaves the indexes as they
    were: its ``gaz_sources`` row is written first, since pysqlite left to itself opens a
    transaction only at the first INSERT and would commit a DROP before it at once.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._ids: set[int] = set()
        self.active = all(
            conn.execute(select(t.primary_key.columns[0]).limit(1)).first() is None
            for t in (gaz_places, gaz_names)
        )
        if self.active:
            for index in _LATER_INDEXES:
                index.drop(conn)

    def may_hold(self, ids: Sequence[int]) -> bool:
        """True when rows of ``ids`` may be in the tables already (then delete them first)."""
        if self.active and self._ids.isdisjoint(ids):
            self._ids.update(ids)
            return False
        self.finish()  # the deletes need the geonameid index (and the cascade of each one)
        return True

    def finish(self) -> None:
        """Build the indexes dropped at the start (once)."""
        if self.active:
            self.active = False
            self._ids = set()
            for index in _LATER_INDEXES:
                index.create(self._conn)


def _holds_only(conn: Connection, written: Written) -> bool:
    """True when the gazetteer tables hold just the rows ``written`` kept (nothing from before).

    Read inside the load's transaction: every row the load wrote is there, so no
    row past that many leaves no room for any other. (A load committed by another
    process after this shows in ``gaz_sources``, checked once this one is committed.)
    Only as many rows as the load wrote are stepped over, never a big table's count.
    """
    units = len(written.units) if inspect(conn).has_table(gaz_units.name) else None
    kept = (
        (gaz_places, len(written.places)), (gaz_names, len(written.names)),
        (gaz_admin, len(written.admin_codes)), (gaz_units, units),
    )  # fmt: skip
    return all(
        conn.execute(select(literal(1)).select_from(t).limit(1).offset(n)).first() is None
        for t, n in kept
        if n is not None
    )


def _import_file(conn: Connection, path: Path, bar: _Progress, written: Written) -> SourceInfo:
    kind = sniff_kind(path)
    now = datetime.now(UTC)
    source_id = conn.execute(
        insert(gaz_sources).values(
            path=str(path), kind=kind.value, rows=0, loaded_at=now, key_version=KEY_VERSION
        )
    ).inserted_primary_key[0]
    written.sources.append(source_id)
    bar.start(path.name)
    if kind is FileKind.GEONAMES:
        rows = _import_places(conn, iter_geonames(path), source_id, bar, written)
    elif kind is FileKind.ALTNAMES:
        rows = _import_altnames(conn, path, bar, written)
    elif kind is FileKind.KATOTTG:
        rows = _import_units(conn, path, bar, written)
    else:
        rows = _import_admin(conn, path, bar, written)
    conn.execute(update(gaz_sources).where(gaz_sources.c.id == source_id).values(rows=rows))
    return SourceInfo(str(path), kind.value, rows, now)


def _batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _import_places(
    conn: Connection, rows: Iterable[GeonameRow], source_id: int, bar: _Progress, written: Written
) -> int:
    count = 0
    kept = (r for r in rows if keeps(r.feature_class, r.feature_code))
    fresh = _FreshTables(conn)
    for batch in _batches(kept):
        count += _import_batch(conn, batch, source_id, written, fresh)
        bar.advance(len(batch))
    fresh.finish()
    return count


def _import_batch(
    conn: Connection,
    batch: Sequence[GeonameRow],
    source_id: int,
    written: Written,
    fresh: _FreshTables,
) -> int:
    ids = [r.geonameid for r in batch]
    if fresh.may_hold(ids):
        conn.execute(delete(gaz_names).where(gaz_names.c.geonameid.in_(ids)))
        conn.execute(delete(gaz_places).where(gaz_places.c.geonameid.in_(ids)))
    places = [_place_values(r, source_id) for r in batch]
    names = _batch_name_values(batch)
    insert_rows(conn, gaz_places, PLACE_COLUMNS, places)
    insert_rows(conn, gaz_names, NAME_COLUMNS, names)
    if written.whole:
        written.add_places(places, names)
    return len(batch)


PLACE_COLUMNS = (
    "geonameid", "name", "latitude", "longitude", "feature_class", "feature_code", "country",
    "admin1_code", "admin2_code", "population", "modified", "source_id",
)  # fmt: skip
NAME_COLUMNS = ("geonameid", "name", "key", "quality")
UNIT_COLUMNS = ("code", "category", "name_uk", "oblast", "raion", "hromada", "settlement")


def _place_values(r: GeonameRow, source_id: int) -> tuple[Any, ...]:
    return (
        r.geonameid, r.name[:200], r.latitude, r.longitude, r.feature_class, r.feature_code,
        r.country, r.admin1_code or None, r.admin2_code or None, r.population, r.modified or None,
        source_id,
    )  # fmt: skip


def _batch_name_values(batch: Sequence[GeonameRow]) -> list[tuple[Any, ...]]:
    """The ``gaz_names`` rows of a batch of places, every distinct name folded once."""
    alternates = list(dict.fromkeys(a for r in batch for a in (r.asciiname, *r.alternatenames)))
    keys_of = dict(zip(alternates, name_keys_many(alternates), strict=True))
    ukrainian = {a for a in alternates if is_ukrainian(a)}
    primary = name_key_many([r.name for r in batch])
    return [
        v
        for r, key in zip(batch, primary, strict=True)
        for v in _name_values(r, key, keys_of, ukrainian)
    ]


def _name_values(
    r: GeonameRow, primary: str, keys_of: Mapping[str, frozenset[str]], ukrainian: Set[str]
) -> list[tuple[Any, ...]]:
    """The name rows of one place: ``primary`` is ``name_key(r.name)``, ``keys_of`` gives
    ``name_keys`` of each alternate name, ``ukrainian`` holds those that are Ukrainian."""
    best: dict[str, tuple[str, float]] = {primary: (r.name, 1.0)}
    official: list[tuple[str, str]] = []
    for alt in (r.asciiname, *r.alternatenames):
        keys = keys_of[alt]
        for key in keys:
            best.setdefault(key, (alt, ALT_QUALITY))
        if keys and alt in ukrainian and all(best[k][0] != alt for k in keys):
            # kept even when a Latin spelling holds its key: the official name comes from it
            official.append((min(keys), alt))
    gid = r.geonameid
    rows = [(gid, n[:400], k[:400], q) for k, (n, q) in best.items()]
    if not usable_key(primary):  # the alternates' keys are usable: name_keys keeps no other
        del rows[0]
    rows += [(gid, n[:400], k[:400], ALT_QUALITY) for k, n in official]
    return rows


def _import_admin(conn: Connection, path: Path, bar: _Progress, written: Written) -> int:
    count = 0
    for batch in _batches(iter_admin_codes(path)):
        codes = [a.code for a in batch]
        conn.execute(delete(gaz_admin).where(gaz_admin.c.code.in_(codes)))
        values = [
            {
                "code": a.code,
                "country": a.code.split(".")[0],
                "level": a.level,
                "name": a.name[:200],
                "asciiname": a.asciiname[:200],
                "geonameid": a.geonameid,
            }
            for a in batch
        ]
        conn.execute(insert(gaz_admin), values)
        for v in values:
            written.add_admin(v["code"], v["level"], v["name"])
        count += len(batch)
        bar.advance(len(batch))
    return count


def _import_units(conn: Connection, path: Path, bar: _Progress, written: Written) -> int:
    """The codifier replaces the one loaded before (it is published whole, not in parts)."""
    conn.execute(delete(gaz_units))
    written.replace_units()
    count = 0
    for batch in _batches(iter_units(path)):
        values = [
            (u.code, u.category.value, u.name_uk[:200], u.oblast, u.raion, u.hromada, u.settlement)
            for u in batch
        ]
        insert_rows(conn, gaz_units, UNIT_COLUMNS, values)
        written.units.extend(dict(zip(UNIT_COLUMNS, v, strict=True)) for v in values)
        count += len(batch)
        bar.advance(len(batch))
    return count


def _import_altnames(conn: Connection, path: Path, bar: _Progress, written: Written) -> int:
    count = 0
    for batch in _batches(iter_alternate_names(path)):
        ids = {a.geonameid for a in batch}
        known = set(
            conn.execute(select(gaz_places.c.geonameid).where(gaz_places.c.geonameid.in_(ids)))
            .scalars()
            .all()
        )
        values = [
            (a.geonameid, a.name[:400], k[:400], ALT_QUALITY)
            for a in batch
            if a.geonameid in known
            for k in name_keys(a.name)
        ]
        insert_rows(conn, gaz_names, NAME_COLUMNS, values)
        if written.whole:
            written.add_names(values)
        count += len(values)
        bar.advance(len(batch))
    return count


class _Progress:
    """A rich progress line on stderr, or nothing when disabled."""

    def __init__(self, *, enabled: bool) -> None:
        self._bar: Any = None
        self._task: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TextColumn("{task.completed:,} rows"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
            )

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def start(self, label: str) -> None:
        if self._bar is not None:
            self._task = self._bar.add_task(f"loading {label}", total=None)

    def advance(self, n: int) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, n)
