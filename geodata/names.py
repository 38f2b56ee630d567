"""Name keys: one spelling-insensitive form for every way a place name is written.

Journalists, GeoNames and the devset spell the same place many ways:
``Kup'yans'k``, ``Kupiansk``, ``Kupyansk``; ``Starokostiantyniv``,
``Starokostyantyniv``, ``Старокостянтинів``. :func:`name_key` folds all of these
to one *skeleton*: Cyrillic is transliterated (Ukrainian national system, letter
by letter), case and diacritics go, apostrophes vanish, punctuation becomes one
space, ``y``/``j`` become ``i`` and doubled letters collapse. After the fold the
positional rules of the Ukrainian system (``ye`` at the start, ``ie`` inside) no
longer matter, which is why a per-letter table is enough.

:func:`fold_text` does the same fold over a whole article while remembering
where every folded character came from, so matches found in the folded text map
back to exact spans of the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

KEY_VERSION = 2  # bump when the fold changes; stored keys are then rebuilt

# Ukrainian national transliteration (2010), per letter. Russian-only letters are
# given their usual romanisation so Russian Cyrillic folds sensibly too.
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
    "ы": "y", "э": "e", "ё": "e", "ъ": "",
}  # fmt: skip

# Russian-style romanisation of the letters that differ (Г→g, И→i, Е→e ...).
_RU = {**_UK, "г": "g", "и": "i", "е": "e", "й": "y", "ю": "yu", "я": "ya", "щ": "shch"}

# Apostrophes of every kind (’ ' ʼ ` ´ ′ ‘) are dropped, not turned into spaces:
# "Kup'yans'k" and "Kupyansk" are one word.
_DROP = frozenset("'’ʼ`´′‘ʹʻ\u0301")

_SPECIAL_LATIN = {"ł": "l", "ø": "o", "ß": "ss", "ı": "i", "đ": "d", "æ": "ae", "œ": "oe"}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The folded form of one character (may be empty or several letters)."""
    if ch in _DROP:
        return ""
    low = ch.lower()
    if low in _UK:
        return _skeleton_letters(_UK[low])
    if low in _SPECIAL_LATIN:
        return _SPECIAL_LATIN[low]
    if low.isascii():
        if low.isalnum():
            return _skeleton_letters(low)
        return " "
    decomposed = unicodedata.normalize("NFKD", low)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if base.isascii() and base.isalnum():
        return _skeleton_letters(base)
    if not base:
        return ""  # a lone combining mark
    return "\x00" if base.isalnum() else " "  # letters of other scripts block matches


def _skeleton_letters(s: str) -> str:
    return s.replace("y", "i").replace("j", "i")


