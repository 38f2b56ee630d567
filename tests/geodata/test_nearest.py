"""The fast nearest-distance (geodata.nearest) gives the plain scan's float to the last bit."""

from __future__ import annotations

import random

import pytest

from geodata.model import Place
from geodata.nearest import (
    PointSet,
    in_one_region_besides,
    in_one_region_besides_plain,
    nearest_km,
    nearest_km_plain,
)


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


def test_the_one_region_test_agrees_with_the_plain_one():
    rng = random.Random(5)
    codes = [None, "13", "14", "09"]
    answers = []
    for _ in range(2000):
        # few ids and regions, and an id now and then in two regions: every corner is hit
        others = [
            Place(
                rng.randrange(1, 8),
                "p",
                48.0,
                31.0,
                country=rng.choice(["UA", "UA", "RU"]),
                admin1_code=rng.choice(codes),
            )
            for _ in range(rng.randrange(0, 7))
        ]
        points = PointSet(others)
        for place in [
            *others[:2],
            Place(rng.randrange(1, 8), "q", 48.0, 31.0, admin1_code=rng.choice(codes)),
        ]:
            for minimum in (1, 2, 3):
                fast = in_one_region_besides(place, points, minimum=minimum)
                assert fast == in_one_region_besides_plain(place, others, minimum=minimum)
                answers.append(fast)
    assert any(answers) and not all(answers)
