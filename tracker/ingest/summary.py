"""What an ingest run did, for people (``describe``), logs and exit codes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


def printable(text: str) -> str:
    r"""``text`` with control characters escaped: origins come from hostile feeds, and an
    escape sequence in a URL must not rewrite the operator's terminal.

    >>> print(printable("https://x.example/\x1b[2Jboom"))
    https://x.example/\x1b[2Jboom
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass(frozen=True, slots=True)
class ItemFailure:
    """One source, page or article that could not be ingested, and why."""

    origin: str
    error: str  # the error class, e.g. "FetchError"
    message: str

    def describe(self) -> str:
        """``origin: message``, without saying the origin twice when the message starts with it."""
        if self.message.startswith((self.origin, repr(self.origin))):
            return printable(self.message)
        return printable(f"{self.origin}: {self.message}")


@dataclass(frozen=True, slots=True)
class ItemWarning:
    """An article stored, but with something its reader should fix (e.g. no date)."""

    origin: str
    message: str

    def describe(self) -> str:
        """``origin: message`` with control characters escaped."""
        return printable(f"{self.origin}: {self.message}")


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """Counts of one run of :func:`tracker.ingest.run_ingest`.

    ``articles_skipped`` are feed entries already stored by an earlier run and
    duplicates within this run, neither fetched again; ``sources_unchanged``
    are feeds and pages whose server answered 304 Not Modified.
    ``articles_reprocessed`` are stored articles with unchanged text whose
    events were extracted again: another publication date, another extractor
    version, or ``--reprocess``. ``warnings`` name articles stored with
    something to fix (no publication date); they do not change the exit code.
    """

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
    failures: tuple[ItemFailure, ...] = field(default=())
    warnings: tuple[ItemWarning, ...] = field(default=())

    @property
    def articles_failed(self) -> int:
        """How many items failed (sources, pages or articles)."""
        return len(self.failures)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures

    @property
    def exit_code(self) -> int:
        """0 when everything succeeded, 1 when some items failed."""
        return 0 if self.ok else 1

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready form (for ``--json`` and the JSON-lines log)."""
        data = asdict(self)
        data["articles_failed"] = self.articles_failed
        return data

    def describe(self) -> str:
        """A few human lines: counts first, then each failure by name."""
        lines = [
            f"Sources: {self.sources_read} read, {self.sources_unchanged} unchanged since last run",
            f"Articles: {self.articles_new} new, {self.articles_updated} updated, "
            f"{self.articles_unchanged} unchanged, {self.articles_reprocessed} reprocessed, "
            f"{self.articles_skipped} already seen, "
            f"{self.articles_failed} failed",
            f"Events: {self.events_added} added, {self.events_merged} merged into existing, "
            f"{self.events_removed} removed",
        ]
        lines += [f"Warning: {w.describe()}" for w in self.warnings]
        lines += [f"Failed: {f.describe()}" for f in self.failures]
        return "\n".join(lines)
