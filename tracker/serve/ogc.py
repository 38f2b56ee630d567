"""The OGC API - Features documents: landing page, conformance, collections, item pages.

Plain dicts built from the request's base URL, so the links are right behind
any proxy that keeps the Host header. Features come from the export's own
Feature builder (:func:`tracker.export.features.iter_features` over the
event record), so an API feature is the same record ``tracker events`` and
the exports print.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode

from tracker.export.features import iter_features
from tracker.export.records import RECORD
from tracker.model import Event
from tracker.serve.params import CRS84

__all__ = [
    "COLLECTION_ID",
    "CONFORMANCE",
    "GEOJSON",
    "collection",
    "collections",
    "conformance",
    "feature",
    "feature_collection",
    "landing",
]

COLLECTION_ID = "events"
GEOJSON = "application/geo+json"
JSON = "application/json"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
_CONF = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/"
CONFORMANCE = (_CONF + "core", _CONF + "geojson", _CONF + "oas30")
_GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
TITLE = "Conflict events"
DESCRIPTION = (
    "Dated, geocoded conflict events extracted from news articles, with ACLED's fields, "
    "the sentence each event came from and every source that reported it."
)


def _link(href: str, rel: str, kind: str, title: str) -> dict[str, str]:
    return {"href": href, "rel": rel, "type": kind, "title": title}


def landing(base: str) -> dict[str, Any]:
    """The landing page ``/``."""
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "links": [
            _link(f"{base}/", "self", JSON, "this document"),
            _link(f"{base}/openapi", "service-desc", OPENAPI, "the API definition"),
            _link(f"{base}/conformance", "conformance", JSON, "conformance classes"),
            _link(f"{base}/collections", "data", JSON, "the collections"),
            _link(f"{base}/map", "alternate", "text/html", "the live map"),
            _link(f"{base}/health", "status", JSON, "source health"),
        ],
    }


def conformance() -> dict[str, Any]:
    """``/conformance``: Core, GeoJSON and OpenAPI 3.0."""
    return {"conformsTo": list(CONFORMANCE)}


def collection(
    base: str, *, first_day: str | None, last_day: str | None, alternates: Mapping[str, str]
) -> dict[str, Any]:
    """``/collections/events``; ``alternates`` maps format names to media types."""
    items = f"{base}/collections/{COLLECTION_ID}/items"
    links = [
        _link(f"{base}/collections/{COLLECTION_ID}", "self", JSON, "this collection"),
        _link(items, "items", GEOJSON, "the events as GeoJSON"),
    ]
    links += [
        _link(f"{items}?f={name}", "items", kind, f"the events as {name}")
        for name, kind in alternates.items()
    ]
    return {
        "id": COLLECTION_ID,
        "title": TITLE,
        "description": DESCRIPTION,
        "itemType": "feature",
        "crs": [CRS84],
        "storageCrs": CRS84,
        "extent": {
            "spatial": {"bbox": [[-180.0, -90.0, 180.0, 90.0]], "crs": CRS84},
            "temporal": {"interval": [[first_day, last_day]], "trs": _GREGORIAN},
        },
        "links": links,
    }


def collections(base: str, one: dict[str, Any]) -> dict[str, Any]:
    """``/collections``: the one collection."""
    return {
        "links": [_link(f"{base}/collections", "self", JSON, "the collections")],
        "collections": [one],
    }


def feature_collection(
    events: Sequence[Event],
    *,
    url: str,
    params: Sequence[tuple[str, str]],
    offset: int,
    limit: int,
    matched: int,
) -> dict[str, Any]:
    """One page of ``/collections/events/items`` with ``next``/``prev`` links."""
    features = list(iter_features(events, RECORD))
    kept = [(k, v) for k, v in params if k not in ("offset", "f")]
    links = [_link(_page(url, kept, offset), "self", GEOJSON, "this page")]
    if offset + len(features) < matched:
        links.append(_link(_page(url, kept, offset + limit), "next", GEOJSON, "the next page"))
    if offset > 0:
        links.append(
            _link(_page(url, kept, max(0, offset - limit)), "prev", GEOJSON, "the previous page")
        )
    return {
        "type": "FeatureCollection",
        "timeStamp": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "numberMatched": matched,
        "numberReturned": len(features),
        "links": links,
        "features": features,
    }


def _page(url: str, params: Iterable[tuple[str, str]], offset: int) -> str:
    query = [*params, *([("offset", str(offset))] if offset else [])]
    return f"{url}?{urlencode(query)}" if query else url


def feature(base: str, event: Event) -> dict[str, Any]:
    """``/collections/events/items/{event_id}``: one Feature with its links."""
    found = next(iter_features([event], RECORD))
    items = f"{base}/collections/{COLLECTION_ID}/items"
    found["links"] = [
        _link(f"{items}/{quote(event.event_id, safe='')}", "self", GEOJSON, "this event"),
        _link(f"{base}/collections/{COLLECTION_ID}", "collection", JSON, "the collection"),
    ]
    return found
