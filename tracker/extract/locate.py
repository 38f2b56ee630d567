"""Resolving event places through the gazetteer, with the article's context and a cache."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from geodata.admin import canonical_admin1
from geodata.distance import haversine_km
from geodata.errors import GeodataError
from geodata.model import GeoPrecision, Place, Resolution
from geodata.nearest import PointSet
from geodata.protocols import Gazetteer, ResolveContext
from geodata.ranking import ALTERNATE_NAME, NEAR_MISS
from tracker.errors import GazetteerError
from tracker.extract.lexicon.countries_en import COUNTRY_WORDS, THEATRE
from tracker.extract.places import PlaceMention, Role
from tracker.extract.text import CARDINALS

ANCHOR_MARGIN = 0.8  # score lead over the runner-up that makes a place unambiguous
SAME_SPOT_KM = 10.0
CITY_POPULATION = 100_000  # rivals this close to the winner leave no doubt about the spot
QUARTER_REACH_KM = 40.0  # a city quarter farther than this from every place of the text
QUARTER_CITY = 50_000  # people: a town this big has districts of its own
TOWN_OF_NOTE = 10_000  # people: a town this big is reported from anywhere, not a lost village
_ANCHOR_ROLES = (Role.EVENT, Role.NEAR, Role.REFERENCE)


class PlaceResolver:
    """Resolves the place mentions of one article; earlier places help later ones."""

    def __init__(
        self, gazetteer: Gazetteer, *, country: str | None, as_of: date | None = None
    ) -> None:
        self._gazetteer = gazetteer
        self._country = country
        self._as_of = as_of  # the article's day: front-line context is counted before it
        self._others: list[Place] = []
        self._cache: dict[tuple[Any, ...], Resolution | None] = {}
        self._winners: dict[tuple[str, bool], Place | None] = {}
        self._settled: dict[str, tuple[int, Resolution]] = {}
        self._clear_in_region: dict[tuple[str, str], Place | None] = {}
        self._points: PointSet | None = None

    def settle(
        self,
        mention: PlaceMention,
        *,
        near: tuple[float, float] | None,
        rank: int,
        within: tuple[Resolution, float] | None = None,
    ) -> None:
        """Remember how a name resolves with context of strength ``rank`` (3 a stated region,
        2 a reference point, 1 a town in the same sentence): one name, one place per article,
        so "Blahodatne, five km north of Bakhmut" also places a bare "Blahodatne" elsewhere.
        ``within`` is the reference town and how far from it the place may lie: a namesake
        farther away is not the place, and the town stands in for it (:func:`reference_instead`)."""
        name = mention.match.surface
        if mention.is_region or self._settled.get(name, (0, None))[0] >= rank:
            return
        res = self._resolved(mention, near=near)
        if res is not None and within is not None:
            res = reference_instead(name, res, within[0], reach=within[1])
        if res is not None:
            self._settled[name] = (rank, res)

    def resolve(
        self, mention: PlaceMention, *, near: tuple[float, float] | None = None
    ) -> Resolution | None:
        """The place ``mention`` names, at the precision its role allows, or None."""
        res = self._resolved(mention, near=near)
        rank, settled = self._settled.get(mention.match.surface, (0, None))
        own = 3 if mention.hint is not None else 2 if near is not None else 0
        if settled is not None and rank > own and res is not None and not res.place.is_region:
            note = "; the same name is placed with more context elsewhere in the article"
            # an ambiguous bare name is settled by that context: its precision is the context's
            precision = settled.precision if res.ambiguous else res.precision
            res = replace(settled, precision=precision, reason=settled.reason + note)
        if res is None or res.place.feature_code.startswith("PCL"):
            return None  # ACLED codes no event to a whole country
        if _a_city_district(res.place, mention.match.surface) and self._far(res.place, near):
            res = self._city_of_the_text(res, mention.match.surface)
            if res is None:
                return None
        if res.place not in self._others and not res.place.is_region:
            self._others.append(res.place)
        if mention.role is Role.NEAR and res.precision < GeoPrecision.NEAR:
            return replace(res, precision=GeoPrecision.NEAR)
        return res

    def peek(self, mention: PlaceMention) -> Resolution | None:
        """What ``mention`` would resolve to now, neither cached nor counted among the
        article's places (a question asked before choosing how to read a name)."""
        hint = None
        if mention.hint is not None:
            hint = canonical_admin1(mention.hint.surface) or mention.hint.surface
        return self._lookup(mention, hint=hint, near=None)

    def _resolved(
        self, mention: PlaceMention, *, near: tuple[float, float] | None
    ) -> Resolution | None:
        hint = None
        if mention.hint is not None:
            hint = canonical_admin1(mention.hint.surface) or mention.hint.surface
        key = (mention.match.surface, hint, mention.facility, mention.is_region, near)
        if key not in self._cache:
            self._cache[key] = self._lookup(mention, hint=hint, near=near)
        return self._cache[key]

    def contradicts_winner(self, mention: PlaceMention) -> bool:
        """True when the region the text gives ``mention`` puts it elsewhere than the place
        its bare name would clearly mean ("Новомосковськ Дніпропетровської області" against
        the Russian city of that name): that name is then no clear anchor in the article."""
        if mention.hint is None:
            return False
        winner = self.clear_winner(mention)
        res = self._resolved(mention, near=None)
        return winner is not None and res is not None and res.place != winner

    def clear_winner(self, mention: PlaceMention) -> Place | None:
        """The place a name can only mean (one candidate, or far ahead of the next), or None."""
        key = (mention.match.surface, mention.is_region)
        if key not in self._winners:
            self._winners[key] = self._clear(mention)
        return self._winners[key]

    def _clear(self, mention: PlaceMention) -> Place | None:
        if mention.is_region or mention.role not in _ANCHOR_ROLES:
            return None
        if mention.hint is None:  # the same question credible() asked: answered once
            res = self._resolved(mention, near=None)
        else:
            res = self._lookup(mention, hint=None, near=None)
        if res is None or res.place.is_region or res.place.feature_code.startswith("PCL"):
            return None
        best = res.place
        if best.population >= CITY_POPULATION and best.feature_code != "PPLX":
            # a bare "Lviv" is the city, not one of the villages of that name; a city's
            # district ("Zarichnyi") is not: towns and villages elsewhere share its name
            return best
        rivals = [
            c.place
            for c in res.alternatives[1:]
            if res.alternatives[0].score - c.score < ANCHOR_MARGIN
        ]
        # rivals within a few km of the winner (Bucha town and Bucha village) do not matter
        clear = all(
            haversine_km(best.latitude, best.longitude, p.latitude, p.longitude) <= SAME_SPOT_KM
            for p in rivals
        )
        return best if clear else None

    def anchor(self, mention: PlaceMention) -> Place | None:
        """Add a place named anywhere in the article to the context, if it is unambiguous.

        A first pass over the article: "Krasnohorivka" (one town of that name) helps
        choose among the 43 Katerynivkas named before it. Only clear winners
        become context, so one homonym never drags another the wrong way.
        """
        place = self.clear_winner(mention) or self.clear_in_its_region(mention)
        if place is not None and place not in self._others:
            self._others.append(place)
        return place

    def clear_in_its_region(self, mention: PlaceMention) -> Place | None:
        """ "Blahodatne, Neskuchne and Makarivka, on the edge of the Donetsk region": a name
        the text places in a region where it has one candidate is as clear as a unique name
        (kept apart from the resolution cache, which holds answers given in full context)."""
        if mention.hint is None or mention.is_region or mention.role not in _ANCHOR_ROLES:
            return None
        hint = canonical_admin1(mention.hint.surface) or mention.hint.surface
        key = (mention.match.surface, hint)
        if key not in self._clear_in_region:  # asked for every neighbour: answered once
            self._clear_in_region[key] = self._unique_in(mention, hint)
        return self._clear_in_region[key]

    def _unique_in(self, mention: PlaceMention, hint: str) -> Place | None:
        res = self._lookup(mention, hint=hint, near=None)
        if res is None or res.ambiguous or res.place.is_region:
            return None
        rivals = [c.place for c in res.alternatives[1:] if c.place.admin1 == res.place.admin1]
        return None if rivals else res.place

    def credible(self, mention: PlaceMention, sentence: str) -> bool:
        """False for a place abroad whose sentence does not name its country.

        Outside Ukraine, Russia and Belarus a name is far more often a word that
        happens to be a small town ("Republic", "Federal") than an event place.
        """
        res = self._resolved(mention, near=None)
        if res is None or res.place.country in THEATRE:
            return True
        words = COUNTRY_WORDS.get(res.place.country, ())
        return any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in words)

    def _far(self, place: Place, near: tuple[float, float] | None) -> bool:
        """ "Shelling in Kherson ... the private sector in Dniprovsky district": cities share
        their districts' names (Dniprovskyi, Shevchenkivskyi, Tsentralnyi), so a city district
        the gazetteer knows only in another city, far from every place of the text, is the
        named city's own district, not the one hundreds of km away."""
        distances = [] if near is None else [haversine_km(place.latitude, place.longitude, *near)]
        nearest = self._other_points().nearest_km(place) if self._others else None
        if nearest is not None:
            distances.append(nearest)
        return bool(distances) and min(distances) > QUARTER_REACH_KM

    def _city_of_the_text(self, res: Resolution, surface: str) -> Resolution | None:
        """The one city of the text a district name far from it belongs to, or None."""
        cities = {
            p for p in self._others if p.population >= QUARTER_CITY and p.feature_code != "PPLX"
        }
        if len(cities) != 1:
            return None
        [city] = cities
        reason = (
            f"{surface!r} taken as a district of {city.name}, the one city of the text: the "
            f"{res.place.name} the gazetteer knows lies in {res.place.admin1}, far from every "
            "place of the text"
        )
        return Resolution(city, GeoPrecision.SETTLEMENT, res.score, reason)

    def _other_points(self) -> PointSet:
        """The article's places so far as one :class:`PointSet`, built again only when a
        place was added (the list only grows), not for every name resolved."""
        if self._points is None or len(self._points) != len(self._others):
            self._points = PointSet(self._others)
        return self._points

    def _lookup(
        self, mention: PlaceMention, *, hint: str | None, near: tuple[float, float] | None
    ) -> Resolution | None:
        surface = mention.match.surface
        try:
            region = self._gazetteer.resolve_region(surface) if mention.is_region else None
            if region is not None or mention.match.is_region:
                return region
            context = ResolveContext(
                admin_hint=hint,
                near=near,
                others=self._other_points(),
                country=self._country,
                as_of=self._as_of,
            )
            if mention.is_region:  # "the Klimovsky district": coded to its seat, Klimovo
                return _district_seat(self._gazetteer.resolve(surface, context=context))
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


