"""``run_ingest``: every source, read or fetched, into the store, one article at a time."""

from __future__ import annotations

import contextlib
import dataclasses
import sys
import traceback
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import (
    ConfigError,
    GazetteerError,
    InputError,
    LockedError,
    StaleLockError,
    StorageError,
    TrackerError,
)
from tracker.ingest.fetch import Fetcher
from tracker.ingest.local import (
    RECORD_SUFFIXES,
    STDIN,
    ReadOptions,
    expand_local,
    is_glob,
    read_path,
    read_stdin,
)
from tracker.ingest.lock import job_lock, lock_path, read_holder
from tracker.ingest.log import JsonlLog
from tracker.ingest.options import IngestOptions
from tracker.ingest.progress import IngestProgress
from tracker.ingest.records import ArticleDefaults, Item
from tracker.ingest.remote import RemoteIngest
from tracker.ingest.sink import ArticleSink
from tracker.ingest.sources import SourceSpec, load_sources_file, specs_from_args
from tracker.ingest.summary import IngestSummary
from tracker.ingest.urls import canonicalize_url, is_web_url
from tracker.settings import data_home

if TYPE_CHECKING:
    from tracker.app import App
    from tracker.extract import Extractor
    from tracker.model import Article
    from tracker.places import StoreActivity


def run_ingest(
    sources: Sequence[str],
    *,
    app: App,
    extractor: Extractor,
    options: IngestOptions,
    activity: StoreActivity | None = None,
) -> IngestSummary:
    """Read, fetch, extract and store every article the sources hold.

    Parameters
    ----------
    sources
        Paths to files or folders, glob patterns, ``-`` for stdin, article URLs
        and RSS/Atom feed URLs, in any mix. ``options.sources_file`` adds more.
    app
        Gives the store (``app.store``).
    extractor
        Reads each article into events, e.g. ``app.extractor``; its name and
        version are stored with every article it reads.
    options
        Defaults for articles, fetch limits, lock, log and progress.
    activity
        The front-line context ``extractor``'s gazetteer chooses homonyms by
        (see :func:`tracker.places.front_line`); each article's located events
        are added to it as the run goes, so later articles see earlier ones.

    Returns
    -------
    IngestSummary
        Counts and named failures. One bad item never stops the run; a missing
        local path, a bad sources file or a held lock raise before anything is read.

    Examples
    --------
    >>> app = App("sqlite:///t.db")  # doctest: +SKIP
    >>> summary = run_ingest(["articles/"], app=app, extractor=app.extractor,
    ...                      options=IngestOptions())  # doctest: +SKIP
    >>> summary.exit_code  # doctest: +SKIP
    0
    """
    specs = _specs(sources, options)
    _check_single_article(specs, options)
    plan = [(spec, _paths(spec)) for spec in specs if not spec.remote]
    remote = [spec for spec in specs if spec.remote]
    with (
        JsonlLog(options.log_jsonl) as log,
        _lock(options, log),
        IngestProgress(enabled=options.progress) as progress,
    ):
        log.write("start", sources=[spec.label for spec in specs])
        sink = ArticleSink(
            app=app,
            extractor=extractor,
            fallback=_fallback(options),
            log=log,
            progress=progress,
            reprocess=options.reprocess,
            activity=activity,
        )
        for spec in specs:
            sink.sources.open(spec)
        try:
            _ingest_all(plan, remote, app=app, sink=sink, options=options)
        except TrackerError as err:
            # the database or gazetteer failed: say so in the log an operator reads
            log.write("abort", error=type(err).__name__, message=str(err))
            raise
        # What each source gave this run, for `tracker sources` and the server's /health.
        app.store.record_source_runs(sink.sources.runs())
        summary = sink.tally.freeze()
        log.write("summary", **summary.as_dict())
    return summary


def _ingest_all(
    plan: list[tuple[SourceSpec, list[Path] | None]],
    remote: list[SourceSpec],
    *,
    app: App,
    sink: ArticleSink,
    options: IngestOptions,
) -> None:
    for spec, paths in plan:
        _ingest_local(spec, paths, sink=sink, options=options)
    if remote:
        with Fetcher(options.fetch) as fetcher:
            runner = RemoteIngest(
                fetcher=fetcher, sink=sink, store=app.store, refetch_seen=options.refetch_seen
            )
            runner.run(remote)


