"""The rule that merges reports of one event from several articles (pure functions).

Two reports describe the same event when they have the same ``event_date``
and ``event_type`` and the same place: the same GeoNames id, or points within
:data:`MERGE_RADIUS_KM` of each other. Region-precision points (a region's
centre) only merge with other region-precision points of the same admin-1
region, so "shelling in the Kharkiv region" never swallows a strike on the
city that happens to sit at the region's centre. Reports without a point never
merge: there is nothing to say they happened at the same place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tracker.model import GeoPrecision, SubEventType
from tracker.store.engine import haversine_km
from tracker.store.schema import EVENT_FIELDS

MERGE_RADIUS_KM = 5.0
_REGION = int(GeoPrecision.REGION)

Row = Mapping[str, Any]


def match_distance(report: Row, event: Row) -> float | None:
    """Distance in km when ``report`` can merge into ``event``, else None."""
    if report["latitude"] is None or event["latitude"] is None:
        return None
    if report["event_date"] != event["event_date"] or report["event_type"] != event["event_type"]:
        return None
    distance = haversine_km(
        report["latitude"], report["longitude"], event["latitude"], event["longitude"]
    )
    if (report["geo_precision"] == _REGION) != (event["geo_precision"] == _REGION):
        return None
    if report["geo_precision"] == _REGION:
        same_region = _fold(report["admin1"]) == _fold(event["admin1"])
        return distance if same_region and report["admin1"] else None
    same_place = report["geonameid"] is not None and report["geonameid"] == event["geonameid"]
    return distance if same_place or distance <= MERGE_RADIUS_KM else None


def best_match(report: Row, events: Iterable[Row]) -> Row | None:
    """The event ``report`` merges into: same sub-type first, then nearest, then oldest."""
    scored = []
    for event in events:
        distance = match_distance(report, event)
        if distance is not None:
            other_type = event["sub_event_type"] != report["sub_event_type"]
            scored.append(((other_type, distance, event["id"]), event))
    return min(scored, key=lambda pair: pair[0])[1] if scored else None


def representative(reports: Sequence[Row]) -> Row:
    """The report an event takes its place and wording from: best precision, then confidence."""
    return min(reports, key=_rank_report)


def _rank_report(row: Row) -> tuple[int, float, int]:
    precision = row["geo_precision"] if row["geo_precision"] is not None else 9
    return (precision, -row["confidence"], row["seq"])


def aggregate(reports: Sequence[Row], *, event_id: str) -> dict[str, Any]:
    """The ``events`` row values merged from ``reports`` (ordered by arrival).

    The sub-event type is the highest in ACLED's hierarchy among the reports;
    fatalities are the most conservative (lowest) figure any report gives;
    confidence is the highest; ``alleged`` holds only if every report alleges.
    """
    rep = representative(reports)
    row = {name: rep[name] for name in EVENT_FIELDS}
    for name in ("actor1", "actor2", "target", "claimed_by"):
        row[name] = rep[name] or next((r[name] for r in reports if r[name]), None)
    sub = min((SubEventType(r["sub_event_type"]) for r in reports), key=lambda s: s.rank)
    figures = [r["fatalities"] for r in reports if r["fatalities"] > 0]
    row.update(
        event_id=event_id,
        sub_event_type=sub.value,
        event_type=sub.event_type.value,
        time_precision=min(r["time_precision"] for r in reports),
        fatalities=min(figures) if figures else 0,
        confidence=max(r["confidence"] for r in reports),
        alleged=all(r["alleged"] for r in reports),
        article_id=rep["article_id"],
        report_count=len({r["article_id"] or r["report_id"] for r in reports}),
    )
    return row


def _fold(value: str | None) -> str:
    return (value or "").casefold().strip()
