"""The fast nearest-distance (geodata.nearest) gives the plain scan's float to the last bit."""

from __future__ import annotations

import random

import pytest

from geodata.model import Place
from geodata.nearest import PointSet, nearest_km, nearest_km_plain


def _places(rng: random.Random, n: int, *, spread: float) -> list[Place]:
    return [
        Place(
            geonameid=rng.randrange(1, 40),  # repeated ids: a place is never its own neighbour
            name="p",
            latitude=max(-90.0, min(90.0, 48.5 + rng.uniform(-spread, spread))),
            longitude=((31.0 + rng.uniform(-2 * spread, 2 * spread)) + 180.0) % 360.0 - 180.0,
        )
        for _ in range(n)
    ]


@pytest.mark.parametrize("spread", [0.01, 0.5, 5.0, 90.0])
def test_the_fast_set_agrees_exactly_with_the_plain_scan(spread):
    rng = random.Random(int(spread * 100))
    for _ in range(300):
        others = _places(rng, rng.randrange(0, 25), spread=spread)
        points = PointSet(others)
        assert points == tuple(others)  # still the plain tuple of places
        for place in _places(rng, 5, spread=spread):
            assert nearest_km(place, points) == nearest_km_plain(place, others)


def test_points_at_the_same_latitude_and_across_the_antimeridian():
    a = Place(1, "a", 10.0, 179.9)
    others = [Place(2, "b", 10.0, -179.9), Place(3, "c", 10.0, 179.0), Place(1, "a", 10.0, 179.9)]
    assert nearest_km(a, PointSet(others)) == nearest_km_plain(a, others)
    assert nearest_km(a, PointSet([a])) is None and nearest_km_plain(a, [a]) is None
