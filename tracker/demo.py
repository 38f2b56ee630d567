"""The main job on the bundled example articles: ingest, store, map, export.

It is what the README's first command runs, with the embedded defaults: a
SQLite file, the built-in gazetteer, no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tracker.app import App
from tracker.export import ExportMetadata, export_events
from tracker.ingest import IngestOptions, IngestSummary, run_ingest
from tracker.mapping import write_event_map
from tracker.model import EventFilter

EXAMPLES = "articles.jsonl"


@dataclass(frozen=True, slots=True)
class DemoResult:
    """Where the main job put its outputs, and what the ingest did."""

    summary: IngestSummary
    map_path: Path
    geojson_path: Path
    event_count: int


def example_articles_path() -> Path:
    """The bundled example articles (JSON Lines), as a real file path."""
    return Path(str(resources.files("tracker.examples").joinpath(EXAMPLES)))


def run_demo(app: App, *, out_dir: Path) -> DemoResult:
    """Ingest the bundled examples into ``app``'s database, then write a map and GeoJSON.

    Examples
    --------
    >>> from tracker.app import App
    >>> result = run_demo(App("sqlite:///demo.db"), out_dir=Path("out"))  # doctest: +SKIP
    >>> result.map_path.name  # doctest: +SKIP
    'map.html'
    """
    out_dir.mkdir(parents=True, exist_ok=True)
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
    return DemoResult(summary, map_path, Path(exported.path), exported.count)
