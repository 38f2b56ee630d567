"""Extracting a stream of articles, one JSON object per line, with per-line errors.

The stream is read and written one line at a time, so memory stays flat for
any number of articles. A line that cannot be read or extracted becomes a
:class:`LineError` and the next line is processed as usual.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from tracker.errors import ExtractionError, InputError
from tracker.extract.protocol import Extractor
from tracker.model import Article, Event

if TYPE_CHECKING:
    from geodata.activity import Activity
    from geodata.protocols import Gazetteer

MAX_LINE_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class LineResult:
    """The events of one input line, with the id the line gave."""

    line: int
    article_id: str
    input_id: str
    events: list[Event]


@dataclass(frozen=True, slots=True)
class LineError:
    """Why one input line gave no events."""

    line: int
    input_id: str | None
    message: str


def extract_lines(
    lines: Iterable[str], *, extractor: Extractor, activity: Activity | None = None
) -> Iterator[LineResult | LineError]:
    """Extract every JSON line ``{"id", "text", "title"?, "published"?, "url"?}``.

    Blank lines are skipped. Errors of one line never stop the others. Each line's
    located events are added to ``activity`` (the front-line context the
    extractor's gazetteer reads, see :func:`tracker.places.front_line`), if given.

    Examples
    --------
    >>> from geodata import load_embedded_gazetteer
    >>> from tracker.extract import default_extractor
    >>> lines = ['{"id": "a", "text": "Shelling hit Kharkiv.", "published": "2022-04-12"}', 'oops']
    >>> extractor = default_extractor(load_embedded_gazetteer())
    >>> [type(r).__name__ for r in extract_lines(lines, extractor=extractor)]
    ['LineResult', 'LineError']
    """
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        input_id: str | None = None
        try:
            record = _parse(raw, number)
            input_id = str(record.get("id", number))
            article = article_from_record(record, number)
            events = extractor.extract(article)
        except (InputError, ExtractionError) as err:
            yield LineError(number, input_id, str(err))
            continue
        if activity is not None:
            from tracker.places import event_points

            activity.extend(event_points(events))
        yield LineResult(number, article.article_id, input_id, events)


def batch_activity(lines: Iterable[str], gazetteer: Gazetteer) -> Activity:
    """Front-line context from a batch itself: the places its articles name that can only
    be one place, dated by the article (a first pass; bad lines are left to the second).

    Examples
    --------
    >>> from geodata import load_embedded_gazetteer
    >>> lines = ['{"text": "Shelling hit Kramatorsk.", "published": "2022-04-12"}', 'oops']
    >>> len(batch_activity(lines, load_embedded_gazetteer()))
    1
    """
    from geodata.activity import NamedPlace, first_pass

    def named() -> Iterator[NamedPlace]:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                article = article_from_record(_parse(raw, number), number)
            except InputError:
                continue
            if article.published is None:
                continue
            for match in gazetteer.find_names(article.text):
                if not match.is_region:
                    yield NamedPlace(match.surface, None, article.published, article.country_focus)

    return first_pass(gazetteer, named())


def _parse(raw: str, number: int) -> dict[str, Any]:
    if len(raw) > MAX_LINE_CHARS:
        raise InputError(
            f"line {number} has {len(raw):,} characters, more than {MAX_LINE_CHARS:,}; "
            "split the article"
        )
    try:
        record = json.loads(raw)
    except ValueError as err:
        raise InputError(
            f"line {number} is not JSON ({err.msg} at column {err.colno}); "
            'write one object per line, e.g. {"id": "a1", "text": "..."}'
        ) from None
    if not isinstance(record, dict):
        raise InputError(f"line {number} is a JSON {type(record).__name__}, not an object")
    return record


def article_from_record(record: dict[str, Any], number: int) -> Article:
    """An :class:`Article` from one batch record, checking every field's type."""
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f'line {number} has no "text" string; give the article body as "text"')
    published = record.get("published")
    try:
        day = date.fromisoformat(published[:10]) if published else None
    except (TypeError, ValueError):
        raise InputError(
            f'line {number}: "published" is {published!r}, not a date; write YYYY-MM-DD'
        ) from None
    return Article(
        text=text,
        title=_optional_str(record, "title", number),
        url=_optional_str(record, "url", number),
        published=day,
        outlet=_optional_str(record, "outlet", number),
        country_focus=_optional_str(record, "country_focus", number) or "UA",
        language=_optional_str(record, "language", number),
    )


def _optional_str(record: dict[str, Any], key: str, number: int) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f"line {number}: {key!r} should be a string, not {type(value).__name__}")
