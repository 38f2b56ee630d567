"""The real geopy clients against a local server that answers like each service."""

from __future__ import annotations

import json
import time

import pytest
from geopy.extra.rate_limiter import RateLimiter
from sqlalchemy import func, select
from werkzeug import Response

from geodata import GeoPrecision, ResolveContext
from geodata.errors import (
    GeocoderConfigError,
    GeocoderTimeout,
    GeocoderUnavailable,
)
from geodata.geocoders import (
    GEOCODERS,
    CachedGeocoder,
    GeocoderConfig,
    GeocodingGazetteer,
    config_from_env,
    make_geocoder,
)
from geodata.tables import gaz_geocode_cache

AGENT = "tracker-tests/1.0 (tests@example.org)"
LAT, LON = 50.41, 30.12  # a made-up hamlet west of Kyiv


@pytest.fixture
def sleeps(monkeypatch):
    """geopy's RateLimiter reads time through ``_clock`` and waits through ``_sleep``:
    give it a clock that only moves when it sleeps, and record the waits."""
    now = [1000.0]
    waits: list[float] = []

    def sleep(self, seconds):
        waits.append(round(seconds, 3))
        now[0] += seconds

    monkeypatch.setattr(RateLimiter, "_clock", lambda self: now[0])
    monkeypatch.setattr(RateLimiter, "_sleep", sleep)
    return waits


def _config(httpserver, name, **extra):
    base = {
        "user_agent": AGENT,
        "domain": f"{httpserver.host}:{httpserver.port}",
        "scheme": "http",
        "timeout": 2.0,
        "min_delay_seconds": 0.0,
        "error_wait_seconds": 0.0,
    }
    base.update(extra)
    return GeocoderConfig(name, **base)


def _nominatim_ok(httpserver, query="Zelenyi Hai"):
    """Answer ``query`` with the hamlet and any other query with nothing, like Nominatim."""

    def answer(request):
        if request.args.get("q") == query:
            body = [{"lat": str(LAT), "lon": str(LON), "display_name": f"{query}, Ukraine"}]
        else:
            body = []
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request("/search", method="GET").respond_with_handler(answer)


SERVICES = {
    "nominatim": ("/search", [{"lat": str(LAT), "lon": str(LON), "display_name": "Zelenyi Hai"}]),
    "photon": (
        "/api",
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [LON, LAT]},
                    "properties": {"name": "Zelenyi Hai", "country": "Ukraine"},
                }
            ],
        },
    ),
    "geonames": (
        "/searchJSON",
        {
            "geonames": [
                {"lat": str(LAT), "lng": str(LON), "name": "Zelenyi Hai", "countryName": "UA"}
            ]
        },
    ),
    "pelias": (
        "/v1/search",
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [LON, LAT]},
                    "properties": {"name": "Zelenyi Hai", "label": "Zelenyi Hai, Ukraine"},
                }
            ],
        },
    ),
    "arcgis": (
        "/arcgis/rest/services/World/GeocodeServer/findAddressCandidates",
        {"candidates": [{"address": "Zelenyi Hai", "location": {"x": LON, "y": LAT}, "score": 99}]},
    ),
}


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_each_backend_parses_its_service(httpserver, name):
    path, body = SERVICES[name]
    httpserver.expect_request(path).respond_with_json(body)
    geocoder = make_geocoder(_config(httpserver, name, username="demo", api_key="k"))
    answer = geocoder.geocode("Zelenyi Hai", country="UA")
    assert answer.found
    assert (answer.latitude, answer.longitude) == (LAT, LON)
    assert "Zelenyi Hai" in answer.address


def test_registry_lists_at_least_the_five_backends():
    assert {"nominatim", "photon", "geonames", "pelias", "arcgis"} <= set(GEOCODERS)


