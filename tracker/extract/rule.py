"""The shape of a trigger rule and of a rule that fired; the tables live in ``lexicon``."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.model import EventType
from tracker.model import SubEventType as S


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger: a pattern that reports a sub-event type."""

    name: str
    sub_event_type: S
    pattern: str
    strength: float
    weak: bool = False
    base_verb: bool = False  # an infinitive-able verb: "to attack" is intention


@dataclass(frozen=True, slots=True)
class Trigger:
    """A rule that fired at ``start:end`` of the text."""

    rule: Rule
    start: int
    end: int

    @property
    def sub_event_type(self) -> S:
        """The sub-event type the rule signals."""
        return self.rule.sub_event_type


# What the debris of a weapon shot down damaged is the shoot-down's toll, not a strike of
# its own (as ACLED codes it); each language names the debris in its own words.
DEBRIS = Rule("debris-of-shoot-down", S.DISRUPTED_WEAPONS_USE, "", 0.6)
DEBRIS_WINDOW = 40  # characters before a trigger searched for the debris words


def as_debris(
    trigger: Trigger, text: str, debris_before: re.Pattern[str], *, start: int = 0
) -> Trigger:
    """``trigger`` read as the shoot-down when the words just before it (from ``start`` on,
    the sentence's) name debris ("drone fragments damaged", "обломки БПЛА повредили")."""
    if trigger.sub_event_type.event_type is not EventType.EXPLOSIONS:
        return trigger
    if not debris_before.search(text, max(start, trigger.start - DEBRIS_WINDOW), trigger.start):
        return trigger
    return replace(trigger, rule=DEBRIS)
