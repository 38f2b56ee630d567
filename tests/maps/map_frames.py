"""Event frames for the map tests, built from a fixed seed (no external data)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
from shapely.geometry import Point

# A few Ukrainian settlements (GeoNames coordinates, rounded).
TOWNS = (
    ("Kharkiv", "Kharkiv Oblast", 49.9808, 36.2527),
    ("Irpin", "Kyiv Oblast", 50.5218, 30.2506),
    ("Mykolaiv", "Mykolaiv Oblast", 46.9659, 31.9974),
    ("Bakhmut", "Donetsk Oblast", 48.5956, 38.0001),
    ("Zaporizhzhia", "Zaporizhzhia Oblast", 47.8228, 35.1903),
    ("Chernihiv", "Chernihiv Oblast", 51.5055, 31.2849),
    ("Odesa", "Odesa Oblast", 46.4775, 30.7326),
    ("Sumy", "Sumy Oblast", 50.9216, 34.8003),
)
TYPES = (
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Disrupted weapons use"),
)
FIRST_DAY = date(2022, 2, 24)


def sample_frame(n: int = 400, *, seed: int = 7, unlocated: int = 5) -> gpd.GeoDataFrame:
    """``n`` events over 300 days: mixed types, precisions and intervals; some unlocated."""
    rng = np.random.default_rng(seed)
    rows, points = [], []
    for i in range(n):
        town, region, lat, lon = TOWNS[rng.integers(len(TOWNS))]
        etype, sub = TYPES[rng.integers(len(TYPES))]
        day = FIRST_DAY + timedelta(days=int(rng.integers(300)))
        precision = int(rng.choice([1, 1, 1, 2, 3]))
        span = int(rng.choice([0, 0, 0, 0, 3, 15]))  # some week/month-precision events
        rows.append(
            {
                "event_id": f"ev{i:05d}",
                "event_date": day,
                "date_start": day - timedelta(days=span) if span else None,
                "date_end": day + timedelta(days=span) if span else None,
                "event_type": etype,
                "sub_event_type": sub,
                "geo_precision": precision,
                "location": town,
                "admin1": region,
                "notes": f"Report {i}: {sub.lower()} in {town}.",
                "fatalities": int(rng.integers(0, 4)),
                "sources": [
                    {
                        "outlet": "Example Wire",
                        "title": f"Update {i % 40}",
                        "url": f"https://news.example/{i % 40}",
                    }
                ],
            }
        )
        jitter = rng.normal(0, 0.08, size=2)
        points.append(None if i < unlocated else Point(lon + jitter[1], lat + jitter[0]))
    return gpd.GeoDataFrame(rows, geometry=points, crs=4326)


def one_event(**fields: object) -> dict[str, object]:
    """A row of the frame with sensible defaults, overridden by ``fields``."""
    row: dict[str, object] = {
        "event_id": "one",
        "event_date": date(2022, 3, 1),
        "date_start": None,
        "date_end": None,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "geo_precision": 1,
        "location": "Irpin",
        "admin1": "Kyiv Oblast",
        "notes": "Fighting in Irpin.",
        "fatalities": 0,
        "sources": [],
    }
    row.update(fields)
    return row


def frame_of(rows: list[dict[str, object]], points: list[Point | None]) -> gpd.GeoDataFrame:
    """A frame from rows and their points."""
    return gpd.GeoDataFrame(rows, geometry=points, crs=4326)


def visible_in_range(frame: gpd.GeoDataFrame, start: date, end: date) -> pd.Series:
    """What the map should show for [start, end], computed with pandas: located and overlapping."""
    day = pd.to_datetime(frame["event_date"])
    first = pd.to_datetime(frame["date_start"]).fillna(day)
    last = pd.to_datetime(frame["date_end"]).fillna(day)
    located = frame.geometry.notna()
    return located & (first <= pd.Timestamp(end)) & (last >= pd.Timestamp(start))


def batches_of(frame: gpd.GeoDataFrame, rows: int) -> list[pa.RecordBatch]:
    """The frame as record batches (maps.batches.BATCH_COLUMNS) of ``rows`` events:
    coordinates as columns, sources as JSON text, as ``tracker map`` feeds them."""
    plain = frame.drop(columns=frame.geometry.name)
    located = frame.geometry.notna()
    plain["latitude"] = np.where(located, frame.geometry.y, np.nan)
    plain["longitude"] = np.where(located, frame.geometry.x, np.nan)
    plain["sources"] = [json.dumps(s) for s in frame["sources"]]
    table = pa.Table.from_pandas(plain, preserve_index=False)
    return table.to_batches(max_chunksize=rows)
