"""The name keys of many names at once: a measured speed-up of a gazetteer load.

Loading the Ukraine dump folds some 137,000 distinct names (every alternate
name of 38,000 places) with :func:`geodata.names.name_keys`. One name at a time
that is five regular-expression and translate calls per name, and a Python loop
over the letters of every Cyrillic name for its Russian-style key: about 1.5 s
of a 9 s load. :func:`name_keys_many` gives exactly the same keys with each of
those steps done once over all the names joined together:

- the names are joined with a separator of two private-use characters that the
  fold keeps as they are, so no step can reach from one name into the next (the
  two characters differ, so even two empty folds side by side are no "doubled
  letter" to collapse);
- the Russian-style romanization of the Cyrillic names and the BGN ``ye``
  spelling of the Latin ones are folded in a second joined pass.

Names that hold a separator character (none in GeoNames) take the plain path.
The plain versions are :func:`geodata.names.name_key` and
:func:`~geodata.names.name_keys`; ``tests/geodata/test_fast_keys.py`` checks
that both give the same keys for every name.
"""

from __future__ import annotations

from collections.abc import Sequence

from geodata import names

_SEP = "\ue000\ue001"  # private-use: no place is named with them


class _JoinedTable(dict[int, str]):
    """The fold's ``str.translate`` table, except that the separator stays itself."""

    def __missing__(self, code: int) -> str:
        folded = chr(code) if chr(code) in _SEP else names._TABLE[code]
        self[code] = folded
        return folded


class _RussianTable(dict[int, str]):
    """``str.translate`` table of :func:`geodata.names.russian_key`'s letter swap."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        latin = names._RU.get(ch.lower(), ch)
        self[code] = latin
        return latin


_JOINED = _JoinedTable()
_RUSSIAN = _RussianTable()


def name_key_many(texts: Sequence[str]) -> list[str]:
    """``[name_key(t) for t in texts]``, computed over all of them at once.

    Examples
    --------
    >>> name_key_many(["Kup'yans'k", "Kupiansk"])
    ['kupiansk', 'kupiansk']
    """
    odd = _holding_separator(texts)
    if not odd:
        return _fold_joined(texts)
    keys = _fold_joined([" " if _SEP[0] in t or _SEP[1] in t else t for t in texts])
    for i in odd:
        keys[i] = names.name_key(texts[i])
    return keys


def _holding_separator(texts: Sequence[str]) -> list[int]:
    """The positions of the texts that hold a separator character (one C-speed test first)."""
    everything = "".join(texts)
    if _SEP[0] not in everything and _SEP[1] not in everything:
        return []
    return [i for i, t in enumerate(texts) if _SEP[0] in t or _SEP[1] in t]


def _fold_joined(texts: Sequence[str]) -> list[str]:
    """``[name_key(t) for t in texts]``, folded as one string (no text may hold the separator)."""
    if not texts:
        return []
    joined = names._POSSESSIVE.sub(" ", _SEP.join(texts)).translate(_JOINED)
    joined = names._DOUBLES.sub(r"\1", joined)
    while "zhzh" in joined:
        joined = joined.replace("zhzh", "zh")
    return [k.strip() for k in joined.split(_SEP)]


def name_keys_many(texts: Sequence[str]) -> list[frozenset[str]]:
    """``[name_keys(t) for t in texts]``, computed over all of them at once.

    Examples
    --------
    >>> name_keys_many(["Kup'yans'k", "Гавриловка"]) == [
    ...     names.name_keys("Kup'yans'k"), names.name_keys("Гавриловка")]
    True
    """
    folded = name_key_many(texts)
    odd = _holding_separator(texts)
    second: list[str] = []  # the Russian-style or BGN-less spelling, for the names that have one
    owner: list[int] = []
    for i, text in enumerate(texts):
        if odd and i in odd:
            continue  # the plain path below
        if not text.isascii() and names.is_cyrillic(text):
            second.append(text.translate(_RUSSIAN))
        elif "ye" in text or "YE" in text:
            second.append(names._IOTATED.sub(r"\1", text))
        else:
            continue
        owner.append(i)
    # one frozenset per distinct usable key, shared by every name that folds to it alone
    alone = {k: frozenset((k,)) for k in set(folded) if _is_usable(k)}
    result = [alone.get(k, _NONE) for k in folded]
    for i, key in zip(owner, _fold_joined(second), strict=True):
        if texts[i].isascii() or not names.is_cyrillic(texts[i]):
            result[i] = _usable(folded[i], key)  # the BGN "ye" spelling
        elif key and key != folded[i]:
            result[i] = _usable(folded[i], key)  # the Russian-style key
        elif "ye" in texts[i] or "YE" in texts[i]:
            odd.append(i)  # Cyrillic and Latin "ye" in one name: rare, the plain path decides
    for i in odd:
        result[i] = names.name_keys(texts[i])
    return result


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_NONE: frozenset[str] = frozenset()


def _is_usable(key: str) -> bool:
    """:func:`geodata.names.usable_key`, with a set test in place of its regex."""
    return len(key) >= 2 and "\x00" not in key and not _LETTERS.isdisjoint(key)


def _usable(*keys: str) -> frozenset[str]:
    return frozenset(k for k in keys if _is_usable(k))
