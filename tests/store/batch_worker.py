"""A real ingest process that saves the worker's synthetic articles in batches.

Usage: python batch_worker.py DB_URL FIRST LAST BATCH [--reverse]

The same articles as ``ingest_worker.py``, given to ``Store.save_articles``
``BATCH`` at a time; one line per article is printed after its batch returns.
"""

from __future__ import annotations

import sys

from ingest_worker import article_and_events

from tracker.store import open_store


def main(argv: list[str]) -> None:
    url, first, last, size = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    order = list(range(first, last))
    if "--reverse" in argv:
        order.reverse()
    store = open_store(url)
    for start in range(0, len(order), size):
        chunk = order[start : start + size]
        results = store.save_articles([article_and_events(i) for i in chunk])
        for i, result in zip(chunk, results, strict=True):
            print(i, result.status.value, flush=True)  # lets a test kill it mid-run
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
