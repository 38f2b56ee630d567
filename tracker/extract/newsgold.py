"""Hand-labelled news articles in the devnews JSON-lines format, read with per-line errors.

One JSON object a line::

    {"id": "en-001", "lang": "en", "url": "...", "outlet": "...", "published": "2022-04-12",
     "title": "..." | null, "text": "...", "kind": "report",
     "events": [{"event_type", "sub_event_type", "location", "admin1", "geonameid",
                 "latitude", "longitude", "geo_precision", "event_date", "time_precision",
                 "quote", "ambiguous", "note", ...}]}

A line that cannot be read becomes a :class:`GoldLineError` naming its file and
line; the other lines are read as usual. Fields the scoring does not use
(actors, fatalities, ``historic``) are allowed and ignored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tracker.errors import InputError
from tracker.model import Article, EventType, GeoPrecision, SubEventType, TimePrecision


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event a careful coder found in an article."""

    event_type: EventType
    sub_event_type: SubEventType
    event_date: date | None
    time_precision: TimePrecision = TimePrecision.DAY
    location: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: GeoPrecision | None = None
    geonameid: int | None = None
    quote: str | None = None
    ambiguous: bool = False
    note: str | None = None

    @property
    def located(self) -> bool:
        """True when the coder gave the event a point."""
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One labelled article: its text, where it came from, and the events in it."""

    id: str
    text: str
    events: tuple[GoldEvent, ...] = ()
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    kind: str | None = None
    path: str = ""  # where the labels are, to point an engineer at them
    line: int = 0

    @property
    def origin(self) -> str:
        """``FILE:LINE`` of the labels."""
        return f"{self.path}:{self.line}"

    @property
    def article(self) -> Article:
        """The article as the extractor sees it (as ``tracker extract --batch`` builds it)."""
        return Article(
            self.text, title=self.title, url=self.url, published=self.published, language=self.lang
        )


@dataclass(frozen=True, slots=True)
class GoldLineError:
    """Why one line of a labelled file was skipped."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The articles read from one or more files, and the lines that were skipped."""

    articles: tuple[GoldArticle, ...]
    errors: tuple[GoldLineError, ...] = ()


def read_gold(paths: Sequence[Path], *, languages: Collection[str] = ()) -> GoldSet:
    """Read labelled articles from JSON-lines files, skipping (and naming) bad lines.

    Parameters
    ----------
    paths
        The files, read in order; an ``id`` seen before is a bad line.
    languages
        Keep only articles whose ``lang`` is one of these; all when empty.

    Raises
    ------
    InputError
        A file cannot be opened.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> _ = path.write_text('{"id": "a", "text": "Calm day.", "events": []}\\n{oops\\n')
    >>> gold = read_gold([path])
    >>> [a.id for a in gold.articles], [e.line for e in gold.errors]
    (['a'], [2])
    """
    articles: list[GoldArticle] = []
    errors: list[GoldLineError] = []
    seen: set[str] = set()
    for path in paths:
        for item in read_gold_lines(_open_lines(path), path=str(path)):
            if isinstance(item, GoldArticle) and item.id in seen:
                message = f"id {item.id!r} was seen before; give every article its own id"
                item = GoldLineError(item.path, item.line, message)
            if isinstance(item, GoldLineError):
                errors.append(item)
                continue
            seen.add(item.id)
            if not languages or item.lang in languages:
                articles.append(item)
    return GoldSet(tuple(articles), tuple(errors))


