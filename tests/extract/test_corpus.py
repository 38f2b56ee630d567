"""Every corpus passage gives exactly its expected events (see corpus.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.corpus import ANY, CASES, Case, Expect
from tracker.extract import extract_events
from tracker.model import Article, Event, SubEventType


def _extract(case: Case, gazetteer) -> list[Event]:
    article = Article(
        case.text, published=date.fromisoformat(case.published) if case.published else None
    )
    return extract_events(article, gazetteer=gazetteer, today=date.fromisoformat(case.today))


def _mismatches(expect: Expect, event: Event) -> list[str]:
    checks = {
        "precision": event.geo_precision,
        "date": event.event_date.isoformat(),
        "time_precision": event.time_precision,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "fatalities": event.fatalities,
        "claimed_by": event.claimed_by,
        "alleged": event.alleged,
        "admin1": event.admin1,
        "target": event.target,
    }
    return [
        f"{name}: expected {getattr(expect, name)!r}, got {got!r}"
        for name, got in checks.items()
        if getattr(expect, name) is not ANY and getattr(expect, name) != got
    ]


def _summary(events: list[Event]) -> str:
    return "; ".join(f"{e.sub_event_type.value} @ {e.location} {e.event_date}" for e in events)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_corpus_case(case: Case, gazetteer) -> None:
    events = _extract(case, gazetteer)
    assert len(events) == len(case.expect), _summary(events)
    remaining = list(events)
    for expect in case.expect:
        found = [
            e
            for e in remaining
            if e.sub_event_type is expect.sub
            and (expect.location is ANY or e.location == expect.location)
        ]
        assert found, f"no {expect.sub.value} at {expect.location!r} in: {_summary(events)}"
        problems = {id(e): _mismatches(expect, e) for e in found}
        best = min(found, key=lambda e: len(problems[id(e)]))
        assert not problems[id(best)], problems[id(best)]
        remaining.remove(best)
    for place in case.forbid:
        assert all(e.location != place for e in events), f"event at forbidden {place!r}"


def test_corpus_covers_every_sub_event_type() -> None:
    covered = {x.sub for c in CASES for x in c.expect}
    assert covered == set(SubEventType)


def test_corpus_is_large_enough_and_has_negatives() -> None:
    assert len(CASES) >= 60
    assert sum(1 for c in CASES if not c.expect) >= 12
    tags = {t for c in CASES for t in c.tags}
    for needed in (
        "negative:talks",
        "negative:visit",
        "negative:speech",
        "metonymy",
        "negative:sanctions",
        "negative:history",
        "homonym",
    ):
        assert needed in tags
