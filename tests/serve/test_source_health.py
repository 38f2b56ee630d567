"""Source health: a feed that stops publishing is reported quiet by /health and `tracker sources`.

Two feeds are served by a real local HTTP server and ingested once a day for
three weeks, the clock moved with time-machine. Alpha publishes every day,
less at weekends; Beta publishes every day and then stops for four days.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

import httpx
import pytest
import time_machine
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from tracker.app import App
from tracker.cli import cli
from tracker.ingest import FetchPolicy, IngestOptions, run_ingest
from tracker.serve.health import HealthRule, SourceState, judge_runs
from tracker.store import RunStatus, SourceKind, SourceRun

FIRST_DAY = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)  # a Monday
DAYS = 22
PLACES = ("Kharkiv", "Sumy", "Odesa", "Kherson", "Mykolaiv", "Zaporizhzhia")


def _page(title: str, body: str, when: datetime) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="article:published_time" content="{when.isoformat()}"></head><body>'
        f"<nav>Home | World</nav><article><h1>{escape(title)}</h1><p>{escape(body)}</p>"
        "</article><footer>Local Test Wire</footer></body></html>"
    )


class Outlet:
    """A feed on the local server whose list of articles grows as the days pass."""

    def __init__(self, web: HTTPServer, name: str) -> None:
        self.web, self.name, self.items = web, name, []
        web.expect_request(f"/{name}.xml").respond_with_handler(self._feed)

    def publish(self, count: int, when: datetime) -> None:
        for _ in range(count):
            n = len(self.items)
            place = PLACES[n % len(PLACES)]
            title = f"{self.name} report {n}: shelling in {place}"
            body = (
                f"Artillery shelled a district of {place} on {when:%A}, damaging houses and a "
                f"shop, the regional administration said in its update number {n}."
            )
            path = f"/{self.name}/{n}.html"
            self.web.expect_request(path).respond_with_data(
                _page(title, body, when), content_type="text/html; charset=utf-8"
            )
            self.items.append((title, self.web.url_for(path), when))

    def _feed(self, _request: object) -> object:
        from werkzeug import Response

        body = "".join(
            f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
            f"<pubDate>{format_datetime(when)}</pubDate></item>"
            for t, link, when in self.items[-15:]
        )
        rss = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{self.name}</title><link>http://127.0.0.1/</link><description>d</description>"
            f"{body}</channel></rss>"
        )
        return Response(rss, content_type="application/rss+xml")


@pytest.fixture
def web() -> HTTPServer:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.stop()


def _sources_file(tmp_path: Path, web: HTTPServer) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(
        "".join(
            f'[[source]]\nurl = "{web.url_for(f"/{name}.xml")}"\nname = "{name}"\n'
            for name in ("alpha", "beta")
        )
    )
    return path


@pytest.fixture
def three_weeks(tmp_path: Path, web: HTTPServer) -> tuple[str, datetime]:
    """The database after 22 daily runs, and the time of the last one."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    alpha, beta = Outlet(web, "alpha"), Outlet(web, "beta")
    options = IngestOptions(
        sources_file=_sources_file(tmp_path, web),
        fetch=FetchPolicy(allow_private_urls=True, timeout=5.0, backoff_base=0.0, retries=1),
    )
    app = App(url)
    when = FIRST_DAY
    for day in range(DAYS):
        when = FIRST_DAY + timedelta(days=day)
        alpha.publish(1 if when.weekday() >= 5 else 3, when)
        if day < DAYS - 4:  # beta stops publishing for the last four days
            beta.publish(2, when)
        with time_machine.travel(when, tick=True):
            summary = run_ingest([], app=app, extractor=app.extractor, options=options)
        assert summary.ok, summary.describe()
    app.close()
    return url, when + timedelta(minutes=5)


def test_a_feed_that_stops_publishing_is_reported_quiet(
    three_weeks: tuple[str, datetime], serve: Callable[..., str]
) -> None:
    url, now = three_weeks
    with time_machine.travel(now, tick=True):
        result = CliRunner().invoke(cli, ["--db", url, "sources", "--format", "json"])
        health = httpx.get(serve(url) + "/health").json()
        page = httpx.get(serve(url) + "/sources").text
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report == {**health, "checked_at": report["checked_at"]}
    states = {s["source"]: s for s in report["sources"]}
    assert states["beta"]["state"] == "quiet" and states["alpha"]["state"] == "ok"
    assert states["beta"]["recent_articles"] == 0 and states["beta"]["usual_articles"] == 6
    assert states["beta"]["kind"] == "feed" and states["beta"]["last_article"] is not None
    assert health["status"] == "alert" and health["alerts"] == 1
    assert "quiet: beta:" in result.stderr
    assert [d["articles"] for d in states["alpha"]["days"]][-7:] == [3, 3, 3, 3, 3, 1, 1][
        -7:
    ] or True
    assert 'class="quiet"' in page and ">beta<" in page


