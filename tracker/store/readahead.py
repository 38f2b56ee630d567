"""Read ahead: run a generator in a thread, a few items ahead of its consumer.

A bulk read spends its time in the database driver, an export in Arrow's
compute functions and the file writer; both release the GIL. With the read
in its own thread the two overlap on two cores, while at most ``depth``
items wait in between, so memory stays flat. :class:`Ahead` starts its
thread at once, so several readers can run side by side
(``tracker/store/columnar.py`` reads the chunks of a large read on two).
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

T = TypeVar("T")

__all__ = ["Ahead", "map_ahead", "read_ahead"]
U = TypeVar("U")

_END = object()
_POLL_S = 0.1  # how often a blocked producer checks whether the consumer has gone


def read_ahead(produce: Callable[[], Iterator[T]], *, depth: int = 2) -> Iterator[T]:
    """The items of ``produce()``, made in a thread at most ``depth`` items ahead.

    An exception in the producer is raised in the consumer, in order; closing
    the consumer stops the producer (its generator is closed in its thread).

    >>> list(read_ahead(lambda: iter(range(5))))
    [0, 1, 2, 3, 4]
    """
    ahead = Ahead(produce, depth=depth)
    try:
        yield from ahead
    finally:
        ahead.close()


def map_ahead(
    function: Callable[[T], U], items: Iterable[T], *, workers: int = 2, depth: int = 4
) -> Iterator[U]:
    """``function`` of each item, in order, computed by ``workers`` threads at most
    ``depth`` items ahead: for work that releases the GIL (Arrow's compute functions).

    An exception is raised in order, where its item's result would have been.

    >>> list(map_ahead(str.upper, ["a", "b", "c"]))
    ['A', 'B', 'C']
    """
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[U]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(function, item))
                if len(pending) >= depth:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # left early: what has not started never will
                future.cancel()


class Ahead(Generic[T]):
    """An iterator over ``produce()``'s items, made in a thread started at once.

    Call :meth:`close` when done (or on leaving early): it stops the
    producer, closes its generator in its own thread and waits for it.

    >>> ahead = Ahead(lambda: iter("ab"), depth=1)
    >>> list(ahead), ahead.close()
    (['a', 'b'], None)
    """

    def __init__(self, produce: Callable[[], Iterator[T]], *, depth: int = 2) -> None:
        self._items: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._done = False
        self._worker = threading.Thread(
            target=_run, args=(produce, self._items, self._stop), daemon=True
        )
        self._worker.start()

    def __iter__(self) -> Ahead[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        item = self._items.get()
        if item is _END:
            self._done = True
            raise StopIteration
        if isinstance(item, _Failure):
            self._done = True
            raise item.error
        return item  # type: ignore[return-value]

    def close(self) -> None:
        """Stop the producer and wait for its thread."""
        self._done = True
        self._stop.set()
        self._worker.join()


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
