"""The data version behind every ETag: read once per interval, by one thread."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from tracker.serve.http import DataVersion

NOW = datetime(2024, 3, 1, tzinfo=UTC)


def test_the_version_is_read_once_per_interval() -> None:
    reads: list[int] = []
    version = DataVersion(lambda: (reads.append(1) or len(reads), NOW), ttl=5.0)
    clock = [100.0]
    version._clock = lambda: clock[0]
    assert version.get() == (1, NOW) and version.get() == (1, NOW)
    clock[0] += 6
    assert version.get() == (2, NOW) and len(reads) == 2


def test_while_one_thread_refreshes_the_others_answer_with_the_last_version() -> None:
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow_read() -> tuple[int, datetime | None]:
        calls.append(1)
        if len(calls) > 1:
            started.set()
            release.wait(5)
        return len(calls), NOW

    version = DataVersion(slow_read, ttl=0.0)
    assert version.get() == (1, NOW)
    time.sleep(0.01)
    refresher = threading.Thread(target=version.get)
    refresher.start()
    started.wait(5)
    others = [version.get() for _ in range(5)]  # no waiting, no extra reads
    release.set()
    refresher.join(5)
    assert others == [(1, NOW)] * 5 and len(calls) == 2
