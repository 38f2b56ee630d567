"""The OpenAPI 3.0 definition of the server (``/openapi``), built from the same tables it serves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracker.serve.ogc import COLLECTION_ID, DESCRIPTION, GEOJSON, TITLE
from tracker.serve.params import DEFAULT_LIMIT, FILTER_PARAMS, MAX_LIMIT

__all__ = ["openapi"]

_ERROR = {"$ref": "#/components/responses/Error"}


def _param(name: str, description: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }


def _items_parameters(formats: Mapping[str, str]) -> list[dict[str, Any]]:
    params = [
        _param(
            "limit",
            f"events per page (default {DEFAULT_LIMIT}); follow the 'next' link for more. "
            "Streaming formats without a limit return every match.",
            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
            style="form",
            explode=False,
        ),
        _param("offset", "events to skip (the 'next' link sets it)", {"type": "integer"}),
        _param(
            "f",
            "representation; also chosen by the Accept header",
            {"type": "string", "enum": ["geojson", "json", *formats]},
        ),
        _param("bbox-crs", "the CRS of bbox: only CRS84", {"type": "string"}),
    ]
    for name, help_text in FILTER_PARAMS.items():
        schema: dict[str, Any] = {"type": "string"}
        if name == "bbox":
            schema = {"type": "array", "minItems": 4, "maxItems": 4, "items": {"type": "number"}}
        repeat = name in ("type", "sub_event_type")
        if repeat:
            schema = {"type": "array", "items": {"type": "string"}}
        params.append(
            _param(name, help_text, schema, style="form", explode=repeat)
            if name in ("bbox", "type", "sub_event_type")
            else _param(name, help_text, schema)
        )
    return params


def _get(summary: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            **extra,
            "responses": {
                "200": {"description": summary, "content": {kind: {}}},
                "400": _ERROR,
                "404": _ERROR,
            },
        }
    }


def openapi(base: str, *, formats: Mapping[str, str]) -> dict[str, Any]:
    """The OpenAPI 3.0 document; ``formats`` maps alternate item formats to media types."""
    items = f"/collections/{COLLECTION_ID}/items"
    item_kinds = {GEOJSON: {}, **{kind: {} for kind in formats.values()}}
    items_get = _get("events matching the filters, a page at a time", GEOJSON)
    items_get["get"]["parameters"] = _items_parameters(formats)
    items_get["get"]["responses"]["200"]["content"] = item_kinds
    one = _get("one event", GEOJSON)
    one["get"]["parameters"] = [
        {"name": "event_id", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    return {
        "openapi": "3.0.3",
        "info": {"title": TITLE, "description": DESCRIPTION, "version": "1.0"},
        "servers": [{"url": base}],
        "paths": {
            "/": _get("the landing page", "application/json"),
            "/conformance": _get("the conformance classes", "application/json"),
            "/collections": _get("the collections", "application/json"),
            f"/collections/{COLLECTION_ID}": _get("the events collection", "application/json"),
            items: items_get,
            items + "/{event_id}": one,
            "/health": _get("source health: overall status and each source", "application/json"),
            "/sources": _get("source health as a page", "text/html"),
            "/map": _get("the live map", "text/html"),
        },
        "components": {
            "responses": {
                "Error": {
                    "description": "what was wrong and how to fix it",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "code": {"type": "string"},
                                    "description": {"type": "string"},
                                },
                            }
                        }
                    },
                }
            }
        },
    }
