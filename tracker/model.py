"""Domain types of the tracker: articles, events and the filters that select them.

Field names follow ACLED's wherever ACLED has the concept (see docs/schema.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum, StrEnum

from geodata.model import GeoPrecision
from tracker.errors import ConfigError

__all__ = [
    "Article",
    "Event",
    "EventFilter",
    "EventType",
    "GeoPrecision",
    "Source",
    "SubEventType",
    "TimePrecision",
    "article_id_for",
    "check_probability",
]


class EventType(StrEnum):
    """ACLED's six event types."""

    BATTLES = "Battles"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    """ACLED's sub-event types; ``event_type`` gives the parent type.

    Within each type the members are listed in ACLED's hierarchical order:
    when one report fits several, the earlier one wins.
    """

    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    ARMED_CLASH = "Armed clash"

    EXCESSIVE_FORCE_AGAINST_PROTESTERS = "Excessive force against protesters"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    PEACEFUL_PROTEST = "Peaceful protest"

    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"

    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING_ARTILLERY_MISSILE = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"

    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"

    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP_ACTIVITY = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING_PROPERTY_DESTRUCTION = "Looting/property destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "Non-violent transfer of territory"
    OTHER = "Other"

    @property
    def event_type(self) -> EventType:
        """The ACLED event type this sub-event type belongs to."""
        return _PARENT[self]

    @property
    def rank(self) -> int:
        """Position in ACLED's hierarchy within its type (lower wins)."""
        return _RANK[self]


_GROUPS: dict[EventType, tuple[SubEventType, ...]] = {
    EventType.BATTLES: (
        SubEventType.GOVERNMENT_REGAINS_TERRITORY,
        SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
        SubEventType.ARMED_CLASH,
    ),
    EventType.PROTESTS: (
        SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
        SubEventType.PROTEST_WITH_INTERVENTION,
        SubEventType.PEACEFUL_PROTEST,
    ),
    EventType.RIOTS: (SubEventType.VIOLENT_DEMONSTRATION, SubEventType.MOB_VIOLENCE),
    EventType.EXPLOSIONS: (
        SubEventType.CHEMICAL_WEAPON,
        SubEventType.AIR_DRONE_STRIKE,
        SubEventType.SUICIDE_BOMB,
        SubEventType.SHELLING_ARTILLERY_MISSILE,
        SubEventType.REMOTE_EXPLOSIVE,
        SubEventType.GRENADE,
    ),
    EventType.VIOLENCE_AGAINST_CIVILIANS: (
        SubEventType.SEXUAL_VIOLENCE,
        SubEventType.ATTACK,
        SubEventType.ABDUCTION,
    ),
    EventType.STRATEGIC_DEVELOPMENTS: (
        SubEventType.AGREEMENT,
        SubEventType.ARRESTS,
        SubEventType.CHANGE_TO_GROUP_ACTIVITY,
        SubEventType.DISRUPTED_WEAPONS_USE,
        SubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED,
        SubEventType.LOOTING_PROPERTY_DESTRUCTION,
        SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY,
        SubEventType.OTHER,
    ),
}
_PARENT = {sub: parent for parent, subs in _GROUPS.items() for sub in subs}
_RANK = {sub: i for subs in _GROUPS.values() for i, sub in enumerate(subs)}


class TimePrecision(IntEnum):
    """ACLED's ``time_precision``: 1 the day is known, 2 the week, 3 the month."""

    DAY = 1
    WEEK = 2
    MONTH = 3


def article_id_for(*, canonical_url: str | None, text: str) -> str:
    """Stable article identity: the canonical URL when known, else the content hash.

    >>> article_id_for(canonical_url=None, text="abc")[:8]
    'ba7816bf'
    """
    basis = f"url:{canonical_url}" if canonical_url else text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as read from a file, a feed or a web page."""

    text: str
    title: str | None = None
    url: str | None = None  # canonical URL when known
    published: date | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    country_focus: str | None = "UA"

    @property
    def article_id(self) -> str:
        """Identity: canonical URL when there is one, else a hash of the text."""
        return article_id_for(canonical_url=self.url, text=self.text)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text, to tell an updated article from an unchanged one."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Source:
    """One report of an event: which article said it."""

    article_id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One dated, optionally geocoded event, with the evidence behind it.

    ``latitude``/``longitude`` are None when the article gives no usable place:
    such events are kept, never put somewhere invented. ``date_start`` and
    ``date_end`` give the interval that ``time_precision`` 2 or 3 stands for.
    """

    event_id: str
    event_date: date
    time_precision: TimePrecision
    event_type: EventType
    sub_event_type: SubEventType
    notes: str
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: GeoPrecision | None = None
    geonameid: int | None = None
    fatalities: int = 0
    confidence: float = 0.5
    source_url: str | None = None
    source_title: str | None = None
    article_id: str | None = None
    target: str | None = None
    claimed_by: str | None = None
    alleged: bool = False
    evidence: tuple[str, ...] = ()  # the rules that fired and why the place was chosen
    trigger_span: tuple[int, int] | None = None  # character offsets in the article text
    place_span: tuple[int, int] | None = None
    date_start: date | None = None
    date_end: date | None = None
    # the place was a guess among nearly equally likely homonyms (geodata's Resolution)
    ambiguous: bool = False
    sources: tuple[Source, ...] = ()
    report_count: int = 1
    updated_at: datetime | None = None

    @property
    def has_location(self) -> bool:
        """True when the event has a point."""
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What to select from the stored events; every field is optional and ANDed.

    ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)`` as on the command line;
    ``near`` is ``(latitude, longitude)`` and needs ``radius_km``;
    ``min_confidence`` keeps events whose ``confidence`` is at least that
    probability (0 to 1).

    Raises
    ------
    ConfigError
        When ``min_confidence`` is not a number from 0 to 1.

    Examples
    --------
    >>> EventFilter(min_confidence=0.5).min_confidence
    0.5
    >>> EventFilter(min_confidence=1.5)
    Traceback (most recent call last):
    ...
    tracker.errors.ConfigError: minimum confidence 1.5 is not a probability from 0 to 1; ...
    """

    since: date | None = None
    until: date | None = None
    event_types: tuple[EventType, ...] = ()
    sub_event_types: tuple[SubEventType, ...] = ()
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float] | None = None
    radius_km: float | None = None
    region: str | None = None  # admin1 name, resolved through the gazetteer
    actor: str | None = None
    max_geo_precision: GeoPrecision | None = None
    text: str | None = None  # free text searched in notes
    outlet: str | None = None
    changed_since: datetime | None = None
    located_only: bool = False
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.min_confidence is not None:
            check_probability(self.min_confidence, what="minimum confidence")


def check_probability(value: float, *, what: str) -> float:
    """Return ``value`` when it is a number from 0 to 1; else a ConfigError naming ``what``.

    NaN is refused: every comparison with it is false, so as a threshold it
    would silently select nothing (or everything).

    >>> check_probability(0.25, what="threshold")
    0.25
    >>> check_probability(float("nan"), what="threshold")
    Traceback (most recent call last):
    ...
    tracker.errors.ConfigError: threshold nan is not a probability from 0 to 1; ...
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ConfigError(
            f"{what} {value!r} is not a probability from 0 to 1; "
            "give a number such as 0.5 (0 keeps everything, 1 only certain events)"
        )
    return float(value)
