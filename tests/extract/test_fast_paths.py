"""Extraction through every speed-up gives exactly the events of the plain paths.

The articles are generated from our own templates (``generated.py``) with
villages drawn from the gazetteer. The fast side reads the index from a
snapshot (``geodata.snapshot``) and ranks homonyms with ``geodata.nearest``'s
PointSet; the reference builds the index in memory and measures every pair
with the plain scan.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

import geodata.ranking
from geodata import gazetteer_from_files
from geodata.nearest import nearest_km_plain
from geodata.snapshot import read_snapshot, write_snapshot
from tests.extract.conftest import GEONAMES, PLACES
from tests.extract.generated import generate_articles, towns_from
from tracker.extract import extract_events, places
from tracker.extract.context import clause_filtered, clause_reasons
from tracker.extract.lexicon import context_en
from tracker.extract.lexicon.context_en import SENTENCE_FILTERS
from tracker.extract.prefixes import gated, word_start_gate, word_start_union
from tracker.extract.rules import find_triggers
from tracker.extract.text import split_sentences

FILES = [GEONAMES / "UA_sample.txt", PLACES, GEONAMES / "admin1CodesASCII.txt"]


@pytest.fixture(scope="module")
def plain():
    return gazetteer_from_files(FILES, fill_from_embedded=True)


def test_generated_articles_give_the_same_events_fast_and_plain(plain, tmp_path, monkeypatch):
    path = tmp_path / "gaz.index"
    assert write_snapshot(path, plain, stamp="test")
    fast_index = read_snapshot(path, stamp="test")
    articles = generate_articles(towns_from(plain), n=60, seed=2)
    today = date(2024, 1, 1)
    fast = [extract_events(a, gazetteer=fast_index, today=today) for a in articles]

    monkeypatch.setattr(geodata.ranking, "nearest_km", nearest_km_plain)
    reference = [extract_events(a, gazetteer=plain, today=today) for a in articles]

    assert fast == reference
    events = [e for found in fast for e in found]
    assert len(events) > 60 and sum(e.latitude is not None for e in events) > 40


def test_the_generator_is_reproducible_and_varied(plain):
    towns = towns_from(plain)
    first = generate_articles(towns, n=30, seed=4)
    assert [a.text for a in first] == [a.text for a in generate_articles(towns, n=30, seed=4)]
    kinds = {a.url.split("/")[3] for a in first}
    assert kinds == {"single", "roundup", "none"}
    named = {t.name for t in towns if any(t.name in a.text for a in first)}
    assert len(named) > 40  # many distinct villages, not a handful repeated


_CLAUSE_SENTENCES = [
    "Veterans recalled fighting for freedom in 2014, while shelling hit Kupiansk overnight.",
    "The EU approved sanctions over missile deliveries, but a drone strike killed two in Sumy.",
    "A missile struck a depot and shelling went on by the bridge as troops fought for survival.",
    "Kyiv asked for more air defence to stop drone attacks; artillery shelled Nikopol.",
    "A drone hit Izium, which has been shelled regularly since the start of the war.",
]


def test_clause_reasons_agree_with_the_one_trigger_filter(plain):
    texts = _CLAUSE_SENTENCES + [a.text for a in generate_articles(towns_from(plain), n=40)]
    reasons = []
    for text in texts:
        for s in split_sentences(text):
            triggers = [t for t in find_triggers(text) if s.start <= t.start < s.end]
            batch = clause_reasons(text, s.start, s.end, triggers)
            assert batch == [clause_filtered(text, s.start, s.end, t) for t in triggers]
            reasons += batch
    assert any(r is None for r in reasons)
    assert any(r is not None and r.startswith("a figure of speech") for r in reasons)
    assert any(r is not None and not r.startswith("a figure of speech") for r in reasons)


def test_the_place_role_pre_scan_changes_no_event(plain, monkeypatch):
    articles = generate_articles(towns_from(plain), n=40, seed=9)
    today = date(2024, 1, 1)
    fast = [extract_events(a, gazetteer=plain, today=today) for a in articles]
    # an empty pattern matches every window: each role rule is then tried one by one
    monkeypatch.setattr(places, "_BEFORE_ANY", re.compile(""))
    assert fast == [extract_events(a, gazetteer=plain, today=today) for a in articles]


def test_a_word_start_union_matches_where_one_of_its_patterns_does():
    patterns = [re.compile(r"\bnear\s+$", re.I), re.compile(r"\b(?:km|miles)\s+from\s+$", re.I)]
    union = word_start_union(patterns)
    windows = ["shelling near ", "10 KM from ", "a sneer ", "near the ", "Near ", "5km from "]
    assert [bool(union.search(w)) for w in windows] == [
        any(p.search(w) for p in patterns) for w in windows
    ]
    assert [bool(union.search(w)) for w in windows] == [True, True, False, False, True, False]
    with pytest.raises(ValueError, match="leading"):
        word_start_union([re.compile(r"near\s+$", re.I)])


def test_a_gated_pattern_finds_what_the_plain_one_finds(plain):
    patterns = [p.pattern for _, p in context_en.CLAUSE_FILTERS]
    joined = "|".join(f"(?P<f{i}>{p})" for i, p in enumerate(patterns))
    gate = word_start_gate(patterns)
    assert gate is not None and "$" in gate  # one filter opens with "\\b\\$"
    pairs = [(re.compile(joined, re.I), re.compile(f"{gate}(?:{joined})", re.I))]
    captions = "|".join(f"(?P<f{i}>{p.pattern})" for i, (_, p) in enumerate(SENTENCE_FILTERS))
    caption_gate = word_start_gate([p.pattern for _, p in SENTENCE_FILTERS])
    assert caption_gate is not None and "^" in caption_gate and "(" in caption_gate
    pairs.append((re.compile(captions, re.I), re.compile(f"{caption_gate}(?:{captions})", re.I)))
    lexicon = (context_en.IDIOMS, context_en.ATTACK_VERB, context_en.GROUND_COMBAT)
    for pattern in (*lexicon, context_en.CLAUSE_BOUNDARY):
        assert gated(pattern) is not pattern
        pairs.append((pattern, gated(pattern)))
    assert gated(context_en.WEAPON_NOUN) is context_en.WEAPON_NOUN  # no gate: as it is
    texts = [a.text for a in generate_articles(towns_from(plain), n=30, seed=3)]
    texts += ["They paid worth$5 million for aid.", "A $5 deal; sanctioned firms", "xsanctions"]
    texts += [
        "Read also: drills",
        "A blast (photo: AP) hit it",
        "x/AFP)",
        "Kyiv, Ukraine, May 3, 2024",
    ]
    texts += ["Infantry units were fighting for survival", "xinfantry xfighting for peace"]
    for old, new in pairs:
        found = []
        for text in texts:
            for pos in range(0, len(text), 13):
                a, b = old.search(text, pos), new.search(text, pos)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
                found.append(a)
        assert any(found) and not all(found)
