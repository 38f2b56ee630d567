"""OGC API - Features on a real server, read by OWSLib (a client nobody here wrote)."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from click.testing import CliRunner
from owslib.ogcapi.features import Features

from tracker.cli import cli

CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"


def cli_ids(url: str, *args: str) -> list[str]:
    result = CliRunner().invoke(cli, ["--db", url, "events", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [e["event_id"] for e in json.loads(result.stdout)]


def all_pages(first: str) -> tuple[list[dict], list[int]]:
    """Follow 'next' links from ``first``; every feature and each page's numberMatched."""
    features, matched, url = [], [], first
    while url:
        page = httpx.get(url).raise_for_status().json()
        features += page["features"]
        matched.append(page["numberMatched"])
        assert page["numberReturned"] == len(page["features"])
        url = next((link["href"] for link in page["links"] if link["rel"] == "next"), None)
    return features, matched


def test_owslib_lists_the_collection_and_gets_the_cli_ids(events_url: str, serve) -> None:
    base = serve(events_url)
    api = Features(base + "/")
    assert api.feature_collections() == ["events"]
    conformance = api.conformance()["conformsTo"]
    assert CORE in conformance and GEOJSON in conformance
    found = api.collection_items(
        "events", bbox=[28, 47, 36, 51], datetime_="2024-03-01/2024-03-15", limit=1000
    )
    ids = [f["id"] for f in found["features"]]
    expected = cli_ids(
        events_url, "--bbox", "28,47,36,51", "--since", "2024-03-01", "--until", "2024-03-15"
    )
    assert ids == expected and 10 < len(ids) < 400
    assert found["numberMatched"] == found["numberReturned"] == len(ids)
    one = api.collection_item("events", ids[0])
    assert one["id"] == ids[0] and one["geometry"]["type"] == "Point"


def test_features_carry_the_same_record_as_tracker_events(events_url: str, serve) -> None:
    base = serve(events_url)
    page = httpx.get(f"{base}/collections/events/items", params={"limit": 5}).json()
    result = CliRunner().invoke(
        cli, ["--db", events_url, "events", "--limit", "5", "--format", "json"]
    )
    records = json.loads(result.stdout)
    assert [f["properties"] for f in page["features"]] == records
    lon, lat = page["features"][0]["geometry"]["coordinates"]
    assert (lat, lon) == (records[0]["latitude"], records[0]["longitude"])


@pytest.mark.parametrize(
    ("params", "cli_args"),
    [
        ({"datetime": "../2024-02-25"}, ["--until", "2024-02-25"]),
        ({"datetime": "2024-03-20T10:00:00Z/.."}, ["--since", "2024-03-20"]),
        ({"datetime": "2024-03-03"}, ["--since", "2024-03-03", "--until", "2024-03-03"]),
        ({"type": "Battles"}, ["--type", "Battles"]),
        (
            {"sub_event_type": ["Air/drone strike", "Attack"]},
            ["--type", "Air/drone strike", "--type", "Attack"],
        ),
        (
            {"region": "Kharkiv Oblast", "precision": "2"},
            ["--region", "Kharkiv Oblast", "--precision", "2"],
        ),
        (
            {"min_confidence": "0.8", "text": "depot"},
            ["--min-confidence", "0.8", "--text", "depot"],
        ),
        ({"actor": "unidentified"}, ["--actor", "unidentified"]),
    ],
)
def test_filters_page_to_the_same_events_as_the_cli(
    events_url: str, serve, params: dict, cli_args: list[str]
) -> None:
    base = serve(events_url)
    features, matched = all_pages(
        str(httpx.URL(f"{base}/collections/events/items", params={**params, "limit": 7}))
    )
    expected = cli_ids(events_url, *cli_args)
    assert [f["id"] for f in features] == expected
    assert set(matched) == {len(expected)} and expected


