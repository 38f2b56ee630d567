"""The first letters a regular expression can match, so a scan can skip most words.

Scanning an article with one big alternation of trigger patterns tries every
pattern at every character, which is far too slow for a newsroom's feed. The
trigger scanner instead looks only at word starts whose first letters some
rule can begin with; :func:`prefixes` works those letters out from the parsed
pattern, so the rule table stays the single source of truth.

The same parse gives each pattern a *start gate* (:func:`word_start_gate`): a
cheap assertion true wherever a match can begin, put in front of a search so
the engine skips every other position at once (:func:`gated`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import product

from tracker.extract.token_starts import WordStartTokens

try:  # Python 3.11+: the parser moved under re._parser
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_MAX_SET = 40  # more alternatives than this at one position: treat as "anything"


class Unbounded(ValueError):
    """The pattern can start with too many different letters to index."""


def prefixes(pattern: str, *, length: int = 3) -> frozenset[str]:
    """Every lowercase string of up to ``length`` characters a match can start with.

    Raises :class:`Unbounded` when the pattern can start almost anywhere.

    >>> sorted(prefixes(r"\\b(?:shell(?:ed|ing)|artillery)", length=3))
    ['art', 'she']
    """
    parsed = sre_parse.parse(pattern, re.IGNORECASE)
    return frozenset(s.lower()[:length] for s in _seq(list(parsed), length))


def _seq(items: list, length: int) -> set[str]:  # type: ignore[type-arg]
    """Prefixes of a sequence of parsed items, cut at ``length``."""
    results: set[str] = set()
    partial = {""}
    for index, (op, av) in enumerate(items):
        if not partial:
            break
        heads = _item(op, av, length)
        nxt = set()
        for p, h in product(partial, heads):
            s = (p + h)[:length]
            # A word-start token stops at the first non-alphanumeric character, so a
            # prefix that has one is already complete whatever follows.
            done = len(s) >= length or (not s.isalnum() and s != "")
            (results if done else nxt).add(s)
        partial = nxt
        if len(results) + len(partial) > 5000:
            raise Unbounded(f"too many prefixes at item {index}")
    return results | partial


def word_start_gate(patterns: Sequence[str]) -> str | None:
    """A cheap assertion true at every position where one of ``patterns`` can match, or None.

    A pattern opening with ``\\b`` whose match begins with a letter or digit has no
    word character before it (``(?<!\\w)``); any other match begins with one of the
    few other characters it can start with (``\\b\\$``, ``\\(``), or at the text's start
    (``^``). A pattern that can begin with a letter anywhere in a word gets no gate.
    Put in front of the patterns' alternation, the gate changes none of its matches,
    and the engine stops at it once per position instead of trying every alternative.

    >>> print(word_start_gate([r"\\bsanction(?:s|ed)?\\b", r"\\bembargo|\\b\\$\\d"]))
    (?:(?<!\\w)|(?=[\\$]))
    >>> print(word_start_gate([r"\\bembargo", r"\\(photo", r"^\\s*Read"]))
    (?:(?<!\\w)|(?=[\\(])|^)
    >>> word_start_gate([r"\\bembargo", r"photo"]) is None
    True
    """
    word, at_start, others = False, False, set()
    for pattern in patterns:
        found = _starts(list(sre_parse.parse(pattern, re.IGNORECASE)))
        if found is None:
            return None
        word, at_start, others = word or found[0], at_start or found[1], others | found[2]
    parts = [r"(?<!\w)"] if word else []
    if others:
        # a head " " stands for any space (see _charset): the class takes in all of them
        chars = "".join(r"\s" if h == " " else re.escape(h) for h in sorted(others))
        parts.append(f"(?=[{chars}])")
    if at_start:
        parts.append("^")
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def word_start_union(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One case-insensitive pattern that searches true exactly where one of ``patterns`` would.

    Each must be case-insensitive and open with ``\\b`` (see :func:`word_start_gate`):
    one gated scan of a window costs a fraction of scanning it once per pattern.
    """
    gate = word_start_gate([p.pattern for p in patterns])
    if gate is None or not all(p.flags & re.IGNORECASE for p in patterns):
        raise ValueError("word_start_union needs case-insensitive patterns with a leading \\b")
    return re.compile(gate + "(?:" + "|".join(f"(?:{p.pattern})" for p in patterns) + ")", re.I)


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with its :func:`word_start_gate` in front (the same matches and groups,
    a faster search), or ``pattern`` itself when it has none."""
    if pattern.flags & re.MULTILINE:
        return pattern  # "^" would start every line, not only the text
    gate = word_start_gate([pattern.pattern])
    if gate is None:
        return pattern
    return re.compile(f"{gate}(?:{pattern.pattern})", pattern.flags)


def _starts(items: list) -> tuple[bool, bool, set[str]] | None:  # type: ignore[type-arg]
    """Where a parsed pattern's matches can start: at a word start, at the text's start,
    at one of a few other characters (``(word, at_start, characters)``), or None: anywhere."""
    c = sre_constants
    if len(items) == 1 and items[0][0] is c.BRANCH:  # a|b|c: each alternative on its own
        word, at_start, others = False, False, set()
        for branch in items[0][1][1]:
            found = _starts(list(branch))
            if found is None:
                return None
            word, at_start, others = word or found[0], at_start or found[1], others | found[2]
        return word, at_start, others
    if len(items) == 1 and items[0][0] is c.SUBPATTERN:
        return _starts(list(items[0][1][-1]))
    if items and items[0] == (c.AT, c.AT_BEGINNING):
        return False, True, set()  # "^" without re.MULTILINE: the text's first position only
    try:
        heads = _seq(items, 1)
    except Unbounded:
        return None
    if not heads or "" in heads:
        return None  # the match may be empty or start anywhere
    letters = {h for h in heads if h.isalnum()}
    if letters and not _opens_with_boundary(items):
        return None  # may begin in the middle of a word
    return bool(letters), False, heads - letters


def _opens_with_boundary(items: list) -> bool:  # type: ignore[type-arg]
    if not items:
        return False
    op, av = items[0]
    c = sre_constants
    if op is c.AT:
        return av is c.AT_BOUNDARY
    if op is c.BRANCH:
        return all(_opens_with_boundary(list(b)) for b in av[1])
    if op is c.SUBPATTERN:
        return _opens_with_boundary(list(av[-1]))
    return False


def _item(op: object, av: object, length: int) -> set[str]:
    c = sre_constants
    if op is c.LITERAL:
        return {chr(av).lower()}  # type: ignore[arg-type]
    if op is c.IN:
        return _charset(av)  # type: ignore[arg-type]
    if op is c.CATEGORY:
        return _charset([(op, av)])
    if op is c.BRANCH:
        return set().union(*(_seq(list(b), length) for b in av[1]))  # type: ignore[index]
    if op is c.SUBPATTERN:
        return _seq(list(av[-1]), length)  # type: ignore[index]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, body = av  # type: ignore[misc]
        once = _seq(list(body), length)
        twice = {(a + b)[:length] for a, b in product(once, once)} if high != 1 else set()
        return (once | twice | ({""} if low == 0 else set())) if once else {""}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}  # zero-width: \b, lookbehinds, lookaheads
    raise Unbounded(f"cannot index pattern element {op}")


def _charset(items: list) -> set[str]:  # type: ignore[type-arg]
    c = sre_constants
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av).lower())
        elif op is c.RANGE and av[1] - av[0] < _MAX_SET:
            chars.update(chr(i).lower() for i in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
            chars.add(" ")  # any space ends a word-start token the same way
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            raise Unbounded(f"character class element {op}")
    return chars


class PrefixScanner:
    """A regex scanner that tries only word starts some alternative can begin with.

    Gives the same matches as ``pattern.finditer`` for patterns whose matches
    start at a word start (every alternative begins with ``\\b`` and a letter or
    digit), several times faster on long texts.
    """

    def __init__(self, pattern: str, *, flags: int = 0, length: int = 3) -> None:
        self.regex = re.compile(pattern, flags)
        self._prefixes = frozenset(_alnum_head(p) for p in prefixes(pattern, length=length))
        # A word's token is its first ``length`` letters/digits (the whole word when
        # shorter). One pass in C finds just the words that open with a wanted token
        # (tracker/extract/token_starts.py), rather than one Python step per word.
        self._starts = WordStartTokens(self._prefixes, length=length)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """Non-overlapping matches in ``text[pos:endpos]``, leftmost first."""
        end = len(text) if endpos is None else endpos
        low = _lowered(text[pos:end])  # lowercase once; offsets shift by ``pos``
        found = []
        resume = pos
        match = self.regex.match
        for at, _token in self._starts.find(low):
            start = at + pos
            if start < resume:
                continue
            m = match(text, start, end)
            if m is not None and m.end() > m.start():
                found.append(m)
                resume = m.end()
        return found


class AlternativesScanner(PrefixScanner):
    """A :class:`PrefixScanner` over ``"|".join(alternatives)`` that, at each word start,
    tries only the alternatives that can begin with that word's token.

    Matches are the same as the joined pattern's: the alternatives that cannot start
    with the token cannot match there, and the others keep their order, so the first
    that matches is the one the joined pattern would pick (with the same group names).
    """

    def __init__(self, alternatives: Sequence[str], *, flags: int = 0, length: int = 3) -> None:
        super().__init__("|".join(alternatives), flags=flags, length=length)
        heads = [
            frozenset(_alnum_head(p) for p in prefixes(alt, length=length)) for alt in alternatives
        ]
        by_token: dict[str, re.Pattern[str]] = {}
        for token in self._prefixes:
            chosen = [alt for alt, h in zip(alternatives, heads, strict=True) if token in h]
            by_token[token] = re.compile("|".join(chosen), flags)
        self._by_token = by_token

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """Non-overlapping matches in ``text[pos:endpos]``, leftmost first."""
        end = len(text) if endpos is None else endpos
        low = _lowered(text[pos:end])
        found = []
        resume = pos
        by_token = self._by_token
        for at, token in self._starts.find(low):
            start = at + pos
            if start < resume:
                continue
            m = by_token[token].match(text, start, end)
            if m is not None and m.end() > m.start():
                found.append(m)
                resume = m.end()
        return found


class HeadScanner:
    """``pattern.finditer``/``search`` for a pattern every match of which opens with one of a
    few letter strings, with no word start needed ("villages of", "near", "outside").

    Python's engine tries such a pattern at every character; here ``str.find`` (in C)
    finds where the strings :func:`prefixes` works out (lowercase) occur in the lowercased
    text, and the pattern is tried only there, left to right, skipping what a match took:
    the same matches (``tests/extract/test_token_starts.py``), 88 -> 30 us on a 3 KB article
    for the two settlement-slot scans of :mod:`tracker.extract.variants`. A pattern that
    ignores case, or can open with a character class other than letters, is refused
    (:class:`Unbounded`).
    """

    def __init__(self, pattern: re.Pattern[str], *, length: int = 3) -> None:
        self.regex = pattern
        heads = prefixes(pattern.pattern, length=length)
        # Exact only for literal letters matched case by case: prefixes() stands for a
        # whole class (\s, \d) by one character, and a case-blind "s" also matches "ſ".
        if not all(h.isascii() and h.isalpha() for h in heads):
            raise Unbounded(f"{pattern.pattern!r} can start with more than a few letter strings")
        if pattern.flags & re.IGNORECASE or _INLINE_IGNORECASE.search(pattern.pattern):
            raise Unbounded(f"{pattern.pattern!r} ignores case: str.lower is not its fold")
        self._heads = sorted(heads)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """Non-overlapping matches in ``text[pos:endpos]``, leftmost first."""
        end = len(text) if endpos is None else endpos
        found = []
        resume = pos
        match = self.regex.match
        for start in self._starts(text, pos, end):
            if start < resume:
                continue
            m = match(text, start, end)
            if m is not None and m.end() > m.start():
                found.append(m)
                resume = m.end()
        return found

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The leftmost match in ``text[pos:endpos]``, or None."""
        end = len(text) if endpos is None else endpos
        match = self.regex.match
        for start in self._starts(text, pos, end):
            m = match(text, start, end)
            if m is not None:
                return m
        return None

    def _starts(self, text: str, pos: int, end: int) -> list[int]:
        low = _lowered(text[pos:end])
        found = set()  # several heads can start at one place ("vil" of "village" and "villa")
        for head in self._heads:
            at = low.find(head)
            while at != -1:
                found.add(at + pos)
                at = low.find(head, at + 1)
        return sorted(found)


_INLINE_IGNORECASE = re.compile(r"\(\?[a-zA-Z-]*i")  # (?i), (?mi), (?i:...)


def _lowered(segment: str) -> str:
    """``segment.lower()`` with every offset kept (a few letters grow when lowercased)."""
    low = segment.lower()
    if len(low) == len(segment):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in segment)


def _alnum_head(prefix: str) -> str:
    """``"s-3"`` → ``"s"``: the part a word-start token can show."""
    for i, ch in enumerate(prefix):
        if not ch.isalnum():
            return prefix[:i]
    return prefix
