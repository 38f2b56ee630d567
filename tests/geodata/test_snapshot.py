"""The persisted index (geodata.snapshot) answers exactly as the index built from rows,
and a database's snapshot is rebuilt whenever its gazetteer changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata import gazetteer_from_files
from geodata.distance import haversine_km
from geodata.index import FACILITY_CODES
from geodata.snapshot import NameTable, read_snapshot, write_snapshot
from geodata.store import import_geonames, load_gazetteer, refresh_index, snapshot_paths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
SAMPLE = FIXTURES / "UA_sample.txt"
ADMIN1 = FIXTURES / "admin1CodesASCII.txt"
ADMIN2 = FIXTURES / "admin2Codes.txt"

TEXTS = (
    "Shelling hit Kharkov and the Kyiv region; an ammunition depot near Havrylivka burned.",
    "Drones struck the Starokostiantyniv airfield, the Zaporizhzhia NPP and Bakhmut's outskirts.",
    "Гаврилівка та Ізюм were shelled, officials in Donbas said.",
)


@pytest.fixture(scope="module")
def plain():
    """The reference: the index built from the files, never written anywhere."""
    return gazetteer_from_files([SAMPLE, ADMIN1, ADMIN2], fill_from_embedded=True)


@pytest.fixture(scope="module")
def reloaded(plain, tmp_path_factory):
    path = tmp_path_factory.mktemp("snap") / "gaz.index"
    assert write_snapshot(path, plain, stamp="s1")
    index = read_snapshot(path, stamp="s1")
    assert index is not None and index is not plain
    return index


def test_every_name_key_gives_the_same_places(plain, reloaded):
    assert len(reloaded) == len(plain) and reloaded.name_count == plain.name_count
    assert list(reloaded.all_keys()) == list(plain.all_keys())
    for key in plain.all_keys():
        assert reloaded.hits_for_key(key) == plain.hits_for_key(key), key
    assert reloaded.hits_for_key("no such place at all") == []


def test_scans_and_resolutions_are_the_same(plain, reloaded):
    for text in TEXTS:
        assert reloaded.find_names(text) == plain.find_names(text)
    names = ["Havrylivka", "Kharkov", "Starokostiantyniv airfield", "Popsana", "near Izium"]
    names += [p.name for p in plain.places.values() if p.country == "UA"][:300]
    for name in names:
        assert reloaded.resolve(name) == plain.resolve(name), name
        assert reloaded.search(name, admin1="Kyiv") == plain.search(name, admin1="Kyiv"), name
        assert reloaded.resolve_region(name) == plain.resolve_region(name), name


def test_facilities_near_match_a_scan_of_every_facility(plain, reloaded):
    towns = [p for p in plain.places.values() if p.country == "UA" and p.feature_class == "P"]
    for kind in FACILITY_CODES:
        every = [f for f in plain.places.values() if f.feature_code in FACILITY_CODES[kind]]
        for town in towns[:200]:
            for radius in (6.0, 25.0, 300.0):
                scanned = sorted(
                    (haversine_km(town.latitude, town.longitude, f.latitude, f.longitude), i, f)
                    for i, f in enumerate(every)
                )
                expected = [f for d, _, f in scanned if d <= radius]
                assert plain.facilities_near(town, kind, radius_km=radius) == expected
                assert reloaded.facilities_near(town, kind, radius_km=radius) == expected


def test_a_snapshot_of_another_stamp_or_damaged_reads_as_missing(plain, tmp_path):
    path = tmp_path / "gaz.index"
    write_snapshot(path, plain, stamp="old")
    assert read_snapshot(path, stamp="new") is None
    good = path.read_bytes()
    for damaged in (b"", b"garbage", good[:-200], good[:40]):
        path.write_bytes(damaged)
        assert read_snapshot(path) is None
    assert [p.name for p in tmp_path.iterdir()] == ["gaz.index"]  # no temporary leftovers


def test_load_keeps_a_snapshot_beside_the_database_and_reads_it(engine, monkeypatch):
    import geodata.store as store

    import_geonames(engine, [SAMPLE, ADMIN1, ADMIN2])
    built = refresh_index(engine)
    beside = Path(engine.url.database).with_name("gaz.db.index")
    assert snapshot_paths(engine)[0] == beside.resolve() and beside.exists()

    def no_rebuild(conn, builder):
        raise AssertionError("the index was rebuilt although its snapshot is current")

    monkeypatch.setattr(store, "_fill_from_db", no_rebuild)
    again = load_gazetteer(engine)
    assert again.resolve("Havrylivka") == built.resolve("Havrylivka")


def test_a_reload_is_seen(engine, extra_place):
    import_geonames(engine, [SAMPLE, ADMIN1])
    assert load_gazetteer(engine).lookup("Zorianivka Testova") == []
    import_geonames(engine, [extra_place])
    [(place, _)] = load_gazetteer(engine).lookup("Zorianivka Testova")
    assert place.geonameid == 990000001
    import_geonames(engine, [SAMPLE], replace=True)
    assert load_gazetteer(engine).lookup("Zorianivka Testova") == []


def test_a_damaged_database_snapshot_is_rebuilt(engine):
    import_geonames(engine, [SAMPLE, ADMIN1])
    refresh_index(engine)
    path = snapshot_paths(engine)[0]
    path.write_bytes(b"not an index")
    assert load_gazetteer(engine).resolve("Havrylivka") is not None
    assert read_snapshot(path) is not None  # a good one replaced it


def test_an_in_memory_database_keeps_no_snapshot():
    from sqlalchemy import create_engine

    assert snapshot_paths(create_engine("sqlite://")) == []


def test_names_packed_from_the_builder_agree_with_the_plain_packing(plain):
    # The built index packs the builder's {key: {geonameid: quality}} in one pass
    # (NameTable.from_builder); the reference makes the tuples of hits first.
    names = {
        key: {place.geonameid: q for place, q in plain.hits_for_key(key)}
        for key in plain.all_keys()
    }
    names["empty slot"] = {}
    names["three hits"] = {7: 0.9, 3: 1.0, 5: 0.95}
    fast = NameTable.from_builder(names)
    reference = NameTable.from_mapping({k: tuple(v.items()) for k, v in names.items()})
    assert fast.packed() == reference.packed()
    assert list(fast) == list(reference) == list(names)
    for key, hits in names.items():
        assert fast[key] == reference[key] == tuple(hits.items()), key
