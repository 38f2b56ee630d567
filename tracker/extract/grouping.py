"""Triggers of one sentence into events: the pieces every language's reader shares.

A sentence's triggers are dated by the nearest date expression, grouped by
clause and event type (one group, one event), and each group is represented by
its highest-ranked trigger, as ACLED's precedence rules say.
"""

from __future__ import annotations

from tracker.extract.dates import DateReading
from tracker.extract.places import PlaceMention
from tracker.extract.rule import Trigger
from tracker.extract.text import Sentence
from tracker.model import EventType, SubEventType

Dated = tuple[Trigger, DateReading | None]


def nearest_date(dates: list[DateReading], position: int) -> DateReading | None:
    """The date expression closest to ``position`` (either of its ends), or None."""
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.start - position), abs(d.end - position)))


def clause_index(cuts: list[int], position: int) -> int:
    """Which clause of the sentence ``position`` falls in, given the clause cuts."""
    return sum(1 for c in cuts if c <= position)


def group_key(sub: SubEventType) -> str:
    """Strategic developments group by sub-type; violence by event type."""
    if sub.event_type is EventType.STRATEGIC_DEVELOPMENTS:
        return sub.value
    return sub.event_type.value


def group_by_clause(dated: list[Dated], cuts: list[int]) -> list[list[Dated]]:
    """Triggers of one event type in one clause report one event (ACLED's precedence
    picks its sub-type); another clause may report another ("..., while Y was shelled")."""
    groups: dict[tuple[int, str], list[Dated]] = {}
    for item in dated:
        key = (clause_index(cuts, item[0].start), group_key(item[0].sub_event_type))
        groups.setdefault(key, []).append(item)
    return list(groups.values())


def best_of(group: list[Dated]) -> Dated:
    """The trigger of the highest-ranked sub-type (then the strongest, then the first),
    with its own date, else the first date the group has."""
    trigger, own = min(
        group, key=lambda item: (item[0].sub_event_type.rank, -item[0].rule.strength)
    )
    return trigger, own or next((d for _, d in group if d is not None), None)


def goes_on_with_the_past(
    text: str, past_end: int | None, sentence: Sentence, places: list[PlaceMention]
) -> bool:
    """ "A year ago, on 16 March 2022, Russian jets bombed the theatre. Hundreds died in the
    bombing.": a sentence with no date and no place of its own, in the paragraph of a
    sentence that told of the war's past (ending at ``past_end``), goes on with that story;
    it is not today's event. A new paragraph, a date or a place starts another."""
    return (
        past_end is not None
        and past_end <= sentence.start
        and "\n" not in text[past_end : sentence.start]
        and not any(p.role.is_event_place for p in places)
    )
