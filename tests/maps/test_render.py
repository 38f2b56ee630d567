"""Writing maps: escaping, atomic output, boundaries and self-contained assets (no browser)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from map_frames import frame_of, one_event, sample_frame
from shapely.geometry import Point, box

from maps import (
    AssetError,
    AssetSource,
    BoundaryError,
    MapOptionError,
    MapOutputError,
    inline_assets,
    read_boundaries,
    render_map,
    write_map,
)
from maps.assets import fetch_from_cdn, npm_path
from maps.boundaries import Boundaries, region_of_points, region_of_xy
from maps.pack import columns_in_page

LEAFLET = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/"
JQUERY = "https://code.jquery.com/jquery-3.7.1.min.js"  # a CDN file no installed package has


def _regions(tmp_path: Path) -> Path:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"shapeName": name},
                "geometry": box(*b).__geo_interface__,
            }
            for name, b in [("West Oblast", (29, 49, 33, 52)), ("East Oblast", (33, 47, 39, 52))]
        ],
    }
    path = tmp_path / "regions.geojson"
    path.write_text(json.dumps(collection))
    return path


def _mirror(tmp_path: Path) -> Path:
    """A HOST/PATH mirror with a tiny stand-in Leaflet, its CSS and one image."""
    root = tmp_path / "mirror"
    folder = root / "cdn.jsdelivr.net/npm/leaflet@1.9.3/dist"
    (folder / "images").mkdir(parents=True)
    (folder / "leaflet.js").write_text("window.LEAFLET_STANDIN = '</script>';")
    (folder / "leaflet.css").write_text(
        ".a{background:url(images/layers.png)} .b{src:url('../x.ttf')} .c{background:url(data:,x)}"
    )
    (folder / "images/layers.png").write_bytes(b"\x89PNG fake")
    return root


def test_hostile_text_cannot_leave_the_script_block(tmp_path: Path) -> None:
    rows = [one_event(notes="</script><script>alert(1)</script>", location="<b>x</b>")]
    out = write_map(frame_of(rows, [Point(30, 50)]), tmp_path / "m.html", title="</title><b>t")
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "<b>x</b>" not in page
    assert "<title>&lt;/title&gt;&lt;b&gt;t</title>" in page
    assert page.count("</script>") == page.count("<script")


def test_write_map_replaces_the_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "m.html"
    first = write_map(sample_frame(20), out, title="one")
    second = write_map(sample_frame(30), out, title="two")
    assert first == second == out
    assert "<title>two</title>" in out.read_text(encoding="utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["m.html"]


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(MapOutputError, match="cannot write the map"):
        write_map(sample_frame(5), blocker / "m.html", title="t")


def test_generation_time_and_no_cdn_but_leaflet(tmp_path: Path) -> None:
    when = datetime(2024, 3, 1, 12, 30, tzinfo=UTC)
    page = render_map(sample_frame(10), title="t", generated_at=when).get_root().render()
    assert "2024-03-01 12:30 UTC" in page
    linked = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', page)
    assert linked and all(url.startswith(LEAFLET) for url in linked)


def test_boundaries_give_each_event_its_region(tmp_path: Path) -> None:
    regions = read_boundaries(_regions(tmp_path))
    assert regions.names == ("West Oblast", "East Oblast")
    points = gpd.GeoSeries([Point(30, 50), None, Point(36, 48), Point(10, 10)], crs=4326)
    assert region_of_points(regions, points).tolist() == [0, -1, 1, -1]


def test_a_point_on_a_shared_border_is_in_neither_region_and_an_overlap_in_the_first(
    tmp_path: Path,
) -> None:
    regions = read_boundaries(_regions(tmp_path))  # West and East meet at longitude 33
    x = np.array([33.0, 31.0, np.nan, 38.9])
    y = np.array([50.0, 50.0, 50.0, 51.9])
    assert region_of_xy(regions, x, y).tolist() == [-1, 0, -1, 1]
    both = Boundaries(
        geojson={}, names=("A", "B"), frame=gpd.GeoDataFrame(geometry=[box(0, 0, 2, 2)] * 2)
    )
    assert region_of_xy(both, np.array([1.0]), np.array([1.0])).tolist() == [0]


def test_boundaries_need_a_name_property(tmp_path: Path) -> None:
    path = _regions(tmp_path)
    with pytest.raises(BoundaryError, match="shapeName"):
        read_boundaries(path, name_field="NAME_UA")
    with pytest.raises(BoundaryError, match="does not exist"):
        read_boundaries(tmp_path / "missing.geojson")


def test_boundaries_must_be_polygons(tmp_path: Path) -> None:
    path = tmp_path / "points.geojson"
    gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(1, 1)], crs=4326).to_file(path)
    with pytest.raises(BoundaryError, match="no polygons"):
        read_boundaries(path)


def test_a_map_inlines_leaflet_from_the_installed_package(tmp_path: Path) -> None:
    out = write_map(sample_frame(10), tmp_path / "m.html", title="t", cache_dir=tmp_path / "c")
    page = out.read_text(encoding="utf-8")
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page)
    assert "Leaflet 1.9.3" in page and "leaflet-control-zoom" in page  # its script and CSS
    assert not (tmp_path / "c").exists()  # nothing downloaded, nothing cached


def test_a_cdn_map_links_leaflet_and_nothing_else(tmp_path: Path) -> None:
    page = write_map(sample_frame(10), tmp_path / "m.html", title="t", cdn=True).read_text()
    linked = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', page)
    assert sorted(linked) == sorted(LEAFLET + name for name in ("leaflet.js", "leaflet.css"))


def test_without_a_leaflet_package_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("maps.assets.packaged_leaflet", lambda: None)
    with pytest.raises(AssetError, match=r"XStatic-Leaflet.*libjs-leaflet.*--cdn"):
        write_map(sample_frame(3), tmp_path / "m.html", title="t", cache_dir=tmp_path / "c")
    assert not (tmp_path / "m.html").exists()


def test_debian_libjs_leaflet_is_used_when_xstatic_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    debian = tmp_path / "usr/share/javascript/leaflet"
    debian.mkdir(parents=True)
    (debian / "leaflet.js").write_text("/* Debian's Leaflet */")
    (debian / "leaflet.css").write_text(".leaflet-debian{}")
    monkeypatch.setitem(sys.modules, "xstatic.pkg.leaflet", None)  # import now fails
    monkeypatch.setattr("maps.assets.DEBIAN_LEAFLET", debian)
    page = write_map(sample_frame(3), tmp_path / "m.html", title="t").read_text()
    assert "/* Debian's Leaflet */" in page and ".leaflet-debian{}" in page


def test_a_given_assets_folder_wins_and_leaves_no_link(tmp_path: Path) -> None:
    out = write_map(
        sample_frame(10),
        tmp_path / "m.html",
        title="t",
        asset_dir=_mirror(tmp_path),
        cache_dir=tmp_path / "cache",
    )
    page = out.read_text(encoding="utf-8")
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page)
    assert "LEAFLET_STANDIN = '<\\/script>'" in page
    assert 'url("data:image/png;base64,' in page
    assert 'url("data:,")' in page  # the ttf font is dropped, woff2 suffices


def test_assets_come_from_a_node_modules_mirror(tmp_path: Path) -> None:
    modules = tmp_path / "node_modules" / "leaflet" / "dist"
    modules.mkdir(parents=True)
    (modules / "leaflet.js").write_text("/* leaflet */")
    source = AssetSource(mirror=tmp_path, cache_dir=tmp_path / "cache")
    assert source.read(LEAFLET + "leaflet.js") == b"/* leaflet */"
    assert npm_path(LEAFLET + "leaflet.css") == "leaflet/dist/leaflet.css"


def test_fetched_assets_are_cached_and_fetched_once(tmp_path: Path) -> None:
    calls: list[str] = []

    def fetch(url: str) -> bytes:
        calls.append(url)
        return b"body of " + url.encode()

    source = AssetSource(cache_dir=tmp_path / "cache", fetch=fetch)
    assert source.read(JQUERY) == source.read(JQUERY)
    assert calls == [JQUERY]
    assert (tmp_path / "cache/code.jquery.com/jquery-3.7.1.min.js").is_file()


def test_a_missing_asset_says_how_to_provide_it(tmp_path: Path) -> None:
    def offline(url: str) -> bytes:
        raise ConnectionError("network is unreachable")

    source = AssetSource(mirror=tmp_path, cache_dir=tmp_path / "cache", fetch=offline)
    with pytest.raises(AssetError, match=r"npm ci.*--assets"):
        inline_assets(f'<script src="{JQUERY}"></script>', source)


def test_only_known_cdn_files_are_ever_downloaded() -> None:
    with pytest.raises(AssetError, match="not a known CDN asset"):
        fetch_from_cdn("https://evil.example/leaflet.js")
    with pytest.raises(AssetError, match="not a known CDN asset"):
        fetch_from_cdn("http://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")


def test_template_syntax_in_text_is_never_evaluated(tmp_path: Path) -> None:
    rows = [
        one_event(
            notes="{{ 7*7 }} and {% for x in range(3) %}x{% endfor %}",
            sources=[{"outlet": "{{ 6*7 }}", "title": "{# c #}", "url": None}],
        )
    ]
    out = write_map(
        frame_of(rows, [Point(30, 50)]),
        tmp_path / "m.html",
        title="{{ 5*5 }}",
        description="{% raw %}",
    )
    page = out.read_text(encoding="utf-8")
    assert "{{ 6*7 }}" in page and "{{ 5*5 }}" in page and "{% raw %}" in page
    assert columns_in_page(page)["notes"] == [rows[0]["notes"]]


def test_every_folium_cdn_file_has_a_pinned_npm_copy() -> None:
    """The benchmark and tests answer Folium's CDN URLs from node_modules (npm ci)."""
    import folium
    from folium.plugins import MarkerCluster, TimestampedGeoJson
    from map_browser import NODE_MODULES, require_browser

    require_browser(npm=True)
    urls = [url for _, url in folium.Map.default_js + folium.Map.default_css]
    urls += [url for _, url in MarkerCluster.default_js + MarkerCluster.default_css]
    urls += [url for _, url in TimestampedGeoJson.default_js + TimestampedGeoJson.default_css]
    unmapped = {"jquery-ui.min.js", "leaflet.awesome.rotate.min.css", "default.min.css"}
    for url in urls:
        if url.rsplit("/", 1)[-1] in unmapped:
            continue  # not on npm; the maps work without them (see docs/maps.md)
        local = npm_path(url)
        assert local is not None and (NODE_MODULES / local).is_file(), url