def test_nominatim_sends_the_user_agent_and_country_filter(httpserver):
    httpserver.expect_request(
        "/search",
        query_string={"q": "Zelenyi Hai", "format": "json", "limit": "1", "countrycodes": "ua"},
        headers={"User-Agent": AGENT},
    ).respond_with_json([{"lat": str(LAT), "lon": str(LON), "display_name": "Zelenyi Hai"}])
    answer = make_geocoder(_config(httpserver, "nominatim")).geocode("Zelenyi Hai", country="UA")
    assert answer.found


def test_not_found_is_an_answer_not_an_error(httpserver):
    httpserver.expect_request("/search").respond_with_json([])
    assert not make_geocoder(_config(httpserver, "nominatim")).geocode("Nowhere").found


def test_429_is_retried_then_succeeds(httpserver, sleeps):
    httpserver.expect_ordered_request("/search").respond_with_data("slow down", status=429)
    httpserver.expect_ordered_request("/search").respond_with_json(
        [{"lat": str(LAT), "lon": str(LON), "display_name": "Zelenyi Hai"}]
    )
    waits: list[float] = []
    cfg = _config(httpserver, "nominatim", error_wait_seconds=3.0)
    answer = make_geocoder(cfg, sleep=waits.append).geocode("Zelenyi Hai")
    assert answer.found
    assert waits == [3.0]  # it waited before trying again


def test_persistent_429_raises_instead_of_returning_none(httpserver, sleeps):
    httpserver.expect_request("/search").respond_with_data("slow down", status=429)
    waits: list[float] = []
    cfg = _config(httpserver, "nominatim", max_retries=2, error_wait_seconds=2.0)
    with pytest.raises(GeocoderUnavailable, match="rate limited"):
        make_geocoder(cfg, sleep=waits.append).geocode("Zelenyi Hai")
    assert len(httpserver.log) == 3  # one try and two retries
    assert waits == [2.0, 4.0]  # exponential backoff


def test_bad_credentials_are_not_retried(httpserver, sleeps):
    httpserver.expect_request("/searchJSON").respond_with_data("no", status=401)
    cfg = _config(httpserver, "geonames", username="nobody", max_retries=3)
    with pytest.raises(GeocoderConfigError, match="credentials"):
        make_geocoder(cfg).geocode("Zelenyi Hai")
    assert len(httpserver.log) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_raise_unavailable(httpserver, sleeps, status):
    httpserver.expect_request("/search").respond_with_data("broken", status=status)
    geocoder = make_geocoder(_config(httpserver, "nominatim", max_retries=1), sleep=lambda s: None)
    with pytest.raises(GeocoderUnavailable, match=f"HTTP {status}"):
        geocoder.geocode("Zelenyi Hai")
    assert len(httpserver.log) == 2  # 5xx is retried once


def test_timeout_raises_timeout(httpserver, sleeps):
    def slow(request):
        time.sleep(1.0)
        return Response("[]", content_type="application/json")

    httpserver.expect_request("/search").respond_with_handler(slow)
    geocoder = make_geocoder(_config(httpserver, "nominatim", timeout=0.2, max_retries=0))
    with pytest.raises(GeocoderTimeout, match="timed out"):
        geocoder.geocode("Zelenyi Hai")


def test_refused_connection_raises_unavailable(sleeps):
    cfg = GeocoderConfig(
        "nominatim", user_agent=AGENT, domain="127.0.0.1:9", scheme="http", max_retries=0
    )
    with pytest.raises(GeocoderUnavailable):
        make_geocoder(cfg).geocode("Zelenyi Hai")


def test_nominatim_waits_a_second_between_requests(httpserver, sleeps):
    httpserver.expect_request("/search").respond_with_json([])
    cfg = _config(httpserver, "nominatim", min_delay_seconds=None)  # the policy default
    geocoder = make_geocoder(cfg)
    geocoder.geocode("one")
    geocoder.geocode("two")
    assert sleeps == [1.0]  # the second request waited for its one-second slot