def read_gold_lines(lines: Iterable[str], *, path: str) -> Iterator[GoldArticle | GoldLineError]:
    """Each non-blank line as a :class:`GoldArticle`, or the reason it cannot be one."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield _article(_object(raw), path=path, line=number)
        except InputError as err:
            yield GoldLineError(path, number, str(err))


def _open_lines(path: Path) -> Iterator[str]:
    try:
        with path.open(encoding="utf-8", errors="replace") as stream:
            yield from stream
    except OSError as err:
        raise InputError(
            f"cannot read labelled articles from {str(path)!r}: {err.strerror}; "
            "give a JSON-lines file in the devnews format"
        ) from None


def _object(raw: str) -> dict[str, Any]:
    try:
        record = json.loads(raw)
    except ValueError as err:
        raise InputError(
            f"not JSON ({err.msg} at column {err.colno}); write one article object per line"
        ) from None
    if not isinstance(record, dict):
        raise InputError(f"a JSON {type(record).__name__}, not an article object")
    return record


def _article(record: dict[str, Any], *, path: str, line: int) -> GoldArticle:
    article_id = record.get("id")
    if not isinstance(article_id, str | int) or isinstance(article_id, bool) or article_id == "":
        raise InputError('no "id"; give every article an id string, e.g. "en-001"')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'article {article_id!r} has no "text"; give the article body as "text"')
    events = record.get("events", [])
    if not isinstance(events, list):
        raise InputError(f'article {article_id!r}: "events" should be a list of event objects')
    return GoldArticle(
        id=str(article_id),
        text=text,
        events=tuple(_event(e, number) for number, e in enumerate(events, start=1)),
        lang=_text(record, "lang"),
        title=_text(record, "title"),
        url=_text(record, "url"),
        outlet=_text(record, "outlet"),
        published=_day(record, "published"),
        kind=_text(record, "kind"),
        path=path,
        line=line,
    )


def _event(record: Any, number: int) -> GoldEvent:
    if not isinstance(record, dict):
        raise InputError(f"event {number} is a JSON {type(record).__name__}, not an object")
    try:
        event_type, sub_event_type = _types(record)
        latitude, longitude = _point(record)
        return GoldEvent(
            event_type=event_type,
            sub_event_type=sub_event_type,
            event_date=_day(record, "event_date"),
            time_precision=TimePrecision(_precision(record, "time_precision") or 1),
            location=_text(record, "location"),
            admin1=_text(record, "admin1"),
            latitude=latitude,
            longitude=longitude,
            geo_precision=_geo_precision(record),
            geonameid=_whole(record, "geonameid"),
            quote=_text(record, "quote"),
            ambiguous=record.get("ambiguous") is True,
            note=_text(record, "note"),
        )
    except InputError as err:
        raise InputError(f"event {number}: {err}") from None


def _types(record: dict[str, Any]) -> tuple[EventType, SubEventType]:
    try:
        event_type = EventType(record.get("event_type"))
    except ValueError:
        known = ", ".join(t.value for t in EventType)
        value = record.get("event_type")
        raise InputError(
            f"event_type {value!r} is not an ACLED event type; use one of: {known}"
        ) from None
    try:
        sub_event_type = SubEventType(record.get("sub_event_type"))
    except ValueError:
        raise InputError(
            f"sub_event_type {record.get('sub_event_type')!r} is not an ACLED sub-event type; "
            "see docs/domain.md for the list"
        ) from None
    if sub_event_type.event_type is not event_type:
        raise InputError(
            f"sub_event_type {sub_event_type.value!r} belongs to "
            f"{sub_event_type.event_type.value!r}, not {event_type.value!r}; fix one of them"
        )
    return event_type, sub_event_type


def _point(record: dict[str, Any]) -> tuple[float | None, float | None]:
    latitude, longitude = _number(record, "latitude"), _number(record, "longitude")
    if (latitude is None) != (longitude is None):
        raise InputError("has a latitude or a longitude but not both; give both or neither")
    if (
        latitude is not None
        and longitude is not None
        and not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
    ):
        raise InputError(
            f"point ({latitude!r}, {longitude!r}) is not a latitude, longitude pair; "
            "write decimal degrees, latitude first"
        )
    return latitude, longitude


def _geo_precision(record: dict[str, Any]) -> GeoPrecision | None:
    value = _precision(record, "geo_precision")
    return None if value is None else GeoPrecision(value)


def _precision(record: dict[str, Any], key: str) -> int | None:
    value = record.get(key)
    if value is None or (type(value) is int and value in (1, 2, 3)):
        return value
    raise InputError(f"{key} is {value!r}; use 1, 2, 3 or null")


def _number(record: dict[str, Any], key: str) -> float | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise InputError(f"{key} is {value!r}, not a number; write decimal degrees or null")


def _whole(record: dict[str, Any], key: str) -> int | None:
    value = record.get(key)
    if value is None or (type(value) is int):
        return value
    raise InputError(f"{key} is {value!r}, not a whole number; write the GeoNames id or null")


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f"{key} should be a string or null, not {type(value).__name__}")


def _day(record: dict[str, Any], key: str) -> date | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        raise InputError(f"{key} is {value!r}, not a date; write YYYY-MM-DD") from None
