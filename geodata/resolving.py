"""Choosing one place for a mention: candidates, evidence, facilities, fallbacks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from geodata.admin import Region, find_region
from geodata.fast_scoring import Scorer
from geodata.katottg import unit_stem
from geodata.model import Candidate, GeoPrecision, Place, Resolution
from geodata.names import name_key
from geodata.nearest import PointSet
from geodata.protocols import ResolveContext
from geodata.ranking import (
    ACTIVITY_MINIMUM,
    BIG_CITY,
    Evidence,
    confidence,
    raion_stem,
    score,
)
from geodata.romanize import foreign_respelling

if TYPE_CHECKING:
    from geodata.activity import ActivitySource
    from geodata.index import MemoryGazetteer

_RAION_HINT = re.compile(r"^(?P<seat>.+?)\s+(?:urban\s+)?(?:raion|rayon|district)$", re.I)
_HROMADA_HINT = re.compile(r"^(?P<seat>.+?)\s+(?:territorial\s+)?(?:hromada|community)$", re.I)
FUZZY_CUTOFF = 88.0  # rapidfuzz ratio; below this, spellings are different names
REGION_CUTOFF = 80.0  # the same, among the few places of a stated region
# Below this, an alternate name is a different name, not a spelling of the place's own
# (Chuguev/Chuhuiv 71, Balakleya/Balakliia 78; Oleksandrivka/Donetsk 27)
SPELLING_CUTOFF = 70.0
# A match this good is by a place's own name or a curated former name (index.ALIAS_QUALITY)
OWN_QUALITY = 0.95
FACILITY_RADIUS_KM = 25.0  # airbases and power plants lie well outside the town they serve
# A town's railway station or port is inside it: within 25 km of Kramatorsk lies
# Sloviansk's station, which is not "the railway station in Kramatorsk".
FACILITY_RADIUS_BY_KIND = {"station": 6.0, "port": 10.0}
MAX_ALTERNATIVES = 5
# A lead smaller than this is only small priors (one village of 4,600 people over one
# of 1,700, a PPLA3 over a PPL of the same size): a guess, and called ambiguous.
AMBIGUOUS_MARGIN = 0.15

# Words that turn a settlement name into a facility at or near it.
_FACILITY_WORDS = (
    ("air", r"air ?field|air ?base|air ?port|aerodrome|airstrip"),
    ("power", r"(?:nuclear |thermal |hydroelectric )?power (?:plant|station)|npp|tpp|chp|hpp"),
    ("port", r"sea ?port|port|harbou?r"),
    ("station", r"(?:railway|train|rail) station"),
    ("military", r"military base|base"),
)
_FACILITY_RE = [
    (kind, re.compile(rf"^(?:the )?(?:{words})(?: (?:at|in|of|near))? (.+)$|^(.+?) (?:{words})$"))
    for kind, words in _FACILITY_WORDS
]


_NEAR_RE = re.compile(
    r"^(?:near|nearby|outside|outskirts of|the outskirts of|close to|around|vicinity of)\s+(.+)$",
    re.IGNORECASE,
)


def split_near(name: str) -> tuple[bool, str]:
    """``"near Saltivka"`` → ``(True, "Saltivka")``: the place is only approximate."""
    m = _NEAR_RE.match(name.strip())
    vague, rest = (True, m.group(1)) if m else (False, name.strip())
    return vague, _THE.sub("", rest)


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _vaguer(res: Resolution, name: str) -> Resolution:
    if res.precision is not GeoPrecision.SETTLEMENT:
        return res
    reason = f"{name!r} is only near the place, so precision is NEAR; {res.reason}"
    return replace(res, precision=GeoPrecision.NEAR, reason=reason)


def split_facility(name: str) -> tuple[str | None, str]:
    """``"Starokostiantyniv airfield"`` → ``("air", "Starokostiantyniv")``.

    Examples
    --------
    >>> split_facility("the airfield at Starokostiantyniv")
    ('air', 'Starokostiantyniv')
    >>> split_facility("Kharkiv")
    (None, 'Kharkiv')
    """
    text = " ".join(name.replace("’", "'").split())
    low = text.lower()
    for kind, pattern in _FACILITY_RE:
        m = pattern.match(low)
        if m:
            start, end = m.span(1) if m.group(1) else m.span(2)
            return kind, text[start:end]
    return None, text


class Resolver:
    """Ranks candidates of a :class:`MemoryGazetteer` and picks one with reasons."""

    def __init__(self, gazetteer: MemoryGazetteer) -> None:
        self._gaz = gazetteer
        self._buckets: dict[str, list[str]] | None = None
        self._region_key_cache: dict[str, list[str]] = {}

    # -- candidates --------------------------------------------------------

    def candidates(self, name: str) -> list[tuple[Place, float]]:
        """Exact-key hits for ``name``; near-miss spellings when there are none."""
        hits = self.exact(name)
        return hits or self._fuzzy(name_key(name))

    def exact(self, name: str) -> list[tuple[Place, float]]:
        """Places known by ``name``, and by its English spelling when it is written the
        German or Dutch way (Mykolajiw, Lysytsjansk) and no place but a region (whose
        German name GeoNames may list) has it as written."""
        hits = self._gaz.lookup(name)
        if any(not p.is_region for p, _q in hits):
            return hits
        respelt = foreign_respelling(name)
        if not respelt:
            return hits
        seen = {p.geonameid for p, _q in hits}
        return hits + [(p, q) for p, q in self._gaz.lookup(respelt) if p.geonameid not in seen]

    def _fuzzy(self, key: str) -> list[tuple[Place, float]]:
        if len(key) < 5:
            return []  # short names are too easy to confuse
        bucket = self._bucket_for(key)
        found = process.extract(key, bucket, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
        hits = []
        for match, ratio, _ in found:
            hits += [(p, 0.85 * ratio / 100) for p, _q in self._gaz.hits_for_key(match)]
        return hits

    def _bucket_for(self, key: str) -> list[str]:
        if self._buckets is None:
            buckets: dict[str, list[str]] = defaultdict(list)
            for k in self._gaz.all_keys():
                buckets[k[0]].append(k)
            self._buckets = dict(buckets)
        return self._buckets.get(key[0], [])

    # -- evidence and ranking ----------------------------------------------

    def evidence(
        self,
        admin_hint: str | None,
        *,
        near: tuple[float, float] | None,
        others: Sequence[Place],
        country: str | None,
        activity: ActivitySource | None = None,
        as_of: date | None = None,
    ) -> Evidence:
        """Normalise a hint: a region gives admin codes; a town or raion gives a point."""
        region = find_region(admin_hint) if admin_hint else None
        raion = _RAION_HINT.match(admin_hint) if admin_hint and region is None else None
        hromada = _HROMADA_HINT.match(admin_hint) if admin_hint and region is None else None
        if admin_hint and region is None and near is None:
            # "Pokrovsk Raion", "Marinka hromada": the unit's seat is the reference point
            unit = raion or hromada
            near = self._point_of(unit.group("seat") if unit else admin_hint)
        return Evidence(
            admin_codes=region.codes if region else frozenset(),
            admin_country=region.country if region else None,
            admin_label=region.name if region else None,
            near=near,
            # the nearest of them is asked once per candidate; a caller may pass its own set
            others=others if isinstance(others, PointSet) else PointSet(others),
            country=country,
            activity=activity,
            as_of=as_of,
            raion=raion_stem(admin_hint) if raion and admin_hint else None,
            raion_label=admin_hint if raion else None,
            hromada=unit_stem(hromada.group("seat")) if hromada else None,
            hromada_label=admin_hint if hromada else None,
        )

    def _point_of(self, hint: str) -> tuple[float, float] | None:
        """Where a non-region hint ("Vyshhorod", "Bucha raion") is, if known."""
        region = self._gaz.resolve_region(hint)
        if region is not None:
            return (region.place.latitude, region.place.longitude)
        # exact names only: a fuzzy guess at the hint would pull towards a random place
        hits = [(p, q) for p, q in self._gaz.lookup(hint) if p.feature_class != "A"]
        if not hits:
            return None
        best = max(hits, key=lambda h: score(h[0], h[1], Evidence())[0])[0]
        return (best.latitude, best.longitude)

    def rank(
        self,
        name: str,
        ev: Evidence,
        *,
        scorer: Scorer | None = None,
        hits: list[tuple[Place, float]] | None = None,
    ) -> list[Candidate]:
        """Every candidate for ``name`` scored against ``ev``, best first (``hits``: the
        exact-key hits of ``name`` when the caller has already looked them up)."""
        scorer = scorer or Scorer(ev)
        scored = []
        for place, quality in hits or self.candidates(name):
            total, reasons = scorer.score(place, quality)
            scored.append(Candidate(place, round(total, 4), name, reasons))
        scored.sort(key=lambda c: (-c.score, -c.place.population, c.place.geonameid))
        return scored

    # -- resolution --------------------------------------------------------

    def resolve(self, name: str, context: ResolveContext) -> Resolution | None:
        """Pick one place for ``name`` (see the module docstring of geodata.index)."""
        vague, bare = split_near(name)
        # A facility known by its full name ("Chornobyl Nuclear Power Plant", "ZNPP")
        # is looked up whole before the facility words are split off.
        hits = self.exact(bare)
        kind, base = (None, bare) if hits else split_facility(bare)
        region = find_region(context.admin_hint) if context.admin_hint else None
        ev = self.evidence(
            context.admin_hint,
            near=context.near,
            others=context.others,
            country=context.country,
            activity=context.activity,
            as_of=context.as_of,
        )
        scorer = Scorer(ev)
        # None without exact hits: rank() then finds the facility's town or near-miss spellings
        own_hits = own_names_first(hits, bare, region)
        ranked = _landforms_by_name(
            base,
            [
                c
                for c in self.rank(base, ev, scorer=scorer, hits=own_hits)
                if c.place.feature_class != "A"
            ],
        )
        if kind is None:  # a bare town name is the town, not its railway station or mine
            ranked = [c for c in ranked if c.place.feature_class == "P"] or ranked
        if region is not None and (not ranked or not _in_region(ranked[0].place, region)):
            in_region = self._fuzzy_in_region(base, region, scorer)
            ranked = _landforms_by_name(base, in_region) or ranked
            if not ranked or not _in_region(ranked[0].place, region):
                return _region_fallback(base, region, ranked)
        if not ranked:
            return self._gaz.resolve_region(bare)
        if kind is not None:
            res = self._facility(kind, base, ranked)
        elif ranked[0].place.feature_class == "T":
            res = _landform(ranked)
        else:
            res = _settlement(ranked)
        res = _front_line_note(res, ranked, ev, scorer)
        return _vaguer(res, name) if vague else res

    def _fuzzy_in_region(self, name: str, region: Region, scorer: Scorer) -> list[Candidate]:
        """Near-miss spellings among the places of the stated region only.

        With the region known there are few candidates, so a looser cutoff is
        safe: "Popsana" in Luhansk Oblast is Popasna.
        """
        keys = self._region_keys(region)
        key = name_key(name)
        if len(key) < 5 or not keys:
            return []
        found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=REGION_CUTOFF, limit=3)
        scored = []
        for match, ratio, _ in found:
            for place, _q in self._gaz.hits_for_key(match):
                if _in_region(place, region) and place.feature_class != "A":
                    total, reasons = scorer.score(place, 0.85 * ratio / 100)
                    scored.append(Candidate(place, round(total, 4), name, reasons))
        return sorted(scored, key=lambda c: (-c.score, c.place.geonameid))

    def _region_keys(self, region: Region) -> list[str]:
        if region.name not in self._region_key_cache:
            self._region_key_cache[region.name] = [
                k
                for k in self._gaz.all_keys()
                if any(_in_region(p, region) for p, _ in self._gaz.hits_for_key(k))
            ]
        return self._region_key_cache[region.name]

    def _facility(self, kind: str, base: str, ranked: list[Candidate]) -> Resolution:
        from geodata.index import FACILITY_CODES

        codes = FACILITY_CODES[kind]
        own = [c for c in ranked if c.place.feature_code in codes]
        if own:
            return _settlement(own, note=f"the {kind} facility named {base!r}")
        town = ranked[0].place
        radius = FACILITY_RADIUS_BY_KIND.get(kind, FACILITY_RADIUS_KM)
        near = self._gaz.facilities_near(town, kind, radius_km=radius)
        if near:
            facility = near[0]
            reason = (
                f"{facility.name} ({facility.feature_code}, geonameid {facility.geonameid}) is the "
                f"{kind} facility nearest {town.name}; " + _reason(ranked)
            )
            conf = confidence([c.score for c in ranked])
            return Resolution(facility, GeoPrecision.SETTLEMENT, conf, reason, tuple(ranked[:5]))
        reason = f"no {kind} facility known near {town.name}; coded to the town. " + _reason(ranked)
        conf = confidence([c.score for c in ranked])
        return Resolution(town, GeoPrecision.NEAR, conf, reason, tuple(ranked[:MAX_ALTERNATIVES]))


# A village renamed in 2016 keeps its old name as an alternate, and news (Russian news
# above all) still use it: "Червоне" is also the front-line village now called Vysoke. Where
# only villages carry the name, such a village no bigger than them stays a candidate, for the
# front line and the article's other places to choose; a place that would win on its size
# (Bilozerka, once "Ivanivka"), or against a town of the name, is dropped.
RENAMED_VILLAGE = 10_000  # people


def own_names_first(
    hits: list[tuple[Place, float]], name: str, region: Region | None
) -> list[tuple[Place, float]] | None:
    """Places called ``name`` before places that merely list it as another name.

    GeoNames lists old and unofficial names beside a place's own (Donetsk is
    also "Oleksandrivka", a village beside Volnovakha also "Volnovakha"). When
    the stated region (or, with none, the gazetteer) holds a place whose own
    name this is, a town known by a *different* alternate name is not what the
    text means, however large: it is dropped (a village keeps its chance, see
    ``RENAMED_VILLAGE``). Another spelling of a place's own
    name (Lozovaya for Lozova, Svatovo for Svatove) is not a different name and
    stays, and so do the curated former names (Artemivsk for Bakhmut).
    Returns None when there are no hits (``rank`` then looks for itself).
    """
    if not hits:
        return None
    if all(q >= OWN_QUALITY for _p, q in hits):
        return hits  # the common case: every hit is called so
    key = name_key(name)
    pool = [(p, q) for p, q in hits if region is None or _in_region(p, region)]
    if not any(_own_name(p, q, key) for p, q in pool):
        return hits
    # the biggest place whose own name this is: a renamed village no bigger than the villages
    # that still carry the name stays in the running; a place that would win on its size, or
    # against a town of that name, does not
    biggest = max(p.population for p, q in pool if _own_name(p, q, key))
    return [
        (p, q)
        for p, q in hits
        if _own_name(p, q, key)
        or _spelling_of(key, p.name)
        or (biggest < RENAMED_VILLAGE and p.population <= biggest)
        or p.population >= BIG_CITY  # "Rostov": a big city's short name, ranked on its merits
    ]


def _own_name(place: Place, quality: float, key: str) -> bool:
    return quality >= OWN_QUALITY or name_key(place.name) == key


def _spelling_of(key: str, own: str) -> bool:
    """``key`` is another spelling of the name ``own`` (most of its letters shared)."""
    return fuzz.ratio(key, name_key(own)) >= SPELLING_CUTOFF


def _in_region(place: Place, region: Region) -> bool:
    return place.country == region.country and place.admin1_code in region.codes


def _region_fallback(base: str, region: Region, ranked: list[Candidate]) -> Resolution:
    from geodata.index import region_resolution

    if ranked:
        elsewhere = ", ".join(sorted({c.place.admin1 or c.place.country for c in ranked[:5]}))
        known = f"the {len(ranked)} known are in {elsewhere}"
    else:
        known = "the gazetteer knows no place of that name"
    reason = (
        f"no place named {base!r} in {region.name} ({known}); "
        "coded to the region instead of a wrong village"
    )
    res = region_resolution(region, reason, score_=0.5)
    return Resolution(res.place, res.precision, res.score, reason, tuple(ranked[:MAX_ALTERNATIVES]))


_LANDFORM_WORD = re.compile(
    r"\b(?:spit|islands?|isle|peninsula|cape|kosa|ostriv|ostrov|pivostriv|poluostrov|mys)\b",
    re.IGNORECASE,
)


def _landforms_by_name(name: str, ranked: list[Candidate]) -> list[Candidate]:
    """A landform only when the text calls it one: "the Kinburn Spit", never a bare
    "Kinburn", and "Khortytsia" the operational group is not Khortytsia island."""
    if _LANDFORM_WORD.search(name):
        return ranked
    return [c for c in ranked if c.place.feature_class != "T"]


def _landform(ranked: list[Candidate]) -> Resolution:
    """A spit or island is an area with no town to stand for it: precision NEAR."""
    res = _settlement(ranked, note=f"{ranked[0].place.name} is a landform, not a settlement")
    return replace(res, precision=GeoPrecision.NEAR)


def _settlement(ranked: list[Candidate], *, note: str = "") -> Resolution:
    best = ranked[0]
    conf = confidence([c.score for c in ranked])
    reason = (f"{note}; " if note else "") + _reason(ranked)
    close = [c for c in ranked[1:] if best.score - c.score < AMBIGUOUS_MARGIN]
    if close:  # nothing but small priors (size, feature code) between them: a guess
        reason += (
            f"; ambiguous: {len(close) + 1} of {len(ranked)} candidates are nearly as likely "
            "(no region, reference point or front line tells them apart), so precision NEAR"
        )
    return Resolution(
        best.place,
        GeoPrecision.NEAR if close else GeoPrecision.SETTLEMENT,
        round(conf, 4),
        reason,
        tuple(ranked[:MAX_ALTERNATIVES]),
        ambiguous=bool(close),
    )


def _front_line_note(
    res: Resolution, ranked: list[Candidate], ev: Evidence, scorer: Scorer
) -> Resolution:
    """Say so when recent reports chose among homonyms ("23 reports within 15 km in the
    30 days before; the other 4 candidates had none")."""
    if ev.activity is None or len(ranked) < 2 or res.place.geonameid != ranked[0].place.geonameid:
        return res
    counts = [scorer.activity_count(c.place) or 0 for c in ranked]
    rest = max(counts[1:])
    if counts[0] <= rest or counts[0] < ACTIVITY_MINIMUM:
        return res
    others = "none" if rest == 0 else f"at most {rest}"
    note = (
        f"chosen by the front line: {counts[0]} report{'s' if counts[0] > 1 else ''} "
        f"{ev.activity.describe()}; the other {len(ranked) - 1} candidates had {others}"
    )
    return replace(res, reason=f"{res.reason}; {note}")


def _reason(ranked: list[Candidate]) -> str:
    best = ranked[0]
    where = best.place.admin1 or best.place.country
    head = f"{best.place.name} in {where} (geonameid {best.place.geonameid})"
    if len(ranked) == 1:
        return f"{head}: the only place with this name; " + "; ".join(best.reasons)
    return f"{head}, best of {len(ranked)} candidates: " + "; ".join(best.reasons)
