"""Fast scans find exactly what their plain references find: word starts, sentence ends."""

from __future__ import annotations

import random
import re

import pytest

from geodata import load_embedded_gazetteer
from tests.extract.corpus import CASES
from tests.extract.generated import generate_articles, towns_from
from tracker.extract import text as text_module
from tracker.extract.lexicon.rules_en import RULES
from tracker.extract.prefixes import HeadScanner, PrefixScanner, Unbounded, prefixes
from tracker.extract.rules import find_triggers, scan_every_position
from tracker.extract.text import split_sentences
from tracker.extract.token_starts import WordStartTokens

# Odd text of our own: underscores, digits, Unicode letters and digits, letters that
# grow when lowercased, runs of punctuation, words at both ends.
ODD = [
    "",
    "shel",
    "_shelling and shel_ling, shell_ 3shell shell3 shell",
    "İstanbul Ⅻ shell² ٣shell shell٣ Обстріл обстріли ОБСТРІЛ",
    "missile—strike…drone/attack(shelled)[struck]{hit} 'raid' “bombing”",
    "a\tb\nshelled\r\nartillery\u00a0fire\u2009drones",
    "shell" * 50,
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    towns = towns_from(load_embedded_gazetteer(), limit=300)
    articles = generate_articles(towns, n=60, seed=11)
    return [a.text for a in articles] + [c.text for c in CASES] + ODD


def _rule_tokens(length: int) -> set[str]:
    return {p for rule in RULES for p in prefixes(rf"\b(?:{rule.pattern})", length=length)}


@pytest.mark.parametrize("length", [3, 4])
def test_the_rule_tokens_are_found_alike_both_ways(texts, length) -> None:
    tokens = WordStartTokens(_rule_tokens(length), length=length)
    for text in texts:
        low = text.lower()
        assert tokens.find(low) == tokens.find_plain(low), low[:80]


def test_random_tokens_on_random_text_are_found_alike() -> None:
    rng = random.Random(4)
    alphabet = "ab_1 ,.-İі\u00a0²"
    for _ in range(300):
        length = rng.choice([2, 3, 4])
        tokens = {
            "".join(rng.choice("ab1і") for _ in range(rng.randint(1, length))) for _ in range(6)
        }
        finder = WordStartTokens(tokens, length=length)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert finder.find(text) == finder.find_plain(text), (tokens, text)


def test_no_tokens_find_nothing() -> None:
    finder = WordStartTokens({"", "-x"}, length=3)  # neither can open a word
    assert finder.find("x -x") == finder.find_plain("x -x") == []


def test_a_scanner_finds_what_its_whole_pattern_finds(texts) -> None:
    scanner = PrefixScanner(r"\b(?:shell\w*|drones?|missile strikes?)\b", flags=0, length=3)
    for text in texts:
        fast = [m.span() for m in scanner.finditer(text)]
        assert fast == [m.span() for m in scanner.regex.finditer(text)]


def test_triggers_of_generated_articles_equal_the_full_scan(texts) -> None:
    for text in texts:
        assert find_triggers(text) == scan_every_position(text)


@pytest.mark.parametrize(
    "extra",
    [
        "Shots!!! Then quiet… “Why?” he asked.) Next.\n\n- a list\n  * item\n\tDone?!",
        "Dr. Who left.\n \nEnd\n",
        "Talks with the U.S.… Then nothing. Gen.?! Maj.” Ivanov left.",
        "...\n\n\n!",
    ],
)
def test_sentences_split_alike_with_the_plain_boundary_pattern(texts, extra, monkeypatch) -> None:
    pieces = [*texts, extra]
    fast = [split_sentences(t) for t in pieces]
    monkeypatch.setattr(text_module, "_BOUNDARY", text_module.BOUNDARY_PLAIN)
    assert fast == [split_sentences(t) for t in pieces]


# Shapes of the settlement-slot patterns (tracker/extract/variants.py), and a case-blind one
HEAD_PATTERNS = [
    r"(?:(?:village|town|settlement|hamlet)s?\s+of|near(?:by)?|outside|around)\s+(?:the\s+)?",
    r"(?:village|settlement|hamlet)\b",
    r"village|town|settlement|hamlet|near|outside|around",
    r"\b(?:the|this)\s+(?:[Ii]ncident|attack)\s+(?:\w+\s+){0,2}?occurred\b",
]


@pytest.mark.parametrize("pattern", HEAD_PATTERNS)
def test_a_head_scanner_finds_what_its_pattern_finds(texts, pattern) -> None:
    regex = re.compile(pattern)
    scanner = HeadScanner(regex)
    extra = [
        "",
        "near",
        "nearnear nearby",
        "NEAR Village villages of the villagesof",
        "aroundaround",
    ]
    for text in [*texts, *extra]:
        assert [m.span() for m in scanner.finditer(text)] == [
            m.span() for m in regex.finditer(text)
        ]
        for pos, end in ((5, 200), (0, 3), (len(text) // 2, len(text))):
            fast = scanner.search(text, pos, end)
            plain = regex.search(text, pos, end)
            assert (fast and fast.span()) == (plain and plain.span())


@pytest.mark.parametrize("pattern", [r"\s*near", r"\d+ km", r"(?:near)?", r"(?i:near)", r"[^a]ear"])
def test_a_pattern_that_may_start_with_other_than_letters_is_refused(pattern) -> None:
    with pytest.raises(Unbounded):
        HeadScanner(re.compile(pattern))


def test_a_case_blind_pattern_is_refused() -> None:
    with pytest.raises(Unbounded):
        HeadScanner(re.compile("near", re.IGNORECASE))
