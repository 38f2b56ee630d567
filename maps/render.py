"""Build the journalist map from an events frame: one Folium map, Leaflet as its only asset.

Every map opens with no network: Leaflet is inlined from an installed package
and a basemap of oblast outlines and cities ships inside the page; online
tiles are an option.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import folium
import geopandas as gpd
import pandas as pd

from maps.assets import LEAFLET_CSS, LEAFLET_JS, AssetSource, inline_assets
from maps.boundaries import (
    Boundaries,
    basemap,
    builtin_boundaries,
    read_boundaries,
    region_of_points,
)
from maps.columns import check_frame
from maps.elements import (
    Basemap,
    EventLayer,
    EventList,
    MapCode,
    MapInfo,
    RegionShading,
    ShareableView,
    TimeControl,
    TypeLegend,
)
from maps.errors import MapOptionError, MapOutputError
from maps.pack import Payload, pack_events, threshold_per_mille

if TYPE_CHECKING:
    import pyarrow as pa

UKRAINE_VIEW = ((48.4, 31.2), 6)  # where to look when no event has a place


class EventMap(folium.Map):
    """A Folium map that loads Leaflet and nothing else (no jQuery, Bootstrap or icon fonts)."""

    default_js = [LEAFLET_JS]
    default_css = [LEAFLET_CSS]


def render_map(
    frame: gpd.GeoDataFrame | Iterable[pa.RecordBatch],
    *,
    title: str,
    description: str | None = None,
    boundaries: str | Path | Boundaries | None = None,
    tiles: str | None = None,
    generated_at: datetime | None = None,
    hide_below: float = 0.0,
) -> folium.Map:
    """Build the map of the events in ``frame`` (see :data:`maps.FRAME_COLUMNS`).

    Parameters
    ----------
    frame
        One row per event; geometry None for events without a place. Or the
        events as Arrow record batches (:data:`maps.batches.BATCH_COLUMNS`),
        packed one at a time: the form for large maps.
    title, description
        Shown on the map (as text, never as HTML) and as the page title.
    boundaries
        A polygon file (or :class:`~maps.boundaries.Boundaries`) of regions for
        a choropleth of the events shown per region; by default the oblasts
        of the built-in basemap.
    tiles
        A Folium tile name or URL template drawn over the built-in basemap
        (these are fetched from the network), or None (the default) for none.
    generated_at
        The time printed as "Generated ..."; now by default.
    hide_below
        With a ``confidence`` column: events below this confidence (0 to 1, to
        the thousandth) are hidden until the reader ticks "Show low-confidence
        events"; 0 shows everything and leaves the switch out.

    Raises
    ------
    MapOptionError
        When ``hide_below`` is not a number from 0 to 1.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from maps import FRAME_COLUMNS
    >>> empty = gpd.GeoDataFrame({c: [] for c in FRAME_COLUMNS}, geometry=[], crs=4326)
    >>> render_map(empty, title="No events yet").get_root().title
    'No events yet'
    """
    _check_threshold(hide_below)
    regions = _boundaries(boundaries)
    payload = _payload(frame, regions)
    fmap = _base_map(payload, tiles=tiles)
    fmap.get_root().title = html.escape(title)
    fmap.add_child(MapCode())
    fmap.add_child(Basemap(basemap()))
    options = _layer_options(payload, regions, hide_below=hide_below)
    layer = EventLayer(payload.columns, options)
    fmap.add_child(layer)
    shipped = regions is builtin_boundaries()
    fmap.add_child(
        RegionShading(
            layer, geojson=None if shipped else regions.geojson, names=list(regions.names)
        )
    )
    info = _info_options(payload, title, description, generated_at)
    for component in (MapInfo(layer, options=info), TypeLegend(layer), TimeControl(layer)):
        fmap.add_child(component)
    fmap.add_child(EventList(layer))
    fmap.add_child(ShareableView(layer))
    return fmap


def write_map(
    frame: gpd.GeoDataFrame | Iterable[pa.RecordBatch],
    path: str | Path,
    *,
    title: str,
    description: str | None = None,
    boundaries: str | Path | Boundaries | None = None,
    cdn: bool = False,
    asset_dir: str | Path | None = None,
    cache_dir: str | Path | None = None,
    tiles: str | None = None,
    generated_at: datetime | None = None,
    hide_below: float = 0.0,
) -> Path:
    """Render the map and write it to ``path`` atomically; return the path.

    Leaflet's script, stylesheet and images are inlined, so the file opens
    with no network at all; they come from ``asset_dir`` (a mirror or a
    ``node_modules`` folder) when given, else from the installed package
    (XStatic-Leaflet, or Debian's libjs-leaflet), never from the network.
    ``cdn`` leaves Leaflet linked from its CDN instead (a smaller file that
    needs the network). The other options are :func:`render_map`'s.

    Raises
    ------
    FrameError, BoundaryError, AssetError, MapOptionError
        When the frame, the boundaries, an asset or an option is unusable; the
        message says how to fix it.
    """
    fmap = render_map(
        frame,
        title=title,
        description=description,
        boundaries=boundaries,
        tiles=tiles,
        generated_at=generated_at,
        hide_below=hide_below,
    )
    page = fmap.get_root().render()
    del fmap  # its copy of the event data: a large map's page is tens of megabytes
    if not cdn:
        source = AssetSource(mirror=asset_dir, cache_dir=cache_dir, download=False)
        page = inline_assets(page, source)
    return _write_atomically(Path(path), page)


def _payload(frame: gpd.GeoDataFrame | Iterable[pa.RecordBatch], regions: Boundaries) -> Payload:
    if _batches(frame):
        from maps.batches import pack_batches  # pyarrow: only the batch path imports it

        return pack_batches(frame, regions=regions)
    frame = check_frame(frame)
    return pack_events(frame, region_index=region_of_points(regions, frame.geometry))


def _batches(frame: object) -> bool:
    """Whether ``frame`` is given as record batches (anything iterable but a frame or text)."""
    plain = isinstance(frame, pd.DataFrame | str | bytes | dict)
    return not plain and isinstance(frame, Iterable)


def _boundaries(boundaries: str | Path | Boundaries | None) -> Boundaries:
    if boundaries is None:
        return builtin_boundaries()
    if isinstance(boundaries, Boundaries):
        return boundaries
    return read_boundaries(boundaries)


def _base_map(payload: Payload, *, tiles: str | None) -> EventMap:
    centre, zoom = UKRAINE_VIEW
    if payload.bounds is not None:
        (south, west), (north, east) = payload.bounds
        centre = ((south + north) / 2, (west + east) / 2)
    return EventMap(
        location=centre,
        zoom_start=zoom,
        tiles=tiles,
        control_scale=True,
        world_copy_jump=False,
    )


def _check_threshold(hide_below: float) -> None:
    if isinstance(hide_below, bool) or not isinstance(hide_below, int | float):
        hide_below = float("nan")
    if not 0 <= hide_below <= 1:
        raise MapOptionError(
            f"hide_below {hide_below!r} is not a confidence from 0 to 1; "
            "give e.g. 0.5, or 0 to show every event with no switch"
        )


def _layer_options(payload: Payload, regions: Boundaries, *, hide_below: float) -> dict[str, Any]:
    today = (datetime.now(UTC).date() - date(1970, 1, 1)).days
    first = payload.first_day if payload.first_day is not None else today
    last = payload.last_day if payload.last_day is not None else first
    return {
        "firstDay": first,
        "lastDay": last,
        "bounds": [list(payload.bounds[0]), list(payload.bounds[1])] if payload.bounds else None,
        "regionCount": len(regions.names),
        # Thousandths, compared with the cf column; 0 when there is nothing to hide by.
        "hideBelow": threshold_per_mille(hide_below) if "cf" in payload.columns else 0,
    }


def _info_options(
    payload: Payload, title: str, description: str | None, generated_at: datetime | None
) -> dict[str, Any]:
    when = (generated_at or datetime.now(UTC)).astimezone(UTC)
    return {
        "title": title,
        "description": description or "",
        "generated": when.strftime("%Y-%m-%d %H:%M UTC"),
        "nEvents": payload.n_events,
        "outlets": [o for o in payload.columns["outlets"] if o],
    }


_WRITE_CHARS = 2**20


def _current_umask() -> int:
    """The process umask (reading it means setting it, so set it straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_atomically(path: Path, page: str) -> Path:
    """Write to a temporary file beside ``path`` and rename, so no reader sees half a map."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for start in range(0, len(page), _WRITE_CHARS):  # no encoded copy of it all
                out.write(page[start : start + _WRITE_CHARS])
        # mkstemp creates the file 0600; a map is for sharing, so give it the
        # permissions an ordinary new file would get under the user's umask.
        os.chmod(tmp, 0o666 & ~_current_umask())
        os.replace(tmp, path)
    except OSError as err:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise MapOutputError(
            f"cannot write the map to {str(path)!r} ({err.strerror or err}); "
            "choose a writable folder"
        ) from err
    return path
