"""Conversions between domain objects (Article, Event, Source) and table rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from tracker.model import (
    Article,
    Event,
    EventType,
    GeoPrecision,
    Source,
    SubEventType,
    TimePrecision,
)
from tracker.store.schema import EVENT_FIELDS
from tracker.store.types import ExtractorStamp


def article_row(
    article: Article, *, now: datetime, extractor: ExtractorStamp | None = None
) -> dict[str, Any]:
    """The ``articles`` row for ``article`` (``first_seen`` is kept on update by the caller)."""
    return {
        "article_id": article.article_id,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "country_focus": article.country_focus,
        "content_hash": article.content_hash,
        "text": article.text,
        "extractor": extractor.name if extractor else None,
        "extractor_version": extractor.version if extractor else None,
        "first_seen": now,
        "updated_at": now,
    }


def report_row(event: Event, *, article_id: str | None) -> dict[str, Any]:
    """The ``reports`` row for one extracted event (``event_id`` is set by the merge)."""
    row = fields_of(event)
    row.update(report_id=event.event_id, article_id=article_id, event_id=event.event_id)
    return row


def fields_of(event: Event) -> dict[str, Any]:
    """The shared event/report columns of ``event`` as plain column values."""
    row = {name: getattr(event, name) for name in EVENT_FIELDS}
    row["time_precision"] = int(event.time_precision)
    row["event_type"] = event.sub_event_type.event_type.value
    row["sub_event_type"] = event.sub_event_type.value
    row["geo_precision"] = None if event.geo_precision is None else int(event.geo_precision)
    row["evidence"] = list(event.evidence)
    row["trigger_span"] = _span(event.trigger_span)
    row["place_span"] = _span(event.place_span)
    return row


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [int(span[0]), int(span[1])]


def _tuple_span(value: Sequence[int] | None) -> tuple[int, int] | None:
    return None if not value else (int(value[0]), int(value[1]))


def event_from_row(row: Mapping[str, Any], *, sources: tuple[Source, ...] = ()) -> Event:
    """Rebuild an Event from an ``events`` (or ``reports``) row."""
    values = {name: row[name] for name in EVENT_FIELDS}
    values["time_precision"] = TimePrecision(row["time_precision"])
    values["event_type"] = EventType(row["event_type"])
    values["sub_event_type"] = SubEventType(row["sub_event_type"])
    precision = row["geo_precision"]
    values["geo_precision"] = None if precision is None else GeoPrecision(precision)
    values["evidence"] = tuple(row["evidence"] or ())
    values["trigger_span"] = _tuple_span(row["trigger_span"])
    values["place_span"] = _tuple_span(row["place_span"])
    return Event(
        event_id=row["event_id"],
        article_id=row.get("article_id"),
        report_count=row.get("report_count", 1),
        updated_at=row.get("updated_at"),
        sources=sources,
        **values,
    )


def source_from_row(row: Mapping[str, Any]) -> Source:
    """A Source from a report joined with its article (imported reports have no article)."""
    return Source(
        article_id=row["article_id"] or row["report_id"],
        url=row["url"] or row["source_url"],
        title=row["title"] or row["source_title"],
        outlet=row["outlet"],
        published=row["published"],
    )
