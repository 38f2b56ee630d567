"""Ingest: articles from files, folders, stdin, URLs and feeds into the store.

The names are imported on first use, so ``tracker.ingest.language`` (used by
``tracker extract``) does not load the fetching pipeline.

>>> from tracker.ingest import run_ingest, IngestOptions, IngestSummary
"""

from typing import TYPE_CHECKING

from geodata.lazy import lazy_exports

if TYPE_CHECKING:
    from tracker.ingest.options import DEFAULT_USER_AGENT, FetchPolicy, IngestOptions
    from tracker.ingest.pipeline import run_ingest
    from tracker.ingest.summary import IngestSummary, ItemFailure, ItemWarning

_HOMES = {
    "DEFAULT_USER_AGENT": "tracker.ingest.options",
    "FetchPolicy": "tracker.ingest.options",
    "IngestOptions": "tracker.ingest.options",
    "run_ingest": "tracker.ingest.pipeline",
    "IngestSummary": "tracker.ingest.summary",
    "ItemFailure": "tracker.ingest.summary",
    "ItemWarning": "tracker.ingest.summary",
}

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchPolicy",
    "IngestOptions",
    "IngestSummary",
    "ItemFailure",
    "ItemWarning",
    "run_ingest",
]

__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
