"""``tracker sources``: which sources went quiet or keep failing (exit 1 when any did)."""

from __future__ import annotations

import json
import sys

import click

from tracker.app import App
from tracker.cli.common import database_access, emit, handle_errors
from tracker.settings import Access

COLUMNS = ("source", "kind", "state", "recent", "usual", "last_run", "last_article", "last_error")


@click.command("sources")
@click.option(
    "--recent-days",
    type=int,
    default=3,
    show_default=True,
    help="The window judged: new articles in the last N days (1-7).",
)
@click.option(
    "--weeks",
    type=int,
    default=4,
    show_default=True,
    help="Earlier weeks whose same window gives the usual level (median).",
)
@click.option(
    "--quiet-ratio",
    type=float,
    default=0.2,
    show_default=True,
    help="Quiet when the window has at most this share of the usual level.",
)
@click.option(
    "--min-baseline",
    type=int,
    default=5,
    show_default=True,
    help="Sources usually giving fewer articles per window are never called quiet.",
)
@click.option(
    "--fail-runs",
    type=int,
    default=3,
    show_default=True,
    help="Failing when this many last runs could not read the source.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table to read; json (the same document as /health) or csv.",
)
@click.pass_obj
@handle_errors
@database_access(Access.READ)
def sources(
    app: App,
    recent_days: int,
    weeks: int,
    quiet_ratio: float,
    min_baseline: int,
    fail_runs: int,
    fmt: str,
) -> None:
    """Report each source's health from the recorded ingest runs; exit 1 if any needs a look.

    A source is quiet when its new articles of the last --recent-days are far
    below the median of the same days of the week in the previous --weeks
    weeks, failing when its last --fail-runs runs could not read it, stale when
    no run has read it for --recent-days. Exit status: 0 all fine, 1 some
    source quiet, failing or stale (named on stderr), so cron can alert.

    \b
    Example:
      tracker sources
      tracker sources --format json --recent-days 2
      0 8 * * * tracker sources > /dev/null || mail -s "tracker: a source went quiet" desk
    """
    from tracker.serve.health import HealthRule, source_health

    rule = HealthRule(
        recent_days=recent_days,
        weeks=weeks,
        quiet_ratio=quiet_ratio,
        min_baseline=min_baseline,
        fail_runs=fail_runs,
    )
    report = source_health(app.store, rule=rule)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        emit((_row(s.to_dict()) for s in report.sources), fmt, columns=COLUMNS)
    for source in report.alerts:
        click.echo(f"{source.state.value}: {source.source}: {source.reason}", err=True)
    sys.exit(report.exit_code)


def _row(data: dict[str, object]) -> dict[str, object]:
    return {
        **data,
        "recent": data["recent_articles"],
        "usual": data["usual_articles"],
        "last_run": str(data["last_run"] or "")[:16],
        "last_article": str(data["last_article"] or "never")[:16],
    }
