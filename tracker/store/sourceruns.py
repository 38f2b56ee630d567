"""Per-source ingest runs: the rows behind source health (``tracker sources``, ``/health``).

Ingest writes one :class:`SourceRun` per source per run; health reads them
back for a window of days and decides which sources went quiet or keep
failing (``tracker.serve.health``). Plain rows, no merging: a run is a fact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa

from tracker.store.schema import SOURCE_RUNS

__all__ = ["RunStatus", "SourceKind", "SourceRun", "insert_runs", "runs_since"]


class SourceKind(StrEnum):
    """What a source is, as an operator names it."""

    FEED = "feed"  # an RSS or Atom feed
    SITE = "site"  # a web page fetched directly
    URL = "url"  # a URL not read this run (it failed before its kind was known)
    TELEGRAM = "telegram"  # a Telegram Desktop channel export
    FOLDER = "folder"  # a local folder or glob
    FILE = "file"  # one local file
    STDIN = "stdin"


class RunStatus(StrEnum):
    """How one run went for one source."""

    OK = "ok"  # read; every article in it stored
    UNCHANGED = "unchanged"  # the server said 304 / the same bytes as last time
    PARTIAL = "partial"  # read, but some of its articles failed
    FAILED = "failed"  # nothing of it could be read (fetch error, unreadable file)


@dataclass(frozen=True, slots=True)
class SourceRun:
    """What one ingest run got from one source.

    ``articles_seen`` are articles already stored (unchanged, or feed entries
    skipped as seen before); ``error`` is the last failure's message, if any.
    """

    source: str
    kind: SourceKind
    started_at: datetime
    finished_at: datetime
    status: RunStatus
    articles_new: int = 0
    articles_updated: int = 0
    articles_seen: int = 0
    articles_failed: int = 0
    events_added: int = 0
    newest_published: date | None = None
    error: str | None = None


def insert_runs(conn: sa.Connection, runs: Iterable[SourceRun]) -> int:
    """Insert ``runs``; returns how many."""
    rows = [{**asdict(r), "kind": r.kind.value, "status": r.status.value} for r in runs]
    if rows:
        conn.execute(sa.insert(SOURCE_RUNS), rows)
    return len(rows)


def runs_since(conn: sa.Connection, since: datetime) -> list[SourceRun]:
    """Every run started at or after ``since``, oldest first."""
    c = SOURCE_RUNS.c
    stmt = sa.select(SOURCE_RUNS).where(c.started_at >= since).order_by(c.started_at, c.id)
    return [_run(row._mapping) for row in conn.execute(stmt)]


def _run(row: sa.RowMapping) -> SourceRun:
    values = {k: v for k, v in row.items() if k != "id"}
    values["kind"] = SourceKind(values["kind"])
    values["status"] = RunStatus(values["status"])
    return SourceRun(**values)
