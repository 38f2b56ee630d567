"""Choosing actor1/actor2 for a mention, and the sub-type refinements that depend on them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.extract.actors import OPPONENT, Side, SideMention
from tracker.extract.targets import Target
from tracker.model import EventType, SubEventType

COUNTRY_NAMES = {"UA": "Ukraine", "RU": "Russia", "BY": "Belarus", "MD": "Moldova", "PL": "Poland"}
_OCCUPIERS = frozenset({Side.RUSSIA, Side.WAGNER, Side.DNR, Side.LNR, Side.POLICE_RU})

_INTERVENTION = re.compile(
    r"\b(?:dispersed|detained|arrested|broke\s+up|tear\s+gas|rubber\s+bullets|batons)\b", re.I
)
_EXCESSIVE = re.compile(
    r"\b(?:opened\s+fire|live\s+(?:ammunition|rounds)|shot\s+(?:dead|at)|killed|beat(?:en)?)\b",
    re.I,
)
_VIOLENT = re.compile(
    r"\b(?:threw\s+(?:stones|rocks|bottles|molotov)|smashed|set\s+fire|torched|clashed\s+with\s+"
    r"police|vandali[sz]ed|stormed)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Parties:
    """The actors chosen for a mention and the notes on how."""

    actor1: str | None
    actor2: str | None
    sub_event_type: SubEventType
    notes: tuple[str, ...] = ()


def choose_parties(
    sub: SubEventType,
    sides: list[SideMention],
    *,
    claimant: Side | None,
    target: Target | None,
    country: str,
    sentence: str,
    held_by: Side | None = None,
) -> Parties:
    """Actors in ACLED's names for one mention, with the sub-type they imply.

    ``country`` is the ISO code of where the event happened, for "Civilians (Ukraine)";
    ``held_by`` the side that holds the ground there when it is not the country's own
    (Crimea).
    """
    civilians = f"Civilians ({COUNTRY_NAMES.get(country, country)})"
    sides = [_whose_enemy(m, country) for m in sides]
    armed = [m.side for m in sides if m.side.armed]
    kind = sub.event_type
    if kind is EventType.EXPLOSIONS:
        # "The Ukrainian police reported that ... was killed in shelling": the police report
        # remote violence, they never shell or bomb; they are no party to it
        sides = [m for m in sides if m.side not in _POLICE]
    attackers = [m.side for m in sides if m.attacker and m.side.armed]
    hit = [m.side for m in sides if not m.attacker and m.side.armed]
    if kind is EventType.VIOLENCE_AGAINST_CIVILIANS:
        return Parties(_name(armed[0]) if armed else None, civilians, sub)
    if kind in (EventType.PROTESTS, EventType.RIOTS):
        return _crowd(sub, sides, sentence=sentence, country=country)
    if sub is SubEventType.DISRUPTED_WEAPONS_USE:
        downed = _shoot_down(claimant, held_by or _DEFENDER.get(country), sentence)
        if downed is not None:
            return downed
    actor1 = attackers[0] if attackers else None
    notes: list[str] = []
    if actor1 is None and _claims_own_action(sub, claimant, country) and claimant not in hit:
        actor1 = claimant
        notes.append(f"actor1: the claimant's side ({claimant.value}) claims the action")
    actor2 = next((s for s in hit if s != actor1), None)
    if actor2 is None and actor1 in OPPONENT and _military(target, sides):
        actor2 = OPPONENT[actor1]
        notes.append(f"actor2: the opposing side of {actor1.value} (military target)")
    if sub is SubEventType.ARRESTS and actor1 in _OCCUPIERS and not _CHARGED.search(sentence):
        sub = SubEventType.ABDUCTION
        notes.append("type: detention by occupying forces coded as abduction")
        return Parties(_name(actor1), civilians, sub, tuple(notes))
    sub, turned = _territory(sub, actor1)
    notes.extend(turned)
    a2 = _name(actor2) if actor2 else (civilians if _civilian(target, sides) else None)
    return Parties(_name(actor1) if actor1 else None, a2, sub, tuple(notes))


_HOME = {Side.RUSSIA: "RU", Side.UKRAINE: "UA"}
_POLICE = frozenset({Side.POLICE_UA, Side.POLICE_RU})
_TERRITORY = frozenset(
    {SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY}
)
# "Ukrainian drones", "російських ракет", "украинских БПЛА": whose weapons came down
_OWNED_WEAPONS = re.compile(
    r"\b(?P<side>Ukrainian|Russian|українськ\w*|російськ\w*|украинск\w*|российск\w*)\s+"
    r"(?:[\w-]+\s+){0,2}(?:drones?|UAVs?|missiles?|rockets?|aircraft|jets?|helicopters?|Shaheds?"
    r"|дрон\w*|безпілотник\w*|беспилотник\w*|БпЛА|БПЛА|ракет\w*|літак\w*|самол[её]т\w*)",
    re.I,
)


def _weapons_owner(sentence: str) -> Side | None:
    found = _OWNED_WEAPONS.search(sentence)
    if found is None:
        return None
    side = found.group("side").lower()
    return Side.UKRAINE if side.startswith(("ukrain", "україн", "украин")) else Side.RUSSIA


_DEFENDER = {"RU": Side.RUSSIA, "UA": Side.UKRAINE}
# Ground Russia has held since 2014: whoever shoots down there is Russia's air defence
_HELD_BY_RUSSIA = frozenset({"Crimea", "Sevastopol"})


def held_by(admin1: str | None) -> Side | None:
    """The side that holds an oblast that is not its country's own side's, if one does."""
    return Side.RUSSIA if admin1 in _HELD_BY_RUSSIA else None


def _shoot_down(claimant: Side | None, holder: Side | None, sentence: str) -> Parties | None:
    """Who shot down whom: the opponent of the side whose weapons the sentence names
    ("19 Ukrainian drones over Crimea"), else the side that reports it (Ukraine's Air
    Force), else the side that holds the ground it was over (Russia in Crimea). The
    weapons' owner is actor2 here, not the attacker it is in a strike."""
    owner = _weapons_owner(sentence)
    defender = (
        OPPONENT[owner] if owner is not None else claimant if claimant in OPPONENT else holder
    )
    if defender is None:
        return None
    note = f"actors: {defender.value} downed the other side's weapons over its own ground"
    if claimant is defender:
        note = f"actors: {defender.value} reports downing the other side's weapons"
    return Parties(
        _name(defender), _name(OPPONENT[defender]), SubEventType.DISRUPTED_WEAPONS_USE, (note,)
    )


