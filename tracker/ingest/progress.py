"""A progress bar on an interactive terminal, silence everywhere else (cron, pipes)."""

from __future__ import annotations

import sys
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from tracker.ingest.summary import printable


class IngestProgress:
    """Counts items as they finish; draws only when ``enabled`` and stderr is a TTY."""

    def __init__(self, *, enabled: bool, stream: IO[str] | None = None) -> None:
        stream = stream if stream is not None else sys.stderr
        self._bar: Progress | None = None
        self._task = None
        if enabled and stream.isatty():
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(file=stream),
                transient=True,
            )

    def __enter__(self) -> IngestProgress:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("ingesting", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def expect(self, count: int) -> None:
        """Add ``count`` items to the total (a feed announces its entries)."""
        if self._bar is not None and self._task is not None:
            total = self._bar.tasks[0].total or 0
            self._bar.update(self._task, total=total + count)

    def advance(self, label: str) -> None:
        """One more item done; ``label`` says which."""
        if self._bar is not None and self._task is not None:
            # labels are URLs and paths from hostile feeds: never let rich read them as markup
            self._bar.update(self._task, advance=1, description=escape(printable(label[-60:])))