def _specs(sources: Sequence[str], options: IngestOptions) -> list[SourceSpec]:
    specs = specs_from_args(sources)
    if options.sources_file is not None:
        specs += load_sources_file(options.sources_file)
    if not specs:
        raise ConfigError(
            "no sources given; name files, folders, URLs or '-', or pass --sources FILE"
        )
    if sum(spec.location == STDIN for spec in specs) > 1:
        raise ConfigError("'-' (stdin) can be given only once")
    return specs


def _check_single_article(specs: list[SourceSpec], options: IngestOptions) -> None:
    if not (options.url or options.title):
        return
    if options.url and not is_web_url(options.url):
        raise ConfigError(
            f"--url {options.url!r} is not an http(s) URL, e.g. https://example.org/a"
        )
    only = specs[0].location if len(specs) == 1 else None
    single = (
        only is not None
        and not specs[0].remote
        and not is_glob(only)
        and (
            only == STDIN
            or (Path(only).is_file() and Path(only).suffix.lower() not in RECORD_SUFFIXES)
        )
    )
    if not single:
        raise ConfigError(
            "--url and --title describe one article: give exactly one text or HTML file "
            f"(or '-'), not {[s.location for s in specs]!r}"
        )


def _paths(spec: SourceSpec) -> list[Path] | None:
    return None if spec.location == STDIN else expand_local(spec.location)


def _fallback(options: IngestOptions) -> ArticleDefaults:
    return ArticleDefaults(
        published=options.published,
        outlet=options.outlet,
        language=options.language,
        country_focus=options.country_focus,
    )


@contextlib.contextmanager
def _lock(options: IngestOptions, log: JsonlLog) -> Iterator[None]:
    if options.lock_name is None:
        yield
        return
    directory = options.lock_dir or data_home() / "locks"
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(
                job_lock(options.lock_name, directory=directory, max_run_time=options.max_run_time)
            )
        except LockedError as err:
            # A refused run leaves a line too, so a health report can tell an hour
            # skipped behind a running job from one skipped behind a hung one.
            path = lock_path(options.lock_name, directory=directory)
            _log_locked(log, err, path=path, max_run_time=options.max_run_time)
            raise
        yield


def _log_locked(log: JsonlLog, err: LockedError, *, path: Path, max_run_time: float) -> None:
    holder = read_holder(path)
    now = datetime.now(UTC)
    log.write(
        "locked",
        stale=isinstance(err, StaleLockError),
        error=type(err).__name__,
        message=str(err),
        lock_file=str(path),
        **(holder.log_fields(now=now, max_run_time=max_run_time) if holder else {}),
    )


def _ingest_local(
    spec: SourceSpec, paths: list[Path] | None, *, sink: ArticleSink, options: IngestOptions
) -> None:
    sources: list[tuple[str, Iterator[Item]]]
    # a sources-file entry names its own channel; --telegram-channel names the rest
    channel = spec.telegram_channel or options.telegram_channel
    reading = ReadOptions(text_column=options.text_column, telegram_channel=channel)
    if paths is None:
        sources = [(STDIN, read_stdin(sys.stdin.buffer, options=reading))]
    else:
        sources = [(str(p), read_path(p, options=reading)) for p in paths]
    with sink.batched():
        for origin, items in sources:
            try:
                _take_items(items, spec=spec, sink=sink, options=options)
            except (StorageError, GazetteerError):
                raise
            except Exception as err:  # noqa: BLE001 - a reader bug on one file must not stop the run
                detail = traceback.format_exc()
                sink.fail(origin, err, detail=detail, source=spec.label, whole_source=True)
            else:
                sink.tally.sources_read += 1
                sink.sources.read(spec.label)


def _take_items(
    items: Iterator[Item], *, spec: SourceSpec, sink: ArticleSink, options: IngestOptions
) -> None:
    for item in items:
        if item.article is None:
            error = item.error or InputError(f"{item.origin}: unreadable")
            sink.fail(item.origin, error, source=spec.label)
            continue
        sink.queue(
            _with_overrides(item.article, options),
            origin=item.origin,
            override=spec.options,
            source=spec.label,
        )


def _with_overrides(article: Article, options: IngestOptions) -> Article:
    if not (options.url or options.title):
        return article
    return dataclasses.replace(
        article,
        url=canonicalize_url(options.url) if options.url else article.url,
        title=options.title or article.title,
    )
