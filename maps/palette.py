"""Stable colours per ACLED event type, so a reader learns them once.

The six ACLED types have fixed colours chosen to stay distinguishable for the
common colour-vision deficiencies (after Okabe & Ito's palette); any other
type gets a colour from a spare list chosen by a hash of its name, so it too
is the same on every map.
"""

from __future__ import annotations

import hashlib

TYPE_COLOURS: dict[str, str] = {
    "Explosions/Remote violence": "#D55E00",  # vermilion: the bulk of war events
    "Battles": "#0072B2",  # blue
    "Violence against civilians": "#CC79A7",  # reddish purple
    "Strategic developments": "#009E73",  # bluish green
    "Protests": "#E69F00",  # orange
    "Riots": "#56B4E9",  # sky blue
}

_SPARE = ("#8C6D31", "#7F7F7F", "#393B79", "#637939", "#843C39", "#7B4173")

# Order in the legend: the kinds journalists ask about first.
TYPE_ORDER: tuple[str, ...] = tuple(TYPE_COLOURS)


def colour_for(event_type: str) -> str:
    """Return the hex colour for an event type, the same on every map.

    >>> colour_for("Battles")
    '#0072B2'
    >>> colour_for("Something new") == colour_for("Something new")
    True
    """
    known = TYPE_COLOURS.get(event_type)
    if known is not None:
        return known
    digest = hashlib.sha256(event_type.encode("utf-8")).digest()
    return _SPARE[digest[0] % len(_SPARE)]


def legend_order(types: list[str]) -> list[str]:
    """Sort event types for the legend: ACLED types in fixed order, others by name.

    >>> legend_order(["Riots", "Zzz", "Battles"])
    ['Battles', 'Riots', 'Zzz']
    """
    rank = {name: i for i, name in enumerate(TYPE_ORDER)}
    return sorted(types, key=lambda t: (rank.get(t, len(rank)), t))
