"""Scoring homonyms: every bit of evidence adds to a score and leaves a reason.

A candidate's score is a sum of small, explainable parts: how well the name
matched, the feature class and population priors, the country focus, an admin
hint, a reference point and the other places of the same article. The reasons
are kept so a journalist can see why "Havrylivka" became *this* Havrylivka.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from math import exp, log1p, log10

from geodata.activity import ActivitySource
from geodata.distance import haversine_km
from geodata.katottg import unit_stem
from geodata.model import Place
from geodata.names import name_key
from geodata.nearest import in_one_region_besides, nearest_km

# How much a feature code says "this is what an article means by the name".
FEATURE_PRIOR = {
    "PPLC": 0.6,
    "PPLA": 0.5,
    "PPLA2": 0.4,
    "PPLA3": 0.3,
    "PPLA4": 0.25,
    "PPL": 0.2,
    "PPLL": 0.15,
    "PPLF": 0.1,
    "PPLX": 0.1,
    "PPLW": 0.05,
    "PPLQ": 0.0,
    "PPLH": 0.0,
}
ADMIN_BONUS = 3.0  # a stated region outweighs every prior
RAION_BONUS = 2.5  # a stated raion (GeoNames admin2, the 2020 raions): less than an oblast
COUNTRY_BONUS = 1.0
BIG_CITY = 1_000_000  # people: a city this big is what its short name means in the news
# Countries a war in the focus country is also reported from: a big Russian city known by
# its own name beats a Ukrainian hamlet that merely has it as an alternate name
# (Novorossiysk), while a Ukrainian village still beats a Russian one of the same name.
NEIGHBOUR_BONUS = 0.6
NEIGHBOURS: dict[str, frozenset[str]] = {"UA": frozenset({"RU", "BY"})}
NEAR_BONUS = 2.0
NEAR_SCALE_KM = 40.0
CLUSTER_BONUS = 1.2
CLUSTER_SCALE_KM = 80.0
# Every other place of the text in one oblast (two at least): less than a stated region.
ARTICLE_REGION_BONUS = 1.0
ARTICLE_REGION_MINIMUM = 2
# Reported violence near a candidate lately: worth more than every prior and the
# article's own cluster, less than a region the text states.
ACTIVITY_BONUS = 1.5
ACTIVITY_SATURATION = 20  # reports after which more say nothing new
ACTIVITY_MINIMUM = 2  # one report near a hamlet is chance, not a front line


@dataclass(frozen=True, slots=True)
class Evidence:
    """What is known around a mention, already normalised for scoring."""

    admin_codes: frozenset[str] = frozenset()  # admin-1 codes the hint allows
    admin_country: str | None = None
    admin_label: str | None = None  # the hint's canonical name, for reasons
    near: tuple[float, float] | None = None
    others: Sequence[Place] = ()
    country: str | None = None
    activity: ActivitySource | None = None
    as_of: date | None = None
    raion: str | None = None  # the stem of a raion the text states ("Pokrovsk district")
    raion_label: str | None = None
    hromada: str | None = None  # the stem of a hromada the text states ("Marinka hromada")
    hromada_label: str | None = None


def raion_stem(name: str) -> str:
    """One key for a raion and its seat: "Pokrovsk", "Pokrovskyi Raion" → "pokrov".

    >>> raion_stem("Kramatorskyi Raion") == raion_stem("Kramatorsk")
    True
    """
    key = name_key(_RAION_WORD.sub("", name))
    for suffix in ("ski", "sk", "i"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            return key[: -len(suffix)]
    return key


_RAION_WORD = re.compile(r"\s+(?:urban\s+)?(?:raion|rayon|district)$", re.I)


def score(place: Place, quality: float, ev: Evidence) -> tuple[float, tuple[str, ...]]:
    """Score one candidate; return the score and the reasons that made it."""
    parts = [
        _named_part(place, quality, ev),
        _prior_part(place),
        _country_part(place, ev),
        _admin_part(place, ev),
        _raion_part(place, ev),
        _hromada_part(place, ev),
        _near_part(place, ev),
        _cluster_part(place, ev),
        _article_region_part(place, ev),
        _activity_part(place, ev),
    ]
    total = sum(p for p, _ in parts)
    return total, tuple(r for p, r in parts if r)


ALTERNATE_NAME = "matched an alternate name"  # the evidence of a weaker name match
NEAR_MISS = "near-miss spelling"


def _name_part(quality: float) -> tuple[float, str]:
    # A place's own current name beats a place that merely once had it
    # (an old or alternate name), unless other evidence says otherwise.
    if quality >= 1.0:
        return 0.6, ""
    if quality >= 0.95:
        return 0.55, "known by this English or former name"
    if quality >= 0.9:
        return 0.2, ALTERNATE_NAME
    return 0.2 * quality, f"{NEAR_MISS} (similarity {quality:.2f})"


def _named_part(place: Place, quality: float, ev: Evidence) -> tuple[float, str]:
    """The name part, where a big city across the border is known by a short name.

    "Rostov" in the news is Rostov-on-Don, not a Ukrainian hamlet called Rostov: a
    big Russian or Belarusian city's alternate names are the short and foreign forms it
    is written in. A Ukrainian city's alternate name can be one it only once had
    (Dnipro was briefly "Novorossiysk"), so at home the plain rule holds.
    """
    if (
        0.9 <= quality < 0.95
        and place.population >= BIG_CITY
        and place.country in NEIGHBOURS.get(ev.country or "", ())
    ):
        return 0.55, f"a city of {BIG_CITY:,}+ known by this short or other name"
    return _name_part(quality)


def _prior_part(place: Place) -> tuple[float, str]:
    return _prior(place.feature_code, place.population)


@lru_cache(maxsize=4096)
def _prior(feature_code: str, population: int) -> tuple[float, str]:
    """Feature and population prior; cached because formatting the label dominates."""
    prior = FEATURE_PRIOR.get(feature_code, 0.05)
    pop = 0.08 * log10(population + 1) if population > 0 else 0.0
    label = f"{feature_code}"
    if population:
        label += f", population {population:,}"
    return prior + pop, label


def _country_part(place: Place, ev: Evidence) -> tuple[float, str]:
    if ev.country is None:
        return 0.0, ""
    if place.country == ev.country:
        return COUNTRY_BONUS, f"in the article's country {ev.country}"
    if place.country in NEIGHBOURS.get(ev.country, ()):
        return NEIGHBOUR_BONUS, f"in {place.country}, where this war is also reported from"
    return 0.0, ""


def _admin_part(place: Place, ev: Evidence) -> tuple[float, str]:
    if not ev.admin_codes:
        return 0.0, ""
    same_country = ev.admin_country is None or ev.admin_country == place.country
    if same_country and place.admin1_code in ev.admin_codes:
        return ADMIN_BONUS, f"in {ev.admin_label} as the text says"
    return -ADMIN_BONUS, f"not in {ev.admin_label}"


def _raion_part(place: Place, ev: Evidence) -> tuple[float, str]:
    if ev.raion is None or not place.admin2 or raion_stem(place.admin2) != ev.raion:
        return 0.0, ""
    return RAION_BONUS, f"in {place.admin2} as the text says ({ev.raion_label})"


def _hromada_part(place: Place, ev: Evidence) -> tuple[float, str]:
    # KATOTTG's hromada of the place (geodata/units.py): as strong as a stated raion
    if ev.hromada is None or not place.admin3 or unit_stem(place.admin3) != ev.hromada:
        return 0.0, ""
    return RAION_BONUS, f"in {place.admin3} as the text says ({ev.hromada_label})"


def _near_part(place: Place, ev: Evidence) -> tuple[float, str]:
    if ev.near is None:
        return 0.0, ""
    d = haversine_km(place.latitude, place.longitude, *ev.near)
    return NEAR_BONUS * exp(-d / NEAR_SCALE_KM), f"{d:.0f} km from the reference point"


def _cluster_part(place: Place, ev: Evidence) -> tuple[float, str]:
    d = nearest_km(place, ev.others)  # fast when others is a PointSet (geodata/nearest.py)
    if d is None:
        return 0.0, ""
    return CLUSTER_BONUS * exp(-d / CLUSTER_SCALE_KM), f"{d:.0f} km from other places in the text"


def _article_region_part(place: Place, ev: Evidence) -> tuple[float, str]:
    """Every other place of the text in one oblast: a homonym there is the likely one
    (a regional round-up names its villages without repeating the oblast)."""
    if not in_one_region_besides(place, ev.others, minimum=ARTICLE_REGION_MINIMUM):
        return 0.0, ""
    return ARTICLE_REGION_BONUS, f"in {place.admin1}, where every other place of the text lies"


def activity_count(place: Place, ev: Evidence) -> int | None:
    """Reports near ``place`` lately, or None when no activity map is given."""
    if ev.activity is None:
        return None
    return ev.activity.count_near(place.latitude, place.longitude, as_of=ev.as_of)


def _activity_part(place: Place, ev: Evidence) -> tuple[float, str]:
    n = activity_count(place, ev)
    if not n or n < ACTIVITY_MINIMUM:
        return 0.0, ""
    weight = min(1.0, log1p(n) / log1p(ACTIVITY_SATURATION))
    label = f"{n} report{'s' if n > 1 else ''} {ev.activity.describe()}"  # type: ignore[union-attr]
    return ACTIVITY_BONUS * weight, label


def confidence(scores: Sequence[float]) -> float:
    """How sure the top score is, 0..1: its share of a softmax over all scores."""
    if not scores:
        return 0.0
    top = max(scores)
    weights = [exp(2.0 * (s - top)) for s in scores]
    return 1.0 / sum(weights)
