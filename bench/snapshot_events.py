"""Every event extraction gives, one JSON line each, to prove a speed-up changed nothing.

Usage::

    python bench/snapshot_events.py --db sqlite:////tmp/speed.db --devnews devnews.jsonl \\
        --lang en > before.jsonl
    python bench/snapshot_events.py --db sqlite:////tmp/speed.db --generated 500 > gen.jsonl
    # ... change the code, run both again, then: cmp before.jsonl after.jsonl

Each line is one event with every field (evidence and confidence included),
keys sorted, preceded by its article's id, so ``cmp`` or ``diff`` shows the
first event that differs. ``--generated N`` writes about N varied articles from
``tests/extract/generated.py`` with villages drawn from the database's gazetteer.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.extract.generated import generate_articles, towns_from
from tracker.extract import default_extractor
from tracker.model import Article
from tracker.places import open_gazetteer
from tracker.store import open_store


def devnews_articles(path: Path, languages: set[str]) -> Iterator[tuple[str, Article]]:
    """The labelled articles of a devnews JSON-lines file, as the evaluation reads them."""
    from tracker.extract.newsgold import read_gold

    for gold in read_gold([path], languages=tuple(languages)).articles:
        yield gold.id, gold.article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL holding the gazetteer")
    parser.add_argument("--devnews", type=Path, help="a devnews JSON-lines file")
    parser.add_argument("--lang", action="append", default=[], help="devnews languages")
    parser.add_argument("--generated", type=int, default=0, help="how many generated articles")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    store = open_store(args.db)
    gazetteer = open_gazetteer(store)
    extractor = default_extractor(gazetteer, min_confidence=0.0)
    articles: list[tuple[str, Article]] = []
    if args.devnews:
        articles.extend(devnews_articles(args.devnews, set(args.lang)))
    if args.generated:
        towns = towns_from(gazetteer.inner)  # type: ignore[attr-defined]
        generated = generate_articles(towns, n=args.generated, seed=args.seed)
        articles.extend((a.url or "", a) for a in generated)
    out = sys.stdout
    for article_id, article in articles:
        for event in extractor.extract(article):
            record = {"article": article_id, **dataclasses.asdict(event)}
            out.write(json.dumps(record, sort_keys=True, default=_plain, ensure_ascii=False) + "\n")
    store.close()


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return str(value)


if __name__ == "__main__":
    main()
