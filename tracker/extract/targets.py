"""What was hit: the target phrase nearest the event's place, and whether it is military."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.prefixes import AlternativesScanner

_MILITARY = (
    r"(?:military\s+)?air\s*(?:field|base)s?|(?:military\s+)?airfields?"
    r"|ammunition\s+(?:depots?|dumps?|warehouses?|stores?)|(?:fuel|oil)\s+(?:depots?|storage)"
    r"|hangars?(?:\s+with\s+(?:[\w-]+\s+){0,2}(?:aircraft|planes|helicopters))?"
    r"|command\s+posts?|barracks|(?:military\s+)?(?:positions|installations|sites|facilities|"
    r"units|bases?|infrastructure)|troop\s+concentrations?|checkpoints?|convoys?"
    r"|tanks?\b|armou?red\s+vehicles?|(?:artillery|air\s+defen[cs]e)\s+(?:systems?|batter(?:y|ies))"
)
_CIVILIAN = (
    r"(?:residential|apartment|high-rise)\s+(?:buildings?|blocks?|areas?|districts?|complex(?:es)?)"
    r"|residential\s+areas?|homes|houses|private\s+houses|hospitals?|maternity\s+\w+|schools?"
    r"|kindergartens?|markets?|shopping\s+(?:cent(?:re|er)s?|malls?)|supermarkets?|theat(?:re|er)"
    r"|shelters?|churche?s?|civilians"
)
_INFRASTRUCTURE = (
    r"(?:energy|power|critical|civilian|port|railway|transport)\s+(?:infrastructure|"
    r"facilit(?:y|ies))|power\s+(?:plants?|stations?|lines?|grid)|(?:thermal|nuclear|hydro)\w*"
    r"\s+power\s+plants?|substations?|railway\s+(?:stations?|lines?|bridges?)|train\s+stations?"
    r"|bridges?|ports?\b|oil\s+refiner(?:y|ies)|factor(?:y|ies)|plants?\b|warehouses?|airports?"
)
_AIRBORNE = (
    r"(?:planes?|aircraft|helicopters?|drones?|UAVs?|(?:cruise\s+)?missiles?|Shaheds?|jets?)"
)

_SCANNER = AlternativesScanner(
    [
        rf"(?P<military>\b(?:{_MILITARY}))",
        rf"(?P<civilian>\b(?:{_CIVILIAN}))",
        rf"(?P<infrastructure>\b(?:{_INFRASTRUCTURE}))",
    ],
    flags=re.I,
)
_AIRBORNE_SCANNER = re.compile(rf"\b{_AIRBORNE}\b", re.I)


@dataclass(frozen=True, slots=True)
class Target:
    """A target phrase and its kind: military, civilian or infrastructure."""

    text: str
    kind: str
    start: int
    end: int


def find_targets(text: str, start: int, end: int) -> list[Target]:
    """Target phrases in ``text[start:end]``, in order."""
    return [
        Target(" ".join(m.group().split()), m.lastgroup or "", m.start(), m.end())
        for m in _SCANNER.finditer(text, start, end)
    ]


def nearest_target(targets: list[Target], position: int) -> Target | None:
    """The target closest to ``position`` (a place or trigger offset)."""
    if not targets:
        return None
    return min(targets, key=lambda t: min(abs(t.start - position), abs(t.end - position)))


# Aircraft with a crew ("a Su-34 bomber", "two helicopters") against weapons without one
_CREWED = re.compile(
    r"\b(?:(?:Su|MiG|Tu|Il|Ka|Mi|Yak|An|Be|A)-\d+\w*|(?:fighter|fighter-bomber|bomber|"
    r"warplane|helicopter|plane|jet|aircraft)s?)\b",
    re.I,
)
_UNCREWED = re.compile(
    r"\b(?:drones?|UAVs?|unmanned|missiles?|rockets?|Shaheds?|Gerans?|Lancets?|Orlans?|"
    r"Kh-\d+\w*|Kalibrs?|Iskanders?|Kinzhals?|cruise|ballistic|balloons?|bombs?)\b",
    re.I,
)


def crewed_aircraft_only(text: str, start: int, end: int) -> bool:
    """True when what came down in ``text[start:end]`` is crewed aircraft alone ("shot down
    a Russian Su-34 bomber"), which ACLED codes as shelling, not disrupted weapons use."""
    return (
        _CREWED.search(text, start, end) is not None and _UNCREWED.search(text, start, end) is None
    )


def downed_objects(text: str, start: int, end: int) -> str | None:
    """What was shot down or intercepted ("plane, helicopters, drones"), or None."""
    seen: list[str] = []
    for m in _AIRBORNE_SCANNER.finditer(text, start, end):
        word = " ".join(m.group().lower().split())
        if word not in seen:
            seen.append(word)
    return ", ".join(seen) or None
