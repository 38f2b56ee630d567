"""Scoring a gazetteer against known coordinates: the shares the accuracy targets name."""

from __future__ import annotations

import pytest

from geodata import Place
from geodata.evaluate import Mention, evaluate
from tests.geodata.conftest import gazetteer_of

# Two villages of one name in one oblast: the larger wins without context.
BIG_ONE = Place(9100001, "Zhuravka", 48.00, 37.00, admin1_code="05", population=3000)
SMALL_ONE = Place(9100002, "Zhuravka", 48.90, 38.00, admin1_code="05", population=20)
TOWN = Place(9100003, "Ridkoselo", 50.00, 30.00, "P", "PPLA2", admin1_code="13", population=20000)


@pytest.fixture(scope="module")
def gazetteer():
    return gazetteer_of(BIG_ONE, SMALL_ONE, TOWN)


def _mention(line: int, name: str, lat: float, lon: float) -> Mention:
    return Mention(line, name, "Donetsk Oblast", "UA", lat, lon)


def test_a_homonym_chosen_over_the_one_at_the_truth_is_a_same_name_loss(gazetteer) -> None:
    report = evaluate([_mention(2, "Zhuravka", 48.91, 38.01)], gazetteer)
    (outcome,) = report.outcomes
    assert outcome.error_km > 100
    assert outcome.same_name_loss
    assert (report.same_name_share, report.far_share) == (1.0, 1.0)


def test_a_place_with_no_namesake_near_the_truth_is_only_a_miss(gazetteer) -> None:
    # the truth lies 25 km from the only Ridkoselo: off, but no homonym was at fault
    report = evaluate([Mention(2, "Ridkoselo", "Kyiv Oblast", "UA", 50.22, 30.05)], gazetteer)
    (outcome,) = report.outcomes
    assert 10 < outcome.error_km < 100
    assert not outcome.same_name_loss
    assert (report.same_name_share, report.far_share) == (0.0, 0.0)


def test_the_shares_are_of_all_mentions_and_of_the_resolved_ones(gazetteer) -> None:
    mentions = [
        _mention(2, "Zhuravka", 48.001, 37.001),  # right
        _mention(3, "Zhuravka", 48.91, 38.01),  # the other Zhuravka: lost, > 100 km
        Mention(4, "Qwxzyville", None, "UA", 48.0, 37.0),  # unknown, no region: not resolved
        _mention(5, "Zhuravka", 48.02, 37.02),  # right
    ]
    summary = evaluate(mentions, gazetteer).as_dict()
    assert summary["mentions"] == 4
    assert summary["resolved"] == 3
    assert summary["within_10km"] == 0.5
    assert summary["over_100km_of_resolved"] == round(1 / 3, 4)
    assert summary["same_name_loss"] == 0.25
