"""The per-article step of every run: status check, extraction, storage, tallies.

Each article is isolated: whatever goes wrong with one is recorded as a named
failure and the run goes on. Local sources queue their articles and save them
in batches (:meth:`ArticleSink.batched`), which is what makes a big local
ingest fast on SQLite; remote ones are saved one by one as they arrive. Only a
failing database stops the run, since no later article could be stored either.

The sink is handed its :class:`~tracker.extract.Extractor` and never imports the
extraction rules. A stored article with the same text is extracted again when
its publication date or its extractor's version changed, or when asked
(``reprocess``); the store keeps which extractor read each article.
"""

from __future__ import annotations

import contextlib
import dataclasses
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tracker.errors import GazetteerError, InputError, StorageError, TrackerError
from tracker.ingest.language import with_detected_language
from tracker.ingest.log import JsonlLog
from tracker.ingest.progress import IngestProgress
from tracker.ingest.records import ArticleDefaults, apply_defaults
from tracker.ingest.sourcebook import SourceBook
from tracker.ingest.summary import IngestSummary, ItemFailure, ItemWarning

if TYPE_CHECKING:
    from tracker.app import App
    from tracker.extract import Extractor
    from tracker.model import Article, Event
    from tracker.places import StoreActivity
    from tracker.store import ExtractorStamp, SaveResult, Store, StoredArticle


BATCH_SIZE = 100  # local articles saved per store transaction (SQLite; see Store.save_articles)


@dataclass(frozen=True, slots=True)
class _Ready:
    """An article checked and extracted, waiting for its batch to be saved."""

    article: Article
    events: tuple[Event, ...]
    origin: str
    extractor: ExtractorStamp
    reprocess: bool  # stored before with the same text: a re-extraction
    source: str | None = None  # the label of the source it came from (source health)


@dataclass(frozen=True, slots=True)
class _Line:
    """A log line for one item, held back while articles before it wait for their batch."""

    event: str
    origin: str
    fields: dict[str, object]


@dataclass
class Tally:
    """Mutable counters of a run in progress; frozen into an IngestSummary at the end."""

    sources_read: int = 0
    sources_unchanged: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_updated: int = 0
    articles_reprocessed: int = 0
    articles_skipped: int = 0
    events_added: int = 0
    events_merged: int = 0
    events_removed: int = 0
    failures: list[ItemFailure] = field(default_factory=list)
    warnings: list[ItemWarning] = field(default_factory=list)

    def freeze(self) -> IngestSummary:
        """The final, immutable summary."""
        counts = {k: v for k, v in vars(self).items() if k not in ("failures", "warnings")}
        return IngestSummary(**counts, failures=tuple(self.failures), warnings=tuple(self.warnings))


