"""The Store: the one object commands use to read and write events."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Engine

from tracker.errors import ConfigError, SchemaMismatch
from tracker.model import Article, Event, EventFilter, Source
from tracker.settings import Access
from tracker.store import bulk, migrate, query, rtree, sourceruns, writer
from tracker.store.engine import IMMEDIATE, create_engine, translate_error, translated
from tracker.store.rows import event_from_row, source_from_row
from tracker.store.schema import ARTICLES, EVENTS, FETCH_STATE, REPORTS
from tracker.store.types import (
    ArticleStatus,
    CountBy,
    ExtractorStamp,
    FetchState,
    SaveResult,
    StoredArticle,
)

if TYPE_CHECKING:
    import pyarrow as pa

T = TypeVar("T")
# An article, the events extracted from it and, optionally, the extractor that read it.
ArticleSave = (
    tuple[Article, Sequence[Event]] | tuple[Article, Sequence[Event], ExtractorStamp | None]
)
PAGE = 1000  # events fetched per round trip while streaming
BATCH = 100  # articles per SQLite transaction in save_articles
_RETRIES = 4
_TRANSIENT = ("database is locked", "deadlock detected", "could not serialize", "busy")


def open_store(url: str, *, access: Access = Access.CREATE) -> Store:
    """Open the event store at ``url``, creating the schema on an empty database.

    Parameters
    ----------
    url
        A SQLAlchemy URL: ``sqlite:///path/tracker.db`` (``sqlite://`` in memory)
        or ``postgresql+psycopg://user:password@host/dbname`` (PostGIS installed).
    access
        ``Access.READ`` opens an existing database read-only and refuses a missing
        or empty one; ``Access.WRITE`` refuses a missing SQLite file.

    Raises
    ------
    ConfigError
        The URL cannot be parsed or names an unsupported engine.
    DatabaseUnavailable
        The database cannot be reached or opened.
    SchemaMismatch
        The database is at another schema revision; the message says what to run.

    Examples
    --------
    >>> from tracker.model import EventFilter
    >>> store = open_store("sqlite://")
    >>> store.count_events(EventFilter())
    0
    >>> store.close()
    """
    engine = create_engine(str(url), access=access)
    try:
        if access is Access.READ:
            _require_schema(engine)
        else:
            migrate.ensure_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _require_schema(engine: Engine) -> None:
    if migrate.at_head(engine):
        return  # plain SQL: Alembic is imported only when something is wrong
    status = migrate.schema_status(engine)
    if status.up_to_date:
        return
    if status.current is None and status.empty:
        where = engine.url.render_as_string(hide_password=True)
        raise SchemaMismatch(
            f"the database {where!r} is empty: no events were ever stored there. Check "
            "--db or TRACKER_DB, or store events first with `tracker ingest`"
        )
    raise SchemaMismatch(migrate.mismatch_message(engine, status))


class Store:
    """Events, their reports and the articles behind them, in one database.

    Build it with :func:`open_store`. Every write is one transaction; reads
    stream in pages and never hold a lock that blocks writers.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._dialect = engine.dialect.name

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    # -- articles -----------------------------------------------------------

    def article_status(
        self, article: Article, *, extractor: ExtractorStamp | None = None
    ) -> ArticleStatus:
        """NEW, UNCHANGED, UPDATED (text changed) or STALE (same text, other date or extractor).

        Examples
        --------
        >>> from datetime import date
        >>> store = open_store("sqlite://")
        >>> rules = ExtractorStamp("rules-en", "1")
        >>> _ = store.save_article(Article("A drone hit a depot."), [], extractor=rules)
        >>> store.article_status(Article("A drone hit a depot."), extractor=rules).value
        'unchanged'
        >>> dated = Article("A drone hit a depot.", published=date(2024, 3, 1))
        >>> store.article_status(dated, extractor=rules).value
        'stale'
        """
        return self._read(lambda conn: writer.article_status(conn, article, extractor=extractor))

    def stored_article(self, article_id: str) -> StoredArticle | None:
        """The stored text hash, publication date and extractor of an article, if stored."""
        return self._read(lambda conn: writer.stored_article(conn, article_id))

    def save_article(
        self,
        article: Article,
        events: Sequence[Event],
        *,
        extractor: ExtractorStamp | None = None,
    ) -> SaveResult:
        """Store ``article`` with exactly ``events`` as its reports, in one transaction.

        Re-saving an unchanged article writes nothing. Saving an updated one
        (other text, or the same text re-extracted under another date or
        ``extractor``) replaces its own reports (ids that are still reported
        stay) and re-derives the events they fed. Reports that match an event
        another article reported are merged into it (see docs/schema.md).
        ``extractor`` is kept with the article (see :meth:`article_status`).

        Examples
        --------
        >>> from datetime import date
        >>> from tracker.model import Article, Event, EventFilter, SubEventType, TimePrecision
        >>> store = open_store("sqlite://")
        >>> ev = Event("e1", date(2024, 3, 1), TimePrecision.DAY,
        ...            SubEventType.AIR_DRONE_STRIKE.event_type, SubEventType.AIR_DRONE_STRIKE,
        ...            "A drone hit a depot.", latitude=49.99, longitude=36.23)
        >>> store.save_article(Article("A drone hit a depot."), [ev]).events_added
        1
        >>> store.save_article(Article("A drone hit a depot."), [ev]).status.value
        'unchanged'
        """
        now = datetime.now(UTC)
        return self._write(
            lambda conn: writer.save_article(conn, article, events, now=now, extractor=extractor)
        )

    def save_articles(
        self, pairs: Iterable[ArticleSave], *, batch_size: int = BATCH
    ) -> list[SaveResult]:
        """Save many articles as :meth:`save_article` would, one result per pair, in order.

        Each pair is ``(article, events)`` or ``(article, events, extractor)``.

        Each article is isolated: one whose save fails (a value the database
        refuses, a bad event) gets a result with ``error`` set and nothing of
        it written, and the others are stored all the same. On SQLite up to
        ``batch_size`` articles share one transaction, with a savepoint per
        article: SQLite has a single writer anyway, and most of a small save's
        cost is the transaction around it. A crash loses at most the batch in
        flight, all of it or none, so running the same input again stores
        every article exactly once. On PostgreSQL each article keeps its own
        transaction, so the locks that order concurrent writers (see
        ``writer``) are held for one article, never for a whole batch.

        Raises
        ------
        StorageError
            The database itself failed (locked for too long, disk full, gone):
            the batch in flight is not stored and no later one could be.

        Examples
        --------
        >>> store = open_store("sqlite://")
        >>> [r.status.value for r in store.save_articles([(Article("One."), []),
        ...                                               (Article("Two."), [])])]
        ['new', 'new']
        """
        if batch_size < 1:
            raise ConfigError(f"batch_size {batch_size!r} must be at least 1")
        todo = list(pairs)
        size = batch_size if self._dialect == "sqlite" else 1
        results: list[SaveResult] = []
        for start in range(0, len(todo), size):
            chunk = todo[start : start + size]
            now = datetime.now(UTC)
            results += self._write(lambda conn, c=chunk, t=now: self._save_chunk(conn, c, now=t))
        return results

    def _save_chunk(
        self, conn: sa.Connection, chunk: list[ArticleSave], *, now: datetime
    ) -> list[SaveResult]:
        return [self._save_isolated(conn, *_unpack(item), now=now) for item in chunk]

    def _save_isolated(
        self,
        conn: sa.Connection,
        article: Article,
        events: Sequence[Event],
        extractor: ExtractorStamp | None,
        *,
        now: datetime,
    ) -> SaveResult:
        try:
            with conn.begin_nested():
                return writer.save_article(conn, article, events, now=now, extractor=extractor)
        except (exc.IntegrityError, exc.DataError) as err:
            return SaveResult(ArticleStatus.UNCHANGED, error=translate_error(err, self.engine))
        except exc.SQLAlchemyError:
            raise  # the database itself: the whole batch fails (and may be retried)
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            # One article's malformed events (a bug upstream) must not lose the batch.
            return SaveResult(ArticleStatus.UNCHANGED, error=err)

    def delete_article(self, article_id: str) -> int:
        """Forget an article and its reports; returns how many events disappeared."""
        now = datetime.now(UTC)
        return self._write(lambda conn: writer.delete_article(conn, article_id, now=now))

    def import_events(self, events: Iterable[Event], *, batch_size: int = 10_000) -> int:
        """Bulk-insert already deduplicated events (an export, a benchmark); no merging.

        Ids already stored are skipped; each batch is one transaction. Later
        articles' reports still merge into imported events. Returns how many
        events were inserted.

        On SQLite the spatial index is brought up to date once, at the end,
        together with anything an interrupted import left; queries find every
        committed event meanwhile.
        """
        if batch_size < 1:
            raise ConfigError(f"batch_size {batch_size!r} must be at least 1, e.g. 10000")
        inserted = 0
        stream = iter(events)
        while batch := list(itertools.islice(stream, batch_size)):
            inserted += self._import_batch(batch)
        self._index_backlog()
        if inserted:
            self._refresh_statistics()
        return inserted

    def reindex(self) -> int:
        """Rebuild the spatial index from scratch; returns the events it holds.

        On SQLite the R*Tree is rebuilt packed (fewer, fuller nodes, faster
        searches after much row-by-row growth) and any backlog a crashed
        import left is indexed, the date index it deferred included; on
        PostgreSQL the GiST index is rebuilt.
        """
        if self._dialect == "sqlite":
            return self._write(_reindex_sqlite)
        return self._write(_reindex_postgres)

    def _index_backlog(self) -> None:
        if self._dialect == "sqlite":
            self._write(_index_backlog_sqlite)

    def _refresh_statistics(self) -> None:
        # After a bulk load the planner must learn the new sizes, or PostgreSQL
        # may pick a plan ten times slower until autovacuum gets round to it.
        sql = "ANALYZE events" if self._dialect == "postgresql" else "PRAGMA optimize"
        self._write(lambda conn: conn.exec_driver_sql(sql))

    def _import_batch(self, batch: list[Event]) -> int:
        now = datetime.now(UTC)
        return self._write(lambda conn: bulk.insert_events(conn, batch, now=now))

    # -- events -------------------------------------------------------------

    def query_events(
        self, flt: EventFilter, *, limit: int | None = None, offset: int = 0
    ) -> Iterator[Event]:
        """Stream the events matching ``flt`` ordered by (event_date, event_id).

        Merged events carry every report's ``Source`` and their ``report_count``.
        ``limit``/``offset`` page through the same stable order.
        """
        if (limit is not None and limit < 0) or offset < 0:
            raise ConfigError(f"limit {limit!r} and offset {offset!r} must not be negative")
        remaining = limit
        after: tuple[date, str] | None = None
        while remaining is None or remaining > 0:
            size = PAGE if remaining is None else min(PAGE, remaining)
            page = self._page(flt, after=after, offset=offset, size=size)
            yield from page
            if len(page) < size:
                return
            offset = 0
            after = (page[-1].event_date, page[-1].event_id)
            remaining = None if remaining is None else remaining - len(page)

    def _page(
        self, flt: EventFilter, *, after: tuple[date, str] | None, offset: int, size: int
    ) -> list[Event]:
        stmt = query.page_query(flt, dialect=self._dialect, after=after)
        stmt = stmt.offset(offset or None).limit(size)

        def run(conn: sa.Connection) -> list[Event]:
            rows = [r._mapping for r in conn.execute(stmt)]
            sources = _sources(conn, [r["event_id"] for r in rows])
            return [_event(r, sources) for r in rows]

        return self._read(run)

    @property
    def columnar(self) -> bool:
        """Whether :meth:`read_records` can read this database (not an in-memory SQLite one)."""
        from tracker.store import columnar  # pyarrow: only bulk readers pay for importing it

        return columnar.supported(self.engine)

    def read_records(
        self, flt: EventFilter, *, columns: Sequence[str] | None = None
    ) -> Iterator[pa.RecordBatch]:
        """The records of the events matching ``flt`` as Arrow record batches, in listing order.

        The bulk path for whole-table and large reads (exports, the map,
        analytics): the same events and values as :meth:`query_events`, with
        no Python object per event (``tracker/store/columnar.py``). Each batch
        has the columns of ``columnar.RECORD_SCHEMA``; JSON-valued ones
        (``sources``, ``evidence``, the spans) hold compact JSON text.
        ``columns`` reads only those columns (a map needs a third of them).

        Raises
        ------
        ConfigError
            The database is an in-memory SQLite one (see :attr:`columnar`),
            or ``columns`` names one the record does not have.
        """
        from tracker.store import columnar

        if not columnar.supported(self.engine):
            raise ConfigError(
                "an in-memory SQLite database cannot be read in bulk by a second driver; "
                "use query_events, or a database file"
            )
        schema = columnar.record_schema(columns)
        return columnar.read_batches(self.engine, flt, schema=schema)

    def query_records(self, flt: EventFilter) -> pa.Table:
        """The records of the events matching ``flt`` as one Arrow table, in listing order.

        The light path for questions with small answers (a box, a radius, a
        month; an HTTP API's pages): the same events and values as
        :meth:`query_events` and :meth:`read_records`, columns as in
        ``columnar.RECORD_SCHEMA``, in one statement on the store's own
        connection and without an ``Event`` per row. The whole answer is
        held in memory: stream large ones with :meth:`read_records`.

        On SQLite a box, a radius and a period (nothing else) take a faster,
        equivalent path straight through the driver (``store/light.py``).
        """
        from tracker.store import columnar, light

        if self._dialect == "sqlite" and light.handles(flt):
            return light.query_table(self.engine, flt)
        return self._read(lambda conn: columnar.query_table(conn, flt))

    def get_event(self, event_id: str) -> Event | None:
        """The event with this id (with its sources), or None."""

        def run(conn: sa.Connection) -> Event | None:
            row = conn.execute(sa.select(*EVENTS.c).where(EVENTS.c.event_id == event_id)).first()
            if row is None:
                return None
            return _event(row._mapping, _sources(conn, [event_id]))

        return self._read(run)

    def count_events(self, flt: EventFilter) -> int:
        """How many events match ``flt``."""
        stmt = query.count_query(flt, dialect=self._dialect)
        return self._read(lambda conn: conn.execute(stmt).scalar_one())

    def counts(self, flt: EventFilter, *, by: str | CountBy) -> list[tuple[str, int]]:
        """Event counts per day, week (its Monday), month (YYYY-MM), region or type.

        Time buckets come in time order; regions and types by count, largest
        first. Events without a region are counted under ``"(unknown)"``.
        """
        bucket = _count_by(by)
        stmt = query.group_query(flt, by=bucket, dialect=self._dialect)
        rows = self._read(lambda conn: [tuple(r) for r in conn.execute(stmt)])
        if bucket in (CountBy.DAY, CountBy.WEEK, CountBy.MONTH):
            return query.fold_days(iter(rows), by=bucket)
        named = [(key if key else "(unknown)", n) for key, n in rows]
        return sorted(named, key=lambda kv: (-kv[1], kv[0]))

    def article_count(self) -> int:
        """How many articles are stored."""
        stmt = sa.select(sa.func.count()).select_from(ARTICLES)
        return self._read(lambda conn: conn.execute(stmt).scalar_one())

    # -- fetch state ----------------------------------------------------------

    def get_fetch_state(self, url: str) -> FetchState | None:
        """What the last fetch of ``url`` returned, or None if never fetched."""
        stmt = sa.select(FETCH_STATE).where(FETCH_STATE.c.url == url)
        row = self._read(lambda conn: conn.execute(stmt).first())
        return None if row is None else FetchState(**row._mapping)

    def put_fetch_state(self, state: FetchState) -> None:
        """Remember ``state`` for its URL (replacing the previous one)."""
        values = {
            "url": state.url,
            "etag": state.etag,
            "last_modified": state.last_modified,
            "content_hash": state.content_hash,
            "status": state.status,
            "fetched_at": state.fetched_at or datetime.now(UTC),
        }

        def run(conn: sa.Connection) -> None:
            conn.execute(sa.delete(FETCH_STATE).where(FETCH_STATE.c.url == state.url))
            conn.execute(sa.insert(FETCH_STATE).values(values))

        self._write(run)

    # -- source health --------------------------------------------------------

    def record_source_runs(self, runs: Sequence[sourceruns.SourceRun]) -> int:
        """Store what one ingest run got from each of its sources (see docs/schema.md)."""
        return self._write(lambda conn: sourceruns.insert_runs(conn, runs))

    def source_runs(self, *, since: datetime) -> list[sourceruns.SourceRun]:
        """Every source run started at or after ``since``, oldest first."""
        return self._read(lambda conn: sourceruns.runs_since(conn, since))

    def last_changed(self) -> tuple[int, datetime | None]:
        """How many events there are and when the newest change was: a cheap data version.

        A server uses it to answer "has anything changed?" (HTTP ETag and
        Last-Modified) without reading the events themselves.
        """
        stmt = sa.select(sa.func.count(), sa.func.max(EVENTS.c.updated_at)).select_from(EVENTS)

        def run(conn: sa.Connection) -> tuple[int, datetime | None]:
            count, newest = conn.execute(stmt).one()
            if isinstance(newest, str):  # SQLite's max() of a timestamp column is text
                newest = datetime.fromisoformat(newest)
            if newest is not None and newest.tzinfo is None:
                newest = newest.replace(tzinfo=UTC)
            return int(count), newest

        return self._read(run)

    # -- plumbing -------------------------------------------------------------

    def schema_status(self) -> migrate.SchemaStatus:
        """The database's schema revision against this code's."""
        return migrate.schema_status(self.engine)

    def _read(self, fn: Callable[[sa.Connection], T]) -> T:
        with translated(self.engine), self.engine.connect() as conn:
            return fn(conn)

    def _write(self, fn: Callable[[sa.Connection], T]) -> T:
        """Run ``fn`` in one write transaction, retrying when another writer was in the way."""
        for attempt in range(_RETRIES):
            try:
                with self.engine.connect() as conn:
                    conn.execution_options(**{IMMEDIATE: True})
                    with conn.begin():
                        return fn(conn)
            except exc.DBAPIError as err:
                if attempt + 1 < _RETRIES and _transient(err):
                    time.sleep(0.05 * 2**attempt)
                    continue
                raise translate_error(err, self.engine) from err
            except exc.SQLAlchemyError as err:
                raise translate_error(err, self.engine) from err
        raise AssertionError("unreachable")  # the loop returns or raises


