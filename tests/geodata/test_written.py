"""load_geonames builds the index from the rows it wrote (geodata.written) only when they are
the whole gazetteer, and that index is the one a rebuild from the database gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import geodata.store as store
from geodata.store import load_gazetteer, load_geonames, refresh_index

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = FIXTURES / "geonames" / "UA_sample.txt"
ADMIN1 = FIXTURES / "geonames" / "admin1CodesASCII.txt"
ADMIN2 = FIXTURES / "geonames" / "admin2Codes.txt"
KATOTTG_PLACES = FIXTURES / "katottg" / "places.txt"
CODIFIER = FIXTURES / "katottg" / "sample.csv"


def _contents(gaz):
    """Everything a lookup can reach: places, and every key's hits in order."""
    places = {gid: gaz.places[gid] for gid in gaz.places}
    names = {key: gaz.hits_for_key(key) for key in gaz.all_keys()}
    return places, names, list(gaz.places)


@pytest.fixture
def db_fills(monkeypatch):
    """How many times the index was filled from the database rows."""
    calls = []
    real = store._fill_from_db
    monkeypatch.setattr(store, "_fill_from_db", lambda *a: calls.append(1) or real(*a))
    return calls


def _alternates(tmp_path):
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text(
        "1\t707292\tuk\tІзюм-Місто\t\t\t\t\t\t\n2\t707292\ten\tIzium Town\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    return alt


@pytest.mark.parametrize(
    "files",
    [
        [SAMPLE, ADMIN1, ADMIN2],
        [KATOTTG_PLACES, CODIFIER],
        [SAMPLE, ADMIN1, "alternates"],
    ],
    ids=["geonames", "katottg", "alternate names"],
)
def test_a_first_load_indexes_the_rows_it_wrote_as_a_rebuild_would(
    engine, files, tmp_path, db_fills
):
    files = [_alternates(tmp_path) if f == "alternates" else f for f in files]
    load_geonames(engine, files)
    assert db_fills == []  # built from the written rows
    from_written = load_gazetteer(engine)  # the snapshot the load kept
    assert _contents(from_written) == _contents(refresh_index(engine))
    assert db_fills == [1]


def test_a_load_onto_loaded_places_reads_the_database(engine, extra_place, db_fills):
    load_geonames(engine, [SAMPLE])
    load_geonames(engine, [extra_place])
    assert db_fills == [1]
    gaz = load_gazetteer(engine)
    assert 990000001 in gaz.places and 8516138 in gaz.places  # old and new places
    load_geonames(engine, [SAMPLE], replace=True)
    assert db_fills == [1, 1]  # earlier sources remain: the database decides
    assert 990000001 not in load_gazetteer(engine).places


def test_a_place_given_twice_in_one_load_reads_the_database(engine, tmp_path, db_fills):
    again = tmp_path / "UA_again.txt"
    again.write_text(SAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    load_geonames(engine, [SAMPLE, again])
    assert db_fills == [1]
    assert _contents(load_gazetteer(engine)) == _contents(refresh_index(engine))