def _layer_options(page: str) -> dict:
    found = re.search(
        r'TrackerMap\.load\(\w+,\s*document\.getElementById\("[^"]+"\), (\{[^}]*\})', page
    )
    assert found
    return json.loads(found.group(1))


def test_the_hiding_threshold_reaches_the_page_in_thousandths(tmp_path: Path) -> None:
    rated = frame_of([one_event(confidence=0.3)], [Point(30.25, 50.52)])
    out = write_map(rated, tmp_path / "m.html", title="t", hide_below=0.25)
    assert _layer_options(out.read_text(encoding="utf-8"))["hideBelow"] == 250
    unrated = frame_of([one_event()], [Point(30.25, 50.52)])
    out = write_map(unrated, tmp_path / "m.html", title="t", hide_below=0.25)
    assert _layer_options(out.read_text(encoding="utf-8"))["hideBelow"] == 0  # nothing to hide by


@pytest.mark.parametrize("bad", [1.01, -0.5, float("nan"), "0.5", True])
def test_a_hiding_threshold_outside_zero_to_one_is_refused(bad: object) -> None:
    frame = frame_of([one_event(confidence=0.3)], [Point(30.25, 50.52)])
    with pytest.raises(MapOptionError, match="not a confidence from 0 to 1"):
        render_map(frame, title="t", hide_below=bad)  # type: ignore[arg-type]
