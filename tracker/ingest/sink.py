"""The per-article step of every run: status check, extraction, storage, tallies.

Each article is isolated: whatever goes wrong with one is recorded as a named
failure and the run goes on. Only a failing database stops the run, since no
later article could be stored either.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tracker.errors import GazetteerError, InputError, StorageError, TrackerError
from tracker.ingest.log import JsonlLog
from tracker.ingest.progress import IngestProgress
from tracker.ingest.records import ArticleDefaults, apply_defaults
from tracker.ingest.summary import IngestSummary, ItemFailure

if TYPE_CHECKING:
    from tracker.app import App
    from tracker.model import Article
    from tracker.store import SaveResult, Store


@dataclass
class Tally:
    """Mutable counters of a run in progress; frozen into an IngestSummary at the end."""

    sources_read: int = 0
    sources_unchanged: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_updated: int = 0
    articles_skipped: int = 0
    events_added: int = 0
    events_merged: int = 0
    events_removed: int = 0
    failures: list[ItemFailure] = field(default_factory=list)

    def freeze(self) -> IngestSummary:
        """The final, immutable summary."""
        counts = {k: v for k, v in vars(self).items() if k != "failures"}
        return IngestSummary(**counts, failures=tuple(self.failures))


class ArticleSink:
    """Takes articles from any reader and stores them with their events."""

    def __init__(
        self, *, app: App, fallback: ArticleDefaults, log: JsonlLog, progress: IngestProgress
    ) -> None:
        self.app = app
        self.tally = Tally()
        self._fallback = fallback
        self._log = log
        self._progress = progress

    def take(self, article: Article, *, origin: str, override: ArticleDefaults) -> bool:
        """Store ``article`` unless unchanged; True when it is now stored, False when it failed."""
        article = apply_defaults(article, override=override, fallback=self._fallback)
        store = self.app.store  # outside the isolation: a broken database stops the run
        try:
            if not article.text.strip():
                raise InputError(f"{origin}: the article has no text")
            return self._store(store, article, origin)
        except (StorageError, GazetteerError):
            raise  # the same for every article: stop rather than fail them one by one
        except TrackerError as err:
            self.fail(origin, err)
        except Exception as err:  # noqa: BLE001 - one article's bug must not stop an unattended run
            self.fail(origin, err, detail=traceback.format_exc())
        return False

    def _store(self, store: Store, article: Article, origin: str) -> bool:
        from tracker.extract import extract_events
        from tracker.store import ArticleStatus

        status = store.article_status(article)
        if status == ArticleStatus.UNCHANGED:
            self.tally.articles_unchanged += 1
            self._done("article", origin, article=article, status="unchanged")
            return True
        events = extract_events(article, gazetteer=self.app.gazetteer)
        result = store.save_article(article, events)
        self._count(result)
        self._done(
            "article",
            origin,
            article=article,
            status=result.status.name.lower(),
            events_added=result.events_added,
            events_merged=result.events_merged,
        )
        return True

    def _count(self, result: SaveResult) -> None:
        from tracker.store import ArticleStatus

        status = result.status
        if status == ArticleStatus.UPDATED:
            self.tally.articles_updated += 1
        elif status == ArticleStatus.UNCHANGED:
            self.tally.articles_unchanged += 1
        else:
            self.tally.articles_new += 1
        self.tally.events_added += result.events_added
        self.tally.events_merged += result.events_merged
        self.tally.events_removed += result.events_removed

    def skip(self, origin: str, *, reason: str) -> None:
        """An entry not fetched: already stored by an earlier run, or a duplicate link."""
        self.tally.articles_skipped += 1
        self._done("skip", origin, reason=reason)

    def expect(self, count: int) -> None:
        """``count`` more items are coming (a feed's entries), for the progress bar."""
        self._progress.expect(count)

    def note(self, event: str, origin: str, **fields: object) -> None:
        """Log something that is neither an article nor a failure (a source read, a 304)."""
        self._log.write(event, origin=origin, **fields)

    def fail(self, origin: str, err: BaseException, *, detail: str | None = None) -> None:
        """Record a named failure and go on."""
        message = str(err) if isinstance(err, TrackerError) else f"internal error: {err!r}"
        self.tally.failures.append(ItemFailure(origin, type(err).__name__, message))
        self._done("failure", origin, error=type(err).__name__, message=message, traceback=detail)

    def _done(
        self, event: str, origin: str, *, article: Article | None = None, **fields: object
    ) -> None:
        if article is not None:
            fields.update(article_id=article.article_id, url=article.url, title=article.title)
        self._log.write(event, origin=origin, **fields)
        self._progress.advance(origin)
