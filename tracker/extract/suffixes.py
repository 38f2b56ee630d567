"""Whether a pattern matches at the end of a window, read backwards: a measured speed-up.

A place name's role is decided by the words just before it ("near", "the mayor
of", "President"): each rule is a pattern ending in ``$``, searched in the 60
characters before every name of an article. Searched forwards, the engine tries
the pattern at every word start of the window, only to find at the end that
the match does not reach it; those searches were most of the time spent
classifying a name. :class:`SuffixMatcher` asks the same question of the
reversed window with the reversed pattern, anchored where the window ends, so
the engine fails at its first characters for nearly every name:

- the pattern is reversed from its parse (:mod:`re`'s own parser, as
  :mod:`tracker.extract.prefixes` uses it): sequences run backwards, ``^`` and
  ``$`` trade places, lookaheads become lookbehinds and back, ``\\b`` stays;
- only whether there is a match is answered, never where (a reversed pattern
  may pick another of several matches), so the rules that read a match's
  groups keep their forward search;
- a pattern that cannot be reversed exactly (a ``$`` not at its end, a
  back-reference, a lookahead of varying width, atomic groups) is searched
  forwards as before.

``tests/extract/test_suffixes.py`` checks that :meth:`SuffixMatcher.ends` and
``pattern.search(window) is not None`` agree on every rule of
:mod:`tracker.extract.places`, over real-like windows and random ones.
"""

from __future__ import annotations

import re

try:  # Python 3.11+: the parser moved under re._parser
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_C = sre_constants
_CATEGORIES = {
    _C.CATEGORY_DIGIT: r"\d",
    _C.CATEGORY_NOT_DIGIT: r"\D",
    _C.CATEGORY_SPACE: r"\s",
    _C.CATEGORY_NOT_SPACE: r"\S",
    _C.CATEGORY_WORD: r"\w",
    _C.CATEGORY_NOT_WORD: r"\W",
}
# "^" at the window's start is the reversed window's end, and the other way round.
_AT_REVERSED = {
    _C.AT_BEGINNING: r"\Z",
    _C.AT_BEGINNING_STRING: r"\Z",
    _C.AT_END_STRING: r"\A",
    _C.AT_BOUNDARY: r"\b",  # a word edge looks the same from either side
    _C.AT_NON_BOUNDARY: r"\B",
}
_FLAG_LETTERS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"))
_KNOWN_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE


class Unreversible(ValueError):
    """The pattern has a part that cannot be read backwards exactly."""


class SuffixMatcher:
    """Answers ``pattern.search(window) is not None`` for a pattern ending in ``$``."""

    __slots__ = ("_reversed", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        try:
            self._reversed: re.Pattern[str] | None = re.compile(
                reversed_source(pattern), pattern.flags
            )
        except (Unreversible, re.error):
            self._reversed = None

    def ends(self, window: str) -> bool:
        """True when ``pattern`` matches somewhere in ``window`` (so, ending at its end)."""
        if self._reversed is None:
            return self.pattern.search(window) is not None
        return self._reversed.match(window[::-1]) is not None


def reversed_source(pattern: re.Pattern[str]) -> str:
    """A pattern that matches the reversed window from its start exactly when ``pattern``
    matches the window at its end ("$", or before a final newline, as ``$`` allows).

    >>> source = reversed_source(re.compile(r"\\bnear\\s+$", re.I))
    >>> bool(re.match(source, "shelled near "[::-1], re.I))
    True
    """
    if pattern.flags & re.MULTILINE:
        raise Unreversible("with MULTILINE, $ ends every line")
    items = _without_final_end(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    # "$" also matches just before a final newline: the reversed match may skip it
    return r"\n?" + _sequence(items)


def _without_final_end(items: list) -> list:  # type: ignore[type-arg]
    """``items`` without the ``$`` every match ends with (at the end of the sequence, or at
    the end of each alternative of a final group, as in a union of such rules)."""
    if not items:
        raise Unreversible("the pattern does not end with $")
    op, av = items[-1]
    if (op, av) == (_C.AT, _C.AT_END):
        return items[:-1]
    if op is _C.SUBPATTERN:
        group, add, remove, body = av
        inner = sre_parse.SubPattern(sre_parse.State(), _without_final_end(list(body)))
        return [*items[:-1], (op, (group, add, remove, inner))]
    if op is _C.BRANCH:
        _, alternatives = av
        stripped = [_without_final_end(list(a)) for a in alternatives]
        return [*items[:-1], (op, (None, stripped))]
    raise Unreversible("the pattern does not end with $")


def _sequence(items: list) -> str:  # type: ignore[type-arg]
    return "".join(_item(op, av) for op, av in reversed(items))


def _item(op: object, av: object) -> str:
    if op is _C.LITERAL:
        return _literal(av)  # type: ignore[arg-type]
    if op is _C.NOT_LITERAL:
        return f"[^{_class_char(av)}]"  # type: ignore[arg-type]
    if op is _C.ANY:
        return "."
    if op is _C.IN:
        return _charset(av)  # type: ignore[arg-type]
    if op is _C.BRANCH:
        _, alternatives = av  # type: ignore[misc]
        return "(?:" + "|".join(_sequence(list(a)) for a in alternatives) + ")"
    if op is _C.SUBPATTERN:
        _group, add, remove, body = av  # type: ignore[misc]
        if (add | remove) & ~_KNOWN_FLAGS:
            raise Unreversible("an inline flag this module does not write back")
        return f"(?{_flags(add)}{'-' + _flags(remove) if remove else ''}:{_sequence(list(body))})"
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
        low, high, body = av  # type: ignore[misc]
        top = "" if high == _C.MAXREPEAT else str(high)
        return f"(?:{_sequence(list(body))}){{{low},{top}}}"
    if op is _C.AT and av in _AT_REVERSED:
        return _AT_REVERSED[av]  # type: ignore[index]
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        direction, body = av  # type: ignore[misc]
        inner = _sequence(list(body))
        if direction == 1:  # a lookahead becomes a lookbehind: it must have one width
            low, high = sre_parse.SubPattern(sre_parse.State(), list(body)).getwidth()
            if low != high:
                raise Unreversible("a lookahead of varying width")
            return f"(?<{'=' if op is _C.ASSERT else '!'}{inner})"
        return f"(?{'=' if op is _C.ASSERT else '!'}{inner})"
    raise Unreversible(f"cannot reverse {op}")


def _literal(code: int) -> str:
    return re.escape(chr(code))


def _class_char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else ch


def _charset(items: list) -> str:  # type: ignore[type-arg]
    parts = []
    for op, av in items:
        if op is _C.NEGATE:
            parts.insert(0, "^")
        elif op is _C.LITERAL:
            parts.append(_class_char(av))
        elif op is _C.RANGE:
            parts.append(f"{_class_char(av[0])}-{_class_char(av[1])}")
        elif op is _C.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise Unreversible(f"cannot reverse the class element {op}")
    return "[" + "".join(parts) + "]"


def _flags(value: int) -> str:
    return "".join(letter for flag, letter in _FLAG_LETTERS if value & flag)
