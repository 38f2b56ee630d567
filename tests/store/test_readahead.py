"""Reading ahead in a thread keeps the order, raises the producer's errors and stops early."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tracker.store.readahead import read_ahead


def test_items_come_in_order_and_errors_after_the_items_before_them() -> None:
    def produce() -> Iterator[int]:
        yield from range(10)
        raise ValueError("disk on fire")

    seen: list[int] = []
    with pytest.raises(ValueError, match="disk on fire"):
        for item in read_ahead(produce, depth=2):
            seen.append(item)
    assert seen == list(range(10))


def test_a_consumer_that_stops_early_stops_the_producer_in_its_thread() -> None:
    closed_in: list[threading.Thread] = []
    made: list[int] = []

    def produce() -> Iterator[int]:
        try:
            for item in range(1_000_000):
                made.append(item)
                yield item
        finally:
            closed_in.append(threading.current_thread())

    reader = read_ahead(produce, depth=2)
    assert [next(reader) for _ in range(3)] == [0, 1, 2]
    reader.close()  # returns once the producer has finished
    assert closed_in and closed_in[0] is not threading.current_thread()
    assert len(made) <= 3 + 2 + 1  # at most depth items ahead, one in hand
