"""Mentions of one event within an article become one event.

Two mentions are the same event when they have the same sub-event type, the
same place and the same day (ACLED's atomic event). Before grouping:

- a mention dated only by the publication day takes the date of a dated
  mention of the same type at the same place ("On Monday missiles hit Lviv ...
  The strike on Lviv also ...");
- a mention with neither place nor date of its own ("The strike destroyed a
  warehouse") joins the nearest earlier located mention of the same event type;
- at one place and day, explosions of different sub-types are one event coded
  by ACLED's hierarchy (shelling during an air strike is an air strike).

After grouping, vaguer reports of an event the article also places more exactly
are folded into it (ACLED codes the event once, at the finest place given):

- a headline's event counts only when the body reports no event of that type;
- an unlocated mention joins a located event of the same sub-type and day;
- a region-level mention joins an event of the same sub-type and day inside
  that region; a "near X" mention one within ``NEAR_KM`` of X.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from geodata.admin import find_region
from geodata.distance import haversine_km
from geodata.model import GeoPrecision, Place
from tracker.extract.mention import Mention
from tracker.model import EventType, SubEventType


def merge_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Group an article's mentions into events, in order of first mention (linear time)."""
    mentions = _join_stand_ins(mentions)
    dated: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        if m.date.explicit:
            dated.setdefault((m.sub_event_type.value, m.place_key), m)
    mentions = [_adopt_date(m, dated) for m in mentions]
    best: dict[tuple[str, str], SubEventType] = {}
    for m in mentions:
        if m.sub_event_type.event_type is EventType.EXPLOSIONS and m.located:
            key = (m.place_key, m.date.event_date.isoformat())
            if key not in best or m.sub_event_type.rank < best[key].rank:
                best[key] = m.sub_event_type
    mentions = [_adopt_explosion_type(m, best) for m in mentions]
    groups: dict[tuple[str, str, str], list[Mention]] = {}
    last_located: dict[EventType, Mention] = {}
    vague_at: list[Mention] = []
    for m in mentions:
        host = _follow_up_host(m, last_located)
        if m.located and not m.thin:  # a dropped mention cannot host a follow-up
            last_located[m.sub_event_type.event_type] = m
        if host is None and m.thin:
            if m.located and not m.headline and m.place is not None and not m.place.is_region:
                vague_at.append(m)
            continue  # weak words with no place and nothing to follow up
        if host is not None:
            m = replace(
                m, evidence=(*m.evidence, "merged: a follow-up mention without place or date")
            )
        key = _key(host if host is not None else m)
        groups.setdefault(key, []).append(m)
        if host is not None:
            groups[key] = _weapon_named(groups[key], m)
    groups_ = _pinned(_told_before(list(groups.values())), vague_at)
    return _fold_vaguer(_drop_headlines(_city_parts(_bare_attacks(groups_))))


def _bare_attacks(groups: list[list[Mention]]) -> list[list[Mention]]:
    """ "Russian troops attacked Kharkiv again ... the enemy struck with a guided bomb": a
    bare "attacked" or "killed a woman", at the place and on the day of a strike the article
    reports, is that strike told again (its deaths the strike's), not a battle or an attack
    on civilians of its own."""
    struck = {
        (g[0].place_key, g[0].date.event_date): g
        for g in groups
        if g[0].located and g[0].sub_event_type.event_type is EventType.EXPLOSIONS
    }

    def host_of(group: list[Mention]) -> tuple[list[Mention], str] | None:
        if not group[0].located or not all(m.bare_attack for m in group):
            return None
        host = struck.get((group[0].place_key, group[0].date.event_date))
        if host is None:
            return None
        return host, f"a bare attack or killing, the {host[0].sub_event_type.value} told again"

    return _folded(groups, host_of)


CITY_PART_KM = 15.0  # a quarter (GeoNames PPLX) this close to its city lies in it


def _city_parts(groups: list[list[Mention]]) -> list[list[Mention]]:
    """ "Shelling hit residential areas of Kharkiv: Saltivka, Pavlove Pole": quarters of a
    city the article reports hit on the same day, with the same type, are that city's event
    told street by street (ACLED codes the city once), not events of their own."""
    cities = [g for g in groups if _a_city(g[0])]
    if not cities:
        return groups

    def host_of(group: list[Mention]) -> tuple[list[Mention], str] | None:
        host = _city_of(group[0], cities) if _a_quarter(group[0]) else None
        if host is None:
            return None
        return host, f"a quarter of {host[0].place.name} hit in the same attack"  # type: ignore[union-attr]

    return _folded(groups, host_of)


