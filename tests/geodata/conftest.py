"""Shared fixtures for geodata tests: the hand-written GeoNames sample files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from geodata import gazetteer_from_files
from geodata.store import GAZETTEER_METADATA

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
SAMPLE = FIXTURES / "UA_sample.txt"
ADMIN1 = FIXTURES / "admin1CodesASCII.txt"
ADMIN2 = FIXTURES / "admin2Codes.txt"


@pytest.fixture(scope="session")
def sample_gazetteer():
    """The fixture files as an in-memory gazetteer."""
    return gazetteer_from_files([SAMPLE, ADMIN1, ADMIN2])


@pytest.fixture
def engine(tmp_path):
    """A throwaway SQLite database with the gazetteer tables."""
    eng = create_engine(f"sqlite:///{tmp_path / 'gaz.db'}")
    GAZETTEER_METADATA.create_all(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def extra_place(tmp_path):
    """A one-row GeoNames table of a made-up village, 990000001, not in the sample."""
    extra = tmp_path / "UA_extra.txt"
    extra.write_text(
        "990000001\tZorianivka Testova\tZorianivka Testova\t\t48.1\t37.2\tP\tPPL\tUA\t\t05"
        "\t\t\t\t0\t\t150\tEurope/Kyiv\t2024-01-01\n",
        encoding="utf-8",
    )
    return extra


def gazetteer_of(*places, names=None):
    """A gazetteer of invented ``places``; ``names`` maps a geonameid to its alternates."""
    from geodata import GazetteerBuilder

    builder = GazetteerBuilder()
    for place in places:
        builder.add_place(place, (names or {}).get(place.geonameid, ()))
    return builder.build()
