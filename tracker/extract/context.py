"""What the words around a trigger say about whether anything happened.

Real pages mention weapons and violence far more often than they report an
event: photo captions, aid packages, factories, sanctions, anniversaries,
habits ("shelling is a daily occurrence"), recaps of the war's first weeks,
figures of speech ("fighting for democracy"). Each rule here names one such
class and is applied to the clause or sentence it belongs to, never to the
whole article, so the event reported beside it still stands.

The word lists are English data in :mod:`tracker.extract.lexicon.context_en`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.extract.lexicon import context_en as lex
from tracker.extract.prefixes import gated, word_start_gate
from tracker.extract.rules import Trigger


def sentence_reason(sentence: str) -> str | None:
    """Why a whole sentence reports no event (a caption, a habit, the war's history), or None.

    >>> sentence_reason("Shelling is a daily occurrence for the border villages.")
    'a habit or pattern, not one event'
    """
    m = _SENTENCE_ANY.search(sentence)
    while m is not None:
        reason = _SENTENCE_REASONS[m.lastgroup]  # type: ignore[index]
        if reason not in _ASIDES or not _in_relative_clause(sentence, m.start()):
            return reason
        # "Kramatorsk, which has hosted ... since the occupation": that clause only
        m = _SENTENCE_ANY.search(sentence, m.end())
    return None


def _in_relative_clause(sentence: str, at: int) -> bool:
    """Whether ``at`` lies in a relative clause (", which ...") after the sentence's main one."""
    return relative_clause_start(sentence, at) is not None


def relative_clause_start(sentence: str, at: int) -> int | None:
    """Where the relative clause (", which ...") holding ``at`` begins, if ``at`` is in one:
    "struck Kramatorsk, which has hosted the government since 2014" dates no strike."""
    starts = [m.start() for m in _RELATIVE.finditer(sentence, 0, at)]
    if not starts or "," in sentence[starts[-1] + 1 : at]:
        return None
    return starts[-1]


def aside_spans(
    text: str, start: int, end: int, *, past: Sequence[int] = ()
) -> list[tuple[int, int]]:
    """The relative clauses of sentence ``start:end`` that tell history or a habit, or hold
    a date long past (offsets ``past``): ", which has hosted the government since the
    occupation of Donetsk in 2014". The places they name are not where the event was."""
    out = []
    for m in _RELATIVE.finditer(text, start, end):
        stop = text.find(",", m.end(), end)
        span = (m.start() + 1, end if stop < 0 else stop)
        if any(span[0] <= p < span[1] for p in past) or _aside(text, span[0] + 1, span[1]):
            out.append(span)
    return out


def _aside(text: str, start: int, end: int) -> str | None:
    """The history or habit a relative clause ``start:end`` tells, if it is one."""
    if not _RELATIVE_START.match(text, start):
        return None
    if _PAST_PERFECT_RELATIVE.match(text, start):
        return "a clause about the past"  # ", which had advanced near Bakhmut,"
    for m in _SENTENCE_ANY.finditer(text, start, end):
        reason = _SENTENCE_REASONS[m.lastgroup]  # type: ignore[index]
        if reason in _ASIDES:
            return reason
    return None


def clause_filtered(text: str, start: int, end: int, trigger: Trigger) -> str | None:
    """Why the clause holding ``trigger`` reports no event (sanctions, aid, an idiom), or None.

    ``start:end`` is the sentence. The clause runs between the nearest clause
    boundaries (punctuation, "while", "but", "as", "after") around the trigger.
    """
    c_start, c_end = _clause(text, start, end, trigger.start)
    m = _CLAUSE_ANY.search(text, c_start, c_end)
    if m:
        return _CLAUSE_REASONS[m.lastgroup]  # type: ignore[index]
    aside = _aside(text, c_start, c_end)
    if aside:
        return aside
    for idiom in _IDIOMS.finditer(text, start, end):
        if idiom.start() <= trigger.start < idiom.end():
            return f"a figure of speech ({idiom.group(0)!r})"
    return None


def clause_reasons(
    text: str, start: int, end: int, triggers: Sequence[Trigger]
) -> list[str | None]:
    """:func:`clause_filtered` for every trigger of one sentence ``start:end``, in order.

    The same answers, read faster: triggers sharing a clause share one scan of it,
    and the sentence's idioms are found once (only when some clause passes).
    """
    by_clause: dict[tuple[int, int], str | None] = {}
    idioms: list[re.Match[str]] | None = None
    out: list[str | None] = []
    for trigger in triggers:
        clause = _clause(text, start, end, trigger.start)
        if clause not in by_clause:
            m = _CLAUSE_ANY.search(text, *clause)
            by_clause[clause] = (
                _CLAUSE_REASONS[m.lastgroup]  # type: ignore[index]
                if m
                else _aside(text, *clause)
            )
        reason = by_clause[clause]
        if reason is None:
            if idioms is None:
                idioms = list(_IDIOMS.finditer(text, start, end))
            idiom = next((i for i in idioms if i.start() <= trigger.start < i.end()), None)
            if idiom is not None:
                reason = f"a figure of speech ({idiom.group(0)!r})"
        out.append(reason)
    return out


def is_weapon_noun(text: str, trigger: Trigger) -> bool:
    """True when the trigger is only a weapon's name ("missiles", "HIMARS"), not an act."""
    return lex.WEAPON_NOUN.fullmatch(text, trigger.start, trigger.end) is not None


def has_attack_verb(text: str, start: int, end: int) -> bool:
    """True when the sentence says something was hit, fired, launched or destroyed."""
    return _ATTACK_VERB.search(text, start, end) is not None


def ground_combat(text: str, start: int, end: int) -> bool:
    """True when the sentence is about fighting on the ground (troops, positions, assaults)."""
    return _GROUND_COMBAT.search(text, start, end) is not None


def _one_scan(
    filters: tuple[tuple[str, re.Pattern[str]], ...],
) -> tuple[re.Pattern[str], dict[str, str]]:
    """The filters as one alternation (one scan of the text), and each group's reason."""
    groups = {f"f{i}": reason for i, (reason, _) in enumerate(filters)}
    joined = "|".join(f"(?P<f{i}>{p.pattern})" for i, (_, p) in enumerate(filters))
    gate = word_start_gate([p.pattern for _, p in filters])
    if gate is not None:
        joined = f"{gate}(?:{joined})"  # the same matches, tried at word starts only
    return re.compile(joined, re.IGNORECASE), groups


_SENTENCE_ANY, _SENTENCE_REASONS = _one_scan(lex.SENTENCE_FILTERS)
# the filters a relative clause can carry without speaking for its sentence
_ASIDES = frozenset({"the war's history, not today's event", "a habit or pattern, not one event"})
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b", re.I)
_RELATIVE_START = re.compile(r"\s*(?:which|who|whose|where)\b", re.I)
_PAST_PERFECT_RELATIVE = re.compile(r"\s*(?:which|who)\s+had\s+(?!been\s+(?:hit|struck))", re.I)
# each searched once per sentence: a word-start gate finds the same matches faster
_IDIOMS = gated(lex.IDIOMS)
_ATTACK_VERB = gated(lex.ATTACK_VERB)
_GROUND_COMBAT = gated(lex.GROUND_COMBAT)
_CLAUSE_BOUNDARY = gated(lex.CLAUSE_BOUNDARY)
_CLAUSE_ANY, _CLAUSE_REASONS = _one_scan(lex.CLAUSE_FILTERS)


def _clause(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    c_start = start
    for m in _CLAUSE_BOUNDARY.finditer(text, start, at):
        c_start = m.end()
    m = _CLAUSE_BOUNDARY.search(text, at, end)
    return c_start, (m.start() if m else end)


__all__ = [
    "aside_spans",
    "clause_filtered",
    "clause_reasons",
    "ground_combat",
    "has_attack_verb",
    "is_weapon_noun",
    "relative_clause_start",
    "sentence_reason",
]
