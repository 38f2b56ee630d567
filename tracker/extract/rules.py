"""Finding triggers: the rule table compiled into one scanner, so an article is scanned once.

The table itself (pattern → ACLED sub-event type, strength) is per-language
data in :mod:`tracker.extract.lexicon.rules_en`; the shapes are in
:mod:`tracker.extract.rule`. Rules listed earlier win where two could match at
the same place ("car bomb" before "bomb", "suicide drone" before "suicide ...").

``weak`` rules ("struck", "explosions", "killed civilians") only count in a
sentence where no strong rule fired: "a missile strike killed five civilians"
is a missile attack with fatalities, not an attack on civilians.
"""

from __future__ import annotations

import re

from tracker.extract.lexicon.rules_en import RULES
from tracker.extract.prefixes import AlternativesScanner
from tracker.extract.rule import Rule, Trigger

__all__ = ["RULES", "Rule", "Trigger", "find_triggers", "scan_every_position"]

_RULE_BY_GROUP = {f"r{i}": rule for i, rule in enumerate(RULES)}
_SCANNER = AlternativesScanner(
    [rf"(?P<r{i}>\b(?:{rule.pattern})(?!(?<=\w)\w))" for i, rule in enumerate(RULES)],
    flags=re.IGNORECASE,
    length=4,
)


def find_triggers(text: str) -> list[Trigger]:
    """Every trigger in ``text``, in order, non-overlapping (earlier rules win ties).

    >>> [t.sub_event_type.value for t in find_triggers("Russian artillery shelled the town.")]
    ['Shelling/artillery/missile attack', 'Shelling/artillery/missile attack']
    """
    return [
        Trigger(_RULE_BY_GROUP[m.lastgroup], m.start(), m.end())  # type: ignore[index]
        for m in _SCANNER.finditer(text)
    ]


def scan_every_position(text: str) -> list[Trigger]:
    """:func:`find_triggers` the slow way, trying every character (for checks)."""
    return [
        Trigger(_RULE_BY_GROUP[m.lastgroup], m.start(), m.end())  # type: ignore[index]
        for m in _SCANNER.regex.finditer(text)
    ]
