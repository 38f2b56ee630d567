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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
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
    evidence = event.evidence
    lines = " | ".join(evidence)
    precision = event.geo_precision
    located = event.has_location
    weak = any(line.startswith(f"trigger: {name} ") for line in evidence for name in _WEAK)
    kind = event.event_type
    candidates = _number(_CANDIDATES, lines)
    spread = _number(_OTHERS_KM, lines)
    population = _number(_POPULATION, lines)
    return {
        "rule confidence": _rule_confidence(evidence),
        "strong trigger": float(not weak),
        "weak trigger": float(weak),
        "exact place": float(located and precision == 1),
        "near a place": float(located and precision == 2),
        "region only": float(located and precision == 3),
        "no place": float(not located),
        "place from an office or the article": float(
            "seat of an office" in lines or "every place in the article" in lines
        ),
        "homonyms": math.log(candidates) if candidates and candidates > 1 else 0.0,
        "region stated and agrees": float("as the text says" in lines),
        "spelling differs": float("alternate name" in lines or "near-miss" in lines),
        "far from the article's other places": float(spread is not None and spread > 100),
        "town of 50,000 or more": float(population is not None and population >= 50_000),
        "from the headline only": float(HEADLINE_NOTE in lines),
        "several mentions": float("mentions in the article" in lines),
        "several triggers": float("triggers, highest ACLED rank" in lines),
        "explicit date": float("publication day" not in lines and "processing day" not in lines),
        "claimed": float(bool(event.claimed_by)),
        "alleged": float(event.alleged),
        "battle": float(kind is EventType.BATTLES),
        "explosion": float(kind is EventType.EXPLOSIONS),
        "violence against civilians": float(kind is EventType.VIOLENCE_AGAINST_CIVILIANS),
        "strategic development": float(kind is EventType.STRATEGIC_DEVELOPMENTS),
        "fatalities": float(event.fatalities > 0),
        "events in the article": math.log1p(max(0, events_in_article - 1)),
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
