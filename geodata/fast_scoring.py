"""Scoring every candidate of a name against one piece of evidence: a measured speed-up.

:func:`geodata.ranking.score` is the plain reference: ten small parts, each a
``(score, reason)``, summed. Resolving a common village name scores dozens of
candidates against the same evidence, and most parts are switched off for all
of them at once (no admin hint, no reference point, no activity map).
:class:`Scorer` gives the same scores and reasons faster:

- which parts can contribute is decided once per evidence, not once per
  candidate; a part that is off returns exactly ``(0.0, "")``, and adding 0.0
  to a positive float leaves it unchanged, so skipping it changes no bit;
- the parts that depend only on the candidate and the article's country (name
  match, feature and population prior, country) are summed once per process
  and kept, in the same order :func:`sum` adds them;
- the activity count of a candidate is counted once per evidence, so the
  front-line note (:func:`geodata.resolving._front_line_note`) does not count
  the same candidates again.

``tests/geodata/test_fast_scoring.py`` checks that :meth:`Scorer.score` and
:func:`geodata.ranking.score` agree exactly.
"""

from __future__ import annotations

from math import log1p

from geodata.model import Place
from geodata.ranking import (
    ACTIVITY_BONUS,
    ACTIVITY_MINIMUM,
    ACTIVITY_SATURATION,
    ARTICLE_REGION_MINIMUM,
    Evidence,
    _admin_part,
    _article_region_part,
    _cluster_part,
    _country_part,
    _hromada_part,
    _named_part,
    _near_part,
    _prior_part,
    _raion_part,
)

# (feature code, population, country, quality, article country) → the first three
# parts summed as sum() sums them, and their reasons. Every field the three parts read
# is in the key, so a hit is the same sum whatever place it was (and places of one
# size and kind share an entry: a few thousand keys for a whole country).
_BASE: dict[tuple[object, ...], tuple[float, tuple[str, ...]]] = {}
_BASE_LIMIT = 50_000


class Scorer:
    """Scores candidates against one :class:`Evidence` exactly as ``ranking.score`` does."""

    __slots__ = ("_counts", "_ev", "_parts")

    def __init__(self, ev: Evidence) -> None:
        self._ev = ev
        parts = []
        if ev.admin_codes:
            parts.append(_admin_part)
        if ev.raion is not None:
            parts.append(_raion_part)
        if ev.hromada is not None:
            parts.append(_hromada_part)
        if ev.near is not None:
            parts.append(_near_part)
        if ev.others:  # nearest_km is None without another place
            parts.append(_cluster_part)
        if len(ev.others) >= ARTICLE_REGION_MINIMUM:  # fewer can never all lie in one region
            parts.append(_article_region_part)
        self._parts = tuple(parts)
        self._counts: dict[tuple[float, float], int] = {}

    def score(self, place: Place, quality: float) -> tuple[float, tuple[str, ...]]:
        """The score and reasons :func:`geodata.ranking.score` gives ``place``."""
        ev = self._ev
        key = (
            place.feature_code,
            place.population,
            place.country,
            quality,
            ev.country,
        )
        base = _BASE.get(key)
        if base is None:
            base = _base(place, quality, ev)
            if len(_BASE) >= _BASE_LIMIT:
                _BASE.clear()
            _BASE[key] = base
        total, reasons = base
        if not self._parts and ev.activity is None:
            return total, reasons
        extra = list(reasons)
        for part in self._parts:
            p, r = part(place, ev)
            total += p
            if r:
                extra.append(r)
        if ev.activity is not None:
            p, r = self._activity_part(place)
            total += p
            if r:
                extra.append(r)
        return total, tuple(extra)

    def activity_count(self, place: Place) -> int | None:
        """:func:`geodata.ranking.activity_count`, counted once per place and evidence."""
        ev = self._ev
        if ev.activity is None:
            return None
        at = (place.latitude, place.longitude)  # all the count depends on
        n = self._counts.get(at)
        if n is None:
            n = ev.activity.count_near(place.latitude, place.longitude, as_of=ev.as_of)
            self._counts[at] = n
        return n

    def _activity_part(self, place: Place) -> tuple[float, str]:
        # the same arithmetic as ranking._activity_part, on the remembered count
        n = self.activity_count(place)
        if not n or n < ACTIVITY_MINIMUM:
            return 0.0, ""
        weight = min(1.0, log1p(n) / log1p(ACTIVITY_SATURATION))
        label = f"{n} report{'s' if n > 1 else ''} {self._ev.activity.describe()}"  # type: ignore[union-attr]
        return ACTIVITY_BONUS * weight, label


def _base(place: Place, quality: float, ev: Evidence) -> tuple[float, tuple[str, ...]]:
    parts = (_named_part(place, quality, ev), _prior_part(place), _country_part(place, ev))
    return sum(p for p, _ in parts), tuple(r for _, r in parts if r)
