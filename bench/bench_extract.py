"""Extraction speed and batch memory, side by side with a naive keyword-and-gazetteer pass.

Usage::

    python bench/bench_extract.py /path/to/UA.txt [/path/to/admin1CodesASCII.txt ...]
        [--articles 1000] [--rounds 5]

Articles are ~3 KB, assembled from the test corpus passages (our own writing)
in a fixed random order, so every run reads the same text. Figures are medians
over the rounds. The naive baseline is what a quick script would do: scan the
text for place names with the same gazetteer and call every place in a
sentence with a conflict word an event; it has no dates, roles or taxonomy.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geodata import gazetteer_from_files
from tests.extract.corpus import CASES
from tracker.extract import RuleExtractor, extract_events
from tracker.extract.batch import extract_lines
from tracker.model import Article

# Background prose with no event in it, written for this benchmark: most of a
# news article is context, quotes and politics, not incident reports.
FILLER = (
    "The foreign ministers are due to meet again later this month to discuss grain exports.",
    "Analysts said the economy had shrunk sharply since the start of the year.",
    "The city council voted to rename three streets after local volunteers.",
    "Officials in Lviv said the number of displaced people arriving by train had stabilised.",
    "Energy prices across Europe rose again as gas deliveries were cut.",
    "The president thanked allies for their support in a late-night video address.",
    "Aid agencies warned that food supplies in the south would run short by the summer.",
    "Schools in Kharkiv plan to resume classes online next week.",
    "Parliament approved a bill on the reconstruction of damaged housing.",
    "A spokesman for the Kremlin declined to comment on the reports.",
    "Talks between the two delegations are expected to continue in the coming days.",
    "Farmers in the Poltava region said the spring sowing was almost complete.",
    "The central bank kept its key interest rate unchanged on Thursday.",
    "Refugees crossing into Poland described long queues at the border.",
    "Local volunteers have been repairing roofs and windows in Irpin.",
    "Western officials said they expected the fighting to shift to the east.",
    "The UN human rights office said it was documenting reports from several towns.",
    "Railway staff have kept most passenger routes open despite the disruption.",
    "The governor urged residents to heed air raid alerts and stay in shelters.",
    "Journalists were allowed to visit the area on a tour organised by the army.",
)

_KEYWORDS = re.compile(
    r"\b(?:shell\w*|missiles?|strikes?|struck|drones?|attack\w*|killed|fighting|shot\s+down)\b",
    re.I,
)


def make_articles(
    n: int, *, size: int = 3000, seed: int = 7, incident_share: float = 0.25
) -> list[Article]:
    """``n`` articles of about ``size`` characters: corpus passages amid background prose.

    ``incident_share`` of the pieces are incident passages (0.25: a dense war
    report with several events; 0.1: a wire story with one or two).
    """
    rng = random.Random(seed)
    passages = [c.text for c in CASES if "<" not in c.text and len(c.text) < 400]
    articles = []
    for i in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(
                rng.choice(passages) if rng.random() < incident_share else rng.choice(FILLER)
            )
        text = " ".join(parts)
        articles.append(
            Article(text, url=f"https://bench.example/{i}", published=date(2022, 4, 12))
        )
    return articles


def naive_events(article: Article, gazetteer) -> int:
    """Every place named in a sentence that has a conflict word."""
    count = 0
    for sentence in re.split(r"(?<=[.!?])\s+", article.text):
        if _KEYWORDS.search(sentence):
            count += sum(1 for m in gazetteer.find_names(sentence) if gazetteer.resolve(m.surface))
    return count


def rate(func, articles: list[Article]) -> tuple[float, float, int]:
    """Articles per wall-clock second and per CPU second of this process, and the count.

    CPU seconds are what "on one core" means on a shared machine: other
    processes slow the wall clock, not the work this process does.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    found = sum(func(a) for a in articles)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(articles) / wall, len(articles) / cpu, found


def ablation(articles: list[Article], gazetteer) -> None:
    """CPU ms per article with each costly step switched off in turn (cumulatively)."""
    import tracker.extract.reading as reading

    class NoPlaces:
        def find_names(self, text):
            return []

        def resolve(self, name, **_):
            return None

        def resolve_region(self, name):
            return None

    steps = [
        ("all steps", {}),
        ("without dates", {"find_dates": lambda *a, **k: []}),
        ("without sides", {"find_sides": lambda *a, **k: []}),
        ("without targets", {"find_targets": lambda *a, **k: []}),
        ("without claims and fatalities",
         {"find_claims": lambda *a, **k: [], "find_fatalities": lambda *a, **k: None}),
    ]  # fmt: skip
    saved = {name: getattr(reading, name) for _, patch in steps for name in patch}
    try:
        for label, patch in steps:
            for name, value in patch.items():
                setattr(reading, name, value)
            _, cpu, _ = rate(lambda a: len(extract_events(a, gazetteer=gazetteer)), articles)
            print(f"  {label}: {1000 / cpu:.3f} ms per article")
        _, cpu, _ = rate(lambda a: len(extract_events(a, gazetteer=NoPlaces())), articles)
        print(f"  ... and without the gazetteer: {1000 / cpu:.3f} ms per article")
    finally:
        for name, value in saved.items():
            setattr(reading, name, value)


def batch_peak_kib(articles: list[Article], gazetteer) -> float:
    """Peak traced memory while streaming ``articles`` through the batch reader."""
    lines = (json.dumps({"id": a.url, "text": a.text, "published": "2022-04-12"}) for a in articles)
    tracemalloc.start()
    for result in extract_lines(lines, extractor=RuleExtractor(gazetteer)):
        del result
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gazetteer", nargs="+", type=Path, help="GeoNames files")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--ablation", action="store_true", help="also time each costly step switched off"
    )
    parser.add_argument(
        "--incident-share",
        type=float,
        default=0.25,
        help="share of article pieces that report an incident",
    )
    args = parser.parse_args()

    t0 = time.perf_counter()
    gaz = gazetteer_from_files(args.gazetteer)
    print(f"gazetteer: {len(gaz):,} places loaded in {time.perf_counter() - t0:.1f} s")
    articles = make_articles(args.articles, incident_share=args.incident_share)
    size = statistics.mean(len(a.text) for a in articles)
    print(
        f"articles: {len(articles)} of {size:,.0f} characters on average, "
        f"incident share {args.incident_share:g}"
    )

    ours, naive = [], []
    for _ in range(args.rounds):  # interleaved so machine noise hits both alike
        ours.append(rate(lambda a: len(extract_events(a, gazetteer=gaz)), articles))
        naive.append(rate(lambda a: naive_events(a, gaz), articles))
    for name, runs in (("extract_events", ours), ("naive keyword+gazetteer", naive)):
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(
            f"{name}: median {cpu:,.0f} articles per CPU second ({cpu * size / 1e6:.2f} MB/s), "
            f"{wall:,.0f} per wall-clock second, {runs[0][2]:,} events"
        )
    ratio = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in naive)
    print(f"ratio extract_events / naive (CPU): {ratio:.2f}")

    if args.ablation:
        print("where the time goes (CPU):")
        ablation(articles, gaz)

    small = batch_peak_kib(make_articles(200, seed=1), gaz)
    large = batch_peak_kib(make_articles(2000, seed=1), gaz)
    print(
        f"--batch peak memory: {small:,.0f} KiB for 200 lines, {large:,.0f} KiB for 2000 lines "
        f"(ratio {large / small:.2f})"
    )


if __name__ == "__main__":
    main()
