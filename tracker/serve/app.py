"""The ASGI application: OGC API - Features over the event store, source health, the live map.

Every endpoint reads through the :class:`~tracker.store.Store`'s public
query API (the same filters and order as ``tracker events``) and the one
event record of :mod:`tracker.export.records`. Database calls are blocking,
so endpoints are plain functions that Starlette runs in its thread pool.
Nothing writes: the store is opened read-only and only GET (and HEAD) exist.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tracker.errors import MapError, StorageError
from tracker.export.features import encoder
from tracker.model import EventFilter
from tracker.serve import ogc
from tracker.serve.health import HealthRule, source_health
from tracker.serve.http import AccessLog, DataVersion, conditional, error_response
from tracker.serve.mappage import MapOptions, MapPages
from tracker.serve.openapi import openapi
from tracker.serve.pages import sources_page
from tracker.serve.params import QueryError, parse_items_query
from tracker.serve.stream import STREAM_FORMATS, stream_events

if TYPE_CHECKING:
    from tracker.store import Store

__all__ = ["ServeOptions", "create_app"]

_log = logging.getLogger("tracker.serve")
_ALTERNATES = {name: f.media_type for name, f in STREAM_FORMATS.items()}
_BY_MEDIA_TYPE = {f.media_type.split(";")[0]: name for name, f in STREAM_FORMATS.items()}
_JSON_NAMES = ("geojson", "json")


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What ``tracker serve`` configures besides host and port."""

    map: MapOptions = field(default_factory=MapOptions)
    health: HealthRule = field(default_factory=HealthRule)
    threads: int = 16  # concurrent database calls; more would only queue on the pool