def _whose_enemy(mention: SideMention, country: str) -> SideMention:
    """ "The enemy shelled five villages of the Belgorod region": a report of strikes on
    Russian ground is written from Russia's side, so its enemy is Ukraine's forces (the
    lexicons read the enemy as Russia's, as Ukrainian reports mean it)."""
    if mention.enemy and mention.side is Side.RUSSIA and country == "RU":
        return replace(mention, side=Side.UKRAINE)
    return mention


# A detention with a charge ("on suspicion of treason", "charged with sabotage") is an
# arrest by the state's security service, as ACLED codes it, even in occupied land.
_CHARGED = re.compile(
    r"\b(?:on\s+suspicion\s+of|suspected\s+of|charged\s+with|accused\s+of|on\s+charges\s+of|"
    r"for\s+(?:treason|espionage|spying|sabotage)|FSB|Federal\s+Security\s+Service)\b",
    re.I,
)


def _claims_own_action(sub: SubEventType, claimant: Side | None, country: str) -> bool:
    """A party reporting a shoot-down, or a strike on the other side's ground, did it itself.

    The Russian Defence Ministry reporting strikes in Ukraine claims them; a
    Ukrainian ministry reporting a strike in Ukraine reports an attack it suffered.
    """
    if claimant is None:
        return False
    if sub is SubEventType.DISRUPTED_WEAPONS_USE:
        return True
    home = _HOME.get(claimant)
    if home is not None and sub in _TERRITORY:
        # "Ukraine said on June 12 it had taken control of Lobkove": a side announcing ground
        # taken with no other side named took it itself, on its own soil too
        return True
    return home is not None and home != country


def _name(side: Side) -> str:
    return side.value


def _military(target: Target | None, sides: list[SideMention]) -> bool:
    return target is not None and target.kind == "military"


def _civilian(target: Target | None, sides: list[SideMention]) -> bool:
    if target is not None:
        return target.kind == "civilian"
    return any(m.side is Side.CIVILIANS and not m.attacker for m in sides)


def _territory(sub: SubEventType, actor1: Side | None) -> tuple[SubEventType, list[str]]:
    """Who takes ground decides the sub-type: Ukraine regains, Russia and proxies overtake."""
    if sub is SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY and actor1 is Side.UKRAINE:
        return SubEventType.GOVERNMENT_REGAINS_TERRITORY, ["type: Ukrainian forces regain ground"]
    if sub is SubEventType.GOVERNMENT_REGAINS_TERRITORY and actor1 in _OCCUPIERS:
        return SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY, [
            "type: ground taken by Russian or proxy forces"
        ]
    return sub, []


def _crowd(sub: SubEventType, sides: list[SideMention], *, sentence: str, country: str) -> Parties:
    where = COUNTRY_NAMES.get(country, country)
    police = next((m.side for m in sides if m.side in (Side.POLICE_UA, Side.POLICE_RU)), None)
    if sub is SubEventType.MOB_VIOLENCE:
        return Parties(f"Rioters ({where})", f"Civilians ({where})", sub)
    if sub is SubEventType.VIOLENT_DEMONSTRATION or _VIOLENT.search(sentence):
        return Parties(
            f"Rioters ({where})",
            _name(police) if police else None,
            SubEventType.VIOLENT_DEMONSTRATION,
            ("type: violence by the crowd",),
        )
    if _EXCESSIVE.search(sentence):
        return Parties(
            f"Protesters ({where})",
            _name(police) if police else None,
            SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
            ("type: lethal or violent force used on protesters",),
        )
    if _INTERVENTION.search(sentence):
        return Parties(
            f"Protesters ({where})",
            _name(police) if police else None,
            SubEventType.PROTEST_WITH_INTERVENTION,
            ("type: the protest was dispersed or protesters detained",),
        )
    return Parties(f"Protesters ({where})", None, SubEventType.PEACEFUL_PROTEST)
