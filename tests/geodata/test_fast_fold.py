"""The vectorised article fold (geodata.fast_fold) gives the plain fold's string and offsets."""

from __future__ import annotations

import random

import pytest

from geodata.fast_fold import fold_text_vectorised
from geodata.names import fold_text, fold_text_plain

# Our own sentences, with every kind of character the fold treats apart: apostrophes
# (possessive or inside a name), doubled letters and spaces, accents, Cyrillic letters
# that fold to several (ж, щ), soft signs that fold to nothing, other scripts, digraphs.
PIECES = (
    "Shelling hit Kharkiv's northern district overnight.",
    "Kup'yans'k and Kupiansk are the same town;  so is Kupyansk.",
    "Drones struck Zaporizhzhia and Zaporizhia, officials said.",
    "Обстріл Харкова: у Запоріжжі пошкоджено будинок, в Щасті теж.",
    "Ракета попала в Белгородскую область, сообщил губернатор.",
    "The mayor’s office said Kryvyi Rih’s  power   was restored…",
    "Łódź, Straße and Æsir are not Ukrainian, but are folded too.",
    "A café in Mykolaïv (Миколаїв) — 東京 — and “quotes” ’s",
    "ss''s ’S  '",
    "",
    "Ukraine's",
)


def _texts(rng: random.Random, n: int):
    for _ in range(n):
        parts = [rng.choice(PIECES) for _ in range(rng.randrange(1, 12))]
        sep = rng.choice([" ", "\n", "  ", ""])
        yield sep.join(parts)


@pytest.mark.parametrize("seed", range(4))
def test_the_vectorised_fold_agrees_exactly_with_the_plain_one(seed):
    rng = random.Random(seed)
    for text in _texts(rng, 300):
        assert fold_text_vectorised(text) == fold_text_plain(text), text


def test_fold_text_chooses_either_and_the_answer_is_the_same():
    long = " ".join(PIECES) * 3
    assert fold_text(long) == fold_text_plain(long)
    assert fold_text(PIECES[0]) == fold_text_plain(PIECES[0])
    for text in ("", "a", "’", "Щ"):
        assert fold_text_vectorised(text) == fold_text_plain(text)