def create_app(store: Store, *, options: ServeOptions | None = None) -> Starlette:
    """The server's ASGI app over ``store`` (open it read-only; the app closes it on shutdown).

    Examples
    --------
    >>> from starlette.testclient import TestClient  # doctest: +SKIP
    >>> from tracker.store import open_store
    >>> app = create_app(open_store("sqlite://"))
    >>> sorted(r.path for r in app.routes)[:3]
    ['/', '/assets/{path:path}', '/collections']
    """
    options = options or ServeOptions()
    api = _Api(store, options)
    routes = [
        Route("/", api.landing),
        Route("/conformance", api.conformance),
        Route("/openapi", api.openapi),
        Route("/collections", api.collections),
        Route("/collections/{collection_id}", api.collection),
        Route("/collections/{collection_id}/items", api.items),
        Route("/collections/{collection_id}/items/{event_id}", api.item),
        Route("/health", api.health),
        Route("/sources", api.sources),
        Route("/map", api.map_page),
        Route("/assets/{path:path}", api.asset),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = options.threads
        try:
            yield
        finally:
            store.close()  # graceful shutdown: after the last request has been answered

    return Starlette(
        routes=routes,
        middleware=[
            Middleware(AccessLog),
            Middleware(GZipMiddleware, minimum_size=1024, compresslevel=6),
        ],
        exception_handlers={
            QueryError: _bad_query,
            StorageError: _storage_failed,
            HTTPException: _http_error,
        },
        lifespan=lifespan,
    )


async def _bad_query(_request: Request, err: Exception) -> Response:
    return error_response(400, "InvalidParameterValue", str(err))


async def _storage_failed(_request: Request, err: Exception) -> Response:
    _log.error("database failure: %s", err)
    return error_response(503, "ServiceUnavailable", str(err))


async def _http_error(_request: Request, err: Exception) -> Response:
    status = getattr(err, "status_code", 500)
    detail = getattr(err, "detail", "") or "error"
    return error_response(status, "NotFound" if status == 404 else "Error", str(detail))


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _multi(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def _json(data: Any, media_type: str = "application/json") -> Response:
    return Response(encoder()(data), media_type=media_type)


class _Api:
    """The endpoints, sharing one store, one data version and the map cache."""

    def __init__(self, store: Store, options: ServeOptions) -> None:
        self.store = store
        self.options = options
        self.version = DataVersion(store.last_changed)
        self.maps = MapPages(store, options.map)
        self._extent: tuple[object, tuple[str | None, str | None]] | None = None

    # -- OGC API - Features ---------------------------------------------------

    def landing(self, request: Request) -> Response:
        return _json(ogc.landing(_base(request)))

    def conformance(self, _request: Request) -> Response:
        return _json(ogc.conformance())

    def openapi(self, request: Request) -> Response:
        return _json(
            openapi(_base(request), formats=_ALTERNATES),
            "application/vnd.oai.openapi+json;version=3.0",
        )

    def collections(self, request: Request) -> Response:
        version = self.version.get()
        return conditional(
            request,
            version,
            lambda: _json(ogc.collections(_base(request), self._collection(request))),
        )

    def collection(self, request: Request) -> Response:
        _check_collection(request)
        return conditional(request, self.version.get(), lambda: _json(self._collection(request)))

    def _collection(self, request: Request) -> dict[str, Any]:
        first, last = self._days()
        return ogc.collection(
            _base(request), first_day=first, last_day=last, alternates=_ALTERNATES
        )

    def _days(self) -> tuple[str | None, str | None]:
        version = self.version.get()
        if self._extent is None or self._extent[0] != version:
            days = self.store.counts(EventFilter(), by="day")
            self._extent = (version, (days[0][0], days[-1][0]) if days else (None, None))
        return self._extent[1]

    def items(self, request: Request) -> Response:
        _check_collection(request)
        params = _multi(request)
        fmt = _representation(params.get("f", [None])[-1], request.headers.get("accept", ""))
        query = parse_items_query(params, streaming=fmt in STREAM_FORMATS)
        flt = query.event_filter
        if fmt in STREAM_FORMATS:
            spec = STREAM_FORMATS[fmt]

            def stream() -> Response:
                events = self.store.query_events(flt, limit=query.limit, offset=query.offset)
                return StreamingResponse(
                    stream_events(events, spec),
                    media_type=spec.media_type,
                    headers={"Content-Disposition": f'inline; filename="events{spec.extension}"'},
                )

            return conditional(request, self.version.get(), stream, vary=fmt)
        limit = query.limit or 0  # parse_items_query gives JSON pages a limit

        def page() -> Response:
            events = list(self.store.query_events(flt, limit=limit, offset=query.offset))
            # A first page that is not full holds every match: no count query needed.
            short = query.offset == 0 and len(events) < limit
            matched = len(events) if short else self.store.count_events(flt)
            body = ogc.feature_collection(
                events,
                url=str(request.url).split("?")[0],
                params=request.query_params.multi_items(),
                offset=query.offset,
                limit=limit,
                matched=matched,
            )
            return _json(body, ogc.GEOJSON)

        return conditional(request, self.version.get(), page, vary=fmt)

    def item(self, request: Request) -> Response:
        _check_collection(request)
        event_id = request.path_params["event_id"]
        unknown = set(request.query_params) - {"f"}
        if unknown:
            raise QueryError(
                f"unknown query parameter(s) {sorted(unknown)!r}; an event takes only f"
            )

        def one() -> Response:
            event = self.store.get_event(event_id)
            if event is None:
                raise HTTPException(
                    404,
                    f"no event with id {event_id!r}; find ids at /collections/events/items",
                )
            return _json(ogc.feature(_base(request), event), ogc.GEOJSON)

        return conditional(request, self.version.get(), one)

    # -- health ---------------------------------------------------------------

    def health(self, _request: Request) -> Response:
        report = source_health(self.store, rule=self.options.health)
        return JSONResponse(report.to_dict(), headers={"Cache-Control": "no-store"})

    def sources(self, _request: Request) -> Response:
        report = source_health(self.store, rule=self.options.health)
        return HTMLResponse(sources_page(report), headers={"Cache-Control": "no-store"})

    # -- the map --------------------------------------------------------------

    def map_page(self, request: Request) -> Response:
        flt, explicit = _map_filter(request)
        version = self.version.get()
        return conditional(
            request,
            version,
            lambda: HTMLResponse(self.maps.page(flt, version=version, explicit_period=explicit)),
        )

    def asset(self, request: Request) -> Response:
        try:
            body, kind = self.maps.asset(request.path_params["path"])
        except MapError as err:
            raise HTTPException(404, str(err)) from err
        # Asset paths carry their version (leaflet@1.9.3 in package.json): cache for a day.
        return Response(body, media_type=kind, headers={"Cache-Control": "public, max-age=86400"})


def _check_collection(request: Request) -> None:
    found = request.path_params.get("collection_id")
    if found != ogc.COLLECTION_ID:
        raise HTTPException(
            404, f"no collection {found!r}; the only collection is {ogc.COLLECTION_ID!r}"
        )


def _representation(fmt: str | None, accept: str) -> str:
    if fmt is not None:
        name = fmt.strip().lower()
        if name in _JSON_NAMES or name in STREAM_FORMATS:
            return "geojson" if name in _JSON_NAMES else name
        choices = ", ".join((*_JSON_NAMES, *STREAM_FORMATS))
        raise QueryError(f"f {fmt!r} is not a format of the items; choose one of: {choices}")
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in _BY_MEDIA_TYPE:
            return _BY_MEDIA_TYPE[media]
        if media in (ogc.GEOJSON, "application/json", "*/*"):
            return "geojson"
    return "geojson"


def _map_filter(request: Request) -> tuple[EventFilter, bool]:
    """The map's filters: the items' filters (no paging); True when a period was given."""
    params = _multi(request)
    extra = set(params) & {"limit", "offset", "f"}
    if extra:
        raise QueryError(
            f"the map takes the items' filters but not {sorted(extra)!r}; leave them out"
        )
    flt = parse_items_query(params, streaming=False).event_filter
    return flt, "datetime" in params
