"""Shared fixtures: a gazetteer built from small GeoNames files kept with the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata import gazetteer_from_files

TESTS = Path(__file__).resolve().parents[1]
GEONAMES = TESTS / "fixtures" / "geonames"
PLACES = Path(__file__).resolve().parent / "fixtures" / "places.txt"


@pytest.fixture(scope="session")
def gazetteer():
    """A gazetteer of the shared GeoNames sample plus the extraction fixture places."""
    return gazetteer_from_files(
        [
            GEONAMES / "UA_sample.txt",
            PLACES,
            GEONAMES / "admin1CodesASCII.txt",
            GEONAMES / "admin2Codes.txt",
        ]
    )
