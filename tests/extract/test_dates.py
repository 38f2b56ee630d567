"""Date expressions resolved against a publication date (Tuesday 12 April 2022)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.dates import default_date, find_dates
from tracker.model import TimePrecision

PUB = date(2022, 4, 12)
TODAY = date(2024, 6, 1)
D, W, M = TimePrecision.DAY, TimePrecision.WEEK, TimePrecision.MONTH

CASES = [
    ("on April 12, 2022", "2022-04-12", D, "2022-04-12", "2022-04-12"),
    ("on 9 April 2022", "2022-04-09", D, "2022-04-09", "2022-04-09"),
    ("on Tuesday, April 12", "2022-04-12", D, "2022-04-12", "2022-04-12"),
    ("on April 10", "2022-04-10", D, "2022-04-10", "2022-04-10"),
    ("on December 30", "2021-12-30", D, "2021-12-30", "2021-12-30"),
    ("on 2022-02-20", "2022-02-20", D, "2022-02-20", "2022-02-20"),
    ("on 19/02/2022", "2022-02-19", D, "2022-02-19", "2022-02-19"),
    ("overnight", "2022-04-12", D, "2022-04-12", "2022-04-12"),
    ("yesterday", "2022-04-11", D, "2022-04-11", "2022-04-11"),
    # the night into the day of the report, as "overnight": ACLED dates a night attack
    # to the morning it ends in ("in the night to 12 April" is 12 April)
    ("last night", "2022-04-12", D, "2022-04-12", "2022-04-12"),
    ("the day before yesterday", "2022-04-10", D, "2022-04-10", "2022-04-10"),
    ("on Sunday", "2022-04-10", D, "2022-04-10", "2022-04-10"),
    ("last Tuesday", "2022-04-05", D, "2022-04-05", "2022-04-05"),
    ("three days ago", "2022-04-09", D, "2022-04-09", "2022-04-09"),
    ("last week", "2022-04-07", W, "2022-04-04", "2022-04-10"),
    ("this week", "2022-04-11", W, "2022-04-11", "2022-04-12"),
    ("over the weekend", "2022-04-09", W, "2022-04-09", "2022-04-10"),
    ("this month", "2022-04-06", M, "2022-04-01", "2022-04-12"),
    ("last month", "2022-03-15", M, "2022-03-01", "2022-03-31"),
    ("at the end of March", "2022-03-31", M, "2022-03-01", "2022-03-31"),
    ("in early March", "2022-03-01", M, "2022-03-01", "2022-03-31"),
    ("in March", "2022-03-15", M, "2022-03-01", "2022-03-31"),
    ("in mid-March", "2022-03-15", M, "2022-03-01", "2022-03-31"),
]


@pytest.mark.parametrize(("phrase", "day", "precision", "start", "end"), CASES)
def test_date_forms(phrase: str, day: str, precision: TimePrecision, start: str, end: str) -> None:
    [reading] = find_dates(f"Shelling hit the town {phrase}.", published=PUB, today=TODAY)
    assert reading.event_date.isoformat() == day
    assert reading.precision is precision
    assert (reading.date_start.isoformat(), reading.date_end.isoformat()) == (start, end)


def test_weekday_and_date_without_year_take_the_latest_year_they_agree() -> None:
    # 18 April fell on a Monday in 2022; with no publication date, that year is chosen.
    [reading] = find_dates("on Monday, April 18", published=None, today=TODAY)
    assert reading.event_date == date(2022, 4, 18)
    assert "processing day" in reading.evidence


def test_offsets_point_at_the_expression() -> None:
    text = "Missiles hit Lviv on April 10, officials said."
    [reading] = find_dates(text, published=PUB, today=TODAY)
    assert text[reading.start : reading.end] == "April 10"


def test_future_and_history_are_flagged() -> None:
    [future] = find_dates("talks resume next week", published=PUB, today=TODAY)
    [old] = find_dates("fighting in 2014", published=PUB, today=TODAY)
    assert future.future and not future.history
    assert old.history


@pytest.mark.parametrize("text", ["May we go", "April 31", "45/13/2022", "the march began"])
def test_not_dates(text: str) -> None:
    assert find_dates(text, published=PUB, today=TODAY) == []


def test_default_date_is_the_publication_day_or_the_processing_day() -> None:
    assert default_date(published=PUB, today=TODAY).event_date == PUB
    fallback = default_date(published=None, today=TODAY)
    assert fallback.event_date == TODAY and not fallback.explicit
    assert "processing day" in fallback.evidence
