"""Great-circle distances against known figures."""

from __future__ import annotations

import pytest

from geodata import haversine_km


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((50.45466, 30.5238), (49.98177, 36.25475), 410.0),  # Kyiv - Kharkiv
        ((0.0, 0.0), (0.0, 1.0), 111.19),  # one degree on the equator
        ((0.0, 179.5), (0.0, -179.5), 111.19),  # across the antimeridian
        ((90.0, 0.0), (-90.0, 0.0), 20015.1),  # pole to pole
    ],
)
def test_known_distances(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, rel=0.005)


def test_zero_and_symmetric():
    assert haversine_km(50.0, 30.0, 50.0, 30.0) == 0.0
    assert haversine_km(50, 30, 48, 37) == pytest.approx(haversine_km(48, 37, 50, 30))
