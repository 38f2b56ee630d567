"""Region polygons for the choropleth: read, simplify, and find each event's region.

Counts per region are computed in the page from the events in the chosen date
range, so each event carries the index of the polygon it falls in. Region
membership is decided by point-in-polygon, never by matching names, so
"Odessa Oblast" in the boundaries and "Odesa Oblast" in the events agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from maps.errors import BoundaryError

NAME_FIELDS = ("shapeName", "name", "NAME", "name_en", "NAME_1", "ADMIN_1", "admin1", "region")
SIMPLIFY_DEGREES = 0.005  # about 500 m: invisible at oblast scale, shrinks the file ~10x


@dataclass(frozen=True, slots=True)
class Boundaries:
    """Simplified region polygons as GeoJSON, with one display name per region."""

    geojson: dict[str, Any]
    names: tuple[str, ...]
    frame: gpd.GeoDataFrame


def read_boundaries(path: str | Path, *, name_field: str | None = None) -> Boundaries:
    """Read a polygon file (GeoJSON, GeoPackage, shapefile) of regions for the choropleth.

    Parameters
    ----------
    path
        The file; any format GDAL reads.
    name_field
        The property holding region names; by default the first of
        :data:`NAME_FIELDS` present.

    Raises
    ------
    BoundaryError
        When the file cannot be read, holds no polygons, or has no name property.
    """
    frame = _read(Path(path))
    field = _name_field(frame, name_field, path)
    polys = frame[frame.geom_type.isin(["Polygon", "MultiPolygon"])]
    if polys.empty:
        raise BoundaryError(f"{str(path)!r} holds no polygons; give a file of region polygons")
    polys = polys.to_crs(4326) if polys.crs is not None else polys.set_crs(4326)
    names = tuple(str(n).strip() for n in polys[field].fillna("?"))
    simple = polys.geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    slim = gpd.GeoDataFrame({"name": list(names)}, geometry=simple.to_numpy(), crs=4326)
    geojson = json.loads(slim.to_json(drop_id=True, to_wgs84=False))
    _round_coordinates(geojson)
    return Boundaries(geojson=geojson, names=names, frame=slim)


@cache
def basemap() -> dict[str, Any]:
    """The basemap shipped in ``maps/data/ukraine.json`` (made by bench/make_basemap.py):
    ``regions`` (oblast outlines, GeoJSON, a ``name`` each), ``cities`` ([name, lat, lon,
    population]) and ``credit`` (attribution HTML).

    >>> len(basemap()["regions"]["features"]), basemap()["cities"][0][0]
    (27, 'Kyiv')
    """
    text = resources.files("maps").joinpath("data", "ukraine.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def builtin_boundaries() -> Boundaries:
    """The basemap's oblasts as :class:`Boundaries`: the regions shaded when no file is given."""
    geojson = basemap()["regions"]
    frame = gpd.GeoDataFrame.from_features(geojson["features"], crs=4326)[["name", "geometry"]]
    return Boundaries(geojson=geojson, names=tuple(frame["name"]), frame=frame)


def region_of_points(boundaries: Boundaries, points: gpd.GeoSeries) -> np.ndarray:
    """Index into ``boundaries.names`` of the region holding each point (-1 for none)."""
    located = (points.notna() & ~points.is_empty).to_numpy()
    x = np.full(len(points), np.nan)
    y = np.full(len(points), np.nan)
    x[located], y[located] = points[located].x.to_numpy(), points[located].y.to_numpy()
    return region_of_xy(boundaries, x, y)


def region_of_xy(boundaries: Boundaries, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Index into ``boundaries.names`` of the region holding each point given as longitude
    ``x`` and latitude ``y`` (-1 for none, or when a coordinate is NaN).

    A point within two overlapping regions gets the first; one on a border
    between two is within neither (its region is -1, as outside).

    >>> b = builtin_boundaries()
    >>> [b.names[i] for i in region_of_xy(b, np.array([36.25]), np.array([49.98]))]
    ['Kharkiv Oblast']
    """
    out = np.full(len(x), -1, dtype="int64")
    known = np.flatnonzero(~(np.isnan(x) | np.isnan(y)))
    if not len(known):
        return out
    # Point-in-polygon on the coordinates themselves (shapely's contains_xy: no
    # point objects, 2.5 s and 100 MB at a million), each region tested only on
    # the points within its box, found in the points sorted by x.
    by_x = known[np.argsort(x[known], kind="stable")]
    xs = x[by_x]
    bounds = shapely.bounds(boundaries.frame.geometry.to_numpy())
    for k, (polygon, (west, south, east, north)) in enumerate(
        zip(boundaries.frame.geometry.to_numpy(), bounds, strict=True)
    ):
        if polygon is None or polygon.is_empty:
            continue
        rows = by_x[np.searchsorted(xs, west, "left") : np.searchsorted(xs, east, "right")]
        rows = rows[(y[rows] >= south) & (y[rows] <= north) & (out[rows] < 0)]
        if len(rows):
            shapely.prepare(polygon)
            out[rows[shapely.contains_xy(polygon, x[rows], y[rows])]] = k
    return out


def _read(path: Path) -> gpd.GeoDataFrame:
    if not path.is_file():
        raise BoundaryError(f"boundaries file {str(path)!r} does not exist; check the path")
    try:
        return gpd.read_file(path)
    except (OSError, ValueError, RuntimeError) as err:
        raise BoundaryError(
            f"cannot read boundaries file {str(path)!r} ({err}); give a GeoJSON of polygons"
        ) from err


def _name_field(frame: pd.DataFrame, wanted: str | None, path: str | Path) -> str:
    if wanted is not None and wanted in frame.columns:
        return wanted
    if wanted is None:
        for field in NAME_FIELDS:
            if field in frame.columns:
                return field
    props = [c for c in frame.columns if c != "geometry"]
    raise BoundaryError(
        f"no region name property {wanted or 'among ' + repr(NAME_FIELDS)} in {str(path)!r}; "
        f"its properties are {props!r}"
    )


def _round_coordinates(geojson: dict[str, Any]) -> None:
    """Round polygon coordinates to 4 decimals (about 10 m) to keep the page small."""
    for feature in geojson["features"]:
        geometry = feature["geometry"]
        if geometry is not None:
            geometry["coordinates"] = _round(geometry["coordinates"])


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    return [_round(v) for v in value]
