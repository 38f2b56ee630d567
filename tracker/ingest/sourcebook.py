"""Per-source tallies of one ingest run, written to the store for source health.

The run's :class:`~tracker.ingest.summary.IngestSummary` counts everything
together; the book counts the same outcomes per source (the label of a
sources-file entry or command-line argument) and turns each into a
:class:`~tracker.store.SourceRun` at the end, so ``tracker sources`` and the
server's ``/health`` can tell which source went quiet or keeps failing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from tracker.ingest.local import STDIN, is_glob
from tracker.ingest.sources import SourceSpec
from tracker.store.sourceruns import RunStatus, SourceKind, SourceRun

__all__ = ["SourceBook", "kind_of"]


def kind_of(spec: SourceSpec) -> SourceKind:
    """The kind of a source before it is read (a URL becomes FEED or SITE once fetched)."""
    if spec.telegram_channel:
        return SourceKind.TELEGRAM
    if spec.remote:
        return SourceKind.URL
    if spec.location == STDIN:
        return SourceKind.STDIN
    if is_glob(spec.location) or Path(spec.location).is_dir():
        return SourceKind.FOLDER
    return SourceKind.FILE


@dataclass
class _Tally:
    """Mutable counts of one source while the run goes on."""

    kind: SourceKind
    read: int = 0  # feeds, pages or files read
    unchanged: int = 0  # 304s and identical feeds
    source_failures: int = 0  # the source itself (or one of its files) could not be read
    articles_new: int = 0
    articles_updated: int = 0
    articles_seen: int = 0
    articles_failed: int = 0
    events_added: int = 0
    newest_published: date | None = None
    error: str | None = None

    def status(self) -> RunStatus:
        if self.source_failures and not (self.read or self.unchanged):
            return RunStatus.FAILED
        if self.source_failures or self.articles_failed:
            return RunStatus.PARTIAL
        if self.unchanged and not self.read:
            return RunStatus.UNCHANGED
        return RunStatus.OK


@dataclass
class SourceBook:
    """The run's tallies by source label; unknown labels (None) are not counted."""

    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    _tallies: dict[str, _Tally] = field(default_factory=dict)

    def open(self, spec: SourceSpec) -> None:
        """Start counting ``spec`` (every source gets a row, even one that yields nothing)."""
        self._tallies.setdefault(spec.label, _Tally(kind_of(spec)))

    def kind(self, source: str | None, kind: SourceKind) -> None:
        """What a URL turned out to be once fetched (feed or site)."""
        if source in self._tallies:
            self._tallies[source].kind = kind

    def read(self, source: str | None) -> None:
        """The source (or one of its files) was read."""
        if source in self._tallies:
            self._tallies[source].read += 1

    def unchanged(self, source: str | None) -> None:
        """The server said nothing changed since the last run."""
        if source in self._tallies:
            self._tallies[source].unchanged += 1

    def stored(
        self, source: str | None, *, new: bool, events_added: int, published: date | None
    ) -> None:
        """An article of the source was stored (new or updated)."""
        tally = self._tallies.get(source or "")
        if tally is None:
            return
        if new:
            tally.articles_new += 1
        else:
            tally.articles_updated += 1
        tally.events_added += events_added
        if published is not None and (
            tally.newest_published is None or published > tally.newest_published
        ):
            tally.newest_published = published

    def seen(self, source: str | None) -> None:
        """An article of the source was already stored (unchanged, or a feed entry seen)."""
        if source in self._tallies:
            self._tallies[source].articles_seen += 1

    def failed(self, source: str | None, message: str, *, whole_source: bool) -> None:
        """Something of the source failed: the source itself, or one of its articles."""
        tally = self._tallies.get(source or "")
        if tally is None:
            return
        if whole_source:
            tally.source_failures += 1
        else:
            tally.articles_failed += 1
        tally.error = message

    def runs(self, *, finished_at: datetime | None = None) -> list[SourceRun]:
        """One :class:`SourceRun` per source, in the order the sources were opened."""
        end = finished_at or datetime.now(UTC)
        return [
            SourceRun(
                source=label,
                kind=t.kind,
                started_at=self.started_at,
                finished_at=end,
                status=t.status(),
                articles_new=t.articles_new,
                articles_updated=t.articles_updated,
                articles_seen=t.articles_seen,
                articles_failed=t.articles_failed,
                events_added=t.events_added,
                newest_published=t.newest_published,
                error=t.error,
            )
            for label, t in self._tallies.items()
        ]
