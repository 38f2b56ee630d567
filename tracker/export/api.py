"""``export_events``: pick the format, write atomically, report what was written."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from tracker.errors import ConfigError, ExportError
from tracker.export.atomic import atomic_path, atomic_shapefile, binary_output, full_suffix
from tracker.export.columns import Layout, layout_for
from tracker.export.delimited import write_csv
from tracker.export.features import relaxed_gc
from tracker.export.formats import ExportFormat, format_for_name, format_for_path
from tracker.export.geojson import write_geojson
from tracker.export.geojsonseq import write_feature_lines
from tracker.export.metadata import ExportMetadata, ExportResult
from tracker.model import Event, EventFilter

if TYPE_CHECKING:
    import pyarrow as pa

    from tracker.store import Store

__all__ = ["COLUMNAR_FORMATS", "STDOUT", "choose_format", "export_events", "export_store"]

STDOUT = "-"

StreamWriter = Callable[[Iterable[Event], BinaryIO, Layout, ExportMetadata], tuple[int, int]]
PathWriter = Callable[..., tuple[int, int]]

_STREAM_WRITERS: dict[str, StreamWriter] = {
    "geojson": lambda ev, s, lay, meta: write_geojson(ev, s, layout=lay, metadata=meta),
    "geojsonseq": lambda ev, s, lay, _: write_feature_lines(
        ev, s, layout=lay, record_separator=True
    ),
    "geojsonl": lambda ev, s, lay, _: write_feature_lines(
        ev, s, layout=lay, record_separator=False
    ),
    "csv": lambda ev, s, lay, _: write_csv(ev, s, layout=lay),
}
# Binary formats: (module, function), imported when used. pyogrio, pyarrow and
# pyproj cost about a second to import, which every other command would pay.
_PATH_WRITERS: dict[str, tuple[str, str]] = {
    "gpkg": ("tracker.export.ogr", "write_gpkg"),
    "parquet": ("tracker.export.parquet", "write_geoparquet"),
    "shp": ("tracker.export.ogr", "write_shapefile"),
}
# The same writers fed with Arrow batches of the layout (the columnar path).
_BATCH_WRITERS: dict[str, tuple[str, str]] = {
    "gpkg": ("tracker.export.ogr", "write_gpkg_batches"),
    "parquet": ("tracker.export.parquet", "write_batches"),
}


def export_events(
    events: Iterable[Event],
    out: Path | str,
    *,
    fmt: str | None = None,
    metadata: ExportMetadata,
    acled: bool = False,
) -> ExportResult:
    """Write ``events`` to ``out`` in one of :data:`tracker.export.FORMATS`.

    Parameters
    ----------
    events
        Events in the order to write them (the store's order is stable), read once.
    out
        A file path, or ``"-"`` for standard output (text formats only).
    fmt
        A format name or alias; by default the extension of ``out`` decides,
        and standard output gets GeoJSON.
    metadata
        Provenance written into formats that can hold it.
    acled
        Use ACLED's column names and order (see docs/export.md).

    Returns
    -------
    ExportResult
        The final path (None for stdout), the format name and the event count.

    Examples
    --------
    >>> import json, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> export_events([], folder / "none.geojson", metadata=ExportMetadata()).count
    0
    >>> json.loads((folder / "none.geojson").read_text())["features"]
    []
    """
    path = _out_path(out)
    spec = _choose_format(fmt, path)
    layout = layout_for(acled=acled)
    stream_writer = _STREAM_WRITERS.get(spec.name)
    with relaxed_gc():
        if stream_writer is not None:
            count, located = _write_stream(
                path, lambda stream: stream_writer(events, stream, layout, metadata)
            )
        else:
            count, located = _write_file(events, _need_path(path), spec, layout, metadata)
    return ExportResult(path=path, format=spec.name, count=count, located=located)


# Formats the columnar path writes (default layout only): see export/columnar.py.
COLUMNAR_FORMATS = frozenset({"geojson", "geojsonseq", "geojsonl", "parquet", "gpkg"})


def export_store(
    store: Store,
    flt: EventFilter,
    out: Path | str,
    *,
    fmt: str | None = None,
    metadata: ExportMetadata,
    acled: bool = False,
) -> ExportResult:
    """Write the stored events matching ``flt`` to ``out``, as :func:`export_events` would.

    The same file, faster: GeoJSON (and its sequences), GeoParquet and
    GeoPackage in the default layout are written from the store's columnar
    read (:meth:`Store.read_records`), with no ``Event`` object per row;
    other formats, the ACLED layout and in-memory databases take the
    per-event path.
    """
    path = _out_path(out)
    spec = _choose_format(fmt, path)
    if acled or spec.name not in COLUMNAR_FORMATS or not store.columnar:
        events = store.query_events(flt)
        return export_events(events, out, fmt=fmt, metadata=metadata, acled=acled)
    layout = layout_for(acled=False)
    records = store.read_records(flt)
    with relaxed_gc():
        if spec.name in _STREAM_WRITERS:
            count, located = _write_stream(
                path, lambda stream: _write_records(spec.name, records, stream, layout, metadata)
            )
        else:
            count, located = _write_file_batches(records, _need_path(path), spec, layout, metadata)
    return ExportResult(path=path, format=spec.name, count=count, located=located)


def _write_records(
    name: str,
    records: Iterable[pa.RecordBatch],
    stream: BinaryIO,
    layout: Layout,
    meta: ExportMetadata,
) -> tuple[int, int]:
    from tracker.export.feature_text import write_collection_text, write_lines_text

    if name == "geojson":
        return write_collection_text(records, stream, layout=layout, metadata=meta)
    return write_lines_text(records, stream, layout=layout, record_separator=name == "geojsonseq")


def _write_file_batches(
    records: Iterable[pa.RecordBatch],
    path: Path,
    spec: ExportFormat,
    layout: Layout,
    metadata: ExportMetadata,
) -> tuple[int, int]:
    from tracker.export.columnar import native_batches

    module, name = _BATCH_WRITERS[spec.name]
    writer: PathWriter = getattr(importlib.import_module(module), name)
    try:
        with atomic_path(path) as temp:
            return writer(native_batches(records, layout), temp, layout=layout, metadata=metadata)
    except OSError as err:
        raise _os_error(path, err) from err


def choose_format(out: Path | str, *, fmt: str | None = None) -> ExportFormat:
    """The format :func:`export_events` would use for ``out``; raises ConfigError early.

    >>> choose_format("events.gpkg").name
    'gpkg'
    >>> choose_format("-").name
    'geojson'
    """
    return _choose_format(fmt, _out_path(out))


def _out_path(out: Path | str) -> Path | None:
    return None if str(out) == STDOUT else Path(out).expanduser()


def _choose_format(fmt: str | None, path: Path | None) -> ExportFormat:
    if fmt is not None:
        spec = format_for_name(fmt)
    else:
        spec = format_for_name("geojson") if path is None else format_for_path(path)
    if path is None and not spec.text:
        raise ConfigError(
            f"the {spec.name} format cannot be written to standard output; give a file name "
            f"such as events{spec.extensions[0]}"
        )
    if spec.name == "shp" and path is not None and full_suffix(path) not in spec.extensions:
        raise ConfigError(f"a Shapefile needs a name ending in .shp or .shp.zip, not {str(path)!r}")
    return spec


def _need_path(path: Path | None) -> Path:
    if path is None:  # _choose_format refuses stdout for binary formats; keep it explicit
        raise ConfigError("binary export formats need a file name, not '-'")
    return path


def _write_stream(
    path: Path | None, write: Callable[[BinaryIO], tuple[int, int]]
) -> tuple[int, int]:
    try:
        with binary_output(path) as stream:
            return write(stream)
    except OSError as err:
        raise _os_error(path, err) from err


def _write_file(
    events: Iterable[Event],
    path: Path,
    spec: ExportFormat,
    layout: Layout,
    metadata: ExportMetadata,
) -> tuple[int, int]:
    atomic = atomic_shapefile if full_suffix(path) == ".shp" else atomic_path
    module, name = _PATH_WRITERS[spec.name]
    writer: PathWriter = getattr(importlib.import_module(module), name)
    try:
        with atomic(path) as temp:
            return writer(events, temp, layout=layout, metadata=metadata)
    except OSError as err:
        raise _os_error(path, err) from err


def _os_error(path: Path | None, err: OSError) -> ExportError:
    where = "standard output" if path is None else repr(str(path))
    return ExportError(
        f"could not write the export to {where}: {err.strerror or err}; "
        "check the folder exists, is writable and has free space"
    )
