"""Reading a rule backwards (tracker.extract.suffixes) answers as its forward search does."""

from __future__ import annotations

import random
import re

import pytest

from tracker.extract import actors, hedges, places
from tracker.extract.suffixes import SuffixMatcher, Unreversible, reversed_source

# Words the place-role rules are made of, and others, with the separators real text has.
WORDS = (
    *("near", "the", "of", "in", "from", "outside", "city", "village", "capital", "regional"),
    *("mayor", "governor", "President", "Mr.", "Gen", "Prime", "Minister", "spokesman", "said"),
    *("residents", "people", "fled", "to", "visited", "north", "northern", "km", "miles"),
    *("brigade", "group", "reach", "capture", "Sea", "FC", "Dynamo", "according", "airport"),
    *("port", "at", "region", "oblast", "Olena", "Ivan", "Kharkiv", "Bucha", "and", "or", "like"),
    *("such", "as", "embassy", "ministry", "talks", "met", "Zelensky", "officials", "hit"),
    # phrases a rule ends with, so that every rule is met matching as well as failing
    *("region of the", "Sea of", "FC", "according to", "the mayor of", "people from Bucha and"),
    *("spoke in", "ministry in", "to reach the city of", "brigade", "the airport at", "west of"),
    *("30 km from", "close to", "shelled", "separatist", "the regional governor of"),
    *("officials in", "bridge to", "launched from", "Russia’s", "between"),
    # and the words that hedge a trigger or name its attacker
    *("will", "not", "never", "can't", "plans", "to", "if", "until", "after", "already", "by"),
    *("banned", "newly", "would", "be", "ordered", "troops", "without", "threatened"),
)
SEPARATORS = (" ", " ", " ", "  ", ", ", "\n", " (", "-", "’s ", ".")


def _windows(rng: random.Random, n: int):
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randrange(0, 9))]
        text = "".join(w + rng.choice(SEPARATORS) for w in words)
        yield text[-60:] if rng.random() < 0.5 else text.rstrip(rng.choice(" \n"))


def _matchers():
    found = [
        m
        for module in (places, hedges, actors)
        for m in vars(module).values()
        if isinstance(m, SuffixMatcher)
    ]
    found += [m for _, _, m in places._BEFORE_ENDS]
    return found


def test_every_place_rule_is_read_backwards():
    matchers = _matchers()
    assert len(matchers) >= 22
    assert all(m._reversed is not None for m in matchers)  # none fell back to the forward search


@pytest.mark.parametrize("seed", range(3))
def test_backwards_and_forwards_agree_on_every_place_rule(seed):
    rng = random.Random(seed)
    windows = list(_windows(rng, 3000))
    for matcher in _matchers():
        hits = 0
        for window in windows:
            expected = matcher.pattern.search(window) is not None
            assert matcher.ends(window) == expected, (matcher.pattern.pattern[:60], window)
            hits += expected
        assert hits or seed, matcher.pattern.pattern[:60]  # the windows reach every rule


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bnear\s+$",
        r"(?:^|[\s(])([A-Z][\w'’-]{3,}),\s*$",
        r"\b(?i:mr|mrs)\.?\s+(?:[A-Z][\w.-]+\s+)?$",
        r"(?<=\s)of\s+(?:the\s+)?$",
        r"\bin(?=\s)\s+(?!the)$",
        r"[^,.;]{0,5}\d+\s*km\s+$",
        r"(?:\bnear|\bfrom)\s+$",
    ],
)
def test_small_patterns_agree(pattern):
    rng = random.Random(7)
    compiled = re.compile(pattern)
    matcher = SuffixMatcher(compiled)
    assert matcher._reversed is not None
    alphabet = "near from of the in Mr Mrs. 12 km the Kyiv, (\n"
    for _ in range(4000):
        window = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 25)))
        assert matcher.ends(window) == (compiled.search(window) is not None), window


@pytest.mark.parametrize(
    "pattern", [r"\bnear\s+", r"(a)\1$", r"near$|far", r"(?m)near$", r"(?=ab+)a$", r"(?>ab)$"]
)
def test_patterns_that_cannot_be_read_backwards_are_searched_forwards(pattern):
    compiled = re.compile(pattern)
    with pytest.raises(Unreversible):
        reversed_source(compiled)
    matcher = SuffixMatcher(compiled)
    for window in ("near ", "aa", "far", "ab", "near", "x"):
        assert matcher.ends(window) == (compiled.search(window) is not None)


CYRILLIC = (
    *("під", "біля", "поблизу", "не", "ні", "не було", "планують", "можуть", "у разі", "по", "на"),
    *("проти", "у", "в", "від", "з боку", "силами", "села", "міста", "смт", "Харкова", "голова"),
    *("під час", "околиці", "на захід від", "під", "около", "под", "не", "нет", "против", "со"),
    *("стороны", "от", "города", "поселка", "Белгорода", "губернатор", "к западу от", "через"),
    *("окупованого", "жителі", "з", "хотят", "в случае", "обстріляли", "Сумщини", "ОВА"),
)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_cyrillic_window_rules_agree_backwards_and_forwards(language):
    from tracker.extract.cyrillic.facts import SentenceFacts
    from tracker.extract.cyrillic.lexicon import lexicon_for

    facts = SentenceFacts(lexicon_for(language))
    rng = random.Random(3)
    windows = []
    for _ in range(4000):
        words = [rng.choice(CYRILLIC) for _ in range(rng.randrange(0, 7))]
        windows.append("".join(w + rng.choice(SEPARATORS) for w in words)[-60:])
    reached = 0
    for kind, matcher in facts._ends.items():
        answers = [matcher.pattern.search(w) is not None for w in windows]
        assert [matcher.ends(w) for w in windows] == answers, kind
        reached += any(answers)
    assert reached >= 6  # most rules matched some window: the comparison means something