def test_csv_and_sequences_are_alternate_representations_that_stream(
    events_url: str, serve
) -> None:
    base = serve(events_url)
    items = f"{base}/collections/events/items"
    expected = cli_ids(events_url, "--bbox", "28,47,36,51")
    by_param = httpx.get(items, params={"f": "csv", "bbox": "28,47,36,51"})
    assert by_param.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(by_param.text)))
    assert [r["event_id"] for r in rows] == expected  # every match: no page limit when streaming
    by_accept = httpx.get(items, params={"bbox": "28,47,36,51"}, headers={"Accept": "text/csv"})
    assert by_accept.text == by_param.text
    seq = httpx.get(items, params={"f": "geojsonseq", "limit": 3}).content
    records = [json.loads(r) for r in seq.split(b"\x1e") if r.strip()]
    assert [r["id"] for r in records] == cli_ids(events_url, "--limit", "3")


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("bbox=30,50,31", "bbox '30,50,31' is not four numbers"),
        ("bbox=31,50,30,51", "crosses the antimeridian"),
        ("datetime=2024-13-01", "is not an RFC 3339 date"),
        ("datetime=2024-03-05/2024-03-01", "starts after it ends"),
        ("limit=100000", "limit '100000' must be from 1 to 10000"),
        ("limit=0", "must be from 1"),
        ("colour=red", "unknown query parameter 'colour'"),
        ("type=Earthquake", "'Earthquake' is not an ACLED type"),
        ("precision=4", "precision '4' is not 1, 2 or 3"),
        ("min_confidence=2", "min_confidence '2' is not a number from 0 to 1"),
        ("f=xlsx", "f 'xlsx' is not a format"),
        ("bbox-crs=EPSG:3857", "bbox-crs 'EPSG:3857' is not supported"),
    ],
)
def test_bad_parameters_are_a_400_with_one_line_saying_what_to_do(
    events_url: str, serve, query: str, says: str
) -> None:
    reply = httpx.get(f"{serve(events_url)}/collections/events/items?{query}")
    assert reply.status_code == 400
    body = reply.json()
    assert body["code"] == "InvalidParameterValue" and says in body["description"]
    assert "\n" not in body["description"]


def test_unknown_ids_and_collections_are_404s_and_nothing_can_be_written(
    events_url: str, serve
) -> None:
    base = serve(events_url)
    missing = httpx.get(f"{base}/collections/events/items/nope")
    assert missing.status_code == 404 and "no event with id 'nope'" in missing.json()["description"]
    assert httpx.get(f"{base}/collections/places/items").status_code == 404
    assert httpx.post(f"{base}/collections/events/items", json={}).status_code == 405
    assert httpx.delete(f"{base}/collections/events/items/ev00001").status_code == 405


def test_pages_revalidate_with_etags_and_travel_gzipped(events_url: str, serve) -> None:
    base = serve(events_url)
    url = f"{base}/collections/events/items?limit=200"
    first = httpx.get(url, headers={"Accept-Encoding": "gzip"})
    assert first.headers["content-encoding"] == "gzip" and first.headers["last-modified"]
    again = httpx.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    other = httpx.get(
        f"{base}/collections/events/items?limit=201",
        headers={"If-None-Match": first.headers["etag"]},
    )
    assert other.status_code == 200


def test_landing_collection_and_openapi_link_up(events_url: str, serve) -> None:
    base = serve(events_url)
    landing = httpx.get(base + "/").json()
    rels = {link["rel"]: link["href"] for link in landing["links"]}
    assert {"service-desc", "conformance", "data"} <= set(rels)
    spec = httpx.get(rels["service-desc"]).json()
    assert spec["openapi"].startswith("3.0")
    names = {p["name"] for p in spec["paths"]["/collections/events/items"]["get"]["parameters"]}
    assert {
        "bbox",
        "datetime",
        "limit",
        "type",
        "sub_event_type",
        "region",
        "min_confidence",
    } <= names
    collection = httpx.get(f"{base}/collections/events").json()
    assert collection["extent"]["temporal"]["interval"] == [["2024-02-20", "2024-03-30"]]
    assert "http://www.opengis.net/def/crs/OGC/1.3/CRS84" in collection["crs"]
    assert any(link.get("type", "").startswith("text/csv") for link in collection["links"])