def _district_seat(res: Resolution | None) -> Resolution | None:
    """A district known only by its seat's name stands at the seat, precision NEAR."""
    if res is None or res.place.is_region:
        return res
    reason = f"a district named after {res.place.name}, coded to that town; {res.reason}"
    precision = max(res.precision, GeoPrecision.NEAR)
    return replace(res, precision=precision, reason=reason)


def town_of_note(res: Resolution) -> bool:
    """A town of 10,000 people or an admin centre: reported from anywhere, so it keeps its
    place beside another region; a guess among namesakes is no such town."""
    if res.ambiguous or ALTERNATE_NAME in res.reason or NEAR_MISS in res.reason:
        # "Вознесеновка", once the name of a Crimean town: a village that shares an old
        # name with a town is no reason to keep the town
        return False
    return res.place.population >= TOWN_OF_NOTE or res.place.feature_code.startswith(
        ("PPLA", "PPLC")
    )


def region_instead(surface: str, res: Resolution, area: Resolution, *, named: str) -> Resolution:
    """The region ``area`` standing in for ``surface``, which the gazetteer has only at
    ``res`` in another region: most often a village it lacks, and the right oblast beats a
    namesake hundreds of km away. ``named`` says how the text names the region."""
    why = (
        f"no {surface} in {area.place.name}, {named} (the {res.place.name} in "
        f"{res.place.admin1} would be elsewhere): coded to the region; {area.reason}"
    )
    return replace(area, reason=why)


