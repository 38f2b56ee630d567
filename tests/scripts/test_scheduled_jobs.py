"""The scheduled jobs as cron runs them: real processes, a real local server, a real database.

Waiting here is for events (a request reached, a row written), never a timed
assertion; the deadlines only stop a broken test from hanging forever.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tracker.ingest.urls import canonicalize_url
from tracker.model import EventFilter
from tracker.store import open_store

pytestmark = pytest.mark.slow  # real processes: each start loads the gazetteer

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
DEADLINE = 120.0
PLACES = ["Kharkiv", "Odesa", "Sumy", "Kherson", "Mykolaiv", "Zaporizhzhia"]


def _story(place: str) -> str:
    return (
        f"<html lang='en'><head><title>Shelling in {place}</title></head><body><article>"
        f"<h1>Shelling in {place}</h1><p>Russian artillery shelled residential areas of "
        f"{place} on Monday, killing one civilian and wounding three, regional officials "
        "said. Firefighters put out blazes in two apartment blocks before dawn.</p>"
        "</article></body></html>"
    )


def _feed(urls: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{escape(u)}</link>"
        f"<pubDate>Mon, 02 May 2022 0{i % 10}:00:00 +0300</pubDate></item>"
        for i, u in enumerate(urls)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}</channel></rss>"
    )


class Site:
    """A news site with one feed; one page can be made to hang until released."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.reached = threading.Event()
        self.release = threading.Event()
        self.hang_on: str | None = None
        self.urls = [server.url_for(f"/news/{p.lower()}") for p in PLACES]
        server.expect_request("/rss").respond_with_handler(self._rss)
        for place in PLACES:
            server.expect_request(f"/news/{place.lower()}").respond_with_handler(self._page(place))

    def _rss(self, request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        body = _feed(self.urls)
        return Response(body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    def _page(self, place: str):
        def handler(request: Request) -> Response:
            if request.path == self.hang_on:
                self.reached.set()
                self.release.wait(DEADLINE)
            return Response(_story(place), content_type="text/html; charset=utf-8")

        return handler

    def paths(self) -> list[str]:
        return sorted(request.path for request, _ in self.server.log)


@pytest.fixture
def site() -> Iterator[Site]:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    site = Site(server)
    yield site
    site.release.set()
    server.clear()
    server.stop()


def _env(tmp_path: Path, name: str = "tracker.db") -> dict[str, str]:
    return {
        **os.environ,
        "TRACKER_HOME": str(tmp_path / "home"),
        "TRACKER_DB": f"sqlite:///{tmp_path / name}",
    }


def _sources(tmp_path: Path, site: Site) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(
        f'[[source]]\nurl = "{site.server.url_for("/rss")}"\noutlet = "Test Post"\n',
        encoding="utf-8",
    )
    return path


def _hourly(tmp_path: Path, site: Site, *extra: str, db: str = "tracker.db") -> list[str]:
    return [
        sys.executable,
        str(SCRIPTS / "hourly_ingest.py"),
        "--sources",
        str(_sources(tmp_path, site)),
        "--allow-private-urls",
        *extra,
    ]


def _run(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=DEADLINE)


def _counts(tmp_path: Path, name: str = "tracker.db") -> tuple[int, int]:
    with open_store(f"sqlite:///{tmp_path / name}") as store:
        return store.article_count(), store.count_events(EventFilter())


def test_the_second_hourly_run_fetches_conditionally_and_adds_nothing(
    tmp_path: Path, site: Site
) -> None:
    first = _run(_hourly(tmp_path, site), _env(tmp_path))
    assert first.returncode == 0, first.stderr
    assert "Articles: 6 new" in first.stderr
    stored = _counts(tmp_path)
    assert stored[0] == 6 and stored[1] > 0
    site.server.clear_log()

    second = _run(_hourly(tmp_path, site), _env(tmp_path))
    assert second.returncode == 0, second.stderr
    assert "Articles: 0 new" in second.stderr
    assert "1 unchanged since last run" in second.stderr
    [(request, response)] = site.server.log  # only the feed, and it was not modified
    assert (request.path, request.headers.get("If-None-Match"), response.status_code) == (
        "/rss",
        '"v1"',
        304,
    )
    assert _counts(tmp_path) == stored

    # the jobs that follow an ingest: the nightly export and the map re-render
    exported = _run(
        [sys.executable, str(SCRIPTS / "nightly_export.py"), str(tmp_path / "e.geojson")],
        _env(tmp_path),
    )
    assert exported.returncode == 0, exported.stderr
    features = json.loads((tmp_path / "e.geojson").read_text())["features"]
    assert len(features) == stored[1]
    rendered = _run(
        [sys.executable, str(SCRIPTS / "render_maps.py"), str(tmp_path / "m.html")], _env(tmp_path)
    )
    assert rendered.returncode == 0, rendered.stderr
    assert "leaflet" in (tmp_path / "m.html").read_text().lower()


def test_a_run_killed_midway_is_completed_exactly_once_by_the_next(
    tmp_path: Path, site: Site
) -> None:
    site.hang_on = "/news/kherson"  # the fourth entry
    log = tmp_path / "run1.jsonl"
    one_at_a_time = ["--workers", "1", "--per-host", "1", "--log-jsonl", str(log)]
    run = subprocess.Popen(
        _hourly(tmp_path, site, *one_at_a_time), env=_env(tmp_path), stderr=subprocess.DEVNULL
    )
    try:
        assert site.reached.wait(DEADLINE), "the run never reached the hanging page"
        _wait_for_fetch_state(tmp_path, canonicalize_url(site.urls[2]))
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait()
        site.release.set()
    done_before = {json.loads(line).get("url") for line in log.read_text().splitlines()}
    # the first three entries, nothing half-written (the log says what happened if not)
    assert _counts(tmp_path)[0] == 3, log.read_text()
    site.server.clear_log()

    second = _run(_hourly(tmp_path, site), _env(tmp_path))
    assert second.returncode == 0, second.stderr
    assert "Articles: 3 new" in second.stderr and "3 already seen" in second.stderr
    refetched = {f"/news/{p.lower()}" for p in PLACES[3:]}
    assert site.paths() == sorted({"/rss", *refetched})
    assert not {canonicalize_url(u) for u in site.urls[:3]} - done_before

    # the same articles ingested in one uninterrupted run give the same database
    site.hang_on = None
    fresh = _run(_hourly(tmp_path, site, db="fresh.db"), _env(tmp_path, "fresh.db"))
    assert fresh.returncode == 0, fresh.stderr
    assert _counts(tmp_path) == _counts(tmp_path, "fresh.db")


def test_an_overlapping_run_exits_3_and_does_nothing(tmp_path: Path, site: Site) -> None:
    site.hang_on = "/news/odesa"
    env = _env(tmp_path)
    first = subprocess.Popen(_hourly(tmp_path, site), env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert site.reached.wait(DEADLINE)
        overlap = _run(_hourly(tmp_path, site), env)
    finally:
        site.release.set()
        _, first_err = first.communicate(timeout=DEADLINE)
    assert overlap.returncode == 3
    assert "job 'hourly-ingest' is already running" in overlap.stderr
    assert f"pid {first.pid}" in overlap.stderr
    assert first.returncode == 0, first_err


def _wait_for_fetch_state(tmp_path: Path, url: str) -> None:
    """Until the killed run has fully stored ``url`` (its fetch state is written last)."""
    stop = time.monotonic() + DEADLINE
    while time.monotonic() < stop:
        with open_store(f"sqlite:///{tmp_path / 'tracker.db'}") as store:
            if store.get_fetch_state(url) is not None:
                return
        time.sleep(0.05)
    pytest.fail(f"{url} was never stored by the first run")


def test_the_other_jobs_are_thin_wrappers_with_help() -> None:
    for script, command in (("render_maps.py", "map"), ("nightly_export.py", "export")):
        result = subprocess.run(
            [sys.executable, str(SCRIPTS / script), "--help"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert f"Usage: tracker {command}" in result.stdout
