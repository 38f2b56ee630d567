"""Scoring extraction on hand-labelled news: pairs, per-article outcomes, totals, calibration.

Within each article, predicted and gold events are paired one to one, only
within the same ``event_type``: every candidate pair is ranked by (place
agrees, date agrees, distance) and taken greedily, best first. A pair is
*strict* when its place and its date both agree:

- place: both unlocated, or at most 10 km apart (50 km when either side is
  region-level, ``geo_precision`` 3);
- date: at most 1 day apart, 4 when the gold date is a week (``time_precision``
  2), 16 when it is a month (3).

This is the pairing and the figures of the reference scorer
``score_devnews.py`` (see docs/extraction.md), so both give the same numbers.
A predicted event is *right* when it is paired and its place agrees: real and
correctly placed, which is what its ``confidence`` should predict.

The extraction is passed in as a callable, so any extractor can be measured.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from geodata.distance import haversine_km
from tracker.errors import ExtractionError, InputError
from tracker.extract.newsgold import GoldArticle, GoldEvent
from tracker.model import Article, Event, GeoPrecision, TimePrecision

Extract = Callable[[Article], Sequence[Event]]

THEATRE = (20.0, 42.0, 50.0, 60.0)  # lon/lat box: Ukraine, Belarus, Moldova, western Russia
PLACE_KM = 10.0
REGION_PLACE_KM = 50.0  # when either side only knows the region
DATE_SLACK_DAYS = {TimePrecision.DAY: 1, TimePrecision.WEEK: 4, TimePrecision.MONTH: 16}
CONFIDENCE_EDGES = (0.0, 0.3, 0.5, 0.7, 0.85, 1.0)
CONFIDENT = 0.7
_UNLOCATED_KM = 1e6  # ranks pairs without a distance after every real one


def distance_km(gold: GoldEvent, event: Event) -> float | None:
    """Kilometres between the gold and the predicted point; None when either has none."""
    if gold.latitude is None or gold.longitude is None:
        return None
    if event.latitude is None or event.longitude is None:
        return None
    return haversine_km(gold.latitude, gold.longitude, event.latitude, event.longitude)


def place_agrees(gold: GoldEvent, event: Event) -> bool:
    """Both unlocated, or within 10 km (50 km when either side is region-level).

    >>> from tracker.model import EventType as T, SubEventType as S
    >>> from datetime import date
    >>> gold = GoldEvent(T.EXPLOSIONS, S.AIR_DRONE_STRIKE, date(2024, 5, 1),
    ...                  latitude=49.98, longitude=36.25)
    >>> event = Event("e", date(2024, 5, 1), TimePrecision.DAY, T.EXPLOSIONS,
    ...               S.AIR_DRONE_STRIKE, "", latitude=50.0, longitude=36.3)
    >>> place_agrees(gold, event)
    True
    """
    if not gold.located and event.latitude is None:
        return True
    km = distance_km(gold, event)
    if km is None:
        return False
    coarse = GeoPrecision.REGION in (gold.geo_precision, event.geo_precision)
    return km <= (REGION_PLACE_KM if coarse else PLACE_KM)


def date_agrees(gold: GoldEvent, event: Event) -> bool:
    """Within a day of the gold date, or inside the gold week or month."""
    if gold.event_date is None:
        return False
    slack = DATE_SLACK_DAYS[gold.time_precision]
    return abs((gold.event_date - event.event_date).days) <= slack


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold event and the predicted event paired with it."""

    gold_index: int
    predicted_index: int
    gold: GoldEvent
    predicted: Event
    distance_km: float | None
    place_ok: bool
    date_ok: bool

    @property
    def strict(self) -> bool:
        """Place and date both agree."""
        return self.place_ok and self.date_ok


