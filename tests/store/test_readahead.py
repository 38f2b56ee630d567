"""Reading ahead in a thread keeps the order, raises the producer's errors and stops early."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from tracker.store.readahead import map_ahead, read_ahead


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


def test_map_ahead_keeps_the_order_and_raises_where_the_failing_item_was() -> None:
    def slow_square(item: int) -> int:
        if item == 6:
            raise ValueError("six is bad")
        time.sleep(0.01 if item % 2 else 0)  # later items often finish first
        return item * item

    seen: list[int] = []
    with pytest.raises(ValueError, match="six is bad"):
        for value in map_ahead(slow_square, range(10), workers=2, depth=3):
            seen.append(value)
    assert seen == [i * i for i in range(6)]


def test_map_ahead_left_early_takes_no_more_items_than_its_depth() -> None:
    taken: list[int] = []

    def items() -> Iterator[int]:
        for item in range(1_000):
            taken.append(item)
            yield item

    results = map_ahead(lambda x: x, items(), workers=2, depth=3)
    assert [next(results) for _ in range(2)] == [0, 1]
    results.close()
    assert len(taken) <= 2 + 3