def _folded(
    groups: list[list[Mention]],
    host_of: Callable[[list[Mention]], tuple[list[Mention], str] | None],
) -> list[list[Mention]]:
    """The groups with each one ``host_of`` finds a host for folded into it, its mentions
    noting why ("merged: ...")."""
    out: list[list[Mention]] = []
    for group in groups:
        found = host_of(group)
        if found is None:
            out.append(group)
            continue
        host, why = found
        host.extend(replace(m, evidence=(*m.evidence, f"merged: {why}")) for m in group)
    return out


def _a_quarter(m: Mention) -> bool:
    # "Kharkiv - Saltivskyi" (the codifier's district, ACLED's style) hosts its city instead
    return m.place is not None and m.place.feature_code == "PPLX" and not _district_of(m.place.name)


def _a_city(m: Mention) -> bool:
    return (
        m.place is not None
        and m.precision is GeoPrecision.SETTLEMENT
        and m.place.feature_code.startswith("PPL")
        and m.place.feature_code != "PPLX"
        and not _district_of(m.place.name)
    )


def _city_of(part: Mention, cities: list[list[Mention]]) -> list[Mention] | None:
    assert part.place is not None
    for city in cities:
        c = city[0]
        assert c.place is not None
        if (c.sub_event_type, c.date.event_date) != (part.sub_event_type, part.date.event_date):
            continue
        if c.place.admin1_code != part.place.admin1_code:
            continue
        km = haversine_km(
            c.place.latitude, c.place.longitude, part.place.latitude, part.place.longitude
        )
        if km <= CITY_PART_KM:
            return city
    return None


def _join_stand_ins(mentions: list[Mention]) -> list[Mention]:
    """ "Дроны атаковали село в Белгородской области ... под удар попало село Николаевка":
    a region-level report is the event of the one village the region stands in for (the
    gazetteer lacks it), of the same kind and day, when only one is named there."""
    stand_ins: dict[tuple[str, EventType, object], set[str]] = {}
    for m in mentions:
        if m.stands_in and m.place is not None:
            key = (m.place.name, m.sub_event_type.event_type, m.date.event_date)
            stand_ins.setdefault(key, set()).add(m.stands_in)
    if not stand_ins:
        return mentions
    out = []
    for m in mentions:
        if m.place is not None and m.place.is_region and not m.stands_in:
            found = stand_ins.get((m.place.name, m.sub_event_type.event_type, m.date.event_date))
            if found is not None and len(found) == 1:
                m = replace(m, stands_in=next(iter(found)))
        out.append(m)
    return out


def _told_before(groups: list[list[Mention]]) -> list[list[Mention]]:
    """ "A missile strike hit Kharkiv ... the assaults on Kharkiv showed ...": fighting named
    with "the", at the place and on the day of a strike the article reports, is that strike
    told again, not a battle of its own."""
    struck = {
        (g[0].place_key, g[0].date.event_date)
        for g in groups
        if g[0].located and g[0].sub_event_type.event_type is EventType.EXPLOSIONS
    }
    return [
        g
        for g in groups
        if not (all(m.refers_back for m in g) and (g[0].place_key, g[0].date.event_date) in struck)
    ]


def _pinned(groups: list[list[Mention]], vague_at: list[Mention]) -> list[list[Mention]]:
    """ "Ukraine fired ten missiles at Crimea, Russia said. The attack caused a fire at a
    Sevastopol shipyard.": a later report too vague to be an event of its own ("the attack",
    "damage") names the town of the one region-level event of the article it lies in; the
    event is coded there."""
    out = list(groups)
    for m in vague_at:
        hosts = [
            i
            for i, g in enumerate(out)
            if g[0].place is not None
            and g[0].place.is_region
            and g[0].sentence[0] < m.sentence[0]
            and g[0].sub_event_type.event_type in _VIOLENT
            and _oblast_holds(g[0].place, m.place) is True  # type: ignore[arg-type]
        ]
        if len(hosts) != 1:
            continue
        g = out[hosts[0]]
        note = f"place: {m.place.name}, where a later report of the same attack places it"  # type: ignore[union-attr]
        out[hosts[0]] = [
            replace(
                x,
                place=m.place,
                precision=m.precision,
                ambiguous=m.ambiguous,
                place_span=m.place_span,
                evidence=(*x.evidence, note),
            )
            for x in g
        ]
    return out


