"""The per-evidence scorer (geodata.fast_scoring) gives ranking.score's floats and reasons."""

from __future__ import annotations

import random
from datetime import date

from geodata.activity import Activity, ActivityPoint
from geodata.fast_scoring import Scorer
from geodata.katottg import unit_stem
from geodata.model import Place
from geodata.nearest import PointSet
from geodata.ranking import Evidence, activity_count, raion_stem, score

_CODES = ["PPL", "PPLA", "PPLA2", "PPLC", "PPLX", "ADM2", "AIRB"]


def _place(rng: random.Random) -> Place:
    return Place(
        geonameid=rng.randrange(1, 60),
        name="p",
        latitude=48.0 + rng.uniform(-1.5, 1.5),
        longitude=35.0 + rng.uniform(-1.5, 1.5),
        feature_code=rng.choice(_CODES),
        country=rng.choice(["UA", "UA", "RU", "PL"]),
        admin1_code=rng.choice([None, "13", "14", "09"]),
        admin2=rng.choice([None, "Pokrovskyi Raion", "Bakhmutskyi Raion"]),
        admin3=rng.choice([None, "Marinska hromada", "Kurakhivska hromada"]),
        population=rng.choice([0, 0, 800, 12_000, 1_400_000]),
    )


def _evidence(rng: random.Random, activity: Activity) -> Evidence:
    """Every part on or off at random, as the contexts of real articles make them."""
    others = [_place(rng) for _ in range(rng.choice([0, 1, 2, 3, 6]))]
    raion = rng.random() < 0.3
    hromada = rng.random() < 0.3
    return Evidence(
        admin_codes=frozenset(rng.sample(["13", "14", "09"], rng.randrange(0, 3))),
        admin_country=rng.choice([None, "UA"]),
        admin_label="the stated oblast",
        near=(48.0, 35.0) if rng.random() < 0.4 else None,
        others=PointSet(others) if rng.random() < 0.7 else tuple(others),
        country=rng.choice([None, "UA", "RU"]),
        activity=activity if rng.random() < 0.5 else None,
        as_of=rng.choice([None, date(2024, 5, 3)]),
        raion=raion_stem("Pokrovsk") if raion else None,
        raion_label="Pokrovsk district" if raion else None,
        hromada=unit_stem("Marinka") if hromada else None,
        hromada_label="Marinka hromada" if hromada else None,
    )


def test_the_scorer_agrees_exactly_with_the_plain_score():
    rng = random.Random(3)
    points = [
        ActivityPoint(48.0 + rng.uniform(-1, 1), 35.0 + rng.uniform(-1, 1), date(2024, 5, 1))
        for _ in range(400)
    ]
    activity = Activity.from_points(points)
    parts_seen = set()
    for _ in range(400):
        ev = _evidence(rng, activity)
        scorer = Scorer(ev)
        for _ in range(8):
            place = _place(rng)
            quality = rng.choice([1.0, 0.95, 0.9, 0.87])
            assert scorer.score(place, quality) == score(place, quality, ev)
            assert scorer.activity_count(place) == activity_count(place, ev)
            parts_seen.update(score(place, quality, ev)[1])
    # the random evidence reached every part: the comparison above was not vacuous
    words = ("as the text says", "not in", "reference point", "other places", "where every")
    assert all(any(w in r for r in parts_seen) for w in words)
    assert any("report" in r for r in parts_seen)
    assert any("hromada as the text says" in r for r in parts_seen)
