"""ACLED's derived columns: what the ``--acled`` layout computes from an event.

ACLED publishes some columns that we do not store but can derive honestly:
the disorder type from the event type, the actor types (``inter1``/``inter2``)
from ACLED's own actor names, the country's numeric ISO code and ACLED region,
the civilian-targeting flag and the list of outlets. Columns nothing in an
article tells us (associated actors, ``admin3``, ``source_scale``, ``tags``)
are written empty, so the file still stacks column for column under an ACLED
download. See docs/export.md for the choices.

``inter1``/``inter2``/``interaction`` use the numeric codes of ACLED's
codebook (1 State forces ... 8 External/Other forces; the interaction is the
two codes, lower first, e.g. 17; a sole actor gives 10, 20, ...). Downloads
made with ACLED's newer API spell the same codes out as text ("State forces",
"State forces-Civilians"): :data:`INTER_NAMES` maps one to the other.
"""

from __future__ import annotations

from tracker.model import Event, EventType, SubEventType

__all__ = [
    "INTER_NAMES",
    "civilian_targeting",
    "disorder_type",
    "inter_code",
    "interaction",
    "iso_code",
    "region",
    "source_names",
]

INTER_NAMES = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
"""ACLED's actor types by ``inter`` code."""

# ACLED actor names as the extractor writes them, by prefix, with their type.
# DNR/LNR are coded as ACLED coded the separatist republics' forces before
# 2022 (rebel groups); Wagner as a private military company (External/Other).
_INTER_BY_PREFIX = (
    ("Military Forces of ", 1),
    ("Police Forces of ", 1),
    ("DNR: ", 2),
    ("LNR: ", 2),
    ("Rioters", 5),
    ("Protesters", 6),
    ("Civilians", 7),
    ("Wagner Group", 8),
)

# ISO 3166-1 numeric code and ACLED region of the countries the tracker covers,
# by the country name events carry.
_COUNTRIES = {
    "Ukraine": (804, "Europe"),
    "Russia": (643, "Europe"),
    "Belarus": (112, "Europe"),
    "Moldova": (498, "Europe"),
    "Poland": (616, "Europe"),
}

# ACLED's disorder_type groups its event types; a few sub-types straddle two.
_DISORDER = {
    EventType.BATTLES: "Political violence",
    EventType.EXPLOSIONS: "Political violence",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "Political violence",
    EventType.PROTESTS: "Demonstrations",
    EventType.RIOTS: "Demonstrations",
    EventType.STRATEGIC_DEVELOPMENTS: "Strategic developments",
}
_DISORDER_SUB = {
    SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS: "Political violence; Demonstrations",
    SubEventType.MOB_VIOLENCE: "Political violence",
}


def inter_code(actor: str | None) -> int | None:
    """ACLED's ``inter`` code of an actor name, None when there is no actor or it is unknown.

    >>> inter_code("Military Forces of Russia (2000-)"), inter_code("Civilians (Ukraine)")
    (1, 7)
    >>> inter_code("Unknown band") is None
    True
    """
    if not actor:
        return None
    return next((code for prefix, code in _INTER_BY_PREFIX if actor.startswith(prefix)), None)


def interaction(event: Event) -> int | None:
    """The two actors' ``inter`` codes as ACLED joins them: lower first (17), a sole actor 10.

    None when an actor present has no known type.

    >>> from datetime import date
    >>> from tracker.model import TimePrecision
    >>> ev = Event("e", date(2022, 4, 12), TimePrecision.DAY, EventType.VIOLENCE_AGAINST_CIVILIANS,
    ...            SubEventType.ATTACK, "", actor1="Military Forces of Russia (2000-)",
    ...            actor2="Civilians (Ukraine)")
    >>> interaction(ev)
    17
    """
    first, second = inter_code(event.actor1), inter_code(event.actor2)
    if (first is None and event.actor1) or (second is None and event.actor2):
        return None
    codes = sorted(c for c in (first, second) if c is not None)
    if not codes:
        return None
    low, high = codes[0], codes[1] if len(codes) == 2 else 0
    return 10 * low + high if high else 10 * low


def iso_code(event: Event) -> int | None:
    """ISO 3166-1 numeric code of the event's country (804 for Ukraine), None when unknown."""
    known = _COUNTRIES.get(event.country or "")
    return known[0] if known else None


def region(event: Event) -> str | None:
    """ACLED's region of the event's country ("Europe" for Ukraine), None when unknown."""
    known = _COUNTRIES.get(event.country or "")
    return known[1] if known else None


def disorder_type(event: Event) -> str:
    """ACLED's disorder type of the event's (sub-)event type."""
    return _DISORDER_SUB.get(event.sub_event_type) or _DISORDER[event.event_type]


def civilian_targeting(event: Event) -> str | None:
    """ "Civilian targeting" when civilians were the main or only target, else None.

    That is Violence against civilians, a second actor that is civilians, or a
    target naming civilians.
    """
    if event.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS:
        return "Civilian targeting"
    if inter_code(event.actor2) == 7:
        return "Civilian targeting"
    if event.target and "civilian" in event.target.casefold():
        return "Civilian targeting"
    return None


def source_names(event: Event) -> str | None:
    """ACLED's ``source``: the outlets of the reports, "; "-separated, each once, in order."""
    names = [s.outlet or s.title or s.url for s in event.sources]
    unique = list(dict.fromkeys(n for n in names if n))
    if not unique and event.source_title:
        unique = [event.source_title]
    return "; ".join(unique) or None