def _unpack(item: ArticleSave) -> tuple[Article, Sequence[Event], ExtractorStamp | None]:
    """``(article, events, extractor)`` from a pair or a triple."""
    if len(item) == 2:
        return item[0], item[1], None
    return item[0], item[1], item[2]


def _index_backlog_sqlite(conn: sa.Connection) -> None:
    bulk.restore_indexes(conn)
    rtree.catch_up(conn)


def _reindex_sqlite(conn: sa.Connection) -> int:
    bulk.restore_indexes(conn)
    return rtree.pack(conn)


def _reindex_postgres(conn: sa.Connection) -> int:
    conn.exec_driver_sql("REINDEX INDEX ix_events_geom_date")
    return conn.exec_driver_sql("SELECT count(*) FROM events WHERE geom IS NOT NULL").scalar_one()


def _transient(err: exc.DBAPIError) -> bool:
    text = str(err.orig).lower()
    return err.connection_invalidated or any(t in text for t in _TRANSIENT)


def _count_by(by: str | CountBy) -> CountBy:
    try:
        return CountBy(by)
    except ValueError:
        names = ", ".join(b.value for b in CountBy)
        raise ConfigError(f"cannot count by {by!r}; choose one of: {names}") from None


def _event(row: Mapping[str, Any], sources: dict[str, tuple[Source, ...]]) -> Event:
    # Bulk-imported events have no report rows: their own source fields stand in.
    own = Source(row["article_id"] or row["event_id"], row["source_url"], row["source_title"])
    return event_from_row(row, sources=sources.get(row["event_id"]) or (own,))


