"""A place's dead and wounded told after a report of strikes: that strike's toll there.

Ukrainian and Russian round-ups report the strikes first and the tolls place by place
after them ("завдали ударів по 7 населених пунктах ... У Боровій загинув чоловік").
(Tried on English too, it split one city's strike into events per district and took
police tolls for strikes: devnews precision fell, so English does without.) The toll's sentence has
no word of attack, so no trigger of its own; it gets a weak one of the strikes' type, so
the place it names becomes an event (with no place it stays none, as any weak word).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tracker.extract.rule import Rule, Trigger
from tracker.extract.text import Sentence
from tracker.model import EventType

TOLL_RULE = "toll-after-strikes"
LOOK_BACK = 3  # sentences before the toll in which the strikes are reported
# words that say something was damaged or went off, not that strikes were reported
_NOT_A_STRIKE_REPORT = frozenset({"damage", "blast", TOLL_RULE})


def with_tolls(
    text: str,
    sentences: Sequence[Sentence],
    triggers: list[Trigger],
    *,
    casualty: re.Pattern[str],
) -> list[Trigger]:
    """``triggers`` and a weak trigger on the casualty word of each sentence that has no
    trigger of its own and follows a report of strikes within :data:`LOOK_BACK` sentences.

    ``triggers`` are in text order; so is the result.
    """
    if not triggers:
        return triggers
    starts = sorted(t.start for t in triggers)
    added = []
    for i, sentence in enumerate(sentences):
        if _any_between(starts, sentence.start, sentence.end):
            continue
        window_start = sentences[max(0, i - LOOK_BACK)].start
        strikes = [
            t
            for t in triggers
            if window_start <= t.start < sentence.start
            and t.sub_event_type.event_type is EventType.EXPLOSIONS
            and t.rule.name not in _NOT_A_STRIKE_REPORT
        ]
        found = casualty.search(text, sentence.start, sentence.end) if strikes else None
        if found is not None:
            rule = Rule(TOLL_RULE, strikes[-1].sub_event_type, casualty.pattern, 0.4, weak=True)
            added.append(Trigger(rule, found.start(), found.end()))
    return sorted([*triggers, *added], key=lambda t: t.start) if added else triggers


def _any_between(starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end
