"""KATOTTG units joined to GeoNames places: official names, hromadas, city districts.

The codifier has no coordinates and GeoNames no hromadas, so each settlement of
the codifier is paired with the GeoNames place of the same name in the same
raion (GeoNames admin-2 ``1416`` is KATOTTG raion ``UA1416...``); a name that
two villages of one raion share stays unpaired rather than guessed. A paired
place then reads under its official romanized name (:mod:`geodata.romanize`)
and knows its hromada; a district of a paired city becomes a place of its own,
"Kharkiv - Saltivskyi", at the district's GeoNames point (when GeoNames has one).

Everything here is plain data in, plain data out: :class:`geodata.index.GazetteerBuilder`
calls :func:`link_units` while building the index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from geodata.distance import haversine_km
from geodata.fast_keys import name_key_many
from geodata.katottg import Category, Unit, unit_stem
from geodata.model import Place
from geodata.names import name_key
from geodata.romanize import romanize

# Feature codes a codifier settlement can be: not city sections, not abandoned or
# historical places that share a live village's name.
_SETTLEMENT_CODES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLL", "PPLF"})
_PAIRED = frozenset("MXCK")  # cities, settlements, villages; Kyiv and Sevastopol
_CAPITAL = "capital"
DISTRICT_RADIUS_KM = 20.0  # a city district's point lies within this of the city's


@dataclass(frozen=True, slots=True)
class Linked:
    """What the codifier adds to the GeoNames places of one gazetteer."""

    names: dict[int, str]  # geonameid → official romanized name
    hromadas: dict[int, str]  # geonameid → "Marinska hromada"
    districts: tuple[tuple[Place, frozenset[str]], ...]  # new places with their keys
    raions: dict[str, str]  # GeoNames admin-2 code → official raion name ("Pokrovskyi Raion")

    @property
    def linked(self) -> int:
        """How many GeoNames places were paired with a codifier settlement."""
        return len(self.names)


def link_units(
    units: Iterable[Unit],
    places: Mapping[int, Place],
    names: Mapping[str, Mapping[int, float]],
    *,
    aside: Mapping[int, Place] = {},
) -> Linked:
    """Pair codifier settlements with GeoNames places; make the city districts.

    ``places`` are the builder's places (raw admin-2 codes), ``names`` its key →
    {geonameid: quality} index, ``aside`` the GeoNames ADM3 units kept out of the
    index (city districts and hromadas with a point).
    """
    units = list(units)
    by_code = {u.code: u for u in units}
    pairs = _pair(units, places, names)
    hromadas = {}
    for gid, unit in pairs.items():
        hromada = by_code.get(unit.hromada or "")
        if hromada is not None:
            hromadas[gid] = f"{romanize(hromada.name_uk)} hromada"
    official = {gid: romanize(u.name_uk) for gid, u in pairs.items()}
    city_of = {u.code: gid for gid, u in pairs.items()}
    districts = _districts(units, places, official, city_of, aside)
    raions = {
        u.admin2: f"{romanize(u.name_uk)} Raion"
        for u in units
        if u.category is Category.RAION and u.admin2
    }
    return Linked(official, hromadas, districts, raions)


def _pair(
    units: list[Unit], places: Mapping[int, Place], names: Mapping[str, Mapping[int, float]]
) -> dict[int, Unit]:
    """geonameid → the one codifier settlement of that name in that raion."""
    wanted: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    paired = [u for u in units if u.category.value in _PAIRED]
    # every name folded in one pass (geodata.fast_keys), not one by one
    for u, key in zip(paired, name_key_many([u.name_uk for u in paired]), strict=True):
        # Kyiv and Sevastopol are in no raion: found among the capitals instead
        wanted[(u.admin2 or _CAPITAL, key)].append(u)
    claims: dict[int, list[Unit]] = defaultdict(list)
    by_raion: dict[str, dict[str, dict[int, float]]] = {}  # key → raion → its settlements
    for (admin2, key), same in wanted.items():
        if len(same) != 1:
            continue  # two villages of one name in one raion: not guessed
        if key not in by_raion:
            # sorted once per name: "Novoselivka" has places in a hundred raions
            by_raion[key] = _settlements_by_raion(names.get(key, {}), places)
        gid = _only_place(by_raion[key].get(admin2, {}))
        if gid is not None:
            claims[gid].append(same[0])
    # a GeoNames place two units claim (its current name and a former one) is neither's
    return {gid: claimants[0] for gid, claimants in claims.items() if len(claimants) == 1}


def _settlements_by_raion(
    hits: Mapping[int, float], places: Mapping[int, Place]
) -> dict[str, dict[int, float]]:
    """The Ukrainian settlements among one key's hits, by raion (admin-2 code), in hit order;
    the capitals (Kyiv, Sevastopol, oblast centres) under ``_CAPITAL`` too.

    The key of the official Ukrainian name is enough: GeoNames places are indexed
    under their Ukrainian-script names and every Latin spelling of them.
    """
    found: dict[str, dict[int, float]] = defaultdict(dict)
    for gid, quality in hits.items():
        place = places.get(gid)
        if place is None or place.country != "UA":
            continue
        if place.feature_code in ("PPLC", "PPLA"):
            found[_CAPITAL][gid] = quality
        if place.admin2 and place.feature_code in _SETTLEMENT_CODES:
            found[place.admin2][gid] = quality
    return found


def _only_place(found: Mapping[int, float]) -> int | None:
    """The one settlement of a raion under a unit's name key; a place's own name before a
    place that only has it as an alternate (a former name)."""
    own = [gid for gid, quality in found.items() if quality >= 1.0]
    if len(own) == 1:
        return own[0]
    return next(iter(found)) if len(found) == 1 else None


def _districts(
    units: list[Unit],
    places: Mapping[int, Place],
    official: dict[int, str],
    city_of: dict[str, int],
    aside: Mapping[int, Place],
) -> tuple[tuple[Place, frozenset[str]], ...]:
    """A place for every district of a paired city, at the district's own point if known."""
    sections = [p for p in places.values() if p.feature_code == "PPLX"] + [
        p for p in aside.values() if "district" in p.name.lower() or "raion" in p.name.lower()
    ]
    by_admin1: dict[str | None, list[Place]] = defaultdict(list)
    for p in sections:
        by_admin1[p.admin1_code].append(p)
    made = []
    for unit in units:
        if unit.category is not Category.CITY_DISTRICT:
            continue
        city_gid = city_of.get(unit.settlement or "") or city_of.get(unit.oblast)
        if city_gid is None:
            continue
        city = places[city_gid]
        found = _district(unit, city, official[city_gid], by_admin1[city.admin1_code])
        if found is not None:  # no GeoNames point of its own: the city stands for it
            made.append(found)
    return tuple(made)


def _district(
    unit: Unit, city: Place, city_name: str, sections: list[Place]
) -> tuple[Place, frozenset[str]] | None:
    own = romanize(unit.name_uk)
    stem = unit_stem(unit.name_uk)
    near = [
        p
        for p in sections
        if unit_stem(p.name) == stem
        and haversine_km(p.latitude, p.longitude, city.latitude, city.longitude)
        <= DISTRICT_RADIUS_KM
    ]
    # the district unit itself (ADM3) before a neighbourhood that shares its name
    if not near:
        return None
    point = min(near, key=lambda p: (p.feature_class != "A", p.geonameid))
    place = replace(
        point,
        name=f"{city_name} - {own}",
        feature_class="P",
        feature_code="PPLX",  # a section of a city, as GeoNames codes one
    )
    keys = {name_key(f"{own} {word}") for word in ("district", "raion", "rayon")} | {
        name_key(f"{city_name} {own}"),
        name_key(f"{city_name} - {own}"),
    }
    return place, frozenset(keys)
