"""Streams of GeoJSON Features: RFC 8142 text sequences and newline-delimited GeoJSON.

``geojsonseq`` (RFC 8142, ``application/geo+json-seq``) starts every Feature
with the ASCII record separator (0x1E) and ends it with a line feed, so a
reader can resynchronise after a damaged record. ``geojsonl`` (also called
ndjson) is one Feature per line without the separator, as GDAL's GeoJSONSeq
driver, ``jq -c`` and DuckDB's ``read_json`` expect. Neither has room for the
metadata member: every text must be a Feature for consumers to accept it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

from tracker.export.columns import Layout
from tracker.export.features import Encoder, chunked, encode_features, encoder, iter_features
from tracker.model import Event

__all__ = ["RECORD_SEPARATOR", "write_feature_lines", "write_lines"]

RECORD_SEPARATOR = b"\x1e"
_BATCH = 2_000


def write_feature_lines(
    events: Iterable[Event],
    stream: BinaryIO,
    *,
    layout: Layout,
    record_separator: bool,
    prefer_orjson: bool = True,
) -> tuple[int, int]:
    """Write one Feature per line (RS-prefixed when ``record_separator``); return counts."""
    encode = encoder(prefer_orjson=prefer_orjson)
    return write_lines(
        iter_features(events, layout), stream, record_separator=record_separator, encode=encode
    )


def write_lines(
    features: Iterable[dict[str, Any]],
    stream: BinaryIO,
    *,
    record_separator: bool,
    encode: Encoder,
) -> tuple[int, int]:
    """Write ``features`` (from events or from record batches) one per line; return counts."""
    prefix = RECORD_SEPARATOR if record_separator else b""
    count = located = 0
    for batch in chunked(features, _BATCH):
        lines = encode_features(batch, encode, separator=b"\n" + prefix)
        stream.write(prefix + lines + b"\n")
        count += len(batch)
        located += sum(f["geometry"] is not None for f in batch)
    return count, located
