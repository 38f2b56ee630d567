"""Event storage: one schema and one query layer over SQLite (default) and PostGIS.

>>> from tracker.model import EventFilter
>>> store = open_store("sqlite://")  # in memory; or a file, or postgresql+psycopg://...
>>> store.count_events(EventFilter())
0

See docs/schema.md for the tables, the identity of articles and events and the
rule that merges reports of the same event from several articles.
"""

from tracker.store.engine import safe_url
from tracker.store.migrate import SchemaStatus
from tracker.store.sourceruns import RunStatus, SourceKind, SourceRun
from tracker.store.store import Store, database_status, open_store, upgrade_database
from tracker.store.types import (
    ArticleStatus,
    CountBy,
    ExtractorStamp,
    FetchState,
    SaveResult,
    StoredArticle,
)

__all__ = [
    "ArticleStatus",
    "CountBy",
    "ExtractorStamp",
    "FetchState",
    "RunStatus",
    "SaveResult",
    "SchemaStatus",
    "SourceKind",
    "SourceRun",
    "Store",
    "StoredArticle",
    "database_status",
    "open_store",
    "safe_url",
    "upgrade_database",
]
