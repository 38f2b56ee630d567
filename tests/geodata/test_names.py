"""Name keys: every spelling of a place folds to the same key, different places do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata.names import fold_text, name_key, name_keys, russian_key

SAME = [
    ("Kup'yans'k", "Kupiansk", "Kupyansk", "Kup’yans’k", "KUPIANSK", "Купʼянськ"),
    ("Starokostiantyniv", "Starokostyantyniv", "Starokostjantyniv", "Старокостянтинів"),
    ("Havrylivka", "Гаврилівка", "havrylivka"),
    ("Mariupol", "Mariupol'", "Mariupolʼ", "Маріуполь"),
    ("Zaporizhzhia", "Zaporizhia", "Zaporizhzhya"),
    ("Ivano-Frankivsk", "Ivano Frankivsk", "Ivano–Frankivsk"),
    ("Kyiv", "Kyyiv", "Київ"),
    ("Bila Tserkva", "Bíla Tsérkva", "Біла Церква"),
]


@pytest.mark.parametrize("spellings", SAME, ids=[s[0] for s in SAME])
def test_spellings_share_one_key(spellings):
    keys = {name_key(s) for s in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kyiv", "Kharkiv"), ("Havrylivka", "Gavrilovka"), ("Bucha", "Bakhmut"), ("Lviv", "Lyiv ka")],
)
def test_different_names_differ(a, b):
    assert name_key(a) != name_key(b)


def test_cyrillic_gets_ukrainian_and_russian_romanisation():
    assert name_key("Гавриловка") == name_key("Havrylovka")
    assert russian_key("Гавриловка") == name_key("Gavrilovka")
    assert name_keys("Староконстантинов") == {name_key("Starokonstantinov")}  # reads the same
    assert name_keys("Гавриловка") == {name_key("Havrylovka"), name_key("Gavrilovka")}


def test_latin_names_have_no_russian_key():
    assert russian_key("Kharkiv") is None


@pytest.mark.parametrize(
    ("bgn", "russian"),
    [("Zelenoye", "Зеленое"), ("Otradnoye", "Отрадное"), ("Alekseyevka", "Алексеевка")],
)
def test_a_bgn_spelling_is_also_found_under_the_russian_names_key(bgn, russian):
    assert name_key(russian) in name_keys(bgn)
    assert name_key(bgn) in name_keys(bgn)  # the spelling's own key stays


def test_other_scripts_give_no_usable_key():
    assert name_keys("קונסטאניטן") == set()
    assert name_keys("伊久姆") == set()


def test_fold_text_maps_back_to_original_offsets():
    text = "Near Kup'yans'k today"
    folded, where = fold_text(text)
    start = folded.index("kupiansk")
    end = start + len("kupiansk") - 1
    assert text[where[start] : where[end] + 1] == "Kup'yans'k"


def _fixture_names():
    path = Path(__file__).resolve().parents[1] / "fixtures" / "geonames" / "UA_sample.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        yield from (cols[1], *cols[3].split(","))


@pytest.mark.parametrize(
    "text",
    [*_fixture_names(), "Kharkiv's", "it’s", "A'sB", "Zaporizhzhzhia", "  Izium  ", "Ω-town"],
)
def test_name_key_and_fold_text_agree(text):
    # name_key has a fast path; find_names folds text with offsets: they must agree
    assert name_key(text) == fold_text(text)[0].strip()
