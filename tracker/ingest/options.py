"""What a caller can tune about an ingest run, as frozen values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from tracker.errors import ConfigError


def _version() -> str:
    try:
        return version("conflict-tracker")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "dev"


# Sites block anonymous clients; a clear name lets an outlet see who reads its feed.
DEFAULT_USER_AGENT = f"conflict-tracker/{_version()} (news-ingest; python-httpx)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How remote sources are fetched: limits, retries, politeness.

    ``timeout`` bounds connecting and each read; ``total_timeout`` is each
    item's one deadline for all its attempts (headers, body, redirects, retries
    and the waits between them), so a server dribbling a byte at a time cannot
    hold a worker. ``max_bytes`` bounds the decoded body.
    """

    timeout: float = 20.0
    total_timeout: float = 120.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    max_entries: int = 500  # new entries fetched per feed per run; the rest wait for the next
    retries: int = 3
    backoff_base: float = 1.0
    max_retry_after: float = 120.0
    workers: int = 8
    per_host: int = 2
    user_agent: str = DEFAULT_USER_AGENT
    allow_private_urls: bool = False
    # e.g. "http://proxy.newsroom.lan:3128"; proxies from the environment are ignored
    proxy: str | None = None

    def __post_init__(self) -> None:
        positive = {
            "timeout": self.timeout,
            "total_timeout": self.total_timeout,
            "max_bytes": self.max_bytes,
            "workers": self.workers,
            "per_host": self.per_host,
            "max_entries": self.max_entries,
        }
        at_least_zero = {
            "max_redirects": self.max_redirects,
            "retries": self.retries,
            "backoff_base": self.backoff_base,
            "max_retry_after": self.max_retry_after,
        }
        bad = {k: v for k, v in positive.items() if v <= 0}
        bad |= {k: v for k, v in at_least_zero.items() if v < 0}
        if bad:
            raise ConfigError(f"fetch settings out of range: {bad!r}; use positive numbers")
        if not self.user_agent.strip():
            raise ConfigError("the User-Agent must not be empty; sites block anonymous clients")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Options of :func:`tracker.ingest.run_ingest`.

    ``published``, ``outlet``, ``language`` and ``country_focus`` fill in what an
    article does not say itself; ``url`` and ``title`` name a single article and
    are refused when the sources hold more than one. ``lock_name`` makes the run
    exclusive among runs with the same name (lock files live in ``lock_dir``,
    by default ``<data home>/locks``); ``max_run_time`` (seconds) is how long
    a run may hold that lock before the runs it blocks report it as hung.
    ``telegram_channel`` is the public username of the channel a Telegram
    export comes from, which makes its messages' ``https://t.me/...`` links.
    ``refetch_seen`` re-reads feed entries already stored instead of skipping them.
    ``reprocess`` extracts the events of articles already stored again even when
    nothing about them changed (stored articles whose date or extractor version
    changed always are).
    """

    published: date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    country_focus: str | None = None
    sources_file: Path | None = None
    text_column: str = "text"
    telegram_channel: str | None = None
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    log_jsonl: Path | None = None
    lock_name: str | None = None
    lock_dir: Path | None = None
    max_run_time: float = 3600.0
    progress: bool = False
    refetch_seen: bool = False
    reprocess: bool = False
