"""The shape of a trigger rule and of a rule that fired; the tables live in ``lexicon``."""

from __future__ import annotations

from dataclasses import dataclass

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
