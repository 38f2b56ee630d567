"""The gazetteer in the tracker database: import GeoNames files, load the index.

:func:`import_geonames` streams GeoNames files into the ``gaz_`` tables in one
transaction: a malformed line anywhere rolls everything back, so the gazetteer
loaded before stays intact. :func:`load_gazetteer` builds the fast in-memory
index from those rows (or returns the embedded default when none are loaded).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, func, insert, inspect, literal, select, update
from sqlalchemy.exc import SQLAlchemyError

from geodata import embedded_cache
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
from geodata.index import ALT_QUALITY, GazetteerBuilder, MemoryGazetteer, keeps
from geodata.katottg import iter_units
from geodata.names import KEY_VERSION, name_keys, usable_key
from geodata.romanize import is_ukrainian
from geodata.snapshot import read_snapshot, write_snapshot
from geodata.sources import embedded_inputs, load_embedded_gazetteer
from geodata.tables import (
    GAZETTEER_METADATA,
    gaz_admin,
    gaz_names,
    gaz_places,
    gaz_sources,
    gaz_units,
)
from geodata.written import Written, fill_builder

__all__ = [
    "GAZETTEER_METADATA",
    "GazetteerInfo",
    "ImportSummary",
    "SourceInfo",
    "gazetteer_info",
    "import_geonames",
    "load_gazetteer",
    "refresh_index",
]

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


@dataclass(frozen=True, slots=True)
class GazetteerInfo:
    """What the database holds: sources and row counts."""

    places: int
    names: int
    admin_units: int
    sources: tuple[SourceInfo, ...]
    katottg_units: int = 0  # rows of the KATOTTG codifier loaded

    @property
    def is_embedded(self) -> bool:
        """True when no places are loaded and the embedded gazetteer is used."""
        return self.places == 0


def import_geonames(
    engine: Engine, paths: Sequence[str | Path], *, progress: bool = False, replace: bool = False
) -> ImportSummary:
    """Stream GeoNames files into the database in one transaction.

    Parameters
    ----------
    engine
        The tracker database (its ``gaz_`` tables must exist).
    paths
        Country/allCountries/citiesN tables (``.txt``/``.zip``), ``admin1CodesASCII``,
        ``admin2Codes``, ``alternateNamesV2``, the KATOTTG codifier CSV; the kind is
        told from the name or the first line.
    progress
        Show a progress bar on stderr (only wanted on a terminal).
    replace
        Drop every loaded place first instead of adding to (and updating) them.

    Examples
    --------
    >>> import_geonames(engine, ["UA.zip", "admin1CodesASCII.txt"])  # doctest: +SKIP
    """
    return _import(engine, paths, Written(), progress=progress, replace=replace)


def load_geonames(
    engine: Engine, paths: Sequence[str | Path], *, progress: bool = False, replace: bool = False
) -> ImportSummary:
    """:func:`import_geonames`, then :func:`refresh_index`: what ``tracker gazetteer load`` does.

    When the files were loaded into an empty gazetteer, the index is built from
    the rows as they were written instead of reading them back (see
    :mod:`geodata.written`); the index and its snapshot are the same either way.

    Examples
    --------
    >>> load_geonames(engine, ["UA.zip", "admin1CodesASCII.txt"])  # doctest: +SKIP
    """
    with _no_cycle_collection():
        written = Written()
        summary = _import(engine, paths, written, progress=progress, replace=replace)
        _index(engine, reuse_snapshot=False, written=written)
        del written  # freed now, before the collector is back to walk it
    return summary


def _import(
    engine: Engine, paths: Sequence[str | Path], written: Written, *, progress: bool, replace: bool
) -> ImportSummary:
    files = sorted((Path(p) for p in paths), key=_order)
    try:
        with _no_cycle_collection(), engine.begin() as conn, _Progress(enabled=progress) as bar:
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
def _no_cycle_collection() -> Iterator[None]:
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


_KEY_INDEX = next(ix for ix in gaz_names.indexes if ix.name == "ix_gaz_names_key")


@contextmanager
def _key_index_after(conn: Connection) -> Iterator[None]:
    """Into an empty ``gaz_names``, insert first and index the keys after (a sixth faster).

    Done inside the load's transaction, so a failed load leaves the index as it was:
    its ``gaz_sources`` row is written first, since pysqlite left to itself opens a
    transaction only at the first INSERT and would commit a DROP before it at once.
    The geonameid index stays: each batch deletes the earlier rows of its places by it.
    """
    empty = conn.execute(select(gaz_names.c.id).limit(1)).first() is None
    if empty:
        _KEY_INDEX.drop(conn)
    yield
    if empty:
        _KEY_INDEX.create(conn)


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
    with _key_index_after(conn):
        for batch in _batches(kept):
            count += _import_batch(conn, batch, source_id, written)
            bar.advance(len(batch))
    return count


def _import_batch(
    conn: Connection, batch: Sequence[GeonameRow], source_id: int, written: Written
) -> int:
    ids = [r.geonameid for r in batch]
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
                {
                    "code": u.code, "category": u.category.value, "name_uk": u.name_uk[:200],
                    "oblast": u.oblast, "raion": u.raion, "hromada": u.hromada,
                    "settlement": u.settlement,
                }
                for u in batch
        ]  # fmt: skip
        conn.execute(insert(gaz_units), values)
        written.units.extend(values)
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


def load_gazetteer(engine: Engine) -> MemoryGazetteer:
    """The in-memory index of the places loaded into ``engine``, else the embedded one.

    Countries the loaded files do not cover are filled in from the embedded
    cities, so loading UA.txt never loses Belgorod or Gomel. The built index is
    kept on disk as a snapshot (see :func:`refresh_index`), so only the first
    process after a ``gazetteer load`` builds it from the rows.

    Examples
    --------
    >>> from sqlalchemy import create_engine
    >>> gaz = load_gazetteer(create_engine("sqlite://"))  # nothing loaded: the embedded one
    >>> gaz.resolve("Kharkov").place.name
    'Kharkiv'
    """
    return _index(engine, reuse_snapshot=True)


def refresh_index(engine: Engine) -> MemoryGazetteer:
    """Build the index of ``engine``'s gazetteer now and keep its snapshot (after a load).

    ``tracker gazetteer load`` calls this, so the commands after it read the
    snapshot instead of building the index from the rows.
    """
    return _index(engine, reuse_snapshot=False)


def _index(
    engine: Engine, *, reuse_snapshot: bool, written: Written | None = None
) -> MemoryGazetteer:
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(gaz_places.name):
                # A database created before the gazetteer tables existed: nothing can
                # have been loaded into it, so the embedded default is the true answer.
                return load_embedded_gazetteer()
            stamp = index_stamp(conn)
            if stamp is None:
                return load_embedded_gazetteer()
            for path in snapshot_paths(engine) if reuse_snapshot else ():
                cached = read_snapshot(path, stamp=stamp)
                if cached is not None:
                    return cached
            return _build_and_keep(conn, engine, stamp, written)
    except SQLAlchemyError as err:
        raise GazetteerError(
            f"cannot read the gazetteer tables ({err.__class__.__name__}); "
            "run `tracker db upgrade` to create or update them"
        ) from err


def _build_and_keep(
    conn: Connection, engine: Engine, stamp: str, written: Written | None
) -> MemoryGazetteer:
    with _no_cycle_collection():
        builder = GazetteerBuilder()
        if written is not None and written.whole and _source_ids(conn) == written.sources:
            # The load wrote into empty tables (see _holds_only) and no other load has
            # committed since: the rows it kept are all the database holds.
            written.fill(builder)
        else:
            _fill_from_db(conn, builder)
        index = builder.build()
        # Kept only when no load committed while the rows were read: the snapshot must
        # be exactly the index of the rows its stamp names.
        if index_stamp(conn) == stamp:
            for path in snapshot_paths(engine):
                if write_snapshot(path, index, stamp=stamp):
                    break
    return index


def index_stamp(conn: Connection) -> str | None:
    """What the index of this database is built from, as one digest; None when nothing is loaded.

    Every load adds a ``gaz_sources`` row (id, file, time) in the transaction that
    writes its places and names, and rewrites names under new ids, so a new load
    always gives a new stamp. The code that builds the index and the embedded
    cities that fill it are in it too. Only indexed look-ups: no count of millions
    of rows (an ``allCountries`` load) at every start.
    """
    if conn.execute(select(gaz_places.c.geonameid).limit(1)).first() is None:
        return None
    sources = conn.execute(select(gaz_sources).order_by(gaz_sources.c.id)).all()
    top_name = conn.execute(select(func.max(gaz_names.c.id))).scalar_one()
    basis = repr(
        (
            top_name, [tuple(str(v) for v in row) for row in sources],
            embedded_cache.code_digest(), embedded_inputs(), KEY_VERSION,
        )
    )  # fmt: skip
    return hashlib.sha256(basis.encode()).hexdigest()


def snapshot_paths(engine: Engine) -> list[Path]:
    """Where the index snapshot of ``engine`` may live, in the order tried.

    A SQLite file keeps it beside itself (``tracker.db.index``), so it goes
    with the database; the user's cache folder serves a server database, or a
    SQLite file in a folder nobody may write. An in-memory database has none.
    """
    url = engine.url
    paths = []
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
            return []
        db = Path(url.database).resolve()
        paths.append(db.with_name(f"{db.name}.index"))
        identity = str(db)
    else:
        identity = url.render_as_string(hide_password=True)
    folder = embedded_cache.cache_folder()
    if folder is not None:
        digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
        paths.append(folder / f"db-{digest}.index")
    return paths


def _source_ids(conn: Connection) -> list[int]:
    return list(conn.execute(select(gaz_sources.c.id).order_by(gaz_sources.c.id)).scalars())


def _fill_from_db(conn: Connection, builder: GazetteerBuilder) -> None:
    stale = _keys_are_stale(conn)
    has_units = inspect(conn).has_table(gaz_units.name)
    fill_builder(
        builder,
        places=conn.execute(select(*_PLACE_COLUMNS)),
        names=conn.execute(
            select(gaz_names.c.geonameid, gaz_names.c.name, gaz_names.c.key, gaz_names.c.quality)
        ),
        admin2=conn.execute(
            select(gaz_admin.c.code, gaz_admin.c.name).where(gaz_admin.c.level == 2)
        ),
        units=conn.execute(select(gaz_units)).mappings() if has_units else (),
        stale_keys=stale,
    )


def _keys_are_stale(conn: Connection) -> bool:
    versions = set(conn.execute(select(gaz_sources.c.key_version).distinct()).scalars())
    return bool(versions - {KEY_VERSION})


_PLACE_COLUMNS = (
    gaz_places.c.geonameid, gaz_places.c.name, gaz_places.c.latitude, gaz_places.c.longitude,
    gaz_places.c.feature_class, gaz_places.c.feature_code, gaz_places.c.country,
    gaz_places.c.admin1_code, gaz_places.c.admin2_code, gaz_places.c.population,
)  # fmt: skip


def gazetteer_info(engine: Engine) -> GazetteerInfo:
    """Counts of loaded places, names and admin units, and the files they came from."""
    try:
        with engine.connect() as conn:
            count = lambda t: conn.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
            sources = tuple(
                SourceInfo(r.path, r.kind, r.rows, r.loaded_at)
                for r in conn.execute(select(gaz_sources).order_by(gaz_sources.c.id))
            )
            units = count(gaz_units) if inspect(conn).has_table(gaz_units.name) else 0
            return GazetteerInfo(
                count(gaz_places), count(gaz_names), count(gaz_admin), sources, units
            )
    except SQLAlchemyError as err:
        raise GazetteerError(
            f"cannot read the gazetteer tables ({err.__class__.__name__}); run `tracker db upgrade`"
        ) from err


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
