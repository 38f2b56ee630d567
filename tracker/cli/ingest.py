"""``tracker ingest``: files, folders, stdin, URLs and feeds into the database."""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tracker.app import App
from tracker.cli.common import handle_errors, parse_date

if TYPE_CHECKING:
    from tracker.ingest import IngestOptions


def _fetch_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options that bound remote fetching, as one decorator."""
    options = [
        click.option(
            "--allow-private-urls",
            is_flag=True,
            help="Fetch from loopback/private/link-local addresses (local mirrors, tests).",
        ),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
                     help="Seconds to connect and for each read."),
        click.option("--max-bytes", type=click.IntRange(min=1024), default=10_000_000,
                     show_default=True, help="Largest page or feed accepted."),
        click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
                     help="Retries on 429, 5xx and dropped connections."),
        click.option("--backoff", type=click.FloatRange(min=0), default=1.0, show_default=True,
                     help="First retry delay in seconds, doubled each time (Retry-After wins)."),
        click.option("--workers", type=click.IntRange(1, 64), default=8, show_default=True,
                     help="Downloads in parallel."),
        click.option("--per-host", type=click.IntRange(1, 16), default=2, show_default=True,
                     help="Downloads in parallel from one host (politeness)."),
        click.option("--proxy", metavar="URL",
                     help="HTTP(S) proxy for all fetches, e.g. http://proxy.lan:3128."),
        click.option("--refetch-seen", is_flag=True,
                     help="Fetch feed entries stored by earlier runs again."),
    ]  # fmt: skip
    for option in reversed(options):
        func = option(func)
    return func


@click.command("ingest")
@click.argument("sources", nargs=-1, metavar="SOURCE...")
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles that give none.")
@click.option("--url", help="Canonical URL of the single article being read.")
@click.option("--title", help="Title of the single article being read.")
@click.option("--outlet", help="Outlet name for articles that give none.")
@click.option(
    "--language",
    metavar="CODE",
    help="ISO 639-1 code (en, uk, ru) for articles that declare none; default: detected.",
)
@click.option("--country-focus", help="ISO country code the articles are about (default UA).")
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file listing feeds/paths with per-source outlet, language, country_focus.",
)
@click.option("--text-column", default="text", show_default=True, help="CSV column with the text.")
@click.option(
    "--telegram-channel",
    metavar="USERNAME",
    help="Public username of the channel a Telegram export comes from (links t.me/USERNAME/ID).",
)
@_fetch_options
@click.option(
    "--log-jsonl",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append one JSON object per source, article and failure to this file.",
)
@click.option("--lock-name", help="Job name for the run lock (default: one per database).")
@click.option(
    "--reprocess",
    is_flag=True,
    help="Extract the events of articles already stored again, even when unchanged "
    "(after an extractor upgrade or a gazetteer load).",
)
@click.option(
    "--max-run-time",
    type=click.FloatRange(min=1),
    default=3600.0,
    show_default=True,
    metavar="SECONDS",
    help="How long this run may hold the lock; a run blocked longer than that by a holder "
    "reports it as hung (exit 4).",
)
@click.option("--json", "as_json", is_flag=True, help="Also print the summary as JSON on stdout.")
@click.option("--progress/--no-progress", default=True, help="Progress bar (only on a terminal).")
@click.pass_obj
@handle_errors
def ingest(app: App, sources: tuple[str, ...], **opts: Any) -> None:
    """Read articles from SOURCEs, extract their events and store both.

    A SOURCE is a text, HTML, JSON, JSON Lines or CSV file, a Telegram Desktop
    chat export (result.json: one article per message), a folder (read
    recursively), a glob such as 'inbox/**/*.jsonl', '-' for stdin, an article
    URL or an RSS/Atom feed URL. Re-ingesting an article adds nothing; feeds are
    fetched conditionally and entries seen before are not fetched again. A stored
    article is extracted again when its publication date or the extractor's
    version changed, or with --reprocess. Articles without a date are dated from
    today, with a warning naming each one.

    Prints a summary on stderr. Exit status: 0 all stored, 1 some items failed
    (each named), 2 usage error, 3 another run of the same job is in progress,
    4 that run has held the lock past its maximum run time (probably hung).

    \b
    Example:
      tracker ingest articles/ --published 2022-04-12
      tracker ingest https://news.example.org/rss --log-jsonl ingest.log
      tracker ingest --sources feeds.toml --lock-name hourly
      tracker ingest reports/ --reprocess
      tracker ingest result.json --telegram-channel example_news
    """
    from tracker.extract import default_extractor
    from tracker.ingest import run_ingest
    from tracker.places import StoreActivity, front_line

    options = _options(app, opts)
    # homonyms are chosen where the store's recent events are (the front line)
    activity = StoreActivity(app.store, today=datetime.now(UTC).date())
    extractor = default_extractor(front_line(app.gazetteer, activity))
    summary = run_ingest(
        list(sources), app=app, extractor=extractor, options=options, activity=activity
    )
    click.echo(summary.describe(), err=True)
    if opts["as_json"]:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    sys.exit(summary.exit_code)


def _options(app: App, opts: dict[str, Any]) -> IngestOptions:
    from tracker.ingest import FetchPolicy, IngestOptions

    fetch = FetchPolicy(
        timeout=opts["timeout"],
        max_bytes=opts["max_bytes"],
        retries=opts["retries"],
        backoff_base=opts["backoff"],
        workers=opts["workers"],
        per_host=opts["per_host"],
        allow_private_urls=opts["allow_private_urls"],
        proxy=opts["proxy"],
    )
    return IngestOptions(
        published=parse_date(opts["published"], option="--published"),
        url=opts["url"],
        title=opts["title"],
        outlet=opts["outlet"],
        language=_language(opts["language"]),
        country_focus=opts["country_focus"],
        sources_file=opts["sources_file"],
        text_column=opts["text_column"],
        telegram_channel=_telegram_channel(opts["telegram_channel"]),
        fetch=fetch,
        log_jsonl=opts["log_jsonl"],
        lock_name=opts["lock_name"] or default_lock_name(app.db_url),
        max_run_time=opts["max_run_time"],
        progress=opts["progress"],
        refetch_seen=opts["refetch_seen"],
        reprocess=opts["reprocess"],
    )


def _language(code: str | None) -> str | None:
    from tracker.ingest.language import check_language_code

    return None if code is None else check_language_code(code)


def _telegram_channel(username: str | None) -> str | None:
    from tracker.ingest.telegram import check_username

    return None if username is None else check_username(username)


@functools.cache
def default_lock_name(db_url: str) -> str:
    """One lock per database: runs into different databases never block each other."""
    return "ingest-" + hashlib.sha256(db_url.encode()).hexdigest()[:12]
