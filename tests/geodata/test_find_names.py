"""Scanning article text for place and region names."""

from __future__ import annotations


def surfaces(gaz, text):
    return [(m.surface, m.is_region) for m in gaz.find_names(text)]


def test_finds_places_and_regions_with_exact_spans(sample_gazetteer):
    text = "Overnight a missile hit an ammunition depot near Havrylivka in the Kyiv region."
    found = sample_gazetteer.find_names(text)
    assert [(m.surface, m.is_region) for m in found] == [
        ("Havrylivka", False),
        ("Kyiv region", True),
    ]
    for m in found:
        assert text[m.start : m.end] == m.surface


def test_spelling_variants_in_text(sample_gazetteer):
    text = "Shelling in Kup'yans'k, Starokonstantinov and Маріуполь; later in Kharkov."
    assert surfaces(sample_gazetteer, text) == [
        ("Kup'yans'k", False),
        ("Starokonstantinov", False),
        ("Маріуполь", False),
        ("Kharkov", False),
    ]


def test_region_phrases_win_over_the_city_inside_them(sample_gazetteer):
    text = "Drones were downed over Kharkiv Oblast and the Donbas, and in Crimea."
    assert surfaces(sample_gazetteer, text) == [
        ("Kharkiv Oblast", True),
        ("Donbas", True),
        ("Crimea", True),
    ]


def test_word_boundaries_and_case(sample_gazetteer):
    # "Buchanan" contains "Bucha"; "bucha" in lower case is not a name
    assert surfaces(sample_gazetteer, "Mr Buchanan said the bucha was quiet.") == []


def test_longest_multiword_name_wins(sample_gazetteer):
    text = "Explosions were heard at Mariupol International Airport."
    assert surfaces(sample_gazetteer, text) == [("Mariupol International Airport", False)]


def test_hyphenated_names(sample_gazetteer):
    assert surfaces(sample_gazetteer, "Trains stopped at Kupiansk-Vuzlovyi.") == [
        ("Kupiansk-Vuzlovyi", False)
    ]


def test_empty_text(sample_gazetteer):
    assert sample_gazetteer.find_names("") == []


def test_possessive_ends_the_name(sample_gazetteer):
    assert surfaces(sample_gazetteer, "Kharkiv's mayor and Kyiv’s officials spoke.") == [
        ("Kharkiv", False),
        ("Kyiv", False),
    ]


def test_common_words_and_outlet_names_are_not_places():
    from geodata import load_embedded_gazetteer

    text = "In May, Ukrainska Pravda said the Bar and Most owners met in March."
    assert load_embedded_gazetteer().find_names(text) == []
