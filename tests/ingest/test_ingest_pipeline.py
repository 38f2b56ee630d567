"""run_ingest end to end: real readers, real local server, real store and extractor."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ingest_pages import ARTICLES, article_html, rss
from pytest_httpserver import HTTPServer
from raw_servers import Scripted, trickle
from werkzeug import Request, Response

from tracker.app import App
from tracker.errors import ConfigError, InputError, LockedError, StaleLockError
from tracker.ingest import FetchPolicy, IngestOptions, run_ingest
from tracker.ingest.lock import job_lock
from tracker.model import EventFilter

DATES = {
    "kharkiv": "Mon, 02 May 2022 09:00:00 +0300",
    "odesa": "Tue, 03 May 2022 23:40:00 +0300",
    "sumy": "Wed, 04 May 2022 10:00:00 +0300",
    "kherson": "Thu, 05 May 2022 18:00:00 +0300",
}


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    app = App(f"sqlite:///{tmp_path / 'tracker.db'}")
    yield app
    app.close()


@pytest.fixture
def options(tmp_path: Path, policy: FetchPolicy) -> IngestOptions:
    return IngestOptions(
        fetch=policy, lock_dir=tmp_path / "locks", log_jsonl=tmp_path / "log.jsonl"
    )


def _serve_site(
    web: HTTPServer, keys: list[str], *, feed_path: str = "/rss", etag: str = '"feed-v1"'
) -> str:
    for key in keys:
        web.expect_request(f"/news/{key}").respond_with_data(
            article_html(key), content_type="text/html; charset=utf-8"
        )
    items = [(ARTICLES[k][0], web.url_for(f"/news/{k}"), DATES[k]) for k in keys]
    _serve_feed(web, feed_path, rss(items), etag=etag)
    return web.url_for(feed_path)


def _serve_feed(web: HTTPServer, path: str, body: str, *, etag: str = '"feed-v1"') -> None:
    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type="application/rss+xml", headers={"ETag": etag})

    web.expect_request(path).respond_with_handler(handler)


def _paths(web: HTTPServer) -> list[str]:
    return [request.path for request, _ in web.log]


def _log(tmp_path: Path) -> list[dict[str, object]]:
    lines = (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_local_folder_then_again_adds_nothing(
    tmp_path: Path, app: App, options: IngestOptions
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for key, (title, body) in ARTICLES.items():
        (folder / f"{key}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    opts = dataclasses.replace(options, published=date_(2022, 5, 2))
    first = run_ingest([str(folder)], app=app, extractor=app.extractor, options=opts)
    assert (first.sources_read, first.articles_new, first.exit_code) == (4, 4, 0)
    assert first.events_added > 0
    events = app.store.count_events(EventFilter())
    second = run_ingest([str(folder)], app=app, extractor=app.extractor, options=opts)
    assert (second.articles_new, second.articles_unchanged, second.events_added) == (0, 4, 0)
    assert app.store.count_events(EventFilter()) == events
    assert app.store.article_count() == 4


def test_feed_then_second_run_is_a_conditional_304(
    tmp_path: Path, web: HTTPServer, app: App, options: IngestOptions
) -> None:
    feed = _serve_site(web, ["kharkiv", "odesa", "sumy"])
    first = run_ingest([feed], app=app, extractor=app.extractor, options=options)
    assert (first.articles_new, first.sources_read, first.failures) == (3, 1, ())
    assert first.events_added > 0
    assert sorted(_paths(web)) == ["/news/kharkiv", "/news/odesa", "/news/sumy", "/rss"]
    web.clear_log()
    second = run_ingest([feed], app=app, extractor=app.extractor, options=options)
    assert (second.articles_new, second.sources_unchanged, second.events_added) == (0, 1, 0)
    assert _paths(web) == ["/rss"]
    assert web.log[0][0].headers.get("If-None-Match") == '"feed-v1"'
    assert web.log[0][1].status_code == 304


def test_a_server_ignoring_conditionals_costs_no_page_fetches(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    web.expect_request("/news/sumy").respond_with_data(
        article_html("sumy"), content_type="text/html"
    )
    body = rss([(ARTICLES["sumy"][0], web.url_for("/news/sumy"), DATES["sumy"])])
    web.expect_request("/plain-rss").respond_with_data(body, content_type="application/rss+xml")
    run_ingest([web.url_for("/plain-rss")], app=app, extractor=app.extractor, options=options)
    web.clear_log()
    again = run_ingest(
        [web.url_for("/plain-rss")], app=app, extractor=app.extractor, options=options
    )
    assert _paths(web) == ["/plain-rss"]
    assert (again.articles_new, again.sources_unchanged) == (0, 1)


def test_new_entries_are_the_only_pages_fetched(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    feed = _serve_site(web, ["kharkiv", "odesa"], feed_path="/grow")
    run_ingest([feed], app=app, extractor=app.extractor, options=options)
    web.clear()
    _serve_site(web, ["kharkiv", "odesa", "kherson"], feed_path="/grow", etag='"feed-v2"')
    web.clear_log()
    later = run_ingest([feed], app=app, extractor=app.extractor, options=options)
    assert sorted(_paths(web)) == ["/grow", "/news/kherson"]
    assert (later.articles_new, later.articles_skipped) == (1, 2)


def test_duplicates_with_tracking_parameters_are_fetched_once(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    web.expect_request("/news/odesa").respond_with_data(
        article_html("odesa"), content_type="text/html"
    )
    link = web.url_for("/news/odesa")
    body = rss(
        [
            ("Drone", f"{link}?utm_source=rss&utm_medium=feed", DATES["odesa"]),
            ("Drone (again)", f"{link}?fbclid=XYZ#comments", DATES["odesa"]),
            ("Drone (plain)", link, DATES["odesa"]),
        ]
    )
    web.expect_request("/dups").respond_with_data(body, content_type="application/rss+xml")
    summary = run_ingest([web.url_for("/dups")], app=app, extractor=app.extractor, options=options)
    assert _paths(web).count("/news/odesa") == 1
    assert (summary.articles_new, summary.articles_skipped) == (1, 2)
    assert app.store.article_count() == 1


def test_bad_entries_fail_by_name_and_the_rest_is_stored(
    tmp_path: Path, web: HTTPServer, app: App, options: IngestOptions
) -> None:
    web.expect_request("/news/kherson").respond_with_data(
        article_html("kherson"), content_type="text/html"
    )
    web.expect_request("/pdf").respond_with_data(b"%PDF-1.5\n...", content_type="text/html")
    web.expect_request("/png").respond_with_data(b"\x89PNG\r\n\x1a\n....", content_type="text/html")
    web.expect_request("/huge").respond_with_data(b"<p>" + b"x" * 40_000, content_type="text/html")
    web.expect_request("/missing").respond_with_data("no", status=404)
    web.expect_request("/down").respond_with_data("down", status=500)
    web.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    items = [
        (p, web.url_for(p), DATES["kherson"])
        for p in ("/pdf", "/png", "/huge", "/missing", "/down", "/loop")
    ]
    items += [("File", "file:///etc/passwd", DATES["kherson"])]
    items += [("Kherson", web.url_for("/news/kherson"), DATES["kherson"])]
    web.expect_request("/mixed").respond_with_data(rss(items), content_type="application/rss+xml")
    small = dataclasses.replace(options, fetch=dataclasses.replace(options.fetch, max_bytes=20_000))
    summary = run_ingest([web.url_for("/mixed")], app=app, extractor=app.extractor, options=small)
    assert summary.articles_new == 1
    assert summary.exit_code == 1
    failed = {f.origin.rsplit("/", 1)[-1]: f.message for f in summary.failures}
    assert set(failed) == {"pdf", "png", "huge", "missing", "down", "loop", "passwd"}
    assert "PDF" in failed["pdf"] and "PNG" in failed["png"]
    assert "--max-bytes" in failed["huge"]
    assert "HTTP 404" in failed["missing"] and "HTTP 500" in failed["down"]
    assert "redirected more than" in failed["loop"]
    assert "only http:// and https://" in failed["passwd"]
    failures = [r for r in _log(tmp_path) if r["event"] == "failure"]
    assert len(failures) == 7


def test_a_feed_with_failures_is_read_again_next_run(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    feed = _serve_site(web, ["kharkiv"], feed_path="/flaky")
    web.clear()
    web.expect_request("/news/kharkiv").respond_with_data(
        article_html("kharkiv"), content_type="text/html"
    )
    web.expect_request("/news/sumy").respond_with_data("busy", status=503)
    items = [(ARTICLES[k][0], web.url_for(f"/news/{k}"), DATES[k]) for k in ("kharkiv", "sumy")]
    _serve_feed(web, "/flaky", rss(items))
    first = run_ingest([feed], app=app, extractor=app.extractor, options=options)
    assert (first.articles_new, first.articles_failed) == (1, 1), first.describe()
    web.clear()
    web.expect_request("/news/sumy").respond_with_data(
        article_html("sumy"), content_type="text/html"
    )
    _serve_feed(web, "/flaky", rss(items))
    second = run_ingest([feed], app=app, extractor=app.extractor, options=options)
    # the feed's ETag was not trusted after a failure: it is read in full, the
    # stored entry is skipped and only the failed one is fetched again
    assert sorted(_paths(web)) == ["/flaky", "/news/sumy"]
    assert (second.articles_new, second.articles_skipped, second.exit_code) == (1, 1, 0)


def test_an_article_url_source_is_conditional_too(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    def page(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"p1"':
            return Response(status=304)
        return Response(article_html("sumy"), content_type="text/html", headers={"ETag": '"p1"'})

    web.expect_request("/story").respond_with_handler(page)
    url = web.url_for("/story") + "?utm_source=newsletter"
    assert run_ingest([url], app=app, extractor=app.extractor, options=options).articles_new == 1
    again = run_ingest([url], app=app, extractor=app.extractor, options=options)
    assert (again.articles_new, again.sources_unchanged) == (0, 1)


def test_private_addresses_need_the_flag(web: HTTPServer, app: App, options: IngestOptions) -> None:
    web.expect_request("/rss").respond_with_data(rss([]), content_type="application/rss+xml")
    strict = dataclasses.replace(options, fetch=FetchPolicy())
    summary = run_ingest([web.url_for("/rss")], app=app, extractor=app.extractor, options=strict)
    [failure] = summary.failures
    assert failure.error == "BlockedURLError"
    assert "--allow-private-urls" in failure.message
    assert web.log == []


def test_sources_file_gives_outlets(
    tmp_path: Path, web: HTTPServer, app: App, options: IngestOptions
) -> None:
    feed = _serve_site(web, ["kherson"])
    (tmp_path / "inbox").mkdir()
    line = json.dumps({"text": ARTICLES["odesa"][1], "published": "2022-05-03"})
    (tmp_path / "inbox" / "wire.jsonl").write_text(line + "\n", encoding="utf-8")
    sources = tmp_path / "feeds.toml"
    sources.write_text(
        f'[[source]]\nurl = "{feed}"\noutlet = "Test Post"\n\n'
        '[[source]]\npath = "inbox/*.jsonl"\noutlet = "Wire"\n',
        encoding="utf-8",
    )
    summary = run_ingest(
        [],
        app=app,
        extractor=app.extractor,
        options=dataclasses.replace(options, sources_file=sources),
    )
    assert summary.articles_new == 2
    outlets = {s.outlet for e in app.store.query_events(EventFilter()) for s in e.sources}
    assert outlets <= {"Test Post", "Wire"} and outlets


def test_a_held_lock_stops_the_run_before_anything_is_read(
    tmp_path: Path, app: App, options: IngestOptions
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["sumy"][1], encoding="utf-8")
    locked = dataclasses.replace(options, lock_name="hourly")
    with job_lock("hourly", directory=tmp_path / "locks"), pytest.raises(LockedError):
        run_ingest([str(tmp_path / "a.txt")], app=app, extractor=app.extractor, options=locked)
    assert (
        run_ingest(
            [str(tmp_path / "a.txt")], app=app, extractor=app.extractor, options=locked
        ).articles_new
        == 1
    )


def _answer(body: bytes, *, encoding: str) -> Callable[[socket.socket], None]:
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {encoding}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return lambda conn: conn.sendall(head.encode() + body)


def test_hostile_servers_fail_their_items_and_the_run_goes_on(
    tmp_path: Path, app: App, options: IngestOptions, web: HTTPServer
) -> None:
    """Slow headers, a stacked gzip bomb and a triple encoding: three one-line failures."""

    def slow_headers(conn: socket.socket) -> None:
        trickle(conn, b"HTTP/1.1 200 OK\r\nX-Wait: " + b"z" * 300, every=0.05, at_most=15.0)

    bomb = gzip.compress(gzip.compress(b"\0" * 30_000_000))
    triple = gzip.compress(gzip.compress(gzip.compress(b"<p>hi</p>")))
    web.expect_request("/kharkiv").respond_with_data(
        article_html("kharkiv"), content_type="text/html; charset=utf-8"
    )
    quick = dataclasses.replace(options.fetch, timeout=10.0, total_timeout=1.0, retries=2)
    with (
        Scripted(slow_headers, path="/slow") as slow,
        Scripted(_answer(bomb, encoding="gzip, gzip"), path="/bomb") as bombed,
        Scripted(_answer(triple, encoding="gzip, gzip, gzip"), path="/triple") as tripled,
    ):
        summary = run_ingest(
            [slow.url, bombed.url, tripled.url, web.url_for("/kharkiv")],
            app=app,
            extractor=app.extractor,
            options=dataclasses.replace(options, fetch=quick),
        )
    assert summary.articles_new == 1
    assert summary.exit_code == 1
    failed = {f.origin.rsplit("/", 1)[-1]: f.message for f in summary.failures}
    assert "missed its 1s deadline after 1 attempt" in failed["slow"]
    assert "10,000,000-byte limit" in failed["bomb"]
    assert "stacks 3 encodings" in failed["triple"]
    assert all("\n" not in message for message in failed.values())


def test_a_stale_lock_is_logged_for_the_health_report(
    tmp_path: Path, app: App, options: IngestOptions
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["sumy"][1], encoding="utf-8")
    locked = dataclasses.replace(options, lock_name="hourly", max_run_time=1800)
    since = (datetime.now(UTC) - timedelta(hours=3)).isoformat(timespec="seconds")
    with job_lock("hourly", directory=tmp_path / "locks") as path:
        path.write_text(f"pid {os.getpid()} since {since}\n")
        with pytest.raises(StaleLockError) as info:
            run_ingest([str(tmp_path / "a.txt")], app=app, extractor=app.extractor, options=locked)
        patient = dataclasses.replace(locked, max_run_time=6 * 3600)
        with pytest.raises(LockedError) as fresh:
            run_ingest([str(tmp_path / "a.txt")], app=app, extractor=app.extractor, options=patient)
    lines = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    [stale, ordinary] = [line for line in lines if line["event"] == "locked"]
    assert stale["stale"] is True
    assert (stale["holder_pid"], stale["holder_since"]) == (os.getpid(), since)
    assert 3 * 3600 - 60 < stale["held_for_s"] < 3 * 3600 + 60
    assert stale["max_run_s"] == 1800
    assert stale["message"] == str(info.value)
    assert stale["lock_file"] == str(tmp_path / "locks" / "hourly.lock")
    assert ordinary["stale"] is False and ordinary["message"] == str(fresh.value)
    assert [line["event"] for line in lines] == ["locked", "locked"]  # nothing else ran


def test_url_and_title_name_one_article(tmp_path: Path, app: App, options: IngestOptions) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["sumy"][1], encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLES["odesa"][1], encoding="utf-8")
    one = dataclasses.replace(options, url="https://t.example/sumy?utm_source=x", title="Sumy")
    run_ingest([str(tmp_path / "a.txt")], app=app, extractor=app.extractor, options=one)
    [event, *_] = list(app.store.query_events(EventFilter()))
    assert (event.source_url, event.source_title) == ("https://t.example/sumy", "Sumy")
    with pytest.raises(ConfigError, match="one article"):
        run_ingest([str(tmp_path)], app=app, extractor=app.extractor, options=one)


def test_missing_local_sources_fail_before_anything_is_stored(
    tmp_path: Path, app: App, options: IngestOptions
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["sumy"][1], encoding="utf-8")
    with pytest.raises(InputError, match="does not exist"):
        run_ingest(
            [str(tmp_path / "a.txt"), str(tmp_path / "typo.txt")],
            app=app,
            extractor=app.extractor,
            options=options,
        )
    assert app.store.article_count() == 0


def test_the_log_has_one_line_per_article_and_a_summary(
    tmp_path: Path, app: App, options: IngestOptions
) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [{"text": ARTICLES[k][1], "published": "2022-05-02"} for k in ("sumy", "kherson")]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    summary = run_ingest([str(path)], app=app, extractor=app.extractor, options=options)
    records = _log(tmp_path)
    assert [r["event"] for r in records] == ["start", "article", "article", "failure", "summary"]
    assert records[-1]["articles_new"] == summary.articles_new == 2
    assert records[3]["origin"] == f"{path}:3"


def date_(y: int, m: int, d: int):
    from datetime import date

    return date(y, m, d)


def test_legacy_encoded_pages_are_decoded(
    tmp_path: Path, web: HTTPServer, app: App, options: IngestOptions
) -> None:
    title = "Обстріл Харкова: загинули двоє людей"
    body = (
        "Російська артилерія обстріляла житлові квартали Харкова в понеділок, загинули двоє "
        "мирних жителів, пошкоджено школу, повідомив голова обласної адміністрації."
    )
    page = (
        '<html lang="uk"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"<title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    )
    # served with no charset in the header: the <meta> must be found and used
    web.expect_request("/uk").respond_with_data(page.encode("cp1251"), content_type="text/html")
    summary = run_ingest([web.url_for("/uk")], app=app, extractor=app.extractor, options=options)
    assert summary.articles_new == 1, summary.describe()
    [stored] = [r for r in _log(tmp_path) if r["event"] == "article"]
    assert stored["title"] == title


def test_429_then_success_and_a_slow_page_failing_alone(app: App, options: IngestOptions) -> None:
    import threading
    import time

    calls = {"n": 0}
    slow_done = threading.Event()

    def busy(_request: Request) -> Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return Response("later", status=429, headers={"Retry-After": "0"})
        return Response(article_html("sumy"), content_type="text/html")

    def slow(_request: Request) -> Response:
        time.sleep(0.5)
        slow_done.set()
        return Response(article_html("kherson"), content_type="text/html")

    # its own server: the late answer of /slow must not land in another test's log
    own = HTTPServer(host="127.0.0.1", threaded=True)
    own.start()
    try:
        own.expect_request("/busy").respond_with_handler(busy)
        own.expect_request("/slow").respond_with_handler(slow)
        items = [("Busy", own.url_for("/busy"), DATES["sumy"])]
        items += [("Slow", own.url_for("/slow"), DATES["kherson"])]
        own.expect_request("/r").respond_with_data(rss(items), content_type="application/rss+xml")
        fetch = dataclasses.replace(options.fetch, timeout=0.1, retries=1)
        summary = run_ingest(
            [own.url_for("/r")],
            app=app,
            extractor=app.extractor,
            options=dataclasses.replace(options, fetch=fetch),
        )
        slow_done.wait(10)
    finally:
        own.stop()
    assert summary.articles_new == 1
    [failure] = summary.failures
    assert failure.origin.endswith("/slow") and "timed out" in failure.message
    assert calls["n"] == 2


def test_refetch_seen_asks_again_conditionally(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    feed = _serve_site(web, ["odesa"], feed_path="/again")
    run_ingest([feed], app=app, extractor=app.extractor, options=options)
    web.clear_log()
    again = run_ingest(
        [feed],
        app=app,
        extractor=app.extractor,
        options=dataclasses.replace(options, refetch_seen=True),
    )
    assert sorted(_paths(web)) == ["/again", "/news/odesa"]
    assert (again.articles_new, again.articles_unchanged) == (0, 1)


def test_feeds_into_postgis_too(web: HTTPServer, db_url: str, options: IngestOptions) -> None:
    app = App(db_url)
    try:
        feed = _serve_site(web, ["kharkiv", "kherson"], feed_path="/pg")
        first = run_ingest([feed], app=app, extractor=app.extractor, options=options)
        assert (first.articles_new, first.exit_code) == (2, 0), first.describe()
        events = app.store.count_events(EventFilter())
        assert events > 0
        again = run_ingest([feed], app=app, extractor=app.extractor, options=options)
        assert (again.articles_new, again.sources_unchanged) == (0, 1)
        assert app.store.count_events(EventFilter()) == events
    finally:
        app.close()


def test_atom_feeds_are_read_like_rss(web: HTTPServer, app: App, options: IngestOptions) -> None:
    from ingest_pages import atom

    web.expect_request("/news/kherson").respond_with_data(
        article_html("kherson"), content_type="text/html"
    )
    body = atom(
        [(ARTICLES["kherson"][0], web.url_for("/news/kherson"), "2022-05-05T18:00:00+03:00")]
    )
    # served as plain XML: recognised as a feed by its content
    web.expect_request("/atom").respond_with_data(body, content_type="text/xml")
    summary = run_ingest([web.url_for("/atom")], app=app, extractor=app.extractor, options=options)
    assert (summary.sources_read, summary.articles_new, summary.exit_code) == (1, 1, 0)
    [event, *_] = list(app.store.query_events(EventFilter()))
    assert event.source_url == web.url_for("/news/kherson")


def test_a_huge_feed_is_fetched_a_bounded_part_per_run(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    keys = ["kharkiv", "odesa", "sumy"]
    feed = _serve_site(web, keys, feed_path="/big")
    two = dataclasses.replace(options, fetch=dataclasses.replace(options.fetch, max_entries=2))
    first = run_ingest([feed], app=app, extractor=app.extractor, options=two)
    assert (first.articles_new, first.exit_code) == (2, 0)
    web.clear_log()
    second = run_ingest(
        [feed], app=app, extractor=app.extractor, options=two
    )  # no 304: the feed was not finished
    assert (second.articles_new, second.articles_skipped) == (1, 2)
    assert sorted(_paths(web)) == ["/big", "/news/sumy"]
    web.clear_log()
    third = run_ingest([feed], app=app, extractor=app.extractor, options=two)
    assert (third.articles_new, third.sources_unchanged) == (0, 1)


def test_a_page_turned_into_a_pdf_or_paywall_loses_nothing(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    answers = iter(
        [
            Response(article_html("kharkiv"), content_type="text/html"),
            Response(b"%PDF-1.4 binary", content_type="text/html"),
            Response("<html><body><nav>Subscribe</nav></body></html>", content_type="text/html"),
        ]
    )
    web.expect_request("/story").respond_with_handler(lambda _request: next(answers))
    url = web.url_for("/story")
    assert run_ingest([url], app=app, extractor=app.extractor, options=options).articles_new == 1
    events = list(app.store.query_events(EventFilter()))
    for expected in ("PDF", "no article text"):
        summary = run_ingest([url], app=app, extractor=app.extractor, options=options)
        assert expected in summary.failures[0].message
        assert list(app.store.query_events(EventFilter())) == events
        assert app.store.article_count() == 1


def test_a_database_failure_stops_the_run_and_is_logged(
    tmp_path: Path, app: App, options: IngestOptions
) -> None:
    from tracker.errors import StorageError

    (tmp_path / "a.txt").write_text(ARTICLES["sumy"][1], encoding="utf-8")
    app.store.close()  # the schema exists; now open the same file read-only
    broken = App(f"sqlite:///file:{tmp_path / 'tracker.db'}?mode=ro&uri=true")
    try:
        with pytest.raises(StorageError):
            run_ingest(
                [str(tmp_path / "a.txt")], app=broken, extractor=broken.extractor, options=options
            )
    finally:
        broken.close()
    assert _log(tmp_path)[-1]["event"] == "abort"


def test_last_modified_alone_makes_the_next_run_conditional(
    web: HTTPServer, app: App, options: IngestOptions
) -> None:
    stamp = "Mon, 02 May 2022 06:00:00 GMT"
    web.expect_request("/news/sumy").respond_with_data(
        article_html("sumy"), content_type="text/html"
    )
    body = rss([(ARTICLES["sumy"][0], web.url_for("/news/sumy"), DATES["sumy"])])

    def feed(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response(body, content_type="application/rss+xml", headers={"Last-Modified": stamp})

    web.expect_request("/lm").respond_with_handler(feed)
    run_ingest([web.url_for("/lm")], app=app, extractor=app.extractor, options=options)
    web.clear_log()
    again = run_ingest([web.url_for("/lm")], app=app, extractor=app.extractor, options=options)
    assert again.sources_unchanged == 1
    assert [response.status_code for _, response in web.log] == [304]
