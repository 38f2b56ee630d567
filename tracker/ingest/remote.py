"""Remote sources: feeds and pages fetched concurrently, stored from one thread.

Worker threads only download and parse; every database call happens on the
calling thread, so any store (SQLite included) is used from one thread.

Crash safety, the reason for the order of writes: an entry's fetch state is
saved right after its article is stored, and a feed's ETag only once all its
entries are stored. A run killed half-way therefore re-reads the feed next
time, skips the entries already stored and fetches only the rest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tracker.errors import InputError, TrackerError
from tracker.ingest.content import ContentKind, decode_text, sniff_kind
from tracker.ingest.feeds import Feed, FeedEntry, parse_feed
from tracker.ingest.fetch import Fetcher, FetchResult
from tracker.ingest.html import extract_page
from tracker.ingest.records import article_from_page, article_from_text
from tracker.ingest.sink import ArticleSink
from tracker.ingest.sources import SourceSpec
from tracker.ingest.urls import canonicalize_url
from tracker.store.sourceruns import SourceKind

if TYPE_CHECKING:
    from tracker.model import Article
    from tracker.store import FetchState, Store


@dataclass(frozen=True, slots=True)
class _Task:
    """One URL to fetch: a source the user named, or an entry of a feed."""

    spec: SourceSpec
    url: str
    entry: FeedEntry | None = None
    feed_url: str | None = None


@dataclass(frozen=True, slots=True)
class _Downloaded:
    result: FetchResult
    feed: Feed | None = None
    article: Article | None = None


@dataclass
class _FeedRun:
    """A feed whose entries are still being fetched."""

    result: FetchResult
    waiting: int
    failed: bool = False  # an entry failed, or some were left for the next run


def download(
    fetcher: Fetcher, task: _Task, *, etag: str | None, last_modified: str | None
) -> _Downloaded:
    """Fetch ``task.url`` and parse it into a feed or an article (runs in a worker)."""
    result = fetcher.fetch(task.url, etag=etag, last_modified=last_modified)
    if result.not_modified:
        return _Downloaded(result)
    kind = sniff_kind(result.content, content_type=result.content_type, origin=task.url)
    if kind is ContentKind.FEED:
        if task.entry is not None:
            raise InputError(
                f"{task.url!r}, an entry of feed {task.feed_url!r}, is itself a feed; not followed"
            )
        return _Downloaded(
            result,
            feed=parse_feed(result.content, url=result.final_url, content_type=result.content_type),
        )
    return _Downloaded(result, article=_article(result, kind, task))


def _article(result: FetchResult, kind: ContentKind, task: _Task) -> Article:
    text = decode_text(result.content, declared=result.charset)
    if kind is ContentKind.HTML:
        page = extract_page(text, url=result.final_url, origin=task.url)
        return article_from_page(page, fetched_url=result.final_url, entry=task.entry)
    if kind is ContentKind.TEXT:
        article = article_from_text(text)
        entry = task.entry
        return dataclasses.replace(
            article,
            url=canonicalize_url(result.final_url),
            title=(entry.title if entry else None) or article.title,
            published=entry.published if entry else None,
        )
    raise InputError(
        f"{task.url!r} is {result.content_type or 'JSON'!r}, not an article page or feed"
    )


class RemoteIngest:
    """Fetches remote sources with a thread pool and hands articles to the sink."""

    def __init__(
        self, *, fetcher: Fetcher, sink: ArticleSink, store: Store, refetch_seen: bool
    ) -> None:
        self._fetcher = fetcher
        self._sink = sink
        self._store = store
        self._refetch_seen = refetch_seen
        self._pending: dict[Future[_Downloaded], _Task] = {}
        self._feeds: dict[str, _FeedRun] = {}
        self._queued: set[str] = set()
        self._pool: ThreadPoolExecutor | None = None

    def run(self, specs: list[SourceSpec]) -> None:
        """Fetch every source and every new feed entry; returns when all are done."""
        pool = ThreadPoolExecutor(max_workers=max(1, self._fetcher.policy.workers))
        self._pool = pool
        try:
            for spec in specs:
                self._submit_source(spec)
            while self._pending:
                done, _ = wait(list(self._pending), return_when=FIRST_COMPLETED)
                for future in done:
                    self._complete(self._pending.pop(future), future)
        finally:
            # on Ctrl-C or a database failure, drop queued downloads instead of finishing them
            pool.shutdown(wait=True, cancel_futures=True)

    def _submit_source(self, spec: SourceSpec) -> None:
        try:
            url = canonicalize_url(spec.location)
        except TrackerError as err:
            self._sink.fail(spec.label, err, source=spec.label, whole_source=True)
            return
        # --refetch-seen reads feeds in full even when the server would say 304
        state = None if self._refetch_seen else self._store.get_fetch_state(url)
        self._submit(_Task(spec, url), state=state)

    def _submit(self, task: _Task, *, state: FetchState | None) -> None:
        if self._pool is None:  # pragma: no cover - run() sets it before any submit
            raise RuntimeError("RemoteIngest._submit called outside run()")
        self._queued.add(task.url)
        future = self._pool.submit(
            download,
            self._fetcher,
            task,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
        )
        self._pending[future] = task

    def _complete(self, task: _Task, future: Future[_Downloaded]) -> None:
        source, whole = task.spec.label, task.entry is None
        try:
            got = future.result()
        except TrackerError as err:
            self._sink.fail(task.url, err, source=source, whole_source=whole)
            self._entry_done(task, ok=False)
            return
        except Exception as err:  # noqa: BLE001 - a parser bug on one page must not stop the run
            detail = "".join(traceback.format_exception(err))
            self._sink.fail(task.url, err, detail=detail, source=source, whole_source=whole)
            self._entry_done(task, ok=False)
            return
        if got.result.not_modified:
            self._unchanged(task)
        elif got.feed is not None:
            self._feed(task, got)
        elif got.article is not None:
            if whole:
                self._sink.sources.kind(source, SourceKind.SITE)
            stored = self._sink.take(
                got.article, origin=task.url, override=task.spec.options, source=source
            )
            if stored:
                self._remember(task.url, got.result, got.article.content_hash)
            self._count_source(task, stored)
            self._entry_done(task, ok=stored)

    def _unchanged(self, task: _Task) -> None:
        if task.entry is None:
            self._sink.tally.sources_unchanged += 1
            self._sink.sources.unchanged(task.spec.label)
            self._sink.note("source", task.url, status="not modified")
        else:
            self._sink.skip(task.url, reason="not modified", source=task.spec.label)
            self._entry_done(task, ok=True)

    def _count_source(self, task: _Task, ok: bool) -> None:
        if task.entry is None and ok:
            self._sink.tally.sources_read += 1
            self._sink.sources.read(task.spec.label)

    def _feed(self, task: _Task, got: _Downloaded) -> None:
        feed = got.feed
        if feed is None:  # pragma: no cover - the caller checked
            return
        source = task.spec.label
        self._sink.sources.kind(source, SourceKind.FEED)
        state = self._store.get_fetch_state(task.url)
        digest = _digest(got.result.content)
        if state is not None and state.content_hash == digest and not self._refetch_seen:
            # The server ignores conditional requests but the feed has not changed.
            self._sink.tally.sources_unchanged += 1
            self._sink.sources.unchanged(source)
            self._sink.note("source", task.url, status="unchanged content")
            return
        self._sink.tally.sources_read += 1
        self._sink.sources.read(source)
        self._sink.note(
            "source", task.url, status="feed", entries=len(feed.entries), problem=feed.problem
        )
        self._sink.expect(len(feed.entries))
        run = _FeedRun(got.result, waiting=0)
        self._feeds[task.url] = run
        for entry in feed.entries:
            if run.waiting >= self._fetcher.policy.max_entries:
                # A feed listing thousands of new links is fetched a bounded part per
                # run; keeping no ETag makes the next run continue where this one stopped.
                run.failed = True
                self._sink.note("source", task.url, status="entries left for the next run")
                break
            self._entry(task, entry, run)
        self._maybe_finish(task.url)

    def _entry(self, task: _Task, entry: FeedEntry, run: _FeedRun) -> None:
        source = task.spec.label
        try:
            url = canonicalize_url(entry.link)
        except TrackerError as err:
            self._sink.fail(entry.link, err, source=source)
            run.failed = True
            return
        if url in self._queued:
            self._sink.skip(url, reason="duplicate entry", source=source)
            return
        state = self._store.get_fetch_state(url)
        if state is not None and not self._refetch_seen:
            self._queued.add(url)
            self._sink.skip(url, reason="seen in an earlier run", source=source)
            return
        run.waiting += 1
        self._submit(_Task(task.spec, url, entry=entry, feed_url=task.url), state=state)

    def _entry_done(self, task: _Task, *, ok: bool) -> None:
        if task.feed_url is None:
            return
        run = self._feeds[task.feed_url]
        run.waiting -= 1
        run.failed = run.failed or not ok
        self._maybe_finish(task.feed_url)

    def _maybe_finish(self, feed_url: str) -> None:
        run = self._feeds[feed_url]
        if run.waiting == 0 and not run.failed:
            # Only now may the next run trust a 304 for this feed.
            self._remember(feed_url, run.result, _digest(run.result.content))

    def _remember(self, url: str, result: FetchResult, content_hash: str) -> None:
        from tracker.store import FetchState

        self._store.put_fetch_state(
            FetchState(
                url=url,
                etag=result.etag,
                last_modified=result.last_modified,
                content_hash=content_hash,
                status=result.status,
                fetched_at=datetime.now(UTC),
            )
        )


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