_VIOLENT = (EventType.EXPLOSIONS, EventType.BATTLES)


def _oblast_holds(region: Place, place: Place) -> bool | None:
    """Whether the oblast (or Crimea) ``region`` holds ``place`` (Crimea holds Sevastopol
    too); None when ``region`` is no oblast of ``place``'s country (a raion, an informal
    region), which this cannot tell."""
    found = find_region(region.name)
    if found is None or found.country != place.country:
        return None
    return place.admin1_code in found.codes


_DWU = SubEventType.DISRUPTED_WEAPONS_USE
NEAR_KM = 25.0  # a "near X" report and a village this close to X are one event


def _drop_headlines(groups: list[list[Mention]]) -> list[list[Mention]]:
    """Headline-only events give way to any body event of the same type."""
    body = {g[0].sub_event_type.event_type for g in groups if not all(m.headline for m in g)}
    return [
        g
        for g in groups
        if not (all(m.headline for m in g) and g[0].sub_event_type.event_type in body)
    ]


def _fold_vaguer(groups: list[list[Mention]]) -> list[list[Mention]]:
    """Fold each vaguer group into a finer one reporting the same event, when there is one."""
    out: list[list[Mention]] = []
    for group in sorted(groups, key=_fineness):
        hosts = [h for h in out if _contains(_finest(group), _finest(h))]
        host = _host(group, hosts)
        if host is None:
            out.append(list(group))
            continue
        note = f"merged: a vaguer report of the event at {host[0].place.name}"  # type: ignore[union-attr]
        if _tally(group, host, hosts):
            note += "; its deaths are a tally of several places' events, not added to this one"
            group = [replace(m, fatalities=0) for m in group]
        host.extend(replace(m, evidence=(*m.evidence, note)) for m in group)
    out = _fold_tallies(out)
    order = {id(m): i for i, g in enumerate(groups) for m in g}
    return sorted(out, key=lambda g: min(order.get(id(m), 1 << 30) for m in g))


def _fold_tallies(groups: list[list[Mention]]) -> list[list[Mention]]:
    out = []
    for group in groups:
        parts = _breakdown(group, groups)
        if not parts:
            out.append(group)
            continue
        note = "merged: a tally of the shoot-downs listed place by place"
        parts[0].extend(replace(m, evidence=(*m.evidence, note)) for m in group)
    return out


def _breakdown(group: list[Mention], out: list[list[Mention]]) -> list[list[Mention]]:
    """ "Air defences destroyed 41 drones overnight ... 28 over Saratov, four over
    Voronezh ...": an unplaced shoot-down tally beside two or more placed shoot-downs of
    the same day is their sum, not another event. Without such a breakdown the tally
    stays an event of its own (a country-wide figure beside one local story)."""
    m = group[0]
    if m.sub_event_type is not _DWU or m.located or m.location_text:
        return []
    placed = [
        h
        for h in out
        if h[0].sub_event_type is _DWU
        and h[0].located
        and h[0].date.event_date == m.date.event_date
    ]
    return placed if len(placed) >= 2 else []


def _host(group: list[Mention], hosts: list[list[Mention]]) -> list[Mention] | None:
    """The finer event a vaguer one reports. Among several ("eleven settlements shelled,
    one woman killed" and a village for each), deaths pick the one that tells the same
    deaths, else the first."""
    dead = max(m.fatalities for m in group)
    same = [h for h in hosts if dead and max(m.fatalities for m in h) == dead]
    # "shelled the Nikopol district ... the district centre was hit": a district named
    # after its town is first of all that town's event
    own = [h for h in hosts if group[0].place and _finest(h).place == group[0].place]
    return (same or own or hosts or [None])[0]


def _tally(group: list[Mention], host: list[Mention], hosts: list[list[Mention]]) -> bool:
    """A summary of several places whose deaths no single one of them reports: a tally
    ("strikes on the region killed 11"), never added to a village picked at random."""
    dead = max(m.fatalities for m in group)
    return dead > 0 and len(hosts) > 1 and max(m.fatalities for m in host) != dead


def _finest(group: list[Mention]) -> Mention:
    """The mention that places a group best ("the Nikopol district", then "Nikopol")."""
    return group[0] if len(group) == 1 else min(group, key=lambda m: _fineness([m]))


