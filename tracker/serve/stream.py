"""Streaming representations: the export writers, pulled a chunk at a time by the server.

The export writers push bytes into a binary stream; an HTTP response pulls
them. A writer therefore runs in its own thread writing into a small bounded
queue, and the response reads the queue: memory stays at a few chunks however
many events match, and a client that hangs up stops the writer at its next
write (no thread is left exporting for nobody).
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tracker.export.columns import Layout
from tracker.export.delimited import write_csv
from tracker.export.geojsonseq import write_feature_lines
from tracker.export.records import RECORD
from tracker.model import Event

__all__ = ["STREAM_FORMATS", "StreamFormat", "stream_events"]

_DONE = object()
_QUEUE_CHUNKS = 8


@dataclass(frozen=True, slots=True)
class StreamFormat:
    """An alternate representation of the items that streams: its media type and writer."""

    name: str
    media_type: str
    extension: str
    write: Callable[[Iterable[Event], BinaryIO, Layout], object]


STREAM_FORMATS: dict[str, StreamFormat] = {
    f.name: f
    for f in (
        StreamFormat(
            "csv", "text/csv; charset=utf-8", ".csv", lambda e, s, lay: write_csv(e, s, layout=lay)
        ),
        StreamFormat(
            "geojsonseq",
            "application/geo+json-seq",
            ".geojsons",
            lambda e, s, lay: write_feature_lines(e, s, layout=lay, record_separator=True),
        ),
        StreamFormat(
            "geojsonl",
            "application/x-ndjson",
            ".geojsonl",
            lambda e, s, lay: write_feature_lines(e, s, layout=lay, record_separator=False),
        ),
    )
}
"""The export's text formats that stream, by the name ``f=`` takes (docs/export.md)."""


class _Closed(Exception):
    """The reader went away: stop writing."""


class _QueueStream(io.RawIOBase):
    """A write-only binary stream whose writes go into a bounded queue."""

    def __init__(self, sink: queue.Queue[object], stop: threading.Event) -> None:
        super().__init__()
        self._sink = sink
        self._stop = stop

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = bytes(data)
        while not self._stop.is_set():
            try:
                self._sink.put(chunk, timeout=0.5)
                return len(chunk)
            except queue.Full:
                continue
        raise _Closed


def stream_events(events: Iterable[Event], fmt: StreamFormat) -> Iterator[bytes]:
    """The bytes of ``events`` written as ``fmt``, as the writer produces them."""
    sink: queue.Queue[object] = queue.Queue(maxsize=_QUEUE_CHUNKS)
    stop = threading.Event()
    failure: list[BaseException] = []

    def produce() -> None:
        stream = io.BufferedWriter(_QueueStream(sink, stop), buffer_size=64 * 1024)
        try:
            fmt.write(events, stream, RECORD)
            stream.flush()
        except _Closed:
            return
        except BaseException as err:  # noqa: BLE001 - handed to the reading side, raised there
            failure.append(err)
        finally:
            _put(sink, _DONE, stop)

    worker = threading.Thread(target=produce, name=f"stream-{fmt.name}", daemon=True)
    worker.start()
    try:
        while (item := sink.get()) is not _DONE:
            yield item  # type: ignore[misc]
        if failure:
            raise failure[0]
    finally:
        stop.set()
        worker.join(timeout=5)


def _put(sink: queue.Queue[object], item: object, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            sink.put(item, timeout=0.5)
            return
        except queue.Full:
            continue
