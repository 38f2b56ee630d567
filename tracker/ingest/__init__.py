"""Ingest: articles from files, folders, stdin, URLs and feeds into the store.

>>> from tracker.ingest import run_ingest, IngestOptions, IngestSummary
"""

from tracker.ingest.options import DEFAULT_USER_AGENT, FetchPolicy, IngestOptions
from tracker.ingest.pipeline import run_ingest
from tracker.ingest.summary import IngestSummary, ItemFailure, ItemWarning

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchPolicy",
    "IngestOptions",
    "IngestSummary",
    "ItemFailure",
    "ItemWarning",
    "run_ingest",
]