def _fineness(group: list[Mention]) -> int:
    """How coarsely the group's best mention places it: 0 a city's district, 3 nowhere."""
    if len(group) > 1:
        return _fineness([_finest(group)])
    m = group[0]
    if not m.located:
        return 3
    if m.precision is GeoPrecision.SETTLEMENT and m.place and _district_of(m.place.name):
        return 0  # "Kherson - Dniprovskyi": a city's district is finer than the city
    return int(m.precision or GeoPrecision.REGION)


def _district_of(name: str) -> str | None:
    """The city of an ACLED-style district location ("Kharkiv - Saltivskyi" → "Kharkiv")."""
    city, sep, _ = name.partition(" - ")
    return city if sep else None


def _contains(vague: Mention, fine: Mention) -> bool:
    """True when ``vague`` can be the same event as the finer ``fine``."""
    if vague.sub_event_type is not fine.sub_event_type or not fine.located:
        return False
    if vague.date.event_date != fine.date.event_date or vague is fine:
        return False
    if not vague.located:
        # A country-wide tally of shoot-downs is its own event beside a regional one.
        return not vague.location_text and vague.sub_event_type is not _DWU
    if _fineness([vague]) <= _fineness([fine]) or vague.stands_in:
        return False  # a region standing in for an unknown village is that village's event
    assert vague.place is not None and fine.place is not None  # both located
    if _district_of(fine.place.name) == vague.place.name:
        return True  # "Kherson city - Dniprovskyi district": the city is its district's event
    if vague.place.is_region:
        held = _oblast_holds(vague.place, fine.place)
        if held is not None:
            return held
        if vague.place.feature_code == "ADM2":
            return _in_raion(fine.place, vague.place)
        return bool(vague.place.admin1) and fine.place.admin1 == vague.place.admin1
    if vague.precision is GeoPrecision.NEAR:
        if vague.sentence == fine.sentence:
            return False  # "took X, and fought near Y": one sentence, two places, two events
        km = haversine_km(
            vague.place.latitude, vague.place.longitude, fine.place.latitude, fine.place.longitude
        )
        return km <= NEAR_KM
    return False


RAION_KM = 30.0  # a town this close to a raion's point is taken to lie in it


def _in_raion(place: Place, raion: Place) -> bool:
    """``place`` lies in ``raion``: its admin2 says so (GeoNames spells raions two ways, so
    a town near the raion's point counts too). Another town of the oblast does not."""
    if place.admin1 != raion.admin1:
        return False
    if place.admin2 and place.admin2 == raion.admin2:
        return True
    km = haversine_km(place.latitude, place.longitude, raion.latitude, raion.longitude)
    return km <= RAION_KM


def _key(m: Mention) -> tuple[str, str, str]:
    return (m.sub_event_type.value, m.place_key, m.date.event_date.isoformat())


def _adopt_date(m: Mention, dated: dict[tuple[str, str], Mention]) -> Mention:
    if m.date.explicit:
        return m
    other = dated.get((m.sub_event_type.value, m.place_key))
    if other is None:
        return m
    note = f"date: taken from another mention of this event ({other.date.evidence})"
    return replace(m, date=other.date, evidence=(*m.evidence, note))


def _adopt_explosion_type(m: Mention, best: dict[tuple[str, str], SubEventType]) -> Mention:
    if m.sub_event_type.event_type is not EventType.EXPLOSIONS or not m.located:
        return m
    top = best[(m.place_key, m.date.event_date.isoformat())]
    if top is m.sub_event_type:
        return m
    note = f"type: {m.sub_event_type.value} at the same place and day coded as {top.value}"
    return replace(m, sub_event_type=top, evidence=(*m.evidence, note))


def _weapon_named(group: list[Mention], follow_up: Mention) -> list[Mention]:
    """ "The invaders attacked the village of X. They used a glide bomb.": an attack whose
    weapon was not named takes the explosion type of the follow-up that names it."""
    sub = follow_up.sub_event_type
    if (
        not group[0].weapon_unnamed
        or follow_up.weapon_unnamed
        or sub.event_type is not EventType.EXPLOSIONS
        or sub is group[0].sub_event_type
    ):
        return group
    note = f"type: {sub.value}, the weapon the next report names"
    return [
        replace(m, sub_event_type=sub, weapon_unnamed=False, evidence=(*m.evidence, note))
        for m in group
    ]


def _follow_up_host(m: Mention, last_located: dict[EventType, Mention]) -> Mention | None:
    """The latest earlier located mention of the same event type, for a bare follow-up."""
    if m.located or m.location_text or m.date.explicit:
        return None
    return last_located.get(m.sub_event_type.event_type)