def pair_events(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> tuple[Pair, ...]:
    """Greedy one-to-one pairs of the same event type, the best-agreeing first.

    Candidates rank by (place agrees, date agrees, distance), then by gold and
    predicted order, so the result never depends on dict or set order.

    >>> pair_events([], [])
    ()
    """
    ranked = sorted(
        (_rank(c), c.gold_index, c.predicted_index, c) for c in _candidates(gold, predicted)
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for *_, candidate in ranked:
        if candidate.gold_index in used_gold or candidate.predicted_index in used_predicted:
            continue
        used_gold.add(candidate.gold_index)
        used_predicted.add(candidate.predicted_index)
        pairs.append(candidate)
    return tuple(sorted(pairs, key=lambda p: p.gold_index))


def _candidates(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> Iterable[Pair]:
    for i, g in enumerate(gold):
        for j, e in enumerate(predicted):
            if g.event_type == e.event_type:
                yield Pair(i, j, g, e, distance_km(g, e), place_agrees(g, e), date_agrees(g, e))


def _rank(pair: Pair) -> tuple[int, int, float]:
    km = _UNLOCATED_KM if pair.distance_km is None else pair.distance_km
    return (not pair.place_ok, not pair.date_ok, km)


@dataclass(frozen=True, slots=True)
class Verdict:
    """How one predicted event fared: its pair, if any."""

    event: Event
    pair: Pair | None

    @property
    def right(self) -> bool:
        """Paired and correctly placed: the label a confidence should predict."""
        return self.pair is not None and self.pair.place_ok


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """One article scored: what was predicted, what was paired, what went wrong."""

    article: GoldArticle
    predicted: tuple[Event, ...]
    pairs: tuple[Pair, ...]
    seconds: float = 0.0
    error: str | None = None  # the extractor refused the article; scored with no events

    @property
    def missed(self) -> tuple[GoldEvent, ...]:
        """Gold events nothing was paired with."""
        paired = {p.gold_index for p in self.pairs}
        return tuple(g for i, g in enumerate(self.article.events) if i not in paired)

    @property
    def invented(self) -> tuple[Event, ...]:
        """Predicted events paired with no gold event."""
        paired = {p.predicted_index for p in self.pairs}
        return tuple(e for j, e in enumerate(self.predicted) if j not in paired)

    @property
    def misplaced(self) -> tuple[Pair, ...]:
        """Pairs whose places disagree."""
        return tuple(p for p in self.pairs if not p.place_ok)

    @property
    def wrong_date(self) -> tuple[Pair, ...]:
        """Pairs whose dates disagree."""
        return tuple(p for p in self.pairs if not p.date_ok)

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """Every predicted event with its pair, in prediction order."""
        by_index = {p.predicted_index: p for p in self.pairs}
        return tuple(Verdict(e, by_index.get(j)) for j, e in enumerate(self.predicted))

    @property
    def flawless(self) -> bool:
        """Nothing missed, invented, misplaced or wrongly dated."""
        return not (self.missed or self.invented or self.misplaced or self.wrong_date)


def score_article(
    article: GoldArticle, predicted: Sequence[Event], *, seconds: float = 0.0
) -> ArticleOutcome:
    """Pair one article's predictions with its gold events."""
    events = tuple(predicted)
    return ArticleOutcome(article, events, pair_events(article.events, events), seconds)


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def _in_theatre(event: Event) -> bool:
    min_lon, min_lat, max_lon, max_lat = THEATRE
    lat, lon = event.latitude, event.longitude
    return (
        lat is not None
        and lon is not None
        and min_lon <= lon <= max_lon
        and min_lat <= lat <= max_lat
    )


@dataclass(frozen=True, slots=True)
class Totals:
    """Counts over a set of article outcomes, and the figures made from them."""

    articles: int = 0
    gold_events: int = 0
    predicted: int = 0
    pairs: int = 0
    strict: int = 0
    gold_located_pairs: int = 0
    place_within_10km: int = 0
    date_right: int = 0
    predicted_located: int = 0
    outside_theatre: int = 0
    no_event_articles: int = 0
    no_event_with_events: int = 0
    seconds: float = 0.0

    @classmethod
    def of(cls, outcomes: Iterable[ArticleOutcome]) -> Totals:
        """Sum the counts of these outcomes."""
        totals = cls()
        for outcome in outcomes:
            totals = totals._plus(outcome)
        return totals

    def _plus(self, o: ArticleOutcome) -> Totals:
        located = [e for e in o.predicted if e.has_location]
        gold_located = [p for p in o.pairs if p.gold.located]
        no_event = not o.article.events
        return Totals(
            articles=self.articles + 1,
            gold_events=self.gold_events + len(o.article.events),
            predicted=self.predicted + len(o.predicted),
            pairs=self.pairs + len(o.pairs),
            strict=self.strict + sum(p.strict for p in o.pairs),
            gold_located_pairs=self.gold_located_pairs + len(gold_located),
            place_within_10km=self.place_within_10km
            + sum(p.distance_km is not None and p.distance_km <= PLACE_KM for p in gold_located),
            date_right=self.date_right + sum(p.date_ok for p in o.pairs),
            predicted_located=self.predicted_located + len(located),
            outside_theatre=self.outside_theatre + sum(not _in_theatre(e) for e in located),
            no_event_articles=self.no_event_articles + no_event,
            no_event_with_events=self.no_event_with_events + (no_event and bool(o.predicted)),
            seconds=self.seconds + o.seconds,
        )

    def figures(self) -> dict[str, Any]:
        """The figures under the reference scorer's names, rounded as it rounds them."""
        return {
            "articles": self.articles,
            "gold_events": self.gold_events,
            "pred_events": self.predicted,
            "event_precision": _ratio(self.pairs, self.predicted),
            "event_recall": _ratio(self.pairs, self.gold_events),
            "strict_precision": _ratio(self.strict, self.predicted),
            "strict_recall": _ratio(self.strict, self.gold_events),
            "place_within10": _ratio(self.place_within_10km, self.gold_located_pairs),
            "date_ok": _ratio(self.date_right, self.pairs),
            "outside_share": _ratio(self.outside_theatre, self.predicted_located),
            "negatives_with_events": f"{self.no_event_with_events}/{self.no_event_articles}",
            "seconds": round(self.seconds, 1),
            "articles_per_s": round(self.articles / self.seconds, 1) if self.seconds else None,
        }


@dataclass(frozen=True, slots=True)
class CalibrationBin:
    """Predicted events whose confidence falls in ``[low, high)`` (the last bin includes 1)."""

    low: float
    high: float
    events: int
    right: int

    @property
    def share_right(self) -> float | None:
        """Share of these events that were right; None for an empty bin."""
        return _ratio(self.right, self.events)


def calibrate(
    verdicts: Sequence[Verdict], *, edges: Sequence[float] = CONFIDENCE_EDGES
) -> tuple[CalibrationBin, ...]:
    """Count events and right events per confidence bin.

    >>> calibrate([], edges=(0.0, 0.5, 1.0))[1]
    CalibrationBin(low=0.5, high=1.0, events=0, right=0)
    """
    bins = []
    top = len(edges) - 2
    for k, (low, high) in enumerate(itertools.pairwise(edges)):
        inside = [v for v in verdicts if _in_bin(v.event.confidence, low, high, last=k == top)]
        bins.append(CalibrationBin(low, high, len(inside), sum(v.right for v in inside)))
    return tuple(bins)


def _in_bin(confidence: float, low: float, high: float, *, last: bool) -> bool:
    return low <= confidence < high or (last and confidence >= high)


@dataclass(frozen=True, slots=True)
class NewsEvaluation:
    """Every article's outcome, with totals per language and overall, and calibration."""

    outcomes: tuple[ArticleOutcome, ...]
    min_confidence: float = 0.0

    @property
    def overall(self) -> Totals:
        """Totals over every article."""
        return Totals.of(self.outcomes)

    @property
    def by_language(self) -> dict[str, Totals]:
        """Totals per article language, in alphabetical order ("?" when unknown)."""
        languages = sorted({o.article.lang or "?" for o in self.outcomes})
        return {
            lang: Totals.of(o for o in self.outcomes if (o.article.lang or "?") == lang)
            for lang in languages
        }

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """Every predicted event with its verdict."""
        return tuple(v for o in self.outcomes for v in o.verdicts)

    def calibration(self) -> tuple[CalibrationBin, ...]:
        """Share right per confidence bin."""
        return calibrate(self.verdicts)

    def confident(self, threshold: float = CONFIDENT) -> CalibrationBin:
        """Events with confidence at or above ``threshold``, and how many were right."""
        return calibrate(self.verdicts, edges=(threshold, 1.0))[0]


def evaluate_news(
    articles: Iterable[GoldArticle],
    *,
    extract: Extract,
    min_confidence: float = 0.0,
    clock: Callable[[], float] = time.perf_counter,
) -> NewsEvaluation:
    """Run ``extract`` on every article and score its events against the labels.

    Parameters
    ----------
    articles
        Labelled articles (see :func:`tracker.extract.newsgold.read_gold`).
    extract
        The extractor under test: an :class:`Article` in, its events out.
    min_confidence
        Predictions below this confidence are dropped before scoring.
    clock
        Seconds, for the articles-per-second figure.

    Examples
    --------
    >>> from datetime import date
    >>> from tracker.model import EventType as T, SubEventType as S
    >>> gold = GoldArticle("a1", "A drone hit a depot.", events=(
    ...     GoldEvent(T.EXPLOSIONS, S.AIR_DRONE_STRIKE, date(2024, 5, 1)),))
    >>> guess = Event("e1", date(2024, 5, 2), TimePrecision.DAY, T.EXPLOSIONS,
    ...               S.AIR_DRONE_STRIKE, "A drone hit a depot.")
    >>> result = evaluate_news([gold], extract=lambda article: [guess])
    >>> result.overall.figures()["strict_recall"]
    1.0
    """
    return NewsEvaluation(
        tuple(_outcome(a, extract, min_confidence, clock) for a in articles), min_confidence
    )


def _outcome(
    article: GoldArticle, extract: Extract, min_confidence: float, clock: Callable[[], float]
) -> ArticleOutcome:
    start = clock()
    try:
        events = [e for e in extract(article.article) if e.confidence >= min_confidence]
    except (InputError, ExtractionError) as err:
        # Scored as an article with no events, as the reference scorer counts a refused line.
        return ArticleOutcome(article, (), (), clock() - start, str(err))
    return score_article(article, events, seconds=clock() - start)
