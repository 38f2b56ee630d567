"""The small HTML page of source health (``/sources``): every value escaped, no script."""

from __future__ import annotations

from html import escape

from tracker.serve.health import HealthReport, SourceHealth

__all__ = ["sources_page"]

_STYLE = (
    "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse}td,th{padding:.3em .6em;border-bottom:1px solid #ddd;"
    "text-align:left;vertical-align:top}.quiet,.failing,.stale{background:#fde2e1}"
    ".new{color:#666}.bars{font-family:monospace;white-space:pre}"
)
_BARS = " ▁▂▃▄▅▆▇█"


def sources_page(report: HealthReport) -> str:
    """The page: the verdict, then one row per source, worst first."""
    rule = report.rule
    alerts = len(report.alerts)
    verdict = f"{alerts} source(s) need a look" if alerts else "Every source is publishing as usual"
    rows = "".join(_row(s) for s in report.sources) or (
        '<tr><td colspan="8">No ingest run has been recorded yet.</td></tr>'
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Source health</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>Source health</h1><p><strong>{escape(verdict)}</strong> "
        f"(checked {escape(report.checked_at.strftime('%Y-%m-%d %H:%M UTC'))}).</p>"
        f"<p>Quiet: at most {rule.quiet_ratio:.0%} of the usual new articles in the last "
        f"{rule.recent_days} days, the usual being the median of the same days in the previous "
        f"{rule.weeks} weeks. Failing: the last {rule.fail_runs} runs could not read it. "
        '<a href="/health">JSON</a></p>'
        "<table><thead><tr><th>Source</th><th>Kind</th><th>State</th><th>Why</th>"
        "<th>Articles per day (14 days)</th><th>Last run</th><th>Last new article</th>"
        "<th>Last error</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></body></html>"
    )


def _row(source: SourceHealth) -> str:
    most = max((d.articles for d in source.days), default=0)
    bars = "".join(_bar(d.articles, most) for d in source.days)
    counts = ", ".join(
        f"{d.day:%m-%d}: {d.articles} articles, {d.events} events" for d in source.days
    )
    cells = (
        escape(source.source),
        escape(source.kind),
        escape(source.state.value),
        escape(source.reason),
        f'<span class="bars" title="{escape(counts, quote=True)}">{escape(bars)}</span>',
        escape(_time(source.last_run)),
        escape(_time(source.last_article)),
        escape(source.last_error or ""),
    )
    tds = "".join(f"<td>{c}</td>" for c in cells)
    return f'<tr class="{escape(source.state.value, quote=True)}">{tds}</tr>'


def _bar(value: int, most: int) -> str:
    if not most:
        return _BARS[0]
    return _BARS[round(value / most * (len(_BARS) - 1))]


def _time(value: object) -> str:
    if value is None:
        return "never"
    return value.strftime("%Y-%m-%d %H:%M")  # type: ignore[attr-defined]
