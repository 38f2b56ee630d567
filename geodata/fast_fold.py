"""Folding a whole article with its offsets, vectorised: a measured speed-up.

:func:`geodata.names.fold_text` folds an article for the name scan and keeps,
for every folded character, the offset of the character it came from. Done a
character (or a run of repeated characters) at a time in Python, that was over
a third of a name scan of a 3 KB English article, and all of it for Ukrainian
and Russian text, where letters fold to several (``ж`` → ``zh``).
:func:`fold_text_vectorised` gives the same string and offsets with a few
whole-text operations:

- the fold of every character comes from one ``str.translate`` (the same
  per-character table :func:`geodata.names.name_key` uses), and how many letters
  each character folds to from a second one, so the offsets are a numpy
  ``repeat`` of the character positions;
- runs of one repeated character collapse to their first with one comparison
  of the folded code points with their neighbours, as the plain loop keeps a
  character only when it differs from the last one kept.

Below :data:`MIN_CHARS` characters numpy's fixed cost outweighs the saving, so
short texts (a sentence, a name) keep the plain paths. ``tests/geodata/
test_fast_fold.py`` checks that this and the plain fold agree exactly.
"""

from __future__ import annotations

from geodata import names

MIN_CHARS = names._VECTORISED_FROM  # measured: the plain fold is faster below this length


class _LengthTable(dict[int, str]):
    """``str.translate`` table: how many characters each character folds to, as a byte."""

    def __missing__(self, code: int) -> str:
        length = chr(len(names._TABLE[code]))
        self[code] = length
        return length


_LENGTHS = _LengthTable()


def fold_text_vectorised(text: str) -> tuple[str, list[int]]:
    """:func:`geodata.names.fold_text`, computed over the whole text at once."""
    import numpy as np

    if any(ch in text for ch in names._DROP):  # "Kharkiv's": the apostrophe ends the name
        text_marked = names._mark_possessives(text, text)
    else:
        text_marked = text
    folded_all = text_marked.translate(names._TABLE)
    padded = " " + folded_all
    codes = np.frombuffer(padded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = np.frombuffer(text_marked.translate(_LENGTHS).encode("latin-1"), dtype=np.uint8)
    where = np.empty(len(padded), dtype=np.int64)
    where[0] = 0  # the leading space stands for the first character, as in the plain fold
    where[1:] = np.repeat(np.arange(len(text), dtype=np.int64), lengths)
    keep = np.empty(len(codes), dtype=bool)
    keep[0] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    folded = codes[keep].tobytes().decode("utf-32-le", "surrogatepass")
    kept_where: list[int] = where[keep].tolist()
    if folded[-1] != " ":
        folded += " "
        kept_where.append(len(text))
    return names._fold_digraphs(folded, kept_where)
