"""``tracker extract`` and ``tracker eval extract``: extraction without writing anything."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from geodata.protocols import Gazetteer
from tracker.app import App
from tracker.cli.common import database_access, emit, handle_errors, parse_date
from tracker.errors import ConfigError, InputError
from tracker.export.records import json_record
from tracker.model import Article, Event
from tracker.settings import Access

if TYPE_CHECKING:
    from tracker.extract import Extractor

_GAZETTEER_HELP = (
    "GeoNames file(s) to resolve places with (country dump, admin1CodesASCII, admin2Codes); "
    "repeatable. Default: the gazetteer loaded into the database, else the embedded one."
)


# --gazetteer FILE..., shared by extract, eval extract and eval news.
gazetteer_option = click.option(
    "--gazetteer",
    "gazetteer_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help=_GAZETTEER_HELP,
)


def _gazetteer(app: App, paths: Sequence[Path]) -> Gazetteer:
    if not paths:
        return app.gazetteer
    from geodata import gazetteer_from_files
    from geodata.errors import GeodataError
    from tracker.places import translate

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InputError(f"no such gazetteer file: {missing[0]!r}; give GeoNames files")
    folders = [str(p) for p in paths if p.is_dir()]
    if folders:
        raise InputError(f"{folders[0]!r} is a folder; give the GeoNames files in it")
    try:
        return gazetteer_from_files(list(paths), fill_from_embedded=True)
    except GeodataError as err:
        raise translate(err) from err


def _extractor(app: App, paths: Sequence[Path], *, preview: bool = False) -> Extractor:
    """The extractor with the database's gazetteer or the given files; a ``preview``
    (``tracker extract``) stores nothing and falls back to the embedded gazetteer."""
    from tracker.store.engine import missing_sqlite_file

    if not paths and not (preview and missing_sqlite_file(app.db_url) is not None):
        return app.extractor
    from tracker.extract import default_extractor

    return default_extractor(_extract_gazetteer(app, paths, preview=preview))


def _extract_gazetteer(app: App, paths: Sequence[Path], *, preview: bool) -> Gazetteer:
    from tracker.store.engine import missing_sqlite_file

    if not paths and not (preview and missing_sqlite_file(app.db_url) is not None):
        return app.gazetteer
    return _preview_gazetteer(app, paths) if preview else _gazetteer(app, paths)


def _preview_gazetteer(app: App, paths: Sequence[Path]) -> Gazetteer:
    # A preview stores nothing, so no database yet (a fresh install) is no error:
    # the embedded gazetteer is what the database would hold, and saying so keeps
    # a mistyped --db from passing unnoticed.
    from tracker.store.engine import missing_sqlite_file

    missing = None if paths else missing_sqlite_file(app.db_url)
    if missing is None:
        return _gazetteer(app, paths)
    from geodata import load_embedded_gazetteer
    from tracker.places import TranslatingGazetteer

    click.echo(f"Note: no database at {str(missing)!r}; using the embedded gazetteer", err=True)
    return TranslatingGazetteer(load_embedded_gazetteer())


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise InputError(f"cannot read {path!r}: {err.strerror}; give a text file or -") from None


@click.command("extract")
@click.argument("path", required=False, default="-", metavar="[PATH|-]")
@click.option(
    "--published", help="Publication date (YYYY-MM-DD); anchors 'yesterday', 'last week'."
)
@click.option("--url", help="Canonical URL of the article (its identity and source link).")
@click.option("--title", help="Title of the article.")
@click.option(
    "--language",
    metavar="CODE",
    help="ISO 639-1 code (en, uk, ru) choosing the extractor; default: detected from the text.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["geojson", "jsonl"]),
    default="geojson",
    show_default=True,
    help="GeoJSON FeatureCollection, or one JSON object per event.",
)
@click.option(
    "--batch",
    type=click.Path(exists=True, dir_okay=False, allow_dash=True),
    metavar="FILE.jsonl",
    help='One article per line {"id", "text", "title"?, "published"?, "url"?}; '
    "writes one JSON line per event; bad lines are reported on stderr and skipped.",
)
@gazetteer_option
@click.pass_obj
@handle_errors
@database_access(Access.READ, caches_geocoding=True)
def extract(
    app: App,
    path: str,
    published: str | None,
    url: str | None,
    title: str | None,
    language: str | None,
    fmt: str,
    batch: str | None,
    gazetteer_paths: tuple[Path, ...],
) -> None:
    """Print the events an article reports, without storing anything.

    Each event carries its place, date and precision, actors, fatalities, the
    sentence it came from (notes) and the evidence for every choice. Events
    with no usable place are printed without coordinates. The article's
    language (--language, else detected from the text) chooses the extractor.

    \b
    Example:
      tracker extract article.txt --published 2022-04-12
      tracker extract post.txt --language uk
      tracker extract --batch articles.jsonl > events.jsonl
    """
    from tracker.ingest.language import check_language_code, with_detected_language

    code = None if language is None else check_language_code(language)
    if batch is not None:
        if code is not None:
            raise ConfigError("--language describes one article; it cannot apply to --batch")
        _run_batch(batch, _extract_gazetteer(app, gazetteer_paths, preview=True))
        return
    article = Article(
        _read_text(path),
        title=title,
        url=url,
        published=parse_date(published, option="--published"),
        language=code,
    )
    article = with_detected_language(article)
    events = _extractor(app, gazetteer_paths, preview=True).extract(article)
    if fmt == "jsonl":
        emit((json_record(e) for e in events), "jsonl", columns=())
        return
    from tracker.export import ExportMetadata, export_events

    export_events(events, "-", fmt="geojson", metadata=ExportMetadata())


class _Detecting:
    """Batch lines that declare no "language" get the detected one, as single articles do."""

    def __init__(self, inner: Extractor) -> None:
        self.inner = inner
        self.name, self.version, self.languages = inner.name, inner.version, inner.languages

    def extract(self, article: Article) -> list[Event]:
        from tracker.ingest.language import with_detected_language

        return self.inner.extract(with_detected_language(article))


def _run_batch(batch: str, gazetteer: Gazetteer) -> None:
    """Extract a batch with front-line context from the batch itself: a first pass over
    its unambiguous places (a file; standard input is read once), then every article's
    located events as they come."""
    from geodata.activity import Activity
    from tracker.extract import default_extractor
    from tracker.extract.batch import LineError, batch_activity, extract_lines
    from tracker.places import front_line

    activity = Activity()
    if batch != "-":
        with click.open_file(batch, "r", encoding="utf-8", errors="replace") as first:
            activity = batch_activity(first, gazetteer)
    extractor = _Detecting(default_extractor(front_line(gazetteer, activity)))
    out = sys.stdout
    stream = click.open_file(batch, "r", encoding="utf-8", errors="replace")
    articles = errors = events = 0
    with stream:
        for result in extract_lines(stream, extractor=extractor, activity=activity):
            articles += 1
            if isinstance(result, LineError):
                errors += 1
                label = f" (id {result.input_id!r})" if result.input_id else ""
                click.echo(f"Error: line {result.line}{label}: {result.message}", err=True)
                continue
            for event in result.events:
                events += 1
                record = {"id": result.input_id, **json_record(event)}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    click.echo(f"{articles} article(s), {events} event(s), {errors} error(s)", err=True)
    if errors:
        sys.exit(1)


@click.command("extract")
@click.argument("csv_path", metavar="CSV", type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N rows.")
@click.option(
    "--radius-km",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="How close an event must land to the true point.",
)
@click.option(
    "--misses",
    type=click.IntRange(min=0),
    default=0,
    help="Also list this many rows that were missed, with the nearest distance.",
)
@gazetteer_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_obj
@handle_errors
@database_access(Access.READ, caches_geocoding=True)
def eval_extract(
    app: App,
    csv_path: Path,
    limit: int | None,
    radius_km: float,
    misses: int,
    gazetteer_paths: tuple[Path, ...],
    fmt: str,
) -> None:
    """Score extraction on a devset CSV of titles with true coordinates.

    A row is a hit when an extracted event lands within --radius-km of the true
    point and its type is plausible for the row's event group.

    \b
    Example:
      tracker eval extract devset/cir_russia_ukraine_monitor_events.csv --limit 500
    """
    from tracker.extract.evaluate import evaluate_devset

    report, outcomes = evaluate_devset(
        csv_path, extractor=_extractor(app, gazetteer_paths), limit=limit, radius_km=radius_km
    )
    rows = [
        {"measure": name, "rows": count, "share": report.share(count)}
        for name, count in (
            ("rows", report.rows),
            ("with an event", report.with_events),
            ("with a located event", report.located),
            ("type plausible", report.plausible),
            (f"event within {radius_km:g} km, type plausible (hit)", report.hits),
        )
    ]
    emit(rows, fmt, columns=("measure", "rows", "share"))
    missed = [o for o in outcomes if not o.hit][:misses]
    for o in missed:
        click.echo(
            f"miss {o.entry}: {o.title!r} events={o.events} nearest_km={o.distance_km}", err=True
        )