class ArticleSink:
    """Takes articles from any reader and stores them with their events."""

    def __init__(
        self,
        *,
        app: App,
        extractor: Extractor,
        fallback: ArticleDefaults,
        log: JsonlLog,
        progress: IngestProgress,
        reprocess: bool = False,
        batch_size: int = BATCH_SIZE,
        activity: StoreActivity | None = None,
    ) -> None:
        self.app = app
        self.extractor = extractor
        self._activity = activity
        self.tally = Tally()
        self.sources = SourceBook()
        self._reprocess = reprocess
        self._fallback = fallback
        self._log = log
        self._progress = progress
        self._batch_size = batch_size
        self._batching = False
        # Queued articles and, in input order between them, the log lines of
        # items that needed no save (failures, unchanged): the log keeps the order.
        self._pending: list[_Ready | _Line] = []
        self._queued = 0

    def take(
        self,
        article: Article,
        *,
        origin: str,
        override: ArticleDefaults,
        source: str | None = None,
    ) -> bool:
        """Store ``article`` unless unchanged; True when it is now stored, False when it failed.

        ``source`` is the label of the source it came from, counted for source health.
        """
        ready = self._prepare(article, origin=origin, override=override, source=source)
        if ready is None or isinstance(ready, bool):
            return bool(ready)
        result = self.app.store.save_article(ready.article, ready.events, extractor=ready.extractor)
        self._saved(ready, result)
        return True

    def queue(
        self,
        article: Article,
        *,
        origin: str,
        override: ArticleDefaults,
        source: str | None = None,
    ) -> None:
        """Like :meth:`take`, but store ``article`` with the next batch (see :meth:`batched`)."""
        if not self._batching:
            self.take(article, origin=origin, override=override, source=source)
            return
        ready = self._prepare(article, origin=origin, override=override, source=source)
        if isinstance(ready, _Ready):
            self._pending.append(ready)
            self._queued += 1
            if self._queued >= self._batch_size:
                self.flush()

    @contextlib.contextmanager
    def batched(self) -> Iterator[None]:
        """Articles given to :meth:`queue` meanwhile are saved in batches, the last on exit.

        A failing database drops the batch in flight (nothing of it was
        committed, so the next run stores it); any other error still saves
        what was queued before passing on.
        """
        self._batching = True
        try:
            yield
        except StorageError:
            self._drop_pending()
            raise
        except BaseException:
            self.flush()
            raise
        else:
            self.flush()
        finally:
            self._batching = False

    def flush(self) -> None:
        """Save every queued article, one transaction per batch, and record each outcome."""
        pending, self._pending, self._queued = self._pending, [], 0
        readies = [p for p in pending if isinstance(p, _Ready)]
        saved = self.app.store.save_articles([(r.article, r.events, r.extractor) for r in readies])
        results = dict(zip(map(id, readies), saved, strict=True))
        for item in pending:
            if isinstance(item, _Line):
                self._write(item)
            else:
                self._outcome(item, results[id(item)])

    def _outcome(self, ready: _Ready, result: SaveResult) -> None:
        if result.error is None:
            self._saved(ready, result)
        elif isinstance(result.error, TrackerError):
            self.fail(ready.origin, result.error, source=ready.source)
        else:
            trace = "".join(traceback.format_exception(result.error))
            self.fail(ready.origin, result.error, detail=trace, source=ready.source)

    def _drop_pending(self) -> None:
        # The database failed: queued articles were not stored (the next run will),
        # but what was already decided about the other items still goes in the log.
        pending, self._pending, self._queued = self._pending, [], 0
        for item in pending:
            if isinstance(item, _Line):
                self._write(item)

    def _prepare(
        self, article: Article, *, origin: str, override: ArticleDefaults, source: str | None
    ) -> _Ready | bool | None:
        """Defaults, status check, extraction: what to save; True if unchanged, None if failed."""
        # A declared language (the article's own, the source's, --language) wins over a guess.
        article = apply_defaults(article, override=override, fallback=self._fallback)
        store = self.app.store  # outside the isolation: a broken database stops the run
        try:
            if not article.text.strip():
                raise InputError(f"{origin}: the article has no text")
            article = with_detected_language(article)
            return self._extract(store, article, origin, source)
        except (StorageError, GazetteerError):
            raise  # the same for every article: stop rather than fail them one by one
        except TrackerError as err:
            self.fail(origin, err, source=source)
        except Exception as err:  # noqa: BLE001 - one article's bug must not stop an unattended run
            self.fail(origin, err, detail=traceback.format_exc(), source=source)
        return None

    def _extract(
        self, store: Store, article: Article, origin: str, source: str | None
    ) -> _Ready | bool:
        from tracker.extract import extractor_for
        from tracker.store import ArticleStatus, ExtractorStamp

        stored = store.stored_article(article.article_id)
        article = _keep_stored_date(article, stored)
        chosen = extractor_for(self.extractor, article)
        stamp = ExtractorStamp(chosen.name, chosen.version)
        status = ArticleStatus.NEW if stored is None else stored.status_of(article, extractor=stamp)
        if status is ArticleStatus.UNCHANGED and not self._reprocess:
            self.tally.articles_unchanged += 1
            self.sources.seen(source)
            self._done("article", origin, article=article, status="unchanged")
            return True
        events = tuple(chosen.extract(article))
        if self._activity is not None:
            from tracker.places import event_points

            self._activity.extend(event_points(events))
        if article.published is None and events:
            self.warn(origin, _undated(len(events)))
        reprocess = status in (ArticleStatus.UNCHANGED, ArticleStatus.STALE)
        return _Ready(article, events, origin, stamp, reprocess, source)

    def _saved(self, ready: _Ready, result: SaveResult) -> None:
        from tracker.store import ArticleStatus

        reprocessed = ready.reprocess and result.status is not ArticleStatus.NEW
        self._count(result, reprocessed=reprocessed)
        if result.status is ArticleStatus.UNCHANGED and not reprocessed:
            self.sources.seen(ready.source)
        else:
            self.sources.stored(
                ready.source,
                new=result.status is ArticleStatus.NEW,
                events_added=result.events_added,
                published=ready.article.published,
            )
        self._done(
            "article",
            ready.origin,
            article=ready.article,
            status="reprocessed" if reprocessed else result.status.name.lower(),
            events_added=result.events_added,
            events_merged=result.events_merged,
        )

    def _count(self, result: SaveResult, *, reprocessed: bool) -> None:
        from tracker.store import ArticleStatus

        status = result.status
        if reprocessed:
            self.tally.articles_reprocessed += 1
        elif status == ArticleStatus.UPDATED:
            self.tally.articles_updated += 1
        elif status == ArticleStatus.UNCHANGED:
            self.tally.articles_unchanged += 1
        else:
            self.tally.articles_new += 1
        self.tally.events_added += result.events_added
        self.tally.events_merged += result.events_merged
        self.tally.events_removed += result.events_removed

    def skip(self, origin: str, *, reason: str, source: str | None = None) -> None:
        """An entry not fetched: already stored by an earlier run, or a duplicate link."""
        self.tally.articles_skipped += 1
        self.sources.seen(source)
        self._done("skip", origin, reason=reason)

    def expect(self, count: int) -> None:
        """``count`` more items are coming (a feed's entries), for the progress bar."""
        self._progress.expect(count)

    def note(self, event: str, origin: str, **fields: object) -> None:
        """Log something that is neither an article nor a failure (a source read, a 304)."""
        self._log.write(event, origin=origin, **fields)

    def warn(self, origin: str, message: str) -> None:
        """Record something about a stored article its reader should fix; the run goes on."""
        self.tally.warnings.append(ItemWarning(origin, message))
        self._log.write("warning", origin=origin, message=message)

    def fail(
        self,
        origin: str,
        err: BaseException,
        *,
        detail: str | None = None,
        source: str | None = None,
        whole_source: bool = False,
    ) -> None:
        """Record a named failure and go on.

        ``source`` names the source it belongs to; ``whole_source`` says the
        source itself (not one of its articles) could not be read.
        """
        message = str(err) if isinstance(err, TrackerError) else f"internal error: {err!r}"
        self.tally.failures.append(ItemFailure(origin, type(err).__name__, message))
        self.sources.failed(
            source, ItemFailure(origin, "", message).describe(), whole_source=whole_source
        )
        self._done("failure", origin, error=type(err).__name__, message=message, traceback=detail)

    def _done(
        self, event: str, origin: str, *, article: Article | None = None, **fields: object
    ) -> None:
        if article is not None:
            fields.update(article_id=article.article_id, url=article.url, title=article.title)
        line = _Line(event, origin, fields)
        if self._pending:
            self._pending.append(line)  # after the queued articles it follows
        else:
            self._write(line)

    def _write(self, line: _Line) -> None:
        self._log.write(line.event, origin=line.origin, **line.fields)
        self._progress.advance(line.origin)


def _keep_stored_date(article: Article, stored: StoredArticle | None) -> Article:
    """A reading without a date keeps the stored one: re-ingesting never re-dates to today."""
    if stored is None or article.published is not None or stored.published is None:
        return article
    return dataclasses.replace(article, published=stored.published)


def _undated(count: int) -> str:
    return (
        f"no publication date, so its {count} event(s) are dated from today at day "
        "precision; pass --published YYYY-MM-DD (or give the article a date) and ingest "
        "it again to re-date them"
    )