# A village said to lie "near" a town lies within an hour's drive of it (reporters say "near"
# loosely: 50 km is not unusual); a namesake farther than this is another village of that
# name, and the one meant is missing from the gazetteer.
NEAR_REFERENCE_KM = 80.0


def reference_instead(
    surface: str, res: Resolution, reference: Resolution, *, reach: float = NEAR_REFERENCE_KM
) -> Resolution:
    """``res`` for ``surface``, unless it lies farther than ``reach`` km from the town the
    text places it by ("Novopetrovka near Valuyki" found only 170 km away, "Blahodatne, five
    kilometres north of Bakhmut" found only 60 km away): then the town, at "near" precision,
    with the reason. A region, or a reference that is itself a region, changes nothing."""
    if res.place.is_region or reference.place.is_region:
        return res
    km = haversine_km(
        res.place.latitude, res.place.longitude, reference.place.latitude, reference.place.longitude
    )
    if km <= reach:
        return res
    why = (
        f"no {surface} within {reach:.0f} km of {reference.place.name}, where the text "
        f"places it (the {res.place.name} in {res.place.admin1} is {km:.0f} km away): coded "
        f"near {reference.place.name}; {reference.reason}"
    )
    return replace(reference, precision=GeoPrecision.NEAR, alternatives=(), reason=why)


