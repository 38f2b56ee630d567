"""Words around a trigger that mean nothing happened (yet): intentions, negations, history.

"his forces will attack the eastern region", "Russia has not struck", "plans to
capture", "until an agreement is reached", "sanctions over the shelling",
"on the anniversary of the massacre": the trigger is there, the event is not.
"""

from __future__ import annotations

import re

_WINDOW = 70  # characters before the trigger that can hedge it

_MODAL = re.compile(
    r"(?:\b(?:will|would|could|might|may|shall|must|should|can|cannot|won't|wouldn't|"
    r"couldn't|can't)\s+(?:not\s+)?(?:\w+\s+)?(?:be\s+)?"
    r"|\b(?:plan(?:s|ned|ning)?|threat(?:en|ens|ened|ening)|vow(?:s|ed|ing)?|intend(?:s|ed)?|"
    r"aim(?:s|ed|ing)?|going|ready|prepar(?:e|es|ed|ing)|want(?:s|ed)?|seek(?:s|ing)?|"
    r"purpose\s+is|order(?:s|ed)?\s+\w+|promis(?:e|es|ed)|warn(?:s|ed)?\s+\w+|"
    r"call(?:s|ed)?\s+(?:on\s+\w+\s+)?)\s+to\s+(?:\w+\s+)?"
    r"|\b(?:not|never|no|without)\s+(?:\w+\s+){0,2}|n't\s+(?:\w+\s+){0,2})$",
    re.IGNORECASE,
)
_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|unless|until|whether|in\s+case)\b[^,;:]*$", re.IGNORECASE)
_BASE_VERBS = frozenset(
    [
        "attack",
        "strike",
        "shell",
        "bomb",
        "capture",
        "seize",
        "liberate",
        "recapture",
        "retake",
        "storm",
        "fire",
        "shoot",
        "kill",
        "abduct",
        "arrest",
        "loot",
        "hit",
    ]
)

_SENTENCE_NEGATIVE = (
    ("sanctions", re.compile(r"\bsanction(?:s|ed|ing)?\b", re.I)),
    ("history", re.compile(r"\banniversar\w+|\bcommemorat\w+|\bWorld\s+War\b", re.I)),
    ("exercise", re.compile(r"\b(?:drills?|military\s+exercises?|war\s+games)\b", re.I)),
)


def hedge(text: str, *, sentence_start: int, trigger_start: int, trigger_end: int) -> str | None:
    """Why the trigger at ``trigger_start`` reports no event, or None when it does.

    >>> s = "Putin said his forces will attack the region."
    >>> hedge(s, sentence_start=0, trigger_start=s.index("attack"), trigger_end=s.index(" the"))
    'intention or negation before the trigger'
    """
    before = text[max(sentence_start, trigger_start - _WINDOW) : trigger_start]
    if _MODAL.search(before):
        return "intention or negation before the trigger"
    word = text[trigger_start:trigger_end].lower()
    if word in _BASE_VERBS and _INFINITIVE.search(before):
        return "infinitive: an intention, not a report"
    if _CONDITIONAL.search(before):
        return "conditional clause"
    return None


def sentence_negative(sentence: str) -> str | None:
    """Why a whole sentence reports no event (sanctions, history, drills), or None."""
    for name, pattern in _SENTENCE_NEGATIVE:
        if pattern.search(sentence):
            return name
    return None
