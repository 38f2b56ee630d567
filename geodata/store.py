"""The gazetteer in the tracker database: import GeoNames files, load the index.

:func:`import_geonames` streams GeoNames files into the ``gaz_`` tables in one
transaction: a malformed line anywhere rolls everything back, so the gazetteer
loaded before stays intact. :func:`load_gazetteer` builds the fast in-memory
index from those rows (or returns the embedded default when none are loaded).
:func:`load_geonames` is both at once, as ``tracker gazetteer load`` runs them:
it builds the index from the rows it wrote when they are the whole gazetteer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from geodata import embedded_cache
from geodata.errors import GazetteerError
from geodata.importing import ImportSummary, SourceInfo, import_files, no_cycle_collection
from geodata.index import GazetteerBuilder, MemoryGazetteer
from geodata.names import KEY_VERSION
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
    "load_geonames",
    "refresh_index",
]


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
    return import_files(engine, paths, Written(), progress=progress, replace=replace)


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
    with no_cycle_collection():
        written = Written()
        summary = import_files(engine, paths, written, progress=progress, replace=replace)
        _index(engine, reuse_snapshot=False, written=written)
        del written  # freed now, before the collector is back to walk it
    return summary


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
    with no_cycle_collection():
        builder = GazetteerBuilder()
        if written is not None and written.whole and _source_ids(conn) == written.sources:
            # The load wrote into empty tables (see _holds_only) and no other load has
            # committed since: the rows it kept are all the database holds.
            written.fill(builder)
        else:
            _fill_from_db(conn, builder)
        index = builder.build()
        del builder  # its dicts of name keys are packed into the index now: freed before the write
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
