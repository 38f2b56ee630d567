"""Read ahead: run a generator in a thread, a few items ahead of its consumer.

A bulk read spends its time in the database driver, an export in Arrow's
compute functions and the file writer; both release the GIL. With the read
in its own thread the two overlap on two cores, while at most ``depth``
items wait in between, so memory stays flat.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

__all__ = ["read_ahead"]

_END = object()
_POLL_S = 0.1  # how often a blocked producer checks whether the consumer has gone


def read_ahead(produce: Callable[[], Iterator[T]], *, depth: int = 2) -> Iterator[T]:
    """The items of ``produce()``, made in a thread at most ``depth`` items ahead.

    An exception in the producer is raised in the consumer, in order; closing
    the consumer stops the producer (its generator is closed in its thread).

    >>> list(read_ahead(lambda: iter(range(5))))
    [0, 1, 2, 3, 4]
    """
    items: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()
    worker = threading.Thread(target=_run, args=(produce, items, stop), daemon=True)
    worker.start()
    try:
        while (item := items.get()) is not _END:
            if isinstance(item, _Failure):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join()


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def _run(
    produce: Callable[[], Iterator[T]], items: queue.Queue[object], stop: threading.Event
) -> None:
    try:
        generator = produce()
        try:
            for item in generator:
                if not _put(items, item, stop):
                    return
        finally:
            close = getattr(generator, "close", None)
            if close is not None:
                close()
    except BaseException as error:  # noqa: BLE001 - handed to the consumer, who raises it
        _put(items, _Failure(error), stop)
        return
    _put(items, _END, stop)


def _put(items: queue.Queue[object], item: object, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            items.put(item, timeout=_POLL_S)
            return True
        except queue.Full:
            continue
    return False
