"""RFC 7946 GeoJSON: one FeatureCollection, streamed a Feature at a time.

The collection is written as a header (``type`` and the ``metadata`` foreign
member, so a streaming reader sees the provenance first), then one Feature per
line, then the closing brackets. Nothing is held in memory but one chunk, and
one Feature per line lets two exports be compared with ``diff``. No ``crs``
member is written: RFC 7946 fixes WGS 84 longitude/latitude.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

from tracker.export.columns import Layout
from tracker.export.features import Encoder, chunked, encode_features, encoder, iter_features
from tracker.export.metadata import ExportMetadata
from tracker.model import Event

__all__ = ["COLLECTION_TAIL", "collection_head", "write_collection", "write_geojson"]

_BATCH = 2_000  # features joined per write() call


def write_geojson(
    events: Iterable[Event],
    stream: BinaryIO,
    *,
    layout: Layout,
    metadata: ExportMetadata,
    prefer_orjson: bool = True,
) -> tuple[int, int]:
    """Write a FeatureCollection to ``stream``; return (features written, features located)."""
    encode = encoder(prefer_orjson=prefer_orjson)
    return write_collection(
        iter_features(events, layout), stream, layout=layout, metadata=metadata, encode=encode
    )


def write_collection(
    features: Iterable[dict[str, Any]],
    stream: BinaryIO,
    *,
    layout: Layout,
    metadata: ExportMetadata,
    encode: Encoder,
) -> tuple[int, int]:
    """Write ``features`` (from events or from record batches) as one FeatureCollection."""
    stream.write(collection_head(metadata, layout=layout, encode=encode))
    count = located = 0
    for batch in chunked(features, _BATCH):
        stream.write(
            (b",\n" if count else b"\n") + encode_features(batch, encode, separator=b",\n")
        )
        count += len(batch)
        located += sum(f["geometry"] is not None for f in batch)
    stream.write(COLLECTION_TAIL)
    return count, located


COLLECTION_TAIL = b"\n]}\n"
"""What follows the last Feature of a collection."""


def collection_head(metadata: ExportMetadata, *, layout: Layout, encode: Encoder) -> bytes:
    """What comes before the first Feature: the collection's type and its metadata."""
    meta = encode(metadata.to_dict(layout=layout.name))
    return b'{"type":"FeatureCollection","metadata":' + meta + b',"features":['
