"""Scoring an event with only the features its model weighs gives the full reading's answer."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from geodata import gazetteer_from_files
from tests.extract.conftest import GEONAMES, PLACES
from tests.extract.generated import generate_articles, towns_from
from tracker.extract import extract_events
from tracker.extract.confidence import FEATURES, Model, features, load_model, weighted_features

FILES = [GEONAMES / "UA_sample.txt", PLACES, GEONAMES / "admin1CodesASCII.txt"]


@pytest.fixture(scope="module")
def events():
    gazetteer = gazetteer_from_files(FILES, fill_from_embedded=True)
    found = []
    for article in generate_articles(towns_from(gazetteer), n=40, seed=6):
        for event in extract_events(article, gazetteer=gazetteer):
            # the evidence without the model's own line: what _scored reads
            found.append(replace(event, evidence=event.evidence[:-1]))
    return found


def _models(names):
    yield load_model("en")
    rng = random.Random(8)
    for _ in range(30):  # any weights, zeros and features left out included
        kept = rng.sample(names, rng.randrange(1, len(names)))
        weights = {n: rng.choice([0.0, rng.uniform(-2, 2), rng.uniform(-0.06, 0.06)]) for n in kept}
        yield Model(rng.uniform(-1, 1), weights)


def test_the_weighted_features_give_the_same_probability_and_explanation(events):
    assert len(events) > 50
    names = list(features(events[0], events_in_article=1))  # every feature, in order
    for model in _models(names):
        assert model is not None
        for n, event in enumerate(events):
            full = features(event, events_in_article=1 + n % 4)
            few = weighted_features(event, events_in_article=1 + n % 4, model=model)
            assert set(few) <= set(model.weights) and list(few) == [k for k in full if k in few]
            assert model.probability(few) == model.probability(full)
            assert model.explain(few) == model.explain(full)


def test_the_fitted_model_weighs_the_documented_features():
    model = load_model("en")
    assert model is not None and set(model.weights) == set(FEATURES)
