"""Downloading GeoNames dumps: retries, limits, no half-written files."""

from __future__ import annotations

import pytest

from geodata.download import DownloadOptions, check_country, download_geonames
from geodata.errors import GazetteerError


def _options(httpserver, **extra):
    return DownloadOptions(base_url=httpserver.url_for("/dump"), timeout=2.0, **extra)


def test_retries_5xx_with_backoff_then_succeeds(httpserver, tmp_path):
    waits: list[float] = []
    httpserver.expect_ordered_request("/dump/UA.zip").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/dump/UA.zip").respond_with_data("busy", status=429)
    httpserver.expect_ordered_request("/dump/UA.zip").respond_with_data(b"PK-data")
    files = download_geonames(
        ["UA"],
        tmp_path,
        options=_options(httpserver, backoff=0.5),
        with_admin=False,
        sleep=waits.append,
    )
    assert [f.name for f in files] == ["UA.zip"]
    assert files[0].read_bytes() == b"PK-data"
    assert waits == [0.5, 1.0]  # doubled after each failure


def test_gives_up_after_the_retries(httpserver, tmp_path):
    httpserver.expect_request("/dump/UA.zip").respond_with_data("busy", status=502)
    with pytest.raises(GazetteerError, match="after 2 tries: HTTP 502"):
        download_geonames(
            ["UA"],
            tmp_path,
            options=_options(httpserver, retries=2),
            with_admin=False,
            sleep=lambda s: None,
        )
    assert list(tmp_path.iterdir()) == []


def test_refuses_oversized_files(httpserver, tmp_path):
    httpserver.expect_request("/dump/UA.zip").respond_with_data(b"x" * 5000)
    with pytest.raises(GazetteerError, match="larger than 1,000 bytes"):
        download_geonames(
            ["UA"], tmp_path, options=_options(httpserver, max_bytes=1000), with_admin=False
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code", ["XX", "Ukraine", "", "U"])
def test_unknown_country_codes(code):
    with pytest.raises(GazetteerError, match="not an ISO 3166 alpha-2 country code"):
        check_country(code)


def test_country_codes_are_normalised():
    assert check_country(" ua ") == "UA"
