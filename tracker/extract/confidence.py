"""A confidence that means something: the chance an event is real and rightly placed.

The rules stay the explanation; here they become the features of a small
logistic regression fitted on hand-labelled real articles (``bench/fit_confidence.py``
writes ``lexicon/confidence_en.json``; ``docs/benchmarks.md`` has its calibration
on held-out folds). Every feature is read from the event record itself (its
fields and evidence lines), so the same function scores an event at extraction
and when the model is fitted from ``tracker eval news --out`` rows.

An event's evidence ends with the model's reading: its probability and the
features that moved it most, e.g. ``confidence: 0.81 (exact place +0.9,
strong trigger +0.6, publication day -0.3)``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# Each feature: a name a reader understands, and how to read it from a record.
FEATURES: tuple[str, ...] = (
    "rule confidence",
    "strong trigger",
    "weak trigger",
    "exact place",
    "near a place",
    "region only",
    "no place",
    "place from an office or the article",
    "several mentions",
    "several triggers",
    "explicit date",
    "claimed",
    "alleged",
    "battle",
    "explosion",
    "violence against civilians",
    "strategic development",
    "fatalities",
    "events in the article",
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


def features(record: Mapping[str, Any], *, events_in_article: int) -> dict[str, float]:
    """The model's features of one event record (a dict as ``tracker extract`` prints it).

    >>> f = features({"evidence": ["trigger: shelling 'shelled'", "rules: confidence 0.8"],
    ...               "geo_precision": 1, "latitude": 50.0,
    ...               "event_type": "Explosions/Remote violence"}, events_in_article=1)
    >>> (f["exact place"], f["strong trigger"], f["no place"])
    (1.0, 1.0, 0.0)
    """
    evidence: Sequence[str] = record.get("evidence") or ()
    lines = " | ".join(evidence)
    precision = record.get("geo_precision")
    located = record.get("latitude") is not None
    weak = any(line.startswith(f"trigger: {name} ") for line in evidence for name in _WEAK)
    kind = record.get("event_type") or ""
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
        "several mentions": float("mentions in the article" in lines),
        "several triggers": float("triggers, highest ACLED rank" in lines),
        "explicit date": float("publication day" not in lines and "processing day" not in lines),
        "claimed": float(bool(record.get("claimed_by"))),
        "alleged": float(bool(record.get("alleged"))),
        "battle": float(kind == "Battles"),
        "explosion": float(kind == "Explosions/Remote violence"),
        "violence against civilians": float(kind == "Violence against civilians"),
        "strategic development": float(kind == "Strategic developments"),
        "fatalities": float(bool(record.get("fatalities"))),
        "events in the article": math.log1p(max(0, events_in_article - 1)),
    }


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
