"""Pieces every command shares: error translation, output formats, filter options."""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

import click

from tracker.app import App
from tracker.errors import ConfigError, TrackerError
from tracker.export.delimited import write_csv_rows
from tracker.export.records import plain
from tracker.model import EventFilter, EventType, GeoPrecision, SubEventType, check_probability
from tracker.settings import Access

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, *, code: int = 1) -> None:
    """Print one ``Error:`` line on stderr and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn TrackerError (and a few OS errors) into one line on stderr, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TrackerError as err:
            fail(str(err), code=err.exit_code)
        except KeyboardInterrupt:
            fail("interrupted; nothing half-written was kept", code=130)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (e.g. `| head`); that is not an error
            sys.exit(0)
        except OSError as err:
            # The last net under every command: a path the checks above did not foresee
            # (a folder, /proc, a full disk) is still one line, never a traceback.
            fail(_os_error_message(err))

    return wrapper  # type: ignore[return-value]


def _os_error_message(err: OSError) -> str:
    where = f" {str(err.filename)!r}" if err.filename is not None else ""
    reason = err.strerror or str(err)
    return f"cannot use{where}: {reason}; check the path and its permissions"


def database_access(access: Access, *, caches_geocoding: bool = False) -> Callable[[F], F]:
    """Open the command's database with ``access`` (place it under ``handle_errors``).

    Commands that only read take ``Access.READ``: a missing SQLite file is an
    error instead of a new empty database, and the file is opened read-only.
    With ``caches_geocoding`` the database must also take the answers of an
    online geocoder when one is configured (``TRACKER_GEOCODER``), so it is
    then opened for writing (it must still exist).
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(app: App, *args: Any, **kwargs: Any) -> Any:
            chosen = Access.WRITE if caches_geocoding and _geocoder_configured() else access
            scoped = dataclasses.replace(app, access=chosen)
            click.get_current_context().call_on_close(scoped.close)
            return func(scoped, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def _geocoder_configured() -> bool:
    from geodata.errors import GeodataError
    from geodata.geocoders import config_from_env

    try:
        return config_from_env() is not None
    except GeodataError:
        return True  # opening the gazetteer reports the mistake in its own words


def to_jsonable(value: Any) -> Any:
    """JSON form of the values our records hold: see :func:`tracker.export.records.plain`."""
    return plain(value)


def emit(rows: Iterable[dict[str, Any]], fmt: str, *, columns: Sequence[str]) -> None:
    """Write rows to stdout as ``table``, ``json`` (one array), ``jsonl`` or ``csv``."""
    out = sys.stdout
    if fmt == "json":
        json.dump([to_jsonable(r) for r in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(to_jsonable(r), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        cells = ([_cell(to_jsonable(r.get(k))) for k in columns] for r in rows)
        write_csv_rows(columns, cells, out)
    else:
        _emit_table(list(rows), columns)


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _emit_table(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(to_jsonable(r.get(c))) for c in columns))
    # Off a terminal rich assumes 80 columns and folds every cell; a log or a
    # pager reads better with room for whole values.
    Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200).print(table)
    click.echo(f"{len(rows)} row(s)", err=True)


def parse_date(value: str | None, *, option: str) -> date | None:
    """``YYYY-MM-DD`` or None; a bad value is a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2022-04-12",
            param_hint=option,
        ) from None


def _floats(value: str, *, n: int, option: str, example: str) -> tuple[float, ...]:
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != n or not all(math.isfinite(p) for p in parts):
        raise click.BadParameter(
            f"{value!r} should be {n} comma-separated numbers, e.g. {example}", param_hint=option
        )
    return parts


def _event_types(values: Sequence[str]) -> tuple[tuple[EventType, ...], tuple[SubEventType, ...]]:
    types: list[EventType] = []
    subs: list[SubEventType] = []
    by_name = {t.value.casefold(): t for t in EventType}
    sub_by_name = {s.value.casefold(): s for s in SubEventType}
    for v in values:
        key = v.strip().casefold()
        if key in by_name:
            types.append(by_name[key])
        elif key in sub_by_name:
            subs.append(sub_by_name[key])
        else:
            known = ", ".join(t.value for t in EventType)
            raise click.BadParameter(
                f"{v!r} is not an ACLED event or sub-event type; types are: {known}",
                param_hint="--type",
            )
    return tuple(types), tuple(subs)


def filter_options(func: F) -> F:
    """The event filters shared by ``events``, ``map`` and ``export``; passes ``event_filter``."""
    options = [
        click.option("--since", help="Only events on or after this date (YYYY-MM-DD)."),
        click.option("--until", help="Only events on or before this date (YYYY-MM-DD)."),
        click.option(
            "--type",
            "types",
            multiple=True,
            help='ACLED event or sub-event type, e.g. "Battles" or "Air/drone strike"; repeatable.',
        ),
        click.option("--bbox", help="minlon,minlat,maxlon,maxlat, e.g. 30,50,31,51."),
        click.option("--near", help="LAT,LON centre for --radius-km, e.g. 49.99,36.23."),
        click.option(
            "--radius-km", type=float, help="Radius around --near in kilometres (more than 0)."
        ),
        click.option("--region", help='Admin-1 region, e.g. "Kharkiv Oblast".'),
        click.option("--actor", help="Text in actor1 or actor2."),
        click.option(
            "--precision",
            type=click.IntRange(1, 3),
            help="Worst geo_precision to keep: 1 settlement, 2 near, 3 region.",
        ),
        click.option("--text", help="Free text searched in the notes."),
        click.option("--outlet", help="Source outlet name."),
        click.option("--changed-since", help="Only events added or changed since this ISO time."),
        click.option(
            "--min-confidence",
            metavar="P",
            help="Only events whose confidence (0-1: how likely the event is real and "
            "rightly placed) is at least P, e.g. 0.5.",
        ),
    ]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            kwargs["event_filter"] = _filter_from(kwargs)
        except TrackerError as err:  # before the command's own handle_errors
            fail(str(err), code=err.exit_code)
        return func(*args, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


_FILTER_PARAMS = (
    "since",
    "until",
    "types",
    "bbox",
    "near",
    "radius_km",
    "region",
    "actor",
    "precision",
    "text",
    "outlet",
    "changed_since",
    "min_confidence",
)


def _filter_from(kwargs: dict[str, Any]) -> EventFilter:
    """Pop the filter options out of a command's keyword arguments into an EventFilter."""
    return build_filter(**{name: kwargs.pop(name) for name in _FILTER_PARAMS})


def build_filter(
    *,
    since: str | None,
    until: str | None,
    types: Sequence[str],
    bbox: str | None,
    near: str | None,
    radius_km: float | None,
    region: str | None,
    actor: str | None,
    precision: int | None,
    text: str | None,
    outlet: str | None,
    changed_since: str | None,
    min_confidence: str | None = None,
) -> EventFilter:
    """Validate raw option strings into an :class:`EventFilter`.

    Raises
    ------
    click.UsageError
        For a malformed date, type, box or centre (click prints the usage).
    ConfigError
        For a confidence that is not a probability (one ``Error:`` line, exit 2).
    """
    event_types, sub_types = _event_types(types)
    if (near is None) != (radius_km is None):
        raise click.UsageError(
            "--near and --radius-km go together, e.g. --near 49.99,36.23 --radius-km 30"
        )
    changed = None
    if changed_since:
        try:
            changed = datetime.fromisoformat(changed_since)
        except ValueError:
            raise click.BadParameter(
                f"{changed_since!r} is not an ISO timestamp, e.g. 2024-03-01T12:00:00",
                param_hint="--changed-since",
            ) from None
    box = _floats(bbox, n=4, option="--bbox", example="30,50,31,51") if bbox else None
    centre = _centre(near) if near else None
    first, last = _date_range(since, until)
    return EventFilter(
        since=first,
        until=last,
        event_types=event_types,
        sub_event_types=sub_types,
        bbox=box,  # type: ignore[arg-type]
        near=centre,  # type: ignore[arg-type]
        radius_km=_radius(radius_km),
        region=region,
        actor=actor,
        max_geo_precision=GeoPrecision(precision) if precision else None,
        text=text,
        outlet=outlet,
        changed_since=changed,
        min_confidence=parse_probability(min_confidence, option="--min-confidence"),
    )


def parse_probability(value: str | None, *, option: str) -> float | None:
    """A number from 0 to 1 given on the command line, or None; else a one-line ConfigError.

    >>> parse_probability("0.25", option="--min-confidence")
    0.25
    >>> parse_probability("high", option="--min-confidence")
    Traceback (most recent call last):
    ...
    tracker.errors.ConfigError: --min-confidence 'high' is not a number; ...
    """
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(
            f"{option} {value!r} is not a number; give a probability from 0 to 1, e.g. {option} 0.5"
        ) from None
    return check_probability(number, what=option)


def _centre(near: str) -> tuple[float, ...]:
    lat, lon = _floats(near, n=2, option="--near", example="49.99,36.23")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(
            f"{near!r} is off the globe; write LAT,LON, e.g. 49.99,36.23", param_hint="--near"
        )
    return lat, lon


def _radius(radius_km: float | None) -> float | None:
    if radius_km is not None and not (math.isfinite(radius_km) and radius_km > 0):
        raise click.BadParameter(
            f"{radius_km!r} is not a distance; give kilometres above 0, e.g. 30",
            param_hint="--radius-km",
        )
    return radius_km


def _date_range(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    first = parse_date(since, option="--since")
    last = parse_date(until, option="--until")
    if first is not None and last is not None and first > last:
        raise click.UsageError(
            f"--since {first} is after --until {last}, so nothing could match; swap them"
        )
    return first, last