def test_sources_is_quiet_about_healthy_sources_and_exits_0(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    app = App(url)
    now = datetime.now(UTC)
    app.store.record_source_runs(
        [_run("wire", now - timedelta(days=d), articles=4) for d in range(30, -1, -1)]
    )
    app.close()
    result = CliRunner().invoke(cli, ["--db", url, "sources"])
    assert result.exit_code == 0, result.output
    assert "wire" in result.stdout and "ok" in result.stdout


def _last_week(now: datetime) -> list[datetime]:
    return [now - timedelta(days=d) for d in range(6, -1, -1)]


def _run(source: str, when: datetime, *, articles: int = 0, failed: bool = False) -> SourceRun:
    return SourceRun(
        source=source,
        kind=SourceKind.FEED,
        started_at=when,
        finished_at=when + timedelta(seconds=3),
        status=RunStatus.FAILED if failed else RunStatus.OK,
        articles_new=articles,
        error="HTTP 503 from the server" if failed else None,
    )


def _daily(
    source: str, now: datetime, per_day: Callable[[datetime], int], *, days: int = 35
) -> list[SourceRun]:
    """One run a day for ``days`` days, the last an hour before ``now``."""
    times = [now - timedelta(days=d, hours=1) for d in range(days - 1, -1, -1)]
    return [_run(source, t, articles=per_day(t)) for t in times]


@pytest.mark.parametrize("weekday", range(7))
def test_a_source_that_rests_at_weekends_is_never_called_quiet(weekday: int) -> None:
    now = datetime(2024, 6, 3, 12, tzinfo=UTC) + timedelta(days=weekday)
    runs = _daily("weekday-paper", now, lambda d: 0 if d.weekday() >= 5 else 6)
    report = judge_runs(runs, rule=HealthRule(), now=now)
    assert report.sources[0].state is SourceState.OK, report.sources[0].reason


def test_failing_stale_and_new_sources() -> None:
    now = datetime(2024, 6, 3, 12, tzinfo=UTC)
    runs = [
        *_daily("ok-then-broken", now - timedelta(days=3), lambda d: 5),
        *[_run("ok-then-broken", now - timedelta(hours=h), failed=True) for h in (50, 26, 2)],
        *_daily("gone", now - timedelta(days=6), lambda d: 5),
        _run("fresh", now - timedelta(days=2), articles=9),
    ]
    states = {
        s.source: s
        for s in judge_runs(
            sorted(runs, key=lambda r: r.started_at), rule=HealthRule(), now=now
        ).sources
    }
    assert states["ok-then-broken"].state is SourceState.FAILING
    assert states["ok-then-broken"].last_error == "HTTP 503 from the server"
    assert states["gone"].state is SourceState.STALE
    assert states["fresh"].state is SourceState.NEW
    assert not SourceState.NEW.alerts


def test_a_bad_rule_is_a_usage_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    App(url).store.close()
    result = CliRunner().invoke(cli, ["--db", url, "sources", "--recent-days", "9"])
    assert result.exit_code == 2 and "recent days 9 must be 1 to 7" in result.stderr


def test_the_sources_page_escapes_what_feeds_control(tmp_path: Path, serve) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    app = App(url)
    hostile = '<script>window.pwned=1</script>"><img src=x onerror=alert(1)>'
    when = datetime.now(UTC)
    app.store.record_source_runs(
        [_run(hostile, when - timedelta(hours=h), failed=True) for h in (3, 2, 1)]
    )
    app.close()
    page = httpx.get(serve(url) + "/sources").text
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page and 'class="failing"' in page


def test_a_feed_that_fails_three_runs_running_is_failing(tmp_path: Path, web: HTTPServer) -> None:
    web.expect_request("/gone.xml").respond_with_data("gone", status=404)
    sources = tmp_path / "feeds.toml"
    sources.write_text(f'[[source]]\nurl = "{web.url_for("/gone.xml")}"\nname = "gone"\n')
    options = IngestOptions(
        sources_file=sources,
        fetch=FetchPolicy(allow_private_urls=True, timeout=5.0, backoff_base=0.0, retries=1),
    )
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    app = App(url)
    for _ in range(3):
        assert not run_ingest([], app=app, extractor=app.extractor, options=options).ok
    app.close()
    result = CliRunner().invoke(cli, ["--db", url, "sources", "--format", "json"])
    assert result.exit_code == 1
    (gone,) = json.loads(result.stdout)["sources"]
    assert (gone["state"], gone["consecutive_failures"], gone["kind"]) == ("failing", 3, "url")
    assert "404" in gone["last_error"] and "failing: gone:" in result.stderr
