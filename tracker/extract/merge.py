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
"""

from __future__ import annotations

from dataclasses import replace

from tracker.extract.mention import Mention
from tracker.model import EventType, SubEventType


def merge_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Group an article's mentions into events, in order of first mention (linear time)."""
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
    for m in mentions:
        host = _follow_up_host(m, last_located)
        if m.located:
            last_located[m.sub_event_type.event_type] = m
        if host is None and m.thin:
            continue  # weak words with no place and nothing to follow up
        if host is not None:
            m = replace(
                m, evidence=(*m.evidence, "merged: a follow-up mention without place or date")
            )
        groups.setdefault(_key(host if host is not None else m), []).append(m)
    return list(groups.values())


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


def _follow_up_host(m: Mention, last_located: dict[EventType, Mention]) -> Mention | None:
    """The latest earlier located mention of the same event type, for a bare follow-up."""
    if m.located or m.location_text or m.date.explicit:
        return None
    return last_located.get(m.sub_event_type.event_type)
