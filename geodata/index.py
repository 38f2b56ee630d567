"""The in-memory gazetteer: name keys → places, text scanning, homonym choice.

Every gazetteer the tracker uses (embedded, GeoNames files, the database) is
built through :class:`GazetteerBuilder` into one :class:`MemoryGazetteer`, so
they all find, rank and explain places the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from math import cos, radians
from typing import Any

import ahocorasick

from geodata.admin import Region, find_region, region_by_code, region_phrases
from geodata.aliases import ALIASES
from geodata.distance import haversine_km
from geodata.fast_keys import name_key_many
from geodata.katottg import Unit
from geodata.model import Candidate, GeoPrecision, NameMatch, Place, Resolution
from geodata.names import fold_text, name_key, name_keys, usable_key
from geodata.protocols import ResolveContext
from geodata.resolving import OWN_QUALITY, Resolver
from geodata.romanize import is_ukrainian, official_name, variant_keys
from geodata.snapshot import NameTable
from geodata.stopwords import STOPWORDS
from geodata.units import link_units

# Which GeoNames features are places an article can name.
FACILITY_CODES = {
    "air": frozenset({"AIRB", "AIRF", "AIRP", "AIRH", "AIRQ"}),
    "port": frozenset({"PRT", "HBR", "DCKY", "MAR"}),
    "power": frozenset({"PS", "PSN", "PSH", "DAM"}),
    "station": frozenset({"RSTN", "RSTP"}),
    "military": frozenset({"MILB", "INSM"}),
}
KEPT_FACILITY_CODES = frozenset().union(*FACILITY_CODES.values())
KEPT_ADMIN_CODES = frozenset({"ADM1", "ADM2", "ADM3"})
# ADM3 units (hromadas, city districts) are loaded but kept out of the name index:
# they give city districts their points (geodata/units.py), never a match of their own.
ASIDE_CODES = frozenset({"ADM3"})
# Spits, islands, peninsulas and capes are fought over on the southern front (the
# Kinburn Spit, Snake Island); a settlement-less landform is the only place to code.
LANDFORM_CODES = frozenset({"SPIT", "ISL", "ISLS", "PEN", "CAPE"})

NO_CONTEXT = ResolveContext()
ALIAS_QUALITY = OWN_QUALITY  # a curated former name counts as a place's own
ALT_QUALITY = 0.9


def keeps(feature_class: str, feature_code: str) -> bool:
    """True for the features the gazetteer indexes: settlements, admin units, facilities,
    landforms."""
    if feature_class == "P":
        return True
    if feature_class == "A":
        return feature_code in KEPT_ADMIN_CODES
    if feature_class == "T":
        return feature_code in LANDFORM_CODES
    return feature_class == "S" and feature_code in KEPT_FACILITY_CODES


class GazetteerBuilder:
    """Collects places and their names, then builds a :class:`MemoryGazetteer`."""

    def __init__(self) -> None:
        self._places: dict[int, Place] = {}
        self._names: dict[str, dict[int, float]] = defaultdict(dict)
        self._admin_names: dict[tuple[str, str], str] = {}
        self._aside: dict[int, Place] = {}
        self._ukrainian: dict[int, list[str]] = defaultdict(list)  # Ukrainian-script names
        self._units: list[Unit] = []
        # official name ("name"), hromada ("admin3"): set in _finish
        self._renamed: dict[int, dict[str, str]] = {}

    def add_place(self, place: Place, names: Iterable[str] = (), *, key: str | None = None) -> None:
        """Add a place with its primary name and alternate names (``key``: the name's
        :func:`name_key` when already folded)."""
        if place.feature_code in ASIDE_CODES:
            self._aside[place.geonameid] = place
            return
        self._places[place.geonameid] = place
        self._add_key(name_key(place.name) if key is None else key, place.geonameid, 1.0)
        for alt in names:
            self.note_name(place.geonameid, alt)
            for key in name_keys(alt):  # only usable keys come out of name_keys
                self.add_key(key, place.geonameid, ALT_QUALITY)

    def note_name(self, geonameid: int, name: str) -> None:
        """Remember a Ukrainian-script name of a place: its official spelling comes from it."""
        if is_ukrainian(name):
            self._ukrainian[geonameid].append(name)

    def add_unit(self, unit: Unit) -> None:
        """Add a KATOTTG unit (see :mod:`geodata.katottg`); settlements are paired at build."""
        self._units.append(unit)

    def add_place_keys(self, place: Place, keys: Iterable[str], *, key: str | None = None) -> None:
        """Add a place with alternate-name keys already folded (see :func:`name_keys`), and
        the key of its name too when ``key`` is given."""
        self._places[place.geonameid] = place
        self._add_key(name_key(place.name) if key is None else key, place.geonameid, 1.0)
        for key in keys:  # folded by name_keys, which keeps only usable keys
            self.add_key(key, place.geonameid, ALT_QUALITY)

    def add_key(self, key: str, geonameid: int, quality: float) -> None:
        """Add an already-folded, already-checked name key (as stored in the database)."""
        if geonameid in self._aside:
            return
        slot = self._names[key]
        if quality > slot.get(geonameid, 0.0):
            slot[geonameid] = quality

    def add_keys(self, rows: Iterable[tuple[str, int, float]]) -> None:
        """:meth:`add_key` for many ``(key, geonameid, quality)`` rows (one call, not one each)."""
        aside, names = self._aside, self._names
        for key, geonameid, quality in rows:
            if geonameid not in aside:
                slot = names[key]
                if quality > slot.get(geonameid, 0.0):
                    slot[geonameid] = quality

    def add_alternate(self, geonameid: int, name: str) -> None:
        """Add an alternate name to a place already added (unknown ids are skipped)."""
        if geonameid in self._places:
            self.note_name(geonameid, name)
            for key in name_keys(name):
                self._add_key(key, geonameid, ALT_QUALITY)

    def add_admin_name(self, code: str, name: str) -> None:
        """Name an admin-2 unit: ``code`` like ``UA.13.3208``."""
        self._admin_names[tuple(code.rsplit(".", 1))] = name  # type: ignore[assignment]

    def _add_key(self, key: str, geonameid: int, quality: float) -> None:
        if usable_key(key):
            self.add_key(key, geonameid, quality)

    def __len__(self) -> int:
        return len(self._places)

    def build(self) -> MemoryGazetteer:
        """Apply exonyms, name admin units, and index everything."""
        self._derive_admin2_names()
        self._apply_official_names()
        self._add_variant_keys()
        places = {gid: self._finish(p) for gid, p in self._places.items()}
        self._apply_aliases(places)
        return MemoryGazetteer(places, self._names)

    def _derive_admin2_names(self) -> None:
        """Name admin-2 codes from the ADM2 rows themselves when no admin2Codes was given."""
        for p in self._places.values():
            if p.feature_code == "ADM2" and p.admin1_code and p.admin2:
                self._admin_names.setdefault((f"{p.country}.{p.admin1_code}", p.admin2), p.name)

    def _apply_official_names(self) -> None:
        """Ukrainian places read in the official romanization, from KATOTTG when it is
        loaded, else from their GeoNames Ukrainian-script name; ids stay GeoNames'."""
        linked = link_units(self._units, self._places, self._names, aside=self._aside)
        for gid, name in self._official_names(linked.names).items():
            if name != self._places[gid].name:
                self._renamed.setdefault(gid, {})["name"] = name
                self._add_key(name_key(name), gid, 1.0)
        for gid, hromada in linked.hromadas.items():
            self._renamed.setdefault(gid, {})["admin3"] = hromada
        self._name_raions(linked.raions)
        self._add_districts(linked.districts)

    def _official_names(self, from_units: dict[int, str]) -> dict[int, str]:
        official = dict(from_units)
        wanted = [
            (gid, place, alternates)
            for gid, alternates in self._ukrainian.items()
            if gid not in official
            and (place := self._places.get(gid)) is not None
            and place.country == "UA"
            and place.feature_class == "P"
        ]
        # every name these compare folded in one pass (geodata.fast_keys), not one by one
        names = list({n: None for _, p, alts in wanted for n in (p.name, *alts)})
        keys = dict(zip(names, name_key_many(names), strict=True))
        for gid, place, alternates in wanted:
            found = official_name(place.name, alternates, keys=keys)
            if found is not None:
                official[gid] = found
        return official

    def _name_raions(self, raions: dict[str, str]) -> None:
        """Every place of a raion, paired or not, names it officially (admin-2 code = raion)."""
        if not raions:
            return
        for place in self._places.values():
            raion = raions.get(place.admin2 or "") if place.country == "UA" else None
            if raion is not None and place.admin1_code:
                self._admin_names[(f"UA.{place.admin1_code}", place.admin2)] = raion

    def _add_districts(self, districts: Iterable[tuple[Place, frozenset[str]]]) -> None:
        for place, keys in districts:
            self._aside.pop(place.geonameid, None)  # the district's own ADM3 point
            self._places[place.geonameid] = place
            # "Kharkiv - Saltivskyi" is the name, not the city section's official one
            self._renamed.get(place.geonameid, {}).pop("name", None)
            for key in keys:
                self._add_key(key, place.geonameid, 1.0)

    def _add_variant_keys(self) -> None:
        """The spellings of other romanizations the skeleton keeps apart (Klischiivka)."""
        for key in list(self._names):
            for variant in variant_keys(key):
                for gid, quality in self._names[key].items():
                    self.add_key(variant, gid, min(quality, ALT_QUALITY))

    def _finish(self, place: Place) -> Place:
        region = region_by_code(place.country, place.admin1_code)
        admin1 = region.name if region else place.admin1
        admin2 = place.admin2
        if admin2 and place.admin1_code:
            admin2 = self._admin_names.get((f"{place.country}.{place.admin1_code}", admin2), admin2)
        renamed = self._renamed.get(place.geonameid)
        if admin1 == place.admin1 and admin2 == place.admin2 and renamed is None:
            return place  # most embedded places: nothing to fill in, skip the copy
        renamed = renamed or {}
        # Place(...) rather than dataclasses.replace, which looks up every field by name
        # again for each of the 40,000 places of a dump; the two keys _renamed may hold:
        return Place(
            geonameid=place.geonameid,
            name=renamed.get("name", place.name),
            latitude=place.latitude,
            longitude=place.longitude,
            feature_class=place.feature_class,
            feature_code=place.feature_code,
            country=place.country,
            admin1=admin1,
            admin1_code=place.admin1_code,
            admin2=admin2,
            population=place.population,
            admin3=renamed.get("admin3", place.admin3),
        )

    def _apply_aliases(self, places: dict[int, Place]) -> None:
        for alias in ALIASES:
            hits = [
                places[gid]
                for gid in self._names.get(name_key(alias.current), {})
                if places[gid].feature_class == "P"
                and places[gid].admin1_code == alias.admin1_code
                and places[gid].country == alias.country
            ]
            if hits:
                best = max(hits, key=lambda p: (p.population, -p.geonameid))
                self._add_key(name_key(alias.alias), best.geonameid, ALIAS_QUALITY)


