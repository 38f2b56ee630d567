"""The tracker's door to ``geodata``: open the gazetteer of a store, translate errors.

``geodata`` raises its own ``GeodataError`` tree; past this module callers only
see the tracker's :class:`~tracker.errors.TrackerError` tree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from geodata import errors as geo_errors
from geodata.model import Candidate, GeoPrecision, NameMatch, Resolution
from geodata.protocols import Gazetteer, ResolveContext
from tracker.errors import ConfigError, GazetteerError, GeocodingError, InputError

NO_CONTEXT = ResolveContext()

if TYPE_CHECKING:
    from geodata.activity import ActivityPoint, ActivitySource
    from geodata.evaluate import Columns, Report
    from geodata.store import GazetteerInfo, ImportSummary
    from tracker.model import Event
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
    from geodata.store import load_geonames

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
        summary = load_geonames(store.engine, paths, progress=progress, replace=replace)
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


def evaluate_csv(
    path: Path, gazetteer: Gazetteer, columns: Columns, *, front_line: bool = False
) -> Report:
    """Score ``gazetteer`` on a CSV of place mentions with known coordinates."""
    from geodata.evaluate import evaluate, read_mentions

    try:
        return evaluate(read_mentions(path, columns), gazetteer, front_line=front_line)
    except geo_errors.GeodataError as err:
        raise InputError(str(err)) from err


# -- front-line context ---------------------------------------------------------------


def event_points(events: Iterable[Event]) -> list[ActivityPoint]:
    """Where and when ``events`` happened, for the front-line context of later articles.

    Only events placed at a town or near one count: a region's point says nothing
    about which village of that region is on the front.
    """
    from geodata.activity import ActivityPoint

    return [
        ActivityPoint(e.latitude, e.longitude, e.event_date)
        for e in events
        if e.latitude is not None
        and e.longitude is not None
        and e.geo_precision is not None
        and e.geo_precision <= GeoPrecision.NEAR
    ]


class StoreActivity:
    """The store's located events as front-line context, read a month at a time.

    Only the months an article's window needs are read (a backfill of 2022 reads
    2022), each once; events extracted during the run are added as they come
    (after their month is read, so a saved event is never counted twice).
    """

    def __init__(self, store: Store, *, today: date) -> None:
        from geodata.activity import Activity

        self._store = store
        self._today = today
        self._activity = Activity()
        self._months: set[int] = set()

    def count_near(self, latitude: float, longitude: float, *, as_of: date | None) -> int:
        day = as_of or self._today
        self._load(day - timedelta(days=self._activity.window_days), day)
        return self._activity.count_near(latitude, longitude, as_of=as_of)

    def describe(self) -> str:
        return self._activity.describe()

    def extend(self, points: Iterable[ActivityPoint]) -> None:
        for point in points:
            self._load(point.day, point.day)
            self._activity.add(point)

    def _load(self, first: date, last: date) -> None:
        from tracker.model import EventFilter

        for month in range(_month(first), _month(last) + 1):
            if month in self._months:
                continue
            self._months.add(month)
            start = date(month // 12, month % 12 + 1, 1)
            end = date(start.year + start.month // 12, start.month % 12 + 1, 1) - timedelta(1)
            flt = EventFilter(
                since=start, until=end, located_only=True, max_geo_precision=GeoPrecision.NEAR
            )
            self._activity.extend(event_points(self._store.query_events(flt)))


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def front_line(gazetteer: Gazetteer, activity: ActivitySource) -> Gazetteer:
    """``gazetteer`` choosing homonyms by ``activity`` (see geodata.activity)."""
    from geodata.activity import FrontLineGazetteer

    return FrontLineGazetteer(gazetteer, activity)  # type: ignore[return-value]
