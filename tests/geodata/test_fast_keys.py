"""The joined fold of many names (geodata.fast_keys) gives name_keys' keys exactly."""

from __future__ import annotations

import random

import pytest

from geodata.fast_keys import name_key_many, name_keys_many
from geodata.names import name_key, name_keys

# Our own spellings, with every kind of character the fold treats apart: apostrophes
# (possessive or inside a name), doubled letters and digraphs, accents, Cyrillic that
# reads differently the Russian way, BGN "ye", other scripts, empty folds, and names
# holding the joining separator itself.
NAMES = (
    "Kup'yans'k", "Kupiansk", "Kharkiv's", "Zaporizhzhia", "Zaporizhzhzhia", "zhzhzh",
    "Гавриловка", "Гаврилівка", "Запоріжжя", "Щастя", "Ёлкино", "Зеленое", "Zelenoye",
    "Alekseyevka", "ALEKSEYEVKA", "Ye", "Łódź", "Straße", "Mykolaïv", "東京", "’", "'s",
    "", " ", "a", "Aa", "Kyiv - Saltivskyi", "Bila  Tserkva", "Ковye", "Ковье ye",
    "Нова\ue000Каховка", "x\ue001y", "Ss's", "Stary Oskol's", "İzmail", "ǅurđevac",
)  # fmt: skip


def test_one_name_at_a_time_and_all_at_once_agree():
    assert name_keys_many(NAMES) == [name_keys(n) for n in NAMES]
    assert name_key_many(NAMES) == [name_key(n) for n in NAMES]


@pytest.mark.parametrize("seed", range(3))
def test_random_mixtures_agree(seed):
    rng = random.Random(seed)
    pieces = [*NAMES, "-", "'", "y", "e", "zh", "ss", "Щ", "ь"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 5))) for _ in range(500)]
    assert name_keys_many(texts) == [name_keys(t) for t in texts]
    assert name_key_many(texts) == [name_key(t) for t in texts]


def test_nothing_in_nothing_out():
    assert name_keys_many([]) == name_key_many([]) == []