class MemoryGazetteer:
    """A gazetteer held in memory; satisfies :class:`geodata.protocols.Gazetteer`."""

    def __init__(self, places: dict[int, Place], names: dict[str, dict[int, float]]) -> None:
        # held packed, as a snapshot holds them: written as it is, no tuple per key and hit
        table = NameTable.from_builder(names)
        self._setup(places, table, _build_automaton(table, region_phrases()))

    @classmethod
    def from_snapshot(
        cls,
        places: Mapping[int, Place],
        names: Mapping[str, tuple[tuple[int, float], ...]],
        automaton: ahocorasick.Automaton,
        *,
        facilities: Sequence[int],
    ) -> MemoryGazetteer:
        """The index as :mod:`geodata.snapshot` stored it (no rebuilding)."""
        index = cls.__new__(cls)
        index._setup(places, names, automaton)
        index._facility_ids = facilities
        return index

    def _setup(
        self,
        places: Mapping[int, Place],
        names: Mapping[str, tuple[tuple[int, float], ...]],
        automaton: ahocorasick.Automaton,
    ) -> None:
        self.places = places
        self._names = names
        self._regions = region_phrases()
        self._automaton = automaton
        self._made_resolver: Resolver | None = None
        self._hits: dict[str, tuple[tuple[Place, float], ...]] = {}
        self._facility_ids: Sequence[int] | None = None
        self._facility_list: list[Place] | None = None
        self._facilities_by_kind: dict[str, list[Place]] = {}

    @property
    def _resolver(self) -> Resolver:
        # Made on first use: a Resolver refers back to this index, and an index that
        # is only written as a snapshot (``tracker gazetteer load``) is then freed as
        # soon as it is dropped instead of waiting, in a cycle, for the collector to
        # walk its million objects.
        if self._made_resolver is None:
            self._made_resolver = Resolver(self)
        return self._made_resolver

    def snapshot_state(self) -> dict[str, Any]:
        """What :func:`geodata.snapshot.write_snapshot` stores: places, names, automaton."""
        return {
            "places": self.places,
            "names": self._names,
            "automaton": self._automaton,
            "facilities": self._facilities(),
        }

    def __len__(self) -> int:
        return len(self.places)

    @property
    def name_count(self) -> int:
        """How many distinct name keys are indexed."""
        return len(self._names)

    # -- lookups -----------------------------------------------------------

    def lookup(self, name: str) -> list[tuple[Place, float]]:
        """Places whose name (or alternate name) has the key of ``name``, with quality."""
        return self.hits_for_key(name_key(name))

    def all_keys(self) -> Sequence[str]:
        """Every indexed name key (for fuzzy matching)."""
        return tuple(self._names)

    def hits_for_key(self, key: str) -> list[tuple[Place, float]]:
        """Places under an exact ``key``."""
        # Kept per key: a snapshot's places are built on first use, one Python call each,
        # and a common village name has dozens (the index never changes once built).
        hits = self._hits.get(key)
        if hits is None:
            hits = tuple((self.places[gid], q) for gid, q in self._names.get(key, ()))
            if len(self._hits) >= _HITS_KEPT:
                self._hits.clear()
            self._hits[key] = hits
        return list(hits)

    def facilities_near(self, place: Place, kind: str, *, radius_km: float) -> list[Place]:
        """Facilities of ``kind`` (air, port, power, station, military) near ``place``."""
        lat, lon = place.latitude, place.longitude
        # A box a little larger than the circle skips the great-circle formula for
        # facilities plainly too far (a degree of latitude is 111 km everywhere, one
        # of longitude 111 km times the cosine of the latitude, which this widens).
        dlat = radius_km / 110.0 + 0.01
        dlon = dlat / max(cos(radians(min(abs(lat) + dlat, 89.0))), 0.01)
        if abs(lon) + dlon > 180.0:
            dlon = 360.0  # the box would cross the antimeridian: no box
        found = [
            (haversine_km(lat, lon, f.latitude, f.longitude), f)
            for f in self._facilities_of(kind)
            if abs(f.latitude - lat) <= dlat and abs(f.longitude - lon) <= dlon
        ]
        return [f for d, f in sorted(found, key=lambda t: t[0]) if d <= radius_km]

    def _facilities(self) -> list[Place]:
        if self._facility_list is None:
            if self._facility_ids is not None:
                self._facility_list = [self.places[gid] for gid in self._facility_ids]
            else:
                self._facility_list = [p for p in self.places.values() if p.feature_class == "S"]
        return self._facility_list

    def _facilities_of(self, kind: str) -> list[Place]:
        """The facilities of one kind, in gazetteer order (filtered once, not per call)."""
        if kind not in self._facilities_by_kind:
            codes = FACILITY_CODES.get(kind, frozenset())
            self._facilities_by_kind[kind] = [
                f for f in self._facilities() if f.feature_code in codes
            ]
        return self._facilities_by_kind[kind]

    # -- Gazetteer protocol ------------------------------------------------

    def find_names(self, text: str) -> list[NameMatch]:
        """Every non-overlapping span of ``text`` naming a known place or region.

        Matches must sit on word boundaries and start with a capital letter;
        single common English words ("May", "Bar") are ignored.

        Examples
        --------
        >>> from geodata import load_embedded_gazetteer
        >>> gaz = load_embedded_gazetteer()
        >>> [m.surface for m in gaz.find_names("Shelling hit Kharkiv and the Kyiv region.")]
        ['Kharkiv', 'Kyiv region']
        """
        folded, where = fold_text(text)
        spans = []
        # Keys are indexed between spaces, so every hit already sits on word boundaries.
        for space_after, packed in self._automaton.iter(folded):
            start = space_after - (packed >> 1)
            o_start = where[start]
            if not text[o_start].isupper():
                continue  # most hits are lowercase words: _plausible refuses them (surface[0])
            key, is_region = folded[start:space_after], bool(packed & 1)
            # the name runs up to the next kept character: this takes in letters
            # folded away at its end (the "i" of "-yi", a closing soft sign)
            o_end = where[space_after]
            surface = text[o_start:o_end].rstrip()
            if _plausible(surface, key, is_region):
                spans.append(NameMatch(o_start, o_start + len(surface), surface, key, is_region))
        return _non_overlapping(spans)

    def search(
        self,
        name: str,
        *,
        country: str | None = None,
        admin1: str | None = None,
        near: tuple[float, float] | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """Ranked candidates for ``name``, best first (see :mod:`geodata.ranking`)."""
        ev = self._resolver.evidence(admin1, near=near, others=(), country=country)
        ranked = self._resolver.rank(name, ev)
        return ranked[:limit]

    def resolve(self, name: str, *, context: ResolveContext = NO_CONTEXT) -> Resolution | None:
        """The best place for a settlement or facility name, or None when nothing fits."""
        return self._resolver.resolve(name, context)

    def resolve_region(self, name: str) -> Resolution | None:
        """An admin unit ("the Kyiv region", "Donbas", "Crimea") at region precision."""
        region = find_region(name)
        if region is not None:
            return region_resolution(region, f"{name!r} names the region {region.name}")
        return self._admin2_resolution(name)

    def _admin2_resolution(self, name: str) -> Resolution | None:
        key = name_key(name)
        for suffix in (" raion", " raionu", " district", " rayon"):
            key = key.removesuffix(suffix)
        for cand_key in (key, f"{key} raion", f"{key}skii raion", f"{key}ska raion"):
            for place, _ in self.hits_for_key(cand_key):
                if place.feature_code == "ADM2":
                    return Resolution(
                        place, GeoPrecision.REGION, 1.0, f"{name!r} names {place.name}"
                    )
        return None


_HITS_KEPT = 50_000  # keys whose candidates are kept (a few MB); then the cache starts again


def region_resolution(region: Region, reason: str, *, score_: float = 1.0) -> Resolution:
    """A :class:`Resolution` at REGION precision placed at the region's centre."""
    place = Place(
        geonameid=region.geonameid or 0,
        name=region.name,
        latitude=region.latitude,
        longitude=region.longitude,
        feature_class="A",
        feature_code="ADM1" if region.code else "RGN",
        country=region.country,
        admin1=region.name if region.code else None,
        admin1_code=region.code,
    )
    return Resolution(place, GeoPrecision.REGION, score_, reason)


def _build_automaton(
    names: Mapping[str, tuple[tuple[int, float], ...]], regions: dict[str, Region]
) -> ahocorasick.Automaton:
    # Each key between spaces: folded text has a space at every word boundary, so
    # only whole-word hits come out (far fewer than every substring that is a key).
    # The value is the key's length and a region flag packed in one integer (the key
    # is the matched text itself): an automaton of integers pickles as plain bytes and
    # loads ten times faster than one of Python tuples (see geodata/snapshot.py).
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for key in names:
        automaton.add_word(f" {key} ", len(key) << 1)
    for key in regions:
        automaton.add_word(f" {key} ", len(key) << 1 | 1)
    if len(automaton) == 0:
        automaton.add_word("\x01", 2)  # an empty automaton cannot be searched
    automaton.make_automaton()
    return automaton


def _plausible(surface: str, key: str, is_region: bool) -> bool:
    """Reject lowercase words and common English words that happen to be place names."""
    if not surface or not surface[0].isupper():
        return False
    if is_region:
        return True
    return len(key) >= 3 and key not in STOPWORDS


def _non_overlapping(spans: list[NameMatch]) -> list[NameMatch]:
    """Longest spans first (regions win ties), then keep those that do not overlap."""
    if len(spans) < 2:
        return spans
    chosen: list[NameMatch] = []
    # one byte per character, set where a chosen span lies: a span overlaps the chosen
    # ones exactly when its (never empty) range holds a set byte, checked in C
    taken = bytearray(max(m.end for m in spans))
    for m in sorted(spans, key=lambda m: (-(m.end - m.start), not m.is_region, m.start)):
        if taken.find(1, m.start, m.end) == -1:
            chosen.append(m)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    return sorted(chosen, key=lambda m: m.start)
