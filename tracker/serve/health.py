"""Source health: which sources went quiet or keep failing, from the recorded ingest runs.

The rule, the same for ``tracker sources`` and the server's ``/health``
(docs/serve.md explains it with an example):

* **quiet** -- the new articles a source gave in the last ``recent_days``
  (3 by default) are at most ``quiet_ratio`` (20 %) of its usual level, and
  that usual level is at least ``min_baseline`` (5) articles. The usual level
  is the median of the same ``recent_days`` window, at the same hours of the
  same weekdays, in each of the previous ``weeks`` (4) weeks. Comparing a
  weekend with earlier weekends is what keeps a source that rests on Sundays
  from being called quiet every Monday, and the median ignores one odd week
  (a holiday, a big news day).
* **failing** -- its last ``fail_runs`` (3) runs could not read it at all.
* **stale** -- no run has read it for ``recent_days``: the ingest job stopped,
  or the source left the sources file.
* **new** -- fewer than two earlier weeks of runs: too little history to judge.
* **ok** -- none of the above.

Everything is computed from :class:`~tracker.store.SourceRun` rows in plain
Python: a few thousand rows over five weeks for a newsroom's sources.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tracker.errors import ConfigError
from tracker.store.sourceruns import RunStatus, SourceRun

if TYPE_CHECKING:
    from tracker.store import Store

__all__ = ["HealthReport", "HealthRule", "SourceHealth", "SourceState", "source_health"]


class SourceState(StrEnum):
    """The verdict on one source."""

    OK = "ok"
    NEW = "new"
    QUIET = "quiet"
    FAILING = "failing"
    STALE = "stale"

    @property
    def alerts(self) -> bool:
        """True for the states someone should be told about."""
        return self in (SourceState.QUIET, SourceState.FAILING, SourceState.STALE)


@dataclass(frozen=True, slots=True)
class HealthRule:
    """The thresholds of the rule in the module docstring."""

    recent_days: int = 3
    weeks: int = 4
    quiet_ratio: float = 0.2
    min_baseline: int = 5
    fail_runs: int = 3
    chart_days: int = 14  # days of per-day counts reported for each source

    def __post_init__(self) -> None:
        if not 1 <= self.recent_days <= 7:
            raise ConfigError(
                f"recent days {self.recent_days!r} must be 1 to 7 (a window within a week), e.g. 3"
            )
        if self.weeks < 2:
            raise ConfigError(f"weeks {self.weeks!r} must be at least 2 for a median, e.g. 4")
        if not 0 <= self.quiet_ratio < 1:
            raise ConfigError(
                f"quiet ratio {self.quiet_ratio!r} must be from 0 to below 1, e.g. 0.2"
            )
        if self.min_baseline < 1 or self.fail_runs < 1:
            raise ConfigError(
                f"min baseline {self.min_baseline!r} and fail runs {self.fail_runs!r} "
                "must be at least 1, e.g. 5 and 3"
            )

    @property
    def history(self) -> timedelta:
        """How far back the rule reads runs."""
        return timedelta(days=7 * self.weeks + self.recent_days)


@dataclass(frozen=True, slots=True)
class DayCount:
    """New articles and events one source gave on one day (UTC, by run start)."""

    day: date
    articles: int
    events: int


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """One source's state and the figures behind it."""

    source: str
    kind: str
    state: SourceState
    reason: str
    recent_articles: int
    usual_articles: float | None  # the median of earlier weeks; None while too new
    runs: int
    consecutive_failures: int
    last_run: datetime
    last_article: datetime | None  # the last run that stored a new article
    newest_published: date | None
    last_error: str | None
    last_error_at: datetime | None
    days: tuple[DayCount, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (ISO times)."""
        return {
            "source": self.source,
            "kind": self.kind,
            "state": self.state.value,
            "reason": self.reason,
            "recent_articles": self.recent_articles,
            "usual_articles": self.usual_articles,
            "runs": self.runs,
            "consecutive_failures": self.consecutive_failures,
            "last_run": _iso(self.last_run),
            "last_article": _iso(self.last_article),
            "newest_published": _iso(self.newest_published),
            "last_error": self.last_error,
            "last_error_at": _iso(self.last_error_at),
            "days": [
                {"day": d.day.isoformat(), "articles": d.articles, "events": d.events}
                for d in self.days
            ],
        }


@dataclass(frozen=True, slots=True)
class HealthReport:
    """Every source seen in the rule's history, worst first, and the overall verdict."""

    checked_at: datetime
    rule: HealthRule
    sources: tuple[SourceHealth, ...]

    @property
    def alerts(self) -> tuple[SourceHealth, ...]:
        """The sources someone should look at."""
        return tuple(s for s in self.sources if s.state.alerts)

    @property
    def status(self) -> str:
        """``ok``, or ``alert`` when any source is quiet, failing or stale."""
        return "alert" if self.alerts else "ok"

    @property
    def exit_code(self) -> int:
        """0 when every source is fine, 1 when any needs a look (for cron)."""
        return 1 if self.alerts else 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: what ``/health`` and ``tracker sources --format json`` print."""
        r = self.rule
        return {
            "status": self.status,
            "checked_at": _iso(self.checked_at),
            "rule": {
                "recent_days": r.recent_days,
                "weeks": r.weeks,
                "quiet_ratio": r.quiet_ratio,
                "min_baseline": r.min_baseline,
                "fail_runs": r.fail_runs,
            },
            "alerts": len(self.alerts),
            "sources": [s.to_dict() for s in self.sources],
        }


def source_health(
    store: Store, *, rule: HealthRule | None = None, now: datetime | None = None
) -> HealthReport:
    """Judge every source the store has runs for (see the module docstring for the rule).

    Examples
    --------
    >>> from tracker.store import open_store
    >>> source_health(open_store("sqlite://")).status
    'ok'
    """
    rule = rule or HealthRule()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    runs = store.source_runs(since=now - rule.history)
    return judge_runs(runs, rule=rule, now=now)


def judge_runs(runs: Iterable[SourceRun], *, rule: HealthRule, now: datetime) -> HealthReport:
    """The report for ``runs`` (oldest first) as of ``now``: the pure part of the rule."""
    by_source: dict[str, list[SourceRun]] = {}
    for run in runs:
        by_source.setdefault(run.source, []).append(run)
    judged = [_judge(name, rs, rule=rule, now=now) for name, rs in by_source.items()]
    order = {SourceState.FAILING: 0, SourceState.QUIET: 1, SourceState.STALE: 2}
    judged.sort(key=lambda s: (order.get(s.state, 3), s.source))
    return HealthReport(checked_at=now, rule=rule, sources=tuple(judged))


def _judge(
    name: str, runs: Sequence[SourceRun], *, rule: HealthRule, now: datetime
) -> SourceHealth:
    window = timedelta(days=rule.recent_days)
    recent = _articles_between(runs, now - window, now)
    usual = _usual(runs, rule=rule, now=now)
    failures = _consecutive_failures(runs)
    last = runs[-1]
    state, reason = _verdict(runs, recent, usual, failures, rule=rule, now=now)
    errors = [r for r in runs if r.error]
    new_articles = [r for r in runs if r.articles_new]
    published = [r.newest_published for r in runs if r.newest_published]
    return SourceHealth(
        source=name,
        kind=_kind(runs),
        state=state,
        reason=reason,
        recent_articles=recent,
        usual_articles=usual,
        runs=len(runs),
        consecutive_failures=failures,
        last_run=last.started_at,
        last_article=new_articles[-1].started_at if new_articles else None,
        newest_published=max(published) if published else None,
        last_error=errors[-1].error if errors else None,
        last_error_at=errors[-1].started_at if errors else None,
        days=_days(runs, days=rule.chart_days, now=now),
    )


def _verdict(
    runs: Sequence[SourceRun],
    recent: int,
    usual: float | None,
    failures: int,
    *,
    rule: HealthRule,
    now: datetime,
) -> tuple[SourceState, str]:
    if failures >= rule.fail_runs:
        return SourceState.FAILING, f"the last {failures} runs could not read it: {runs[-1].error}"
    since_read = now - max(r.started_at for r in runs)
    if since_read > timedelta(days=rule.recent_days):
        return SourceState.STALE, f"no run has read it for {since_read.days} days"
    if usual is None:
        return SourceState.NEW, "fewer than two earlier weeks of runs to compare with"
    if usual >= rule.min_baseline and recent <= usual * rule.quiet_ratio:
        return SourceState.QUIET, (
            f"{recent} new articles in the last {rule.recent_days} days against "
            f"{usual:g} usually in the same days of the week"
        )
    return SourceState.OK, f"{recent} new articles in the last {rule.recent_days} days"


def _articles_between(runs: Sequence[SourceRun], start: datetime, end: datetime) -> int:
    return sum(r.articles_new for r in runs if start < r.started_at <= end)


def _usual(runs: Sequence[SourceRun], *, rule: HealthRule, now: datetime) -> float | None:
    """The median of the same window in earlier weeks in which the source was already read."""
    window = timedelta(days=rule.recent_days)
    first = runs[0].started_at
    counts = []
    for week in range(1, rule.weeks + 1):
        end = now - timedelta(weeks=week)
        if first > end - window:
            continue  # the source was not followed for the whole of that window yet
        counts.append(_articles_between(runs, end - window, end))
    return float(statistics.median(counts)) if len(counts) >= 2 else None


def _consecutive_failures(runs: Sequence[SourceRun]) -> int:
    count = 0
    for run in reversed(runs):
        if run.status is not RunStatus.FAILED:
            break
        count += 1
    return count


def _kind(runs: Sequence[SourceRun]) -> str:
    # A URL that failed before it was read says "url"; an earlier run may know better.
    known = [r.kind.value for r in runs if r.kind.value != "url"]
    return known[-1] if known else runs[-1].kind.value


def _days(runs: Sequence[SourceRun], *, days: int, now: datetime) -> tuple[DayCount, ...]:
    today = now.date()
    first = today - timedelta(days=days - 1)
    totals = {first + timedelta(days=i): [0, 0] for i in range(days)}
    for r in runs:
        day = r.started_at.astimezone(UTC).date()
        if day in totals:
            totals[day][0] += r.articles_new
            totals[day][1] += r.events_added
    return tuple(DayCount(d, a, e) for d, (a, e) in totals.items())


def _iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()
