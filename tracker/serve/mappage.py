"""The live map page: the page ``tracker map`` writes, with its assets served by the server.

The page is made by the same function as ``tracker map``
(:func:`tracker.mapping.write_event_map`), for the events the URL's filters
choose, then its CDN links are pointed at the server's ``/assets/`` (files
from ``node_modules`` or the map asset cache), so a reader's browser talks to
nobody but the server. Rendered pages are kept per filter and data version:
the next hourly ingest changes the version, and the next request renders
the page again.

The page carries its events inside it, as every ``tracker map`` page does:
the events of one period (``datetime=``, by default the latest days that
hold at most ``max_events`` events), not the whole table. Loading events from
the API as the reader pans and plays through time needs the map's own script
to fetch them, which belongs to ``maps/`` (docs/serve.md, "Limits").
"""

from __future__ import annotations

import mimetypes
import re
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from tracker.errors import MapError
from tracker.model import EventFilter
from tracker.serve.params import QueryError

if TYPE_CHECKING:
    from tracker.store import Store

__all__ = ["MapOptions", "MapPages"]

_LINK = re.compile(r'(src|href)="(https://[^"]+)"')
_CACHED_PAGES = 16


@dataclass(frozen=True, slots=True)
class MapOptions:
    """How the server draws its map (``tracker serve`` options)."""

    title: str = "Conflict events"
    tiles: str | None = None  # no base map unless configured: the page then needs no other host
    boundaries: Path | None = None
    asset_dir: Path | None = None
    hide_below: float = 0.5
    max_events: int = 50_000


class MapPages:
    """Renders and caches map pages; serves the assets they link."""

    def __init__(self, store: Store, options: MapOptions) -> None:
        self._store = store
        self._options = options
        self._pages: OrderedDict[tuple[object, ...], str] = OrderedDict()
        self._lock = threading.Lock()

    def page(self, flt: EventFilter, *, version: object, explicit_period: bool) -> str:
        """The map of ``flt`` (its latest period when no ``datetime`` was given)."""
        key = (flt, version, explicit_period)
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
        html = self._render(flt, explicit_period=explicit_period)
        with self._lock:
            self._pages[key] = html
            while len(self._pages) > _CACHED_PAGES:
                self._pages.popitem(last=False)
        return html

    def _render(self, flt: EventFilter, *, explicit_period: bool) -> str:
        from tracker.mapping import write_event_map  # geopandas and folium: on first use only

        chosen = flt if explicit_period else self._latest_period(flt)
        count = self._store.count_events(chosen)
        if count > self._options.max_events:
            raise QueryError(
                f"{count} events match, more than the map's {self._options.max_events}; "
                "narrow it with datetime=START/END or bbox=, e.g. datetime=2024-03-01/2024-03-31"
            )
        with tempfile.TemporaryDirectory(prefix="tracker-map-") as folder:
            path = write_event_map(
                self._store,
                chosen,
                Path(folder) / "map.html",
                title=self._options.title,
                description=_period(chosen),
                boundaries=self._options.boundaries,
                tiles=self._options.tiles,
                hide_below=self._options.hide_below,
            )
            page = path.read_text(encoding="utf-8")
        return _LINK.sub(_local_link, page)

    def _latest_period(self, flt: EventFilter) -> EventFilter:
        """``flt`` from the first of the latest days that together hold at most max_events."""
        total = 0
        since: date | None = None
        for day, n in reversed(self._store.counts(flt, by="day")):
            if total + n > self._options.max_events and since is not None:
                break
            total += n
            since = date.fromisoformat(day)
        return replace(flt, since=since) if since is not None else flt

    def asset(self, path: str) -> tuple[bytes, str]:
        """The bytes and media type of ``/assets/PATH``; MapError when it is not a map asset."""
        from maps import AssetError, AssetSource

        url = _cdn_url(path)
        if url is None:
            raise MapError(f"{path!r} is not one of the map's assets")
        try:
            body = AssetSource(mirror=self._options.asset_dir).read(url)
        except AssetError as err:
            raise MapError(str(err)) from err
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return body, kind


def _period(flt: EventFilter) -> str:
    start = flt.since.isoformat() if flt.since else "the first event"
    end = flt.until.isoformat() if flt.until else "the latest"
    return f"Events from {start} to {end}. Another period: add ?datetime=START/END to the address."


def _local_link(match: re.Match[str]) -> str:
    from maps.assets import npm_path

    inside = npm_path(match.group(2))
    if inside is None:
        return match.group(0)  # not an asset (a link in the text): leave it
    return f'{match.group(1)}="/assets/{inside}"'


def _cdn_url(path: str) -> str | None:
    """The CDN URL whose file ``node_modules/PATH`` holds (the inverse of ``npm_path``)."""
    from maps.assets import CDN_FILES, CDN_FOLDERS

    clean = PurePosixPath(path)
    if clean.is_absolute() or ".." in clean.parts:
        return None
    text = clean.as_posix()
    for url, inside in CDN_FILES.items():
        if inside == text:
            return url
    for prefix, folder in CDN_FOLDERS:
        if text.startswith(folder):
            return prefix + text[len(folder) :]
    return None