# "five kilometres north of", "six miles (10 km) southwest of": the distance a text states
_STATED = re.compile(
    rf"\b(?P<n>\d+(?:[.,]\d+)?|{'|'.join(sorted(CARDINALS, key=len, reverse=True))})"
    r"\s*(?:-\s*)?(?P<unit>km|kilomet(?:er|re)s?|miles?)\b",
    re.I,
)
DIRECTION_REACH_KM = 150.0  # "a town east of Kharkiv" with no distance: within a long drive


def stated_reach(window: str) -> float:
    """How far from a reference point a place may lie, given the words before the point:
    twice the distance stated and 10 km more ("about five kilometres north of" → 20 km),
    else :data:`DIRECTION_REACH_KM`."""
    m = _STATED.search(window)  # "six miles (10 km)": the first figure
    if m is None:
        return DIRECTION_REACH_KM
    n = m.group("n").lower().replace(",", ".")
    value = float(n) if n[0].isdigit() else float(CARDINALS[n])
    if m.group("unit").lower().startswith("mile"):
        value *= 1.609
    return 2 * value + 10


_DISTRICT_WORD = re.compile(r"\b(?:district|raion|rayon|район\w*)\b", re.I)
CITY_DISTRICT = 20_000  # people: a quarter (GeoNames PPLX) this big is a city's district


def _a_city_district(place: Place, surface: str) -> bool:
    """A district of a city ("Dniprovsky district", "Desnianskyi"), not a town that GeoNames
    files as a section of a bigger one (Maiorsk, a part of Horlivka's council)."""
    if place.feature_code != "PPLX" or " - " in place.name:
        # "Kharkiv - Saltivskyi": the codifier names the city; its rivals are ranked by it
        return False
    return place.population >= CITY_DISTRICT or _DISTRICT_WORD.search(surface) is not None
