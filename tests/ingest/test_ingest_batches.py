"""Local sources are saved in batches: same outcome, same log order, as one by one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_pages import ARTICLES

from tracker.app import App
from tracker.ingest import IngestOptions, run_ingest
from tracker.ingest.sink import BATCH_SIZE
from tracker.model import EventFilter

N = 2 * BATCH_SIZE + 37  # three batches, the last one partial


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    app = App(f"sqlite:///{tmp_path / 'tracker.db'}")
    yield app
    app.close()


def _write(path: Path) -> list[str]:
    """N lines: articles, with a broken line, an empty text and a repeat among them."""
    keys = sorted(ARTICLES)
    lines = []
    for i in range(N):
        text = f"{ARTICLES[keys[i % len(keys)]][1]} (Dispatch {i}.)"
        lines.append(json.dumps({"text": text, "published": "2022-05-02"}))
    lines[BATCH_SIZE - 1] = "{broken"
    lines[BATCH_SIZE + 5] = json.dumps({"text": "   "})
    lines[BATCH_SIZE + 9] = lines[BATCH_SIZE + 8]  # the same article twice, in one batch
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def test_many_local_articles_are_stored_once_and_logged_in_input_order(
    tmp_path: Path, app: App
) -> None:
    path = tmp_path / "many.jsonl"
    _write(path)
    options = IngestOptions(progress=False, log_jsonl=tmp_path / "log.jsonl")
    summary = run_ingest([str(path)], app=app, extractor=app.extractor, options=options)
    assert summary.articles_new == N - 3
    assert summary.articles_unchanged == 1  # the repeat
    assert len(summary.failures) == 2
    assert app.store.article_count() == N - 3
    records = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    items = records[1:-1]
    assert [r["origin"] for r in items] == [f"{path}:{i + 1}" for i in range(N)]
    assert items[BATCH_SIZE - 1]["event"] == items[BATCH_SIZE + 5]["event"] == "failure"
    assert [r["status"] for r in items[BATCH_SIZE + 8 : BATCH_SIZE + 10]] == ["new", "unchanged"]
    events = list(app.store.query_events(EventFilter()))
    assert summary.events_added == len(events) > 0

    again = run_ingest([str(path)], app=app, extractor=app.extractor, options=options)
    assert again.articles_unchanged == N - 2 and again.articles_new == 0
    assert list(app.store.query_events(EventFilter())) == events
