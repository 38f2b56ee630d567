"""Store.save_articles: many articles per transaction, each one still isolated."""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from store_factories import CHUHUIV, KYIV, make_article, make_event
from test_robustness import _finish, _kill_after, _other_url, _snapshot

from tracker.errors import ConfigError, StorageError
from tracker.model import EventFilter, SubEventType
from tracker.store import ArticleStatus, Store, open_store

WORKER = Path(__file__).with_name("batch_worker.py")
N_ARTICLES = 40


def _pairs() -> list[tuple[object, list[object]]]:
    """Articles whose reports merge with each other, stay apart and get updated."""
    return [
        (make_article(1), [make_event("a1")]),
        (make_article(2), [make_event("a2"), make_event("a2-kyiv", point=KYIV)]),
        (make_article(3), [make_event("a3", point=CHUHUIV)]),
        (make_article(4), []),
        (make_article(1, text="Article 1, corrected: shells hit two blocks."), []),
    ]


def _stored(store: Store) -> list[tuple[object, ...]]:
    return [
        (e.event_id, e.report_count, e.latitude, tuple(s.article_id for s in e.sources))
        for e in store.query_events(EventFilter())
    ]


def test_a_batch_stores_exactly_what_one_by_one_saves_store(db_url: str, tmp_path: Path) -> None:
    one_by_one = open_store(f"sqlite:///{tmp_path / 'reference.db'}")
    expected = [one_by_one.save_article(a, e) for a, e in _pairs()]
    store = open_store(db_url)
    results = store.save_articles(_pairs(), batch_size=3)
    assert results == expected
    assert [r.status for r in results] == [ArticleStatus.NEW] * 4 + [ArticleStatus.UPDATED]
    assert results[1].events_merged == 1  # "a2" joined "a1" inside the same batch
    assert _stored(store) == _stored(one_by_one)
    assert store.article_count() == one_by_one.article_count() == 4
    store.close()
    one_by_one.close()


def test_saving_the_same_batch_again_writes_nothing(store: Store) -> None:
    first = _pairs()[:4]
    store.save_articles(first)
    before = _stored(store)
    again = store.save_articles(first)
    assert [r.status for r in again] == [ArticleStatus.UNCHANGED] * 4
    assert not any(r.changed or r.failed for r in again)
    assert _stored(store) == before


def test_an_article_the_database_refuses_fails_alone(store: Store) -> None:
    # Two articles claiming the same report id: the database's unique key refuses
    # the second one; the articles around it are stored all the same.
    results = store.save_articles(
        [
            (make_article(1), [make_event("same-id")]),
            (make_article(2), [make_event("same-id", point=KYIV)]),
            (make_article(3), [make_event("other", point=CHUHUIV)]),
        ]
    )
    assert [r.failed for r in results] == [False, True, False]
    assert isinstance(results[1].error, StorageError)
    assert not results[1].changed
    assert store.article_count() == 2
    assert [e.event_id for e in store.query_events(EventFilter())] == ["other", "same-id"]
    assert store.get_event("same-id").latitude == pytest.approx(make_event("x").latitude)


def test_an_article_with_a_malformed_event_fails_alone(store: Store) -> None:
    broken = replace(make_event("bad"), sub_event_type="not a sub-event type")
    results = store.save_articles(
        [(make_article(1), [make_event("good")]), (make_article(2), [make_event("b2"), broken])]
    )
    assert [r.failed for r in results] == [False, True]
    assert store.article_count() == 1
    assert store.get_event("b2") is None  # nothing of the failed article is kept
    assert store.get_event("good").sub_event_type is SubEventType.SHELLING_ARTILLERY_MISSILE


def test_an_article_given_twice_in_one_batch_is_stored_once(store: Store) -> None:
    pair = (make_article(7), [make_event("e7")])
    results = store.save_articles([pair, pair])
    assert [r.status for r in results] == [ArticleStatus.NEW, ArticleStatus.UNCHANGED]
    assert store.count_events(EventFilter()) == 1


def test_a_batch_size_below_one_is_refused(store: Store) -> None:
    with pytest.raises(ConfigError, match="batch_size 0"):
        store.save_articles([], batch_size=0)
    assert store.save_articles([]) == []


def _run_worker(url: str, first: int, last: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(first), str(last), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_batches_killed_at_random_moments_then_rerun_equal_an_uninterrupted_run(
    db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    reference = _other_url(db_url, tmp_path, request)
    _finish(_run_worker(reference, 0, N_ARTICLES, "1"))  # one by one
    rng = random.Random(20240302)
    open_store(db_url).close()
    for target in sorted(rng.sample(range(1, N_ARTICLES - 1), 5)):
        proc = _run_worker(db_url, 0, N_ARTICLES, "6")
        lines = _kill_after(proc, saves=target, delay=rng.uniform(0.0, 0.01))
        stored = len(_snapshot(db_url)["articles"])
        assert stored >= lines  # every reported save is durable
        if db_url.startswith("sqlite"):  # one transaction per batch there
            assert stored % 6 == 0 or stored == N_ARTICLES
    _finish(_run_worker(db_url, 0, N_ARTICLES, "6"))
    assert _snapshot(db_url) == _snapshot(reference)


@pytest.mark.slow
def test_two_batch_writers_at_once_lose_nothing_and_duplicate_nothing(db_url: str) -> None:
    procs = [
        _run_worker(db_url, 0, 30, "7"),
        _run_worker(db_url, 10, N_ARTICLES, "5", "--reverse"),
    ]
    for proc in procs:
        _finish(proc)
    snap = _snapshot(db_url)
    assert len(snap["articles"]) == N_ARTICLES
    assert len(snap["reports"]) == 2 * N_ARTICLES
    store = open_store(db_url)
    shared = [
        e
        for e in store.query_events(EventFilter())
        if e.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    ]
    assert sum(e.report_count for e in shared) == N_ARTICLES
    assert len({(e.event_date, e.location) for e in shared}) == len(shared)
    store.close()
