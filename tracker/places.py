"""The tracker's door to ``geodata``: open the gazetteer of a store, translate errors.

``geodata`` raises its own ``GeodataError`` tree; past this module callers only
see the tracker's :class:`~tracker.errors.TrackerError` tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geodata import errors as geo_errors
from geodata.model import Candidate, NameMatch, Resolution
from geodata.protocols import Gazetteer, ResolveContext
from tracker.errors import ConfigError, GazetteerError, GeocodingError, InputError

NO_CONTEXT = ResolveContext()

if TYPE_CHECKING:
    from geodata.evaluate import Columns, Report
    from geodata.store import GazetteerInfo, ImportSummary
    from tracker.store import Store


def translate(err: geo_errors.GeodataError) -> Exception:
    """The tracker error matching a geodata error (raise it ``from err``)."""
    if isinstance(err, geo_errors.GazetteerFormatError):
        return InputError(str(err))
    if isinstance(err, geo_errors.GeocoderConfigError):
        return ConfigError(str(err))
    if isinstance(err, geo_errors.GeocodingError):
        return GeocodingError(str(err))
    return GazetteerError(str(err))


def open_gazetteer(store: Store) -> Gazetteer:
    """The places loaded into ``store``'s database, or the embedded gazetteer when none are.

    When ``TRACKER_GEOCODER`` names an online backend (see ``docs/geocoding.md``),
    it fills in what the gazetteer cannot place, with answers cached in the
    database. Errors come out as :class:`~tracker.errors.TrackerError`.

    Examples
    --------
    >>> from tracker.store import open_store
    >>> store = open_store("sqlite://")  # nothing loaded: the embedded gazetteer answers
    >>> open_gazetteer(store).resolve("Kharkov").place.name
    'Kharkiv'
    >>> store.close()
    """
    from geodata.geocoders.registry import config_from_env
    from geodata.store import load_gazetteer

    try:
        gazetteer: Gazetteer = load_gazetteer(store.engine)
        config = config_from_env()
        if config is not None:  # online geocoding only when TRACKER_GEOCODER names a backend
            # geopy is imported here, not at start-up: most runs never geocode online.
            from geodata.geocoders import CachedGeocoder, GeocodingGazetteer, make_geocoder

            geocoder = CachedGeocoder(make_geocoder(config), store.engine)
            gazetteer = GeocodingGazetteer(gazetteer, geocoder)
    except geo_errors.GeodataError as err:
        raise translate(err) from err
    return TranslatingGazetteer(gazetteer)


class TranslatingGazetteer:
    """A gazetteer whose geodata errors come out as tracker errors.

    Extraction calls ``resolve`` deep inside the pipeline; a geocoder timeout
    there must reach the CLI as a TrackerError (one ``Error:`` line), not as a
    foreign exception with a traceback.
    """

    def __init__(self, inner: Gazetteer) -> None:
        self.inner = inner

    def find_names(self, text: str) -> list[NameMatch]:
        """See :meth:`geodata.protocols.Gazetteer.find_names`."""
        try:
            return self.inner.find_names(text)
        except geo_errors.GeodataError as err:
            raise translate(err) from err

    def search(
        self,
        name: str,
        *,
        country: str | None = None,
        admin1: str | None = None,
        near: tuple[float, float] | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """See :meth:`geodata.protocols.Gazetteer.search`."""
        try:
            return self.inner.search(name, country=country, admin1=admin1, near=near, limit=limit)
        except geo_errors.GeodataError as err:
            raise translate(err) from err

    def resolve(self, name: str, *, context: ResolveContext = NO_CONTEXT) -> Resolution | None:
        """See :meth:`geodata.protocols.Gazetteer.resolve`."""
        try:
            return self.inner.resolve(name, context=context)
        except geo_errors.GeodataError as err:
            raise translate(err) from err

    def resolve_region(self, name: str) -> Resolution | None:
        """See :meth:`geodata.protocols.Gazetteer.resolve_region`."""
        try:
            return self.inner.resolve_region(name)
        except geo_errors.GeodataError as err:
            raise translate(err) from err


def load_places(
    store: Store, paths: Sequence[str | Path], *, progress: bool = False, replace: bool = False
) -> ImportSummary:
    """Import GeoNames files into ``store`` in one transaction (see ``geodata.store``),
    then build the index once and keep its snapshot for the commands that follow."""
    from geodata.store import import_geonames, refresh_index

    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise InputError(f"no such file: {missing[0]!r}; give paths to GeoNames files")
    folders = [str(p) for p in paths if Path(p).is_dir()]
    if folders:
        raise InputError(
            f"{folders[0]!r} is a folder; give the GeoNames files in it, "
            f"e.g. {str(Path(folders[0]) / 'UA.zip')!r}"
        )
    try:
        summary = import_geonames(store.engine, paths, progress=progress, replace=replace)
        refresh_index(store.engine)
    except geo_errors.GeodataError as err:
        raise _load_error(err, store) from err
    return summary


def _load_error(err: geo_errors.GeodataError, store: Store) -> Exception:
    from sqlalchemy.exc import SQLAlchemyError

    from tracker.store.engine import translate_error

    # The database's own words (a full disk, a read-only file), never its SQL.
    if isinstance(err.__cause__, SQLAlchemyError):
        return translate_error(err.__cause__, store.engine)
    return translate(err)


def places_info(store: Store) -> GazetteerInfo:
    """What gazetteer the store holds."""
    from geodata.store import gazetteer_info

    try:
        return gazetteer_info(store.engine)
    except geo_errors.GeodataError as err:
        raise translate(err) from err


def download_places(
    countries: Sequence[str],
    dest: Path,
    *,
    base_url: str,
    timeout: float = 30.0,
    retries: int = 3,
) -> list[Path]:
    """Download GeoNames dumps for ``countries`` (and admin codes) into ``dest``."""
    from geodata.download import DownloadOptions, check_country, download_geonames

    try:
        for code in countries:
            check_country(code)
    except geo_errors.GeodataError as err:
        raise ConfigError(str(err)) from err
    options = DownloadOptions(base_url=base_url, timeout=timeout, retries=retries)
    try:
        return download_geonames(countries, dest, options=options)
    except geo_errors.GeodataError as err:
        raise translate(err) from err


def evaluate_csv(path: Path, gazetteer: Gazetteer, columns: Columns) -> Report:
    """Score ``gazetteer`` on a CSV of place mentions with known coordinates."""
    from geodata.evaluate import evaluate, read_mentions

    try:
        return evaluate(read_mentions(path, columns), gazetteer)
    except geo_errors.GeodataError as err:
        raise InputError(str(err)) from err
