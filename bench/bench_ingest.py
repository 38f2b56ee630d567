"""Ingest speed: local articles end to end into SQLite, and concurrent fetching.

Usage::

    python bench/bench_ingest.py --gazetteer UA.txt admin1CodesASCII_UA.txt   # the real case
    python bench/bench_ingest.py -n 5000 --rounds 5 --pages 200 --latency 0.02

Local part, pinned to one CPU core, on the same JSON Lines file of varied ~3 KB
articles (``tests/extract/generated.py``: single reports, round-ups and pieces
with no event, villages drawn from the gazetteer). With ``--gazetteer`` every
fresh database holds those GeoNames files, loaded once into a template database
(with its index snapshot) and copied; without it, the embedded gazetteer answers.

* ``run_ingest``: ``tracker.ingest.run_ingest`` on the file into a fresh SQLite
  database (reading, defaults, status check, extraction, storage, summary);
* ``naive loop``: what a user would write by hand on the already-parsed
  articles: ``article_status`` → ``extract_events`` → ``save_article`` per
  article, into another fresh database (no reading, no logging, no isolation);
* ``run_ingest again``: the same file a second time (every article unchanged);
* ``open store + gazetteer``, ``article_status only``, ``extract_events only``
  and ``save_article only``: the steps the naive loop is made of, timed apart,
  to show where the time goes (their items/s column is N / that step's time);
* ``save_articles only``: the same saves through ``Store.save_articles`` in
  batches of 100 (what ``run_ingest`` does for local sources), into another
  fresh database.

Remote part: a local HTTP server answers each page after ``--latency`` seconds;
``sequential`` fetches the pages one by one with one httpx client, ``ours``
uses the ingest fetcher from a thread pool (8 workers, at most 4 per host).

It prints medians and the ratios of those medians; figures go in
docs/benchmarks.md (Ingest) with the command that produced them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.extract.generated import generate_articles, towns_from
from tracker.app import App
from tracker.extract import extract_events
from tracker.ingest import FetchPolicy, IngestOptions, run_ingest
from tracker.ingest.fetch import Fetcher
from tracker.ingest.local import read_path
from tracker.ingest.sink import BATCH_SIZE
from tracker.places import load_places
from tracker.store import ArticleStatus, open_store


def write_articles(path: Path, n: int, *, template: Path | None) -> None:
    """``n`` distinct varied ~3 KB articles as JSON Lines, villages from the gazetteer."""
    app = App(f"sqlite:///{template}" if template else "sqlite://")
    try:
        towns = towns_from(app.gazetteer.inner)  # type: ignore[attr-defined]
    finally:
        app.close()
    with path.open("w", encoding="utf-8") as out:
        for i, article in enumerate(generate_articles(towns, n=n, seed=3)):
            record = {
                "url": article.url,
                "published": article.published.isoformat() if article.published else None,
                "title": f"Report {i}",
                "text": article.text,
            }
            out.write(json.dumps(record) + "\n")


def template_database(out: Path, gazetteer: list[Path]) -> Path | None:
    """A database holding ``gazetteer`` (and its index snapshot), to copy for each run."""
    if not gazetteer:
        return None
    db = out / "template.db"
    with open_store(f"sqlite:///{db}") as store:
        load_places(store, gazetteer)
    return db


def fresh(db: Path, template: Path | None) -> Path:
    """``db`` as a copy of the template (with its snapshot), or absent for a new one."""
    if template is not None:
        shutil.copy(template, db)
        shutil.copy(template.with_name(template.name + ".index"), db.with_name(db.name + ".index"))
    return db


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ours(source: Path, db: Path, options: IngestOptions) -> Callable[[], object]:
    def run() -> object:
        app = App(f"sqlite:///{db}")
        try:
            return run_ingest([str(source)], app=app, extractor=app.extractor, options=options)
        finally:
            app.close()

    return run


def naive(source: Path, db: Path) -> Callable[[], object]:
    articles = [item.article for item in read_path(source) if item.article is not None]

    def run() -> object:
        app = App(f"sqlite:///{db}")
        store, gazetteer = app.store, app.gazetteer
        for article in articles:
            if store.article_status(article) != ArticleStatus.UNCHANGED:
                store.save_article(article, extract_events(article, gazetteer=gazetteer))
        app.close()
        return None

    return run


def parts(source: Path, out: Path, r: int, template: Path | None) -> dict[str, float]:
    """Seconds spent in each step of the naive loop, timed apart on the same articles."""
    articles = [item.article for item in read_path(source) if item.article is not None]
    spent: dict[str, float] = {}
    start = time.perf_counter()
    app = App(f"sqlite:///{fresh(out / f'parts{r}.db', template)}")
    store, gazetteer = app.store, app.gazetteer
    spent["open store + gazetteer"] = time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        store.article_status(article)
    spent["article_status only"] = time.perf_counter() - start
    start = time.perf_counter()
    events = [extract_events(a, gazetteer=gazetteer) for a in articles]
    spent["extract_events only"] = time.perf_counter() - start
    start = time.perf_counter()
    for article, found in zip(articles, events, strict=True):
        store.save_article(article, found)
    spent["save_article only"] = time.perf_counter() - start
    app.close()
    with open_store(f"sqlite:///{fresh(out / f'batched{r}.db', template)}") as batched:
        pairs = list(zip(articles, events, strict=True))
        start = time.perf_counter()
        batched.save_articles(pairs, batch_size=BATCH_SIZE)
        spent["save_articles only"] = time.perf_counter() - start
    return spent


def bench_local(n: int, rounds: int, out: Path, gazetteer: list[Path]) -> None:
    template = template_database(out, gazetteer)
    source = out / "articles.jsonl"
    write_articles(source, n, template=template)
    size = statistics.mean(len(json.loads(line)["text"]) for line in source.open(encoding="utf-8"))
    options = IngestOptions(progress=False)
    # warm the gazetteer and the extractor's caches so round 1 is not special
    ours(source, fresh(out / "warm.db", template), options)()
    rows: dict[str, list[float]] = {
        "run_ingest": [],
        "naive loop": [],
        "run_ingest again": [],
        "open store + gazetteer": [],
        "article_status only": [],
        "extract_events only": [],
        "save_article only": [],
        "save_articles only": [],
    }
    for r in range(rounds):
        db_ours = fresh(out / f"ours{r}.db", template)
        db_naive = fresh(out / f"naive{r}.db", template)
        rows["run_ingest"].append(timed(ours(source, db_ours, options)))
        rows["naive loop"].append(timed(naive(source, db_naive)))
        rows["run_ingest again"].append(timed(ours(source, db_ours, options)))
        for step, seconds in parts(source, out, r, template).items():
            rows[step].append(seconds)
    with open_store(f"sqlite:///{out / 'ours0.db'}") as store:
        stored = store.article_count()
    which = ", ".join(p.name for p in gazetteer) or "the embedded gazetteer"
    print(
        f"\nLocal: {n} articles of {size:,.0f} characters on average ({stored} stored), "
        f"{rounds} rounds, one core, {which}"
    )
    _table(rows, n, baseline="naive loop")


class _SlowPage(BaseHTTPRequestHandler):
    latency = 0.02

    def do_GET(self) -> None:
        time.sleep(self.latency)
        body = b"<html><body><article><p>" + b"Shelling hit Kharkiv overnight. " * 20 + b"</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def bench_remote(pages: int, latency: float, rounds: int) -> None:
    _SlowPage.latency = latency
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"http://127.0.0.1:{server.server_address[1]}/p{i}" for i in range(pages)]
    policy = FetchPolicy(allow_private_urls=True, workers=8, per_host=4)

    def sequential() -> None:
        with httpx.Client() as client:
            for url in urls:
                client.get(url).raise_for_status()

    def concurrent() -> None:
        with Fetcher(policy) as fetcher, ThreadPoolExecutor(policy.workers) as pool:
            list(pool.map(fetcher.fetch, urls))

    rows: dict[str, list[float]] = {"sequential": [], "ours": []}
    for _ in range(rounds):
        rows["sequential"].append(timed(sequential))
        rows["ours"].append(timed(concurrent))
    server.shutdown()
    print(f"\nRemote: {pages} pages, {latency * 1000:.0f} ms server latency, {rounds} rounds")
    _table(rows, pages, baseline="sequential")


def _table(rows: dict[str, list[float]], n: int, *, baseline: str) -> None:
    base = statistics.median(rows[baseline])
    print(f"{'':20} {'median s':>10} {'items/s':>10} {'vs ' + baseline:>16}")
    for name, times in rows.items():
        med = statistics.median(times)
        print(f"{name:20} {med:10.3f} {n / med:10.0f} {base / med:15.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="articles for the local part")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", type=int, default=200, help="pages for the remote part")
    parser.add_argument("--latency", type=float, default=0.02, help="server delay per page (s)")
    parser.add_argument("--out", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument(
        "--gazetteer", nargs="*", type=Path, default=[], help="GeoNames files (e.g. UA.txt)"
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue asks
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {out}")
    bench_local(args.n, args.rounds, out, args.gazetteer)
    bench_remote(args.pages, args.latency, args.rounds)


if __name__ == "__main__":
    main()