def test_config_from_env_is_off_by_default():
    assert config_from_env({}) is None
    assert config_from_env({"TRACKER_GEOCODER": "none"}) is None


def test_config_from_env_reads_settings():
    cfg = config_from_env(
        {
            "TRACKER_GEOCODER": "Nominatim",
            "TRACKER_GEOCODER_USER_AGENT": AGENT,
            "TRACKER_GEOCODER_DOMAIN": "nominatim.example.org",
            "TRACKER_GEOCODER_TIMEOUT": "4",
        }
    )
    assert (cfg.name, cfg.domain, cfg.timeout, cfg.min_delay_seconds) == (
        "nominatim",
        "nominatim.example.org",
        4.0,
        1.0,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TRACKER_GEOCODER": "googol"}, "unknown geocoder 'googol'; choose one of arcgis"),
        ({"TRACKER_GEOCODER": "nominatim"}, "needs a user agent; set TRACKER_GEOCODER_USER_AGENT"),
        ({"TRACKER_GEOCODER": "geonames"}, "needs a username"),
        ({"TRACKER_GEOCODER": "pelias"}, "needs a domain"),
        (
            {"TRACKER_GEOCODER": "photon", "TRACKER_GEOCODER_TIMEOUT": "soon"},
            "malformed",
        ),
    ],
)
def test_bad_config_is_explained(env, message):
    with pytest.raises(GeocoderConfigError, match=message):
        config_from_env(env)


def test_cache_asks_once_and_keeps_not_found_too(httpserver, engine):
    _nominatim_ok(httpserver)
    cached = CachedGeocoder(make_geocoder(_config(httpserver, "nominatim")), engine)
    for _ in range(3):
        assert cached.geocode("Zelenyi Hai").found
        assert not cached.geocode("Nowhere").found
    assert len(httpserver.log) == 2
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(gaz_geocode_cache)).scalar_one() == 2


def test_errors_are_not_cached(httpserver, engine, sleeps):
    httpserver.expect_oneshot_request("/search").respond_with_data("down", status=500)
    _nominatim_ok(httpserver)
    cached = CachedGeocoder(make_geocoder(_config(httpserver, "nominatim", max_retries=0)), engine)
    with pytest.raises(GeocoderUnavailable):
        cached.geocode("Zelenyi Hai")
    assert cached.geocode("Zelenyi Hai").found  # asked again, not a cached failure


def test_gazetteer_answers_first_and_the_geocoder_fills_misses(
    httpserver, sample_gazetteer, engine
):
    _nominatim_ok(httpserver, query="Zelenyi Hai, Kyiv Oblast")
    cached = CachedGeocoder(make_geocoder(_config(httpserver, "nominatim")), engine)
    gaz = GeocodingGazetteer(sample_gazetteer, cached)
    assert gaz.resolve("Kharkiv").place.geonameid == 706483  # no request for a known name
    assert len(httpserver.log) == 0
    res = gaz.resolve("Zelenyi Hai", context=ResolveContext(admin_hint="Kyiv region"))
    assert (res.place.latitude, res.place.longitude) == (LAT, LON)
    assert res.place.admin1 == "Kyiv Oblast"
    assert res.precision is GeoPrecision.SETTLEMENT
    assert "nominatim answered" in res.reason
    assert len(httpserver.log) == 1


def test_online_answer_far_from_the_stated_region_is_refused(httpserver, sample_gazetteer):
    httpserver.expect_request("/search").respond_with_json(
        [{"lat": "46.0", "lon": "30.0", "display_name": "somewhere in Odesa Oblast"}]
    )
    gaz = GeocodingGazetteer(sample_gazetteer, make_geocoder(_config(httpserver, "nominatim")))
    res = gaz.resolve("Zelenyi Hai", context=ResolveContext(admin_hint="Chernihiv Oblast"))
    assert res.precision is GeoPrecision.REGION
    assert res.place.name == "Chernihiv Oblast"
