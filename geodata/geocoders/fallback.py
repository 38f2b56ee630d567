"""A gazetteer first, an online geocoder only for what the gazetteer cannot place."""

from __future__ import annotations

from typing import Protocol

from geodata.admin import find_region
from geodata.distance import haversine_km
from geodata.geocoders.online import GeocodeAnswer
from geodata.model import Candidate, GeoPrecision, NameMatch, Place, Resolution
from geodata.protocols import Gazetteer, ResolveContext

MAX_REGION_DISTANCE_KM = 350.0  # an answer farther from the stated region is a wrong place
ONLINE_SCORE = 0.5
NO_CONTEXT = ResolveContext()


class AnswersQueries(Protocol):
    """Anything with a name and ``geocode(query, *, country)`` (online or cached)."""

    @property
    def name(self) -> str: ...

    def geocode(self, query: str, *, country: str | None = None) -> GeocodeAnswer: ...


class GeocodingGazetteer:
    """Wraps a :class:`Gazetteer`; asks ``geocoder`` only when the gazetteer misses.

    A miss is no place at all, or a fallback to the region because no place of
    that name is known there. Online answers far from the stated region are
    refused rather than trusted.
    """

    def __init__(self, gazetteer: Gazetteer, geocoder: AnswersQueries) -> None:
        self._gaz = gazetteer
        self._geocoder = geocoder

    def find_names(self, text: str) -> list[NameMatch]:
        """As the wrapped gazetteer (online services do not scan text)."""
        return self._gaz.find_names(text)

    def search(
        self,
        name: str,
        *,
        country: str | None = None,
        admin1: str | None = None,
        near: tuple[float, float] | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """As the wrapped gazetteer."""
        return self._gaz.search(name, country=country, admin1=admin1, near=near, limit=limit)

    def resolve_region(self, name: str) -> Resolution | None:
        """As the wrapped gazetteer."""
        return self._gaz.resolve_region(name)

    def resolve(self, name: str, *, context: ResolveContext = NO_CONTEXT) -> Resolution | None:
        """The gazetteer's answer, or the online geocoder's when the gazetteer misses."""
        res = self._gaz.resolve(name, context=context)
        if res is not None and not _is_miss(res, name):
            return res
        region = find_region(context.admin_hint) if context.admin_hint else None
        query = ", ".join(p for p in (name, region.name if region else None) if p)
        answer = self._geocoder.geocode(query, country=context.country)
        if not answer.found or answer.latitude is None or answer.longitude is None:
            return res
        if region and _far(answer, region.latitude, region.longitude):
            return res
        place = Place(
            geonameid=0,
            name=name,
            latitude=answer.latitude,
            longitude=answer.longitude,
            country=context.country or (region.country if region else ""),
            admin1=region.name if region and region.code else None,
            admin1_code=region.code if region else None,
        )
        reason = f"not in the gazetteer; {self._geocoder.name} answered {answer.address!r}"
        return Resolution(place, GeoPrecision.SETTLEMENT, ONLINE_SCORE, reason)


def _is_miss(res: Resolution, name: str) -> bool:
    return res.precision is GeoPrecision.REGION and find_region(name) is None


def _far(answer: GeocodeAnswer, lat: float, lon: float) -> bool:
    return (
        haversine_km(answer.latitude or 0, answer.longitude or 0, lat, lon) > MAX_REGION_DISTANCE_KM
    )
