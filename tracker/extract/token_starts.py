"""The word starts a prefix scanner looks at, found by an automaton: a measured speed-up.

A :class:`~tracker.extract.prefixes.PrefixScanner` tries its patterns only at
the word starts whose first letters (the *token*: up to ``length`` letters or
digits) some pattern can begin with. The plain way to find them,
:meth:`WordStartTokens.find_plain`, is one regular expression (a word-start
lookbehind, then the tokens as a trie). Python's engine tries it at every
character: 117 µs for the trigger scanner on a 3 KB article, most of
``find_triggers``.

:meth:`WordStartTokens.find` gives the same list with one Aho-Corasick pass
(``pyahocorasick``, already used for place names) over the text with every
character that is not a word character turned into a space, so that " shel"
can only be found at a word start; 42 µs for the same article:

- a word start is a letter or digit with no word character before it (``\\w``
  is a letter, a digit or "_", as ``str.isalnum`` says); the leading space of
  each key asks exactly that, and "_" is kept apart so it still blocks;
- a token as long as ``length`` may go on into the word; a shorter one is a
  whole word, so it must be followed by something that is not a letter or
  digit: a space or "_", hence two keys for it;
- tokens are letters and digits only, so no two found can overlap, and each
  start has at most one token (a whole word is shorter than ``length``, a
  longer word's token is not): the hits come out in text order, as the regex
  finds them.

``tests/extract/test_token_starts.py`` checks that both ways agree for every
scanner of the extractor, on generated articles, the corpus and odd text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

# Any letters or digits, not only ASCII: a Cyrillic rule ("обстріл") has Cyrillic tokens.
_TOKEN = re.compile(r"[^\W_]+")


class _Marks(dict[int, str]):
    """``str.translate`` table: letters and digits stay, "_" stays, all else is a space."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        mark = ch if ch.isalnum() or ch == "_" else " "
        self[code] = mark
        return mark


_MARKS = _Marks()


class WordStartTokens:
    """Finds the word starts of a lowercased text that open with one of ``tokens``."""

    def __init__(self, tokens: Iterable[str], *, length: int) -> None:
        self._length = length
        wanted = sorted(t for t in set(tokens) if _TOKEN.fullmatch(t))
        self._regex = re.compile(r"(?<!\w)" + _trie_regex(wanted, length))
        self._automaton: ahocorasick.Automaton | None = None
        if wanted:
            automaton = ahocorasick.Automaton()
            for token in wanted:
                if len(token) >= length:
                    automaton.add_word(f" {token}", (token, len(token) + 1))
                else:  # a whole word: not followed by a letter or digit
                    automaton.add_word(f" {token} ", (token, len(token) + 2))
                    automaton.add_word(f" {token}_", (token, len(token) + 2))
            automaton.make_automaton()
            self._automaton = automaton

    def find(self, low: str) -> list[tuple[int, str]]:
        """``(start, token)`` of every such word start in ``low``, in text order."""
        if self._automaton is None:
            return []
        # index i of ``marked`` is character i - 1 of ``low``; a key ends at ``end``
        marked = " " + low.translate(_MARKS) + " "
        return [(end - size + 1, token) for end, (token, size) in self._automaton.iter(marked)]

    def find_plain(self, low: str) -> list[tuple[int, str]]:
        """:meth:`find` with the regular expression (the reference)."""
        return [(m.start(), m.group()) for m in self._regex.finditer(low)]


def _trie_regex(tokens: list[str], length: int) -> str:
    """A regex matching exactly ``tokens`` at a word start.

    A token shorter than ``length`` is a whole word, so it must not be followed by
    another letter or digit; a full-length token may be. Tokens share their
    prefixes in a trie so the engine tries few alternatives per word start.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for token in tokens:
        node = trie
        for ch in token:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(trie, 0, length) if trie else "(?!)"


def _trie_node(node: dict, depth: int, length: int) -> str:  # type: ignore[type-arg]
    branches = []
    for ch in sorted(node):
        if ch == "":
            branches.append("" if depth == length else r"(?![^\W_])")
        else:
            branches.append(re.escape(ch) + _trie_node(node[ch], depth + 1, length))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
