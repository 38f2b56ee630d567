"""Build the map's built-in basemap, ``maps/data/ukraine.json``, from open data.

The basemap is what every map shows with no network: simplified oblast
outlines (which also serve as the regions the map shades by events) and the
oblast centres as labelled cities. It is small (tens of kilobytes), so it
travels inside every map file.

Sources, given by path (nothing is downloaded):

- oblast polygons: Minregion's 2020 administrative units (Ministry for
  Development of Communities and Territories of Ukraine, CC BY-SA,
  "© Мінрегіон"), a GeoJSON with the Ukrainian name in ``ADMIN_1``;
- cities: the GeoNames country dump ``UA.txt`` (CC BY 4.0), its capital and
  oblast centres (feature codes PPLC and PPLA).

Outlines are simplified as one coverage (shared borders stay shared, no
slivers or gaps) and rounded to 3 decimals (about 100 m), invisible at the
zooms an outline is drawn at.

Example::

    .venv/bin/python bench/make_basemap.py \\
        /work/shared/datasets/boundaries/minregion_oblasts_2020.geojson \\
        /work/shared/datasets/gazetteer/geonames_UA/UA.txt
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

OUT = Path(__file__).resolve().parents[1] / "maps" / "data" / "ukraine.json"
TOLERANCE_DEGREES = 0.02  # about 2 km: an oblast border drawn at zoom 5-9
MIN_PART_SQ_DEGREES = 0.003  # islets and enclave slivers below about 25 km² are left out
CREDIT = (
    'Outlines: <a href="https://atu.decentralization.gov.ua/" target="_blank" '
    'rel="noopener">© Мінрегіон</a> (CC BY-SA), simplified'
)  # the cities, like every place, are credited to GeoNames by the map itself

# The official English names, as the tracker's gazetteer and ACLED write them.
ENGLISH = {
    "Автономна Республіка Крим": "Autonomous Republic of Crimea",
    "Вінницька область": "Vinnytsia Oblast",
    "Волинська область": "Volyn Oblast",
    "Дніпропетровська область": "Dnipropetrovsk Oblast",
    "Донецька область": "Donetsk Oblast",
    "Житомирська область": "Zhytomyr Oblast",
    "Закарпатська область": "Zakarpattia Oblast",
    "Запорізька область": "Zaporizhzhia Oblast",
    "Івано-Франківська область": "Ivano-Frankivsk Oblast",
    "Київська область": "Kyiv Oblast",
    "Кіровоградська область": "Kirovohrad Oblast",
    "Луганська область": "Luhansk Oblast",
    "Львівська область": "Lviv Oblast",
    "Миколаївська область": "Mykolaiv Oblast",
    "Одеська область": "Odesa Oblast",
    "Полтавська область": "Poltava Oblast",
    "Рівненська область": "Rivne Oblast",
    "Сумська область": "Sumy Oblast",
    "Тернопільська область": "Ternopil Oblast",
    "Харківська область": "Kharkiv Oblast",
    "Херсонська область": "Kherson Oblast",
    "Хмельницька область": "Khmelnytskyi Oblast",
    "Черкаська область": "Cherkasy Oblast",
    "Чернівецька область": "Chernivtsi Oblast",
    "Чернігівська область": "Chernihiv Oblast",
    "Місто Київ": "Kyiv",
    "Місто Севастополь": "Sevastopol",
}
# GeoNames keeps a few older spellings; the 2010 national transliteration is what readers expect.
CITY_SPELLING = {"Zaporizhzhya": "Zaporizhzhia", "Mykolayiv": "Mykolaiv", "Vinnytsya": "Vinnytsia"}


def read_regions(path: Path) -> list[tuple[str, Any]]:
    """(English name, shapely geometry) per oblast of the Minregion file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        local = str(feature["properties"].get("ADMIN_1", "")).strip()
        if local not in ENGLISH:
            sys.exit(f"Error: unknown region {local!r} in {path}; add its English name to ENGLISH")
        out.append((ENGLISH[local], shape(feature["geometry"])))
    return out


def read_cities(path: Path) -> list[list[Any]]:
    """[name, lat, lon, population] of the capital and the oblast centres, largest first."""
    cities = []
    with path.open(encoding="utf-8", newline="") as rows:
        for row in csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > 14 and row[7] in ("PPLC", "PPLA"):
                name = CITY_SPELLING.get(row[1], row[1])
                lat, lon = round(float(row[4]), 3), round(float(row[5]), 3)
                cities.append([name, lat, lon, int(row[14])])
    return sorted(cities, key=lambda c: -c[3])


def simplified(regions: list[tuple[str, Any]]) -> dict[str, Any]:
    """The outlines as one simplified coverage, rounded, as a GeoJSON FeatureCollection."""
    geoms = shapely.coverage_simplify([g for _, g in regions], TOLERANCE_DEGREES)
    geoms = [_without_specks(g) for g in shapely.set_precision(geoms, 0.001)]
    features = [
        {"type": "Feature", "properties": {"name": name}, "geometry": _rounded(mapping(g))}
        for (name, _), g in zip(regions, geoms, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def _without_specks(geometry: Any) -> Any:
    """The geometry without its tiny parts (the largest part is always kept)."""
    parts = sorted(getattr(geometry, "geoms", [geometry]), key=lambda g: -g.area)
    kept = [parts[0]] + [p for p in parts[1:] if p.area >= MIN_PART_SQ_DEGREES]
    return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)


def _rounded(geometry: dict[str, Any]) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 3)
        return [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("regions", type=Path, help="Minregion oblast polygons (GeoJSON)")
    parser.add_argument("geonames", type=Path, help="GeoNames country dump UA.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    basemap = {
        "credit": CREDIT,
        "regions": simplified(read_regions(args.regions)),
        "cities": read_cities(args.geonames),
    }
    text = json.dumps(basemap, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(text) / 1000:.0f} kB)")


if __name__ == "__main__":
    main()