def _sources(conn: sa.Connection, event_ids: list[str]) -> dict[str, tuple[Source, ...]]:
    if not event_ids:
        return {}
    stmt = (
        sa.select(
            REPORTS.c.event_id,
            REPORTS.c.report_id,
            REPORTS.c.article_id,
            REPORTS.c.source_url,
            REPORTS.c.source_title,
            ARTICLES.c.url,
            ARTICLES.c.title,
            ARTICLES.c.outlet,
            ARTICLES.c.published,
        )
        .outerjoin(ARTICLES, ARTICLES.c.article_id == REPORTS.c.article_id)
        .where(REPORTS.c.event_id.in_(event_ids))
        .order_by(REPORTS.c.seq)
    )
    found: dict[str, dict[str, Source]] = {}
    for row in conn.execute(stmt):
        source = source_from_row(row._mapping)
        found.setdefault(row.event_id, {}).setdefault(source.article_id, source)
    return {event_id: tuple(by_article.values()) for event_id, by_article in found.items()}


def database_status(url: str) -> migrate.SchemaStatus:
    """The schema revision of the database at ``url`` against this tracker's (no changes)."""
    engine = create_engine(str(url), access=Access.READ)
    try:
        return migrate.schema_status(engine)
    finally:
        engine.dispose()


def upgrade_database(url: str) -> tuple[migrate.SchemaStatus, migrate.SchemaStatus]:
    """Migrate the database at ``url`` to this tracker's schema; returns (before, after).

    Raises SchemaMismatch for a database from a newer tracker or one with
    tables tracker did not make.
    """
    engine = create_engine(str(url))
    try:
        before = migrate.schema_status(engine)
        if not before.known or (before.current is None and not before.empty):
            raise SchemaMismatch(migrate.mismatch_message(engine, before))
        return before, migrate.upgrade(engine)
    finally:
        engine.dispose()
