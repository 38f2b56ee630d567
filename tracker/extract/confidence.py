"""A confidence that means something: the chance an event is real and rightly placed.

The rules stay the explanation; here they become the features of a small
logistic regression fitted on hand-labelled real articles (``bench/fit_confidence.py``
writes ``lexicon/confidence_en.json``; ``docs/benchmarks.md`` has its calibration
on held-out folds). Every feature is read from the event record itself (its
fields and evidence lines), so the same function scores an event at extraction
and when the model is fitted on labelled articles.

An event's evidence ends with the model's reading: its probability and the
features that moved it most, e.g. ``confidence: 0.81 (exact place +0.9,
strong trigger +0.6, publication day -0.3)``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from tracker.model import Event, EventType

# Each feature: a name a reader understands, and how to read it from a record.
# The features the model weighs. More are computed (see ``features``) and kept for
# study, but with about a hundred labelled events a small model calibrates best
# on held-out folds (docs/benchmarks.md): where the place comes from and how sure
# the gazetteer is decide most of whether an event is real and rightly placed.
FEATURES: tuple[str, ...] = (
    "rule confidence",
    "exact place",
    "region only",
    "no place",
    "place from an office or the article",
    "homonyms",
    "town of 50,000 or more",
    "explicit date",
    "strategic development",
)


@dataclass(frozen=True, slots=True)
class Model:
    """Weights per feature plus an intercept, fitted by ``bench/fit_confidence.py``."""

    intercept: float
    weights: Mapping[str, float]

    def probability(self, features: Mapping[str, float]) -> float:
        """The modelled probability that the event is real and correctly placed."""
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def explain(self, features: Mapping[str, float], *, top: int = 3) -> str:
        """The features that moved the probability most, signed, for the evidence."""
        parts = sorted(
            ((k, self.weights.get(k, 0.0) * v) for k, v in features.items()),
            key=lambda kv: -abs(kv[1]),
        )
        return ", ".join(f"{k} {c:+.1f}" for k, c in parts[:top] if abs(c) >= 0.05)


def features(event: Event, *, events_in_article: int) -> dict[str, float]:
    """The model's features of one extracted event, read from its fields and evidence.

    >>> from datetime import date
    >>> from tracker.model import EventType, SubEventType, TimePrecision
    >>> e = Event("e1", date(2024, 5, 1), TimePrecision.DAY, EventType.EXPLOSIONS,
    ...           SubEventType.SHELLING_ARTILLERY_MISSILE, "Shelling hit Kharkiv.",
    ...           latitude=50.0, longitude=36.2, geo_precision=1,
    ...           evidence=("trigger: shelling 'Shelling'", "rules: confidence 0.8"))
    >>> f = features(e, events_in_article=1)
    >>> (f["exact place"], f["strong trigger"], f["no place"], f["rule confidence"])
    (1.0, 1.0, 0.0, 0.8)
    """
    reading = _Reading(event, events_in_article)
    return {name: read(reading) for name, read in _FEATURES.items()}


def weighted_features(event: Event, *, events_in_article: int, model: Model) -> dict[str, float]:
    """:func:`features` with only those ``model`` weighs, in the same order.

    The rest add exactly 0.0 to the model's sum and never reach its explanation
    (sorted last, then dropped as too small), so the probability and the evidence
    line are the same to the last bit; extraction scores every event this way and
    skips reading what the model does not use.
    """
    reading = _Reading(event, events_in_article)
    return {name: read(reading) for name, read in _FEATURES.items() if name in model.weights}


class _Reading:
    """What the features read from one event record, each worked out when first asked."""

    def __init__(self, event: Event, events_in_article: int) -> None:
        self.event = event
        self.events_in_article = events_in_article

    @cached_property
    def lines(self) -> str:
        return " | ".join(self.event.evidence)

    @cached_property
    def weak(self) -> bool:
        evidence = self.event.evidence
        return any(line.startswith(f"trigger: {name} ") for line in evidence for name in _WEAK)

    @cached_property
    def located_at(self) -> int | None:
        """The event's precision when it has a point, else None."""
        return self.event.geo_precision if self.event.has_location else None

    def number(self, pattern: re.Pattern[str]) -> float | None:
        return _number(pattern, self.lines)


