"""Words right around a trigger that mean nothing happened (yet): intentions, negations,
conditions, references back, hypotheticals, participles describing things.

"his forces will attack the eastern region", "Russia has not struck", "plans to
capture", "until an agreement is reached", "after capturing the town", "the
liberated territories": the trigger is there, the event is not. Sentences and
clauses that report no event (captions, sanctions, anniversaries, habits) are
read by :mod:`tracker.extract.context`.
"""

from __future__ import annotations

import re

from tracker.extract.prefixes import gated
from tracker.extract.suffixes import SuffixMatcher

_WINDOW = 70  # characters before the trigger that can hedge it

_MODAL = re.compile(
    r"(?:\b(?:will|would|could|might|may|shall|must|should|can|cannot|won't|wouldn't|"
    r"couldn't|can't)\s+(?:not\s+)?(?:\w+\s+)?(?:be\s+)?"
    r"|\b(?:plan(?:s|ned|ning)?|threat(?:en|ens|ened|ening)|vow(?:s|ed|ing)?|intend(?:s|ed)?|"
    r"aim(?:s|ed|ing)?|going|ready|prepar(?:e|es|ed|ing)|want(?:s|ed)?|seek(?:s|ing)?|"
    r"purpose\s+is|order(?:s|ed)?\s+\w+|promis(?:e|es|ed)|warn(?:s|ed)?\s+\w+|"
    r"call(?:s|ed)?\s+(?:on\s+\w+\s+)?)\s+to\s+(?:\w+\s+)?"
    r"|\b(?:not|never|no|without)\s+(?:\w+\s+){0,2}|n't\s+(?:\w+\s+){0,2}"
    # "preparing a major offensive", "planning new strikes": the plan, not the act
    r"|\b(?:prepar(?:e|es|ed|ing)|plan(?:s|ned|ning)?|gearing\s+up)\s+(?:for\s+)?"
    r"(?:an?\s+|the\s+|some\s+)?(?:\w+\s+){0,2})$",
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


_PRIOR = re.compile(
    r"\b(?:after|since|following|before|upon|besides|despite)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|newly|recently|previously|already|once|partly|partially|"
    r"now|still|all|other|these|those|many|several)\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(
    r"\s+(?:and\s+\w+\s+)?(?:[A-Z][\w'’-]+\s+)*(?:territor(?:y|ies)|areas?|lands?|villages?|"
    r"towns?|cit(?:y|ies)|regions?|settlements?|parts?|buildings?|houses?|homes?|bridges?|"
    r"plants?|dam|HPP|infrastructure|equipment|vehicles?|tanks?|positions?)\b"
)
_HYPOTHETICAL_AFTER = re.compile(
    r"^[^,;.]{0,80}?\b(?:would|could|might|will|may)\s+(?:\w+\s+)?(?:be|give|allow|open|mean|"
    r"make|bring|enable|help|cut|put)\b",
    re.IGNORECASE,
)
_BANNED_BEFORE = re.compile(
    r"\b(?:ban(?:s|ned|ning)?|forb[ai]d\w*|prohibit\w*)\s+(?:\w+\s+)?$", re.I
)


def hedge(text: str, *, sentence_start: int, trigger_start: int, trigger_end: int) -> str | None:
    """Why the trigger at ``trigger_start`` reports no event, or None when it does.

    >>> s = "Putin said his forces will attack the region."
    >>> hedge(s, sentence_start=0, trigger_start=s.index("attack"), trigger_end=s.index(" the"))
    'intention or negation before the trigger'
    """
    before = text[max(sentence_start, trigger_start - _WINDOW) : trigger_start]
    if _MODAL_END.ends(before):
        return "intention or negation before the trigger"
    word = text[trigger_start:trigger_end].lower()
    if word in _BASE_VERBS and _INFINITIVE_END.ends(before):
        return "infinitive: an intention, not a report"
    if _CONDITIONAL_END.ends(before):
        return "conditional clause"
    return _form(text, before, word, trigger_end)


def _form(text: str, before: str, word: str, trigger_end: int) -> str | None:
    """Grammatical forms that name an event without reporting one."""
    gerund = word.endswith("ing")
    if gerund and _PRIOR_END.ends(before):
        return "an earlier event the sentence refers back to ('after capturing ...')"
    after = text[trigger_end : trigger_end + 120]
    opens_clause = not before.strip() or before.rstrip().endswith((",", "."))
    if gerund and opens_clause and _HYPOTHETICAL_AFTER.match(after):
        return "a hypothetical ('capturing X would ...')"
    if word.endswith("ed") and _ATTRIBUTIVE_END.ends(before) and _NOUN_AFTER.match(after):
        return "a participle describing a thing ('the liberated territories'), not an act"
    if _BANNED_END.ends(before):
        return "something forbidden, not something done"
    return None


# Searched before every trigger: a word-start gate finds the same matches faster.
_CONDITIONAL = gated(_CONDITIONAL)
_PRIOR = gated(_PRIOR)
_ATTRIBUTIVE_BEFORE = gated(_ATTRIBUTIVE_BEFORE)
_BANNED_BEFORE = gated(_BANNED_BEFORE)
_INFINITIVE = gated(_INFINITIVE)

# Each asks only whether the window before the trigger ends in its words: read backwards
# (tracker/extract/suffixes.py), most triggers are cleared at the window's last characters.
_MODAL_END = SuffixMatcher(_MODAL)
_INFINITIVE_END = SuffixMatcher(_INFINITIVE)
_CONDITIONAL_END = SuffixMatcher(_CONDITIONAL)
_PRIOR_END = SuffixMatcher(_PRIOR)
_ATTRIBUTIVE_END = SuffixMatcher(_ATTRIBUTIVE_BEFORE)
_BANNED_END = SuffixMatcher(_BANNED_BEFORE)
