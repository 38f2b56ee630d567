"""One report of one event in one sentence, before mentions are merged into events."""

from __future__ import annotations

from dataclasses import dataclass, replace

from geodata.model import GeoPrecision, Place
from tracker.extract.dates import DateReading
from tracker.extract.fatalities import Fatalities
from tracker.model import SubEventType


@dataclass(frozen=True, slots=True)
class Mention:
    """Everything one sentence says about one event at one place."""

    sub_event_type: SubEventType
    sentence: tuple[int, int]
    trigger: tuple[int, int]
    date: DateReading
    confidence: float
    place: Place | None = None
    precision: GeoPrecision | None = None
    ambiguous: bool = False  # the place is a guess among nearly equally likely homonyms
    location_text: str | None = None  # the place as written when no point is known
    place_span: tuple[int, int] | None = None
    actor1: str | None = None
    actor2: str | None = None
    target: str | None = None
    claimed_by: str | None = None
    alleged: bool = False
    fatalities: int = 0
    evidence: tuple[str, ...] = ()
    thin: bool = False  # only weak words and no place: kept only as a follow-up
    headline: bool = False  # from the title or a deck line: counted only if the body is silent
    weapon_unnamed: bool = False  # "attacked the village": typed by default, a follow-up may say
    # "troops attacked Kharkiv", "Russians killed a woman in Kherson": an attack or a killing
    # with nothing to type it, the day's strike there told again when the article has one
    bare_attack: bool = False
    refers_back: bool = False  # "the assaults on Kharkiv": the attacks the article reported
    # "в селе Лозовое Белгородской области": the village a region-level place stands in for
    # (the gazetteer lacks it); an event of its own, never a summary of the region's events
    stands_in: str | None = None

    @property
    def place_key(self) -> str:
        """What makes two mentions "the same place": the gazetteer id, else the words."""
        if self.place is not None:
            if self.stands_in:
                return f"text:{self.stands_in.casefold()}"
            if self.place.geonameid:
                return f"gn:{self.place.geonameid}"
            return f"region:{self.place.name}"
        if self.location_text:
            return f"text:{self.location_text.casefold()}"
        return "none"

    @property
    def located(self) -> bool:
        """True when the mention has a point."""
        return self.place is not None


def with_toll(m: Mention, found: Fatalities, *, note: str = "") -> Mention:
    """``m`` with the death toll ``found``, and the words it came from in the evidence."""
    line = f"fatalities: {found.phrase!r}{note}"
    return replace(m, fatalities=found.count, evidence=(*m.evidence, line))


def share_toll(mentions: list[Mention], found: Fatalities, *, at: int) -> list[Mention]:
    """A sentence's toll goes to its mention nearest ``at``, where the toll is written."""
    if not mentions:
        return mentions
    nearest = min(
        range(len(mentions)),
        key=lambda i: abs((mentions[i].place_span or mentions[i].trigger)[0] - at),
    )
    mentions[nearest] = with_toll(mentions[nearest], found)
    return mentions