def fold_text(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` like :func:`name_key`, keeping each folded char's source offset.

    Returns the folded string (with a leading and trailing space so word
    boundaries are simple to test) and a list mapping every folded index to the
    index of the original character it came from.

    Examples
    --------
    >>> folded, where = fold_text("Kup'yans'k")
    >>> folded
    ' kupiansk '
    """
    fast = _fold_text_one_to_one(text)
    if fast is not None:
        return fast
    chars: list[str] = [" "]
    where: list[int] = [0]
    for i, ch in enumerate(text):
        folded_ch = " " if _is_possessive(text, i) else _fold_char(ch)
        for c in folded_ch:
            if c == chars[-1]:
                continue  # doubled letters and runs of spaces collapse
            chars.append(c)
            where.append(i)
    if chars[-1] != " ":
        chars.append(" ")
        where.append(len(text))
    folded = "".join(chars)
    return _fold_digraphs(folded, where)


def _fold_text_one_to_one(text: str) -> tuple[str, list[int]] | None:
    """:func:`fold_text` at C speed for text whose every character folds to at most one.

    That is nearly all English news text (ASCII, curly apostrophes, accented
    Latin letters). Returns None when some character folds to several letters
    (Cyrillic "ж" → "zh", "ß" → "ss"); the per-character loop handles those.
    """
    per_char = text.translate(_ONE_TABLE)  # same length as ``text``
    if _SEVERAL in per_char:
        return None
    if _DROPPED in per_char:
        per_char = _mark_possessives(text, per_char)
    # Index k of ``padded`` is character k - 1 of ``text``; the leading space maps to 0.
    padded = " " + per_char
    where = list(range(-1, len(text)))
    where[0] = 0
    if _DROPPED in padded:
        padded, where = _without_dropped(padded, where)
    folded, where = _collapse_runs(padded, where)
    if folded[-1] != " ":
        folded += " "
        where.append(len(text))
    return _fold_digraphs(folded, where)


def _mark_possessives(text: str, per_char: str) -> str:
    """Turn the apostrophe of an English "'s" into the space that ends the name."""
    spots = [m.start() for m in _APOSTROPHE_S.finditer(text) if _is_possessive(text, m.start())]
    if not spots:
        return per_char
    chars = list(per_char)
    for i in spots:
        chars[i] = " "
    return "".join(chars)


def _without_dropped(padded: str, where: list[int]) -> tuple[str, list[int]]:
    """Remove the characters that fold to nothing (apostrophes), with their offsets."""
    kept_where: list[int] = []
    start = 0
    for idx in _find_all(padded, _DROPPED):
        kept_where.extend(where[start:idx])
        start = idx + 1
    kept_where.extend(where[start:])
    return padded.replace(_DROPPED, ""), kept_where


def _find_all(s: str, ch: str) -> list[int]:
    found = []
    idx = s.find(ch)
    while idx != -1:
        found.append(idx)
        idx = s.find(ch, idx + 1)
    return found


def _collapse_runs(s: str, where: list[int]) -> tuple[str, list[int]]:
    """Keep the first of every run of one repeated character (and its offset)."""
    pieces: list[str] = []
    kept_where: list[int] = []
    start = 0
    for m in _RUNS.finditer(s):
        first = m.start() + 1
        pieces.append(s[start:first])
        kept_where.extend(where[start:first])
        start = m.end()
    if start == 0:
        return s, where
    pieces.append(s[start:])
    kept_where.extend(where[start:])
    return "".join(pieces), kept_where


_SEVERAL = "\x02"  # marks a character that folds to two or more letters
_DROPPED = "\x01"  # marks a character that folds to nothing
_RUNS = re.compile(r"(.)\1+", re.DOTALL)


class _OneToOneTable(dict[int, str]):
    """``str.translate`` table: each character's fold as exactly one character (or a mark)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        one = folded if len(folded) == 1 else (_DROPPED if not folded else _SEVERAL)
        self[code] = one
        return one


_ONE_TABLE = _OneToOneTable()


def _is_possessive(text: str, i: int) -> bool:
    """An apostrophe starting English "'s" ("Kharkiv's mayor") ends the name before it."""
    if text[i] not in _DROP or text[i + 1 : i + 2] not in ("s", "S"):
        return False
    return i + 2 == len(text) or not text[i + 2].isalpha()


def _fold_digraphs(folded: str, where: list[int]) -> tuple[str, list[int]]:
    """Collapse the doubled digraph ``zhzh`` (Zaporizhzhia vs Zaporizhia)."""
    idx = folded.find("zhzh")
    while idx != -1:
        folded = folded[:idx] + folded[idx + 2 :]
        del where[idx : idx + 2]
        idx = folded.find("zhzh")
    return folded, where


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each character on first sight."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()
_APOSTROPHE_S = re.compile("[" + "".join(sorted(_DROP)) + "][sS]")
_POSSESSIVE = re.compile("[" + "".join(sorted(_DROP)) + r"](?=[sS](?![^\W\d_]))")
_DOUBLES = re.compile(r"(.)\1+")


def _fast_fold(name: str) -> str:
    """The same fold as :func:`fold_text` without offsets, at C speed (``str.translate``)."""
    folded = _POSSESSIVE.sub(" ", name).translate(_TABLE)
    folded = _DOUBLES.sub(r"\1", folded)
    while "zhzh" in folded:
        folded = folded.replace("zhzh", "zh", 1)
    return folded.strip()


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a place name: the spelling skeleton, no outer spaces.

    Examples
    --------
    >>> name_key("Kup'yans'k") == name_key("Kupiansk") == name_key("Kupyansk")
    True
    >>> name_key("Старокостянтинів") == name_key("Starokostyantyniv")
    True
    """
    return _fast_fold(name)


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LETTER = re.compile("[a-z]")


def is_cyrillic(name: str) -> bool:
    """True when ``name`` contains Cyrillic letters."""
    return _CYRILLIC.search(name) is not None


def russian_key(name: str) -> str | None:
    """Key of a Cyrillic name romanised the Russian way (Гавриловка → gavrilovka).

    Returns None for names that are not Cyrillic or read the same either way.
    """
    if not is_cyrillic(name):
        return None
    latin = "".join(_RU.get(c.lower(), c) for c in name)
    key = name_key(latin)
    return key if key != name_key(name) else None


@lru_cache(maxsize=200_000)
def name_keys(name: str) -> frozenset[str]:
    """Every usable key a name should be found under.

    Cyrillic names get a second key romanised the Russian way; Latin names written
    the BGN way ("Zelenoye", "Alekseyevka") also get the key of the spelling without
    the "y" of an iotated "е" ("Zelenoe"), which is what a Russian "Зеленое" folds to.
    """
    keys = {name_key(name)}
    alt = russian_key(name)
    if alt:
        keys.add(alt)
    elif "ye" in name or "YE" in name:
        keys.add(name_key(_IOTATED.sub(r"\1", name)))
    return frozenset(k for k in keys if usable_key(k))


_IOTATED = re.compile(r"([aeiouyAEIOUY'’ʼ])y(?=e)", re.I)


def usable_key(key: str) -> bool:
    """True for keys worth indexing: Latin letters/digits, at least two letters."""
    return len(key) >= 2 and "\x00" not in key and _LETTER.search(key) is not None
