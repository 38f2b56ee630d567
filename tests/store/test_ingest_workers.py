"""Scale-out as docs/scaling.md describes it: two ingest workers, one PostGIS.

Two real ``tracker ingest`` processes, each with its own sources and its own
job lock (``--lock-name``), write into one PostgreSQL database at the same
time. Their sources report the same events (the same texts under other
URLs), so the workers race to merge reports into the same events. The result
must be what one worker ingesting both sources in turn stores: the same
articles, reports and events, no event twice, no report lost.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from tracker.examples import __file__ as examples_init

EXAMPLES = Path(examples_init).with_name("articles.jsonl")
pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _source(tmp_path: Path, name: str) -> Path:
    """The bundled example articles as another outlet's copies (own URLs, same texts)."""
    path = tmp_path / f"{name}.jsonl"
    lines = []
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        article["url"] = f"{article['url']}?copy={name}"
        article["id"] = f"{article['id']}-{name}"
        article["outlet"] = f"Outlet {name}"
        lines.append(json.dumps(article, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ingest(url: str, source: Path, lock: str) -> subprocess.Popen[str]:
    command = "from tracker.cli import main; main()"
    args = ["--db", url, "ingest", "--no-progress", "--lock-name", lock, str(source)]
    return subprocess.Popen(
        [sys.executable, "-c", command, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str]) -> None:
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err


def _stored(url: str) -> dict[str, list[tuple[object, ...]]]:
    """What was stored, without ids and timestamps (which worker won a race may vary)."""
    engine = sa.create_engine(url)
    queries = {
        "articles": "SELECT url, outlet FROM articles ORDER BY url",
        "reports": "SELECT r.report_id, a.url FROM reports r JOIN articles a USING (article_id) "
        "ORDER BY r.report_id",
        "events": "SELECT event_date, sub_event_type, location, latitude, longitude, "
        "report_count FROM events ORDER BY 1, 2, 3, 4, 5, 6",
    }
    with engine.connect() as conn:
        stored = {k: [tuple(r) for r in conn.exec_driver_sql(q)] for k, q in queries.items()}
    engine.dispose()
    return stored


def test_two_workers_on_distinct_sources_store_what_one_worker_stores(
    tmp_path: Path, pg_url: str, pg_url_2: str
) -> None:
    east, west = _source(tmp_path, "east"), _source(tmp_path, "west")
    _finish(_ingest(pg_url_2, east, "one"))  # the reference: one worker, one source in turn
    _finish(_ingest(pg_url_2, west, "one"))
    # Both workers start on an empty database (both want to create the schema).
    workers = [_ingest(pg_url, east, "east"), _ingest(pg_url, west, "west")]
    for proc in workers:
        _finish(proc)
    together, reference = _stored(pg_url), _stored(pg_url_2)
    assert len(together["articles"]) == 2 * len(EXAMPLES.read_text().splitlines())
    assert together == reference
    assert any(row[-1] == 2 for row in together["events"])  # the sources did merge
    assert sum(row[-1] for row in together["events"]) == len(together["reports"])