def _homonyms(r: _Reading) -> float:
    candidates = r.number(_CANDIDATES)
    return math.log(candidates) if candidates and candidates > 1 else 0.0


def _far(r: _Reading) -> float:
    spread = r.number(_OTHERS_KM)
    return float(spread is not None and spread > 100)


def _town(r: _Reading) -> float:
    population = r.number(_POPULATION)
    return float(population is not None and population >= 50_000)


_FEATURES: dict[str, Callable[[_Reading], float]] = {
    "rule confidence": lambda r: _rule_confidence(r.event.evidence),
    "strong trigger": lambda r: float(not r.weak),
    "weak trigger": lambda r: float(r.weak),
    "exact place": lambda r: float(r.located_at == 1),
    "near a place": lambda r: float(r.located_at == 2),
    "region only": lambda r: float(r.located_at == 3),
    "no place": lambda r: float(not r.event.has_location),
    "place from an office or the article": lambda r: float(
        "seat of an office" in r.lines or "every place in the article" in r.lines
    ),
    "homonyms": _homonyms,
    "region stated and agrees": lambda r: float("as the text says" in r.lines),
    "spelling differs": lambda r: float("alternate name" in r.lines or "near-miss" in r.lines),
    "far from the article's other places": _far,
    "town of 50,000 or more": _town,
    "from the headline only": lambda r: float(HEADLINE_NOTE in r.lines),
    "several mentions": lambda r: float("mentions in the article" in r.lines),
    "several triggers": lambda r: float("triggers, highest ACLED rank" in r.lines),
    "explicit date": lambda r: float(
        "publication day" not in r.lines and "processing day" not in r.lines
    ),
    "claimed": lambda r: float(bool(r.event.claimed_by)),
    "alleged": lambda r: float(r.event.alleged),
    "battle": lambda r: float(r.event.event_type is EventType.BATTLES),
    "explosion": lambda r: float(r.event.event_type is EventType.EXPLOSIONS),
    "violence against civilians": lambda r: float(
        r.event.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    ),
    "strategic development": lambda r: float(
        r.event.event_type is EventType.STRATEGIC_DEVELOPMENTS
    ),
    "fatalities": lambda r: float(r.event.fatalities > 0),
    "events in the article": lambda r: math.log1p(max(0, r.events_in_article - 1)),
}


HEADLINE_NOTE = "place and type from the headline only"
_CANDIDATES = re.compile(r"best of (\d+) candidates")
_OTHERS_KM = re.compile(r"(\d+) km from other places")
_POPULATION = re.compile(r"population ([\d,]+)")


def _number(pattern: re.Pattern[str], text: str) -> float | None:
    m = pattern.search(text)
    return float(m.group(1).replace(",", "")) if m else None


_WEAK = ("strike", "blast", "damage", "attack", "killing")
RULES_PREFIX = "rules: confidence "


def _rule_confidence(evidence: Sequence[str]) -> float:
    for line in evidence:
        if line.startswith(RULES_PREFIX):
            return float(line[len(RULES_PREFIX) :].split()[0])
    return 0.5


@lru_cache(maxsize=4)
def load_model(language: str = "en") -> Model | None:
    """The fitted model for ``language``, or None when none has been fitted yet."""
    name = f"confidence_{language}.json"
    try:
        data = json.loads(
            resources.files("tracker.extract.lexicon").joinpath(name).read_text("utf-8")
        )
    except (FileNotFoundError, ValueError):
        return None
    return Model(float(data["intercept"]), dict(data["weights"]))
