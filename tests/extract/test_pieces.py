"""The extractor's parts on their own: text checks, sentences, triggers, hedges, fatalities."""

from __future__ import annotations

import pytest

from tests.extract.corpus import CASES
from tracker.errors import ExtractionError
from tracker.extract.actors import normalise_claimant
from tracker.extract.fatalities import find_fatalities
from tracker.extract.hedges import hedge
from tracker.extract.rules import find_triggers, scan_every_position
from tracker.extract.text import check_text, clean_text, split_sentences


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("\x00\x01\x02\x03" * 20, "binary"),
        ("x" * 101, "limit"),
    ],
)
def test_bad_text_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        check_text(text, max_chars=100)


def test_markup_is_blanked_without_moving_offsets() -> None:
    raw = "<p>Shelling &amp; fire in <b>Kharkiv</b></p><script>missiles()</script>"
    cleaned = clean_text(raw)
    assert len(cleaned) == len(raw)
    assert cleaned.index("Kharkiv") == raw.index("Kharkiv")
    assert "missiles" not in cleaned and "&" in cleaned


def test_sentences_keep_abbreviations_and_split_headlines() -> None:
    text = "Peace talks stall\nMaj. Gen. Igor Ivanov said U.S. envoys left. Fighting went on!"
    parts = [text[s.start : s.end] for s in split_sentences(text)]
    assert parts == [
        "Peace talks stall",
        "Maj. Gen. Igor Ivanov said U.S. envoys left.",
        "Fighting went on!",
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fast_trigger_scan_equals_the_full_scan(case) -> None:
    assert find_triggers(case.text) == scan_every_position(case.text)


@pytest.mark.parametrize(
    ("sentence", "word", "hedged"),
    [
        ("Putin said his forces will attack the region.", "attack", True),
        ("Commanders plan to capture the town.", "capture", True),
        ("No shelling was reported overnight.", "shelling", True),
        ("Russia has not struck the plant.", "struck", True),
        ("Until an agreement is reached the offensive goes on.", "agreement", True),
        ("Russian forces shelled the town.", "shelled", False),
        ("If missiles hit the dam, the city floods.", "missiles", True),
    ],
)
def test_hedges(sentence: str, word: str, hedged: bool) -> None:
    start = sentence.index(word)
    reason = hedge(sentence, sentence_start=0, trigger_start=start, trigger_end=start + len(word))
    assert (reason is not None) is hedged


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("The strike killed 52 people.", 52),
        ("Two civilians were killed.", 2),
        ("Several people died.", 3),
        ("Many residents were killed.", 10),
        ("Dozens of people were killed.", 12),
        ("Several hundred dead residents were found.", 100),
        ("The death toll rose to 18.", 18),
        ("At least seven people were killed and 20 injured.", 7),
        ("Five people were killed, two of them children.", 5),
        ("There were casualties.", None),
        ("Three soldiers were wounded.", None),
        ("The bodies of 410 civilians were found.", 410),
    ],
)
def test_fatalities_read_conservatively(sentence: str, count: int | None) -> None:
    found = find_fatalities(sentence)
    assert (found.count if found else None) == count


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (
            "Russian Defense Ministry spokesman Maj. Gen. Igor Konashenkov",
            "Russian Defence Ministry",
        ),
        ("Russia's Ministry of Defence", "Russian Defence Ministry"),
        ("the Ukrainian Air Force", "Ukrainian Air Force"),
        ("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine"),
        ("the regional governor", "regional governor"),
    ],
)
def test_claimants_are_normalised(raw: str, name: str) -> None:
    assert normalise_claimant(raw) == name


def _scanners():
    from tracker.extract import actors, dates, fatalities, rules, targets

    return [rules._SCANNER, dates._SCANNER, actors._SIDE_SCANNER, targets._SCANNER,
            *fatalities._PATTERNS]  # fmt: skip


@pytest.mark.parametrize("index", range(6))
def test_prefix_scanners_find_what_a_full_scan_finds(index: int) -> None:
    scanner = _scanners()[index]
    text = " ".join(c.text for c in CASES) + " İstanbul: 12/04/2022, at least 5 were killed."
    fast = [m.span() for m in scanner.finditer(text)]
    assert fast == [m.span() for m in scanner.regex.finditer(text)]
    assert fast  # the corpus exercises every scanner
