"""The main job on the bundled example articles: ingest, store, map, export.

It is what the README's first command runs, with the embedded defaults: a
SQLite file, the built-in gazetteer, no network. The demo keeps its own
database in its output folder, so it never adds the examples to the user's
events, and its map and GeoJSON show the examples only.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tracker.app import App
from tracker.errors import ExportError
from tracker.export import ExportMetadata, export_events
from tracker.ingest import IngestOptions, IngestSummary, run_ingest
from tracker.mapping import write_event_map
from tracker.model import EventFilter
from tracker.store import upgrade_database

EXAMPLES = "articles.jsonl"
DEMO_DB = "tracker.db"


@dataclass(frozen=True, slots=True)
class DemoResult:
    """Where the main job put its outputs, and what the ingest did."""

    summary: IngestSummary
    db_path: Path
    map_path: Path
    geojson_path: Path
    event_count: int


def example_articles_path() -> Path:
    """The bundled example articles (JSON Lines), as a real file path."""
    return Path(str(resources.files("tracker.examples").joinpath(EXAMPLES)))


def run_demo(*, out_dir: Path) -> DemoResult:
    """Ingest the bundled examples into ``out_dir/tracker.db``, then write a map and GeoJSON.

    Running it again adds nothing; a demo database left by an older tracker is
    migrated first.

    Examples
    --------
    >>> result = run_demo(out_dir=Path("out"))  # doctest: +SKIP
    >>> result.map_path.name, result.db_path.name  # doctest: +SKIP
    ('map.html', 'tracker.db')
    """
    _make_folder(out_dir)
    db_path = out_dir.resolve() / DEMO_DB
    db_url = f"sqlite:///{db_path}"
    upgrade_database(db_url)
    app = App(db_url)
    try:
        return _run(app, out_dir=out_dir, db_path=db_path)
    finally:
        app.close()


def _run(app: App, *, out_dir: Path, db_path: Path) -> DemoResult:
    summary = run_ingest(
        [str(example_articles_path())],
        app=app,
        extractor=app.extractor,
        options=IngestOptions(),
    )
    everything = EventFilter()
    map_path = write_event_map(
        app.store,
        everything,
        out_dir / "map.html",
        title="Conflict events from the example articles",
    )
    exported = export_events(
        app.store.query_events(everything),
        out_dir / "events.geojson",
        metadata=ExportMetadata(filters=everything),
    )
    return DemoResult(summary, db_path, map_path, Path(exported.path), exported.count)


def _make_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(
            f"cannot create the demo's folder {str(out_dir)!r}: {err.strerror or err}; "
            "choose a writable folder with --out"
        ) from err
