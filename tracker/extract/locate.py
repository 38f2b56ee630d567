"""Resolving event places through the gazetteer, with the article's context and a cache."""

from __future__ import annotations

import re

from geodata.admin import canonical_admin1
from geodata.errors import GeodataError
from geodata.model import GeoPrecision, Place, Resolution
from geodata.protocols import Gazetteer, ResolveContext
from tracker.errors import GazetteerError
from tracker.extract.lexicon.countries_en import COUNTRY_WORDS, THEATRE
from tracker.extract.places import PlaceMention, Role


class PlaceResolver:
    """Resolves the place mentions of one article; earlier places help later ones."""

    def __init__(self, gazetteer: Gazetteer, *, country: str | None) -> None:
        self._gazetteer = gazetteer
        self._country = country
        self._others: list[Place] = []
        self._cache: dict[tuple[str, str | None, str | None, bool], Resolution | None] = {}

    def resolve(
        self, mention: PlaceMention, *, near: tuple[float, float] | None = None
    ) -> Resolution | None:
        """The place ``mention`` names, at the precision its role allows, or None."""
        surface = mention.match.surface
        hint = None
        if mention.hint is not None:
            hint = canonical_admin1(mention.hint.surface) or mention.hint.surface
        key = (surface, hint, mention.facility, mention.is_region)
        if key not in self._cache:
            self._cache[key] = self._lookup(mention, hint=hint, near=near)
        res = self._cache[key]
        if res is None or res.place.feature_code.startswith("PCL"):
            return None  # ACLED codes no event to a whole country
        if res.place not in self._others and not res.place.is_region:
            self._others.append(res.place)
        if mention.role is Role.NEAR and res.precision < GeoPrecision.NEAR:
            return Resolution(res.place, GeoPrecision.NEAR, res.score, res.reason, res.alternatives)
        return res

    def credible(self, mention: PlaceMention, sentence: str) -> bool:
        """False for a place abroad whose sentence does not name its country.

        Outside Ukraine, Russia and Belarus a name is far more often a word that
        happens to be a small town ("Republic", "Federal") than an event place.
        """
        res = self.resolve(mention)
        if res is None or res.place.country in THEATRE:
            return True
        words = COUNTRY_WORDS.get(res.place.country, ())
        return any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in words)

    def _lookup(
        self, mention: PlaceMention, *, hint: str | None, near: tuple[float, float] | None
    ) -> Resolution | None:
        surface = mention.match.surface
        try:
            if mention.is_region:
                return self._gazetteer.resolve_region(surface)
            context = ResolveContext(
                admin_hint=hint, near=near, others=tuple(self._others), country=self._country
            )
            if mention.facility:
                found = self._gazetteer.resolve(f"{surface} {mention.facility}", context=context)
                if found is not None:
                    return found
            return self._gazetteer.resolve(surface, context=context)
        except GeodataError as err:
            raise GazetteerError(
                f"the gazetteer failed while resolving {surface!r}: {err}; "
                "check the gazetteer with `tracker gazetteer search NAME`"
            ) from err
