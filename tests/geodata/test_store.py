"""The gazetteer in a database: one-transaction import, index rebuilt from rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from geodata.errors import GazetteerError, GazetteerFormatError
from geodata.store import gazetteer_info, import_geonames, load_gazetteer
from geodata.tables import gaz_places

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
SAMPLE = FIXTURES / "UA_sample.txt"
ADMIN1 = FIXTURES / "admin1CodesASCII.txt"
ADMIN2 = FIXTURES / "admin2Codes.txt"


def _places(engine):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(gaz_places)).scalar_one()


def test_import_then_load_resolves_like_the_files(engine):
    summary = import_geonames(engine, [SAMPLE, ADMIN1, ADMIN2])
    assert [s.kind for s in summary.sources] == ["geonames", "admin1", "admin2"]
    gaz = load_gazetteer(engine)
    assert gaz.search("Havrylivka", admin1="Kyiv")[0].place.geonameid == 8516138
    assert gaz.resolve("Artemivsk").place.geonameid == 713174  # exonyms applied on load
    assert gaz.places[707292].admin2 == "Izium Raion"


def test_info_reports_sources_and_counts(engine):
    import_geonames(engine, [SAMPLE, ADMIN1])
    info = gazetteer_info(engine)
    assert info.places == _places(engine) == 47
    assert info.admin_units == 27
    assert info.names > info.places
    assert [s.kind for s in info.sources] == ["geonames", "admin1"]
    assert info.sources[0].rows == 47
    assert not info.is_embedded


def test_empty_database_gives_the_embedded_gazetteer(engine):
    assert gazetteer_info(engine).is_embedded
    gaz = load_gazetteer(engine)
    assert gaz.resolve("Kharkov").place.name == "Kharkiv"


def test_reimport_updates_instead_of_duplicating(engine):
    import_geonames(engine, [SAMPLE])
    import_geonames(engine, [SAMPLE])
    assert _places(engine) == 47
    assert len(load_gazetteer(engine).lookup("Starokostiantyniv")) == 1


def test_failed_import_leaves_the_previous_gazetteer_intact(engine, tmp_path):
    import_geonames(engine, [SAMPLE])
    broken = tmp_path / "RU.txt"
    good = SAMPLE.read_text(encoding="utf-8").splitlines()[0].replace("8516138", "99999999")
    broken.write_text(good + "\n" + "1\ttruncated row\n", encoding="utf-8")
    with pytest.raises(GazetteerFormatError, match="line 2"):
        import_geonames(engine, [broken], replace=True)
    assert _places(engine) == 47  # neither the replace nor the good first row was kept
    assert 99999999 not in load_gazetteer(engine).places


def test_replace_drops_what_was_there(engine, tmp_path):
    import_geonames(engine, [SAMPLE])
    one = tmp_path / "one.txt"
    one.write_text(SAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    import_geonames(engine, [one], replace=True)
    assert _places(engine) == 1


def test_missing_tables_mean_embedded_but_loading_says_how_to_fix(tmp_path):
    from sqlalchemy import create_engine

    bare = create_engine(f"sqlite:///{tmp_path / 'bare.db'}")
    assert load_gazetteer(bare).resolve("Kharkov").place.name == "Kharkiv"  # nothing loaded there
    with pytest.raises(GazetteerError, match="nothing was changed"):
        import_geonames(bare, [SAMPLE])


def test_alternate_names_are_imported_for_known_places_only(engine, tmp_path):
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text(
        "1\t707292\tuk\tІзюм-Місто\t\t\t\t\t\t\n"
        "2\t123456789\ten\tNowhere Town\t\t\t\t\t\t\n"
        "3\t707292\tpost\t64300\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    summary = import_geonames(engine, [alt, SAMPLE])  # order does not matter
    assert [s.kind for s in summary.sources] == ["geonames", "alternate names"]
    gaz = load_gazetteer(engine)
    assert gaz.resolve("Izium-Misto").place.geonameid == 707292
    assert gaz.lookup("Nowhere Town") == []
    assert gaz.lookup("64300") == []


def test_progress_bar_does_not_change_the_result(engine, capsys):
    summary = import_geonames(engine, [SAMPLE, ADMIN1], progress=True)
    assert summary.rows == 47 + 27
    assert capsys.readouterr().out == ""  # progress goes to stderr, never stdout


INDEXES = {"ix_gaz_names_key", "ix_gaz_names_geonameid", "ix_gaz_places_country_admin1"}


def _indexes(engine):
    from sqlalchemy import inspect

    found = inspect(engine)
    return {ix["name"] for t in ("gaz_places", "gaz_names") for ix in found.get_indexes(t)}


def test_a_failed_first_load_keeps_the_indexes(engine, tmp_path):
    broken = tmp_path / "RU.txt"
    good = SAMPLE.read_text(encoding="utf-8").splitlines()[0].replace("8516138", "99999999")
    broken.write_text(good + "\n" + "1\ttruncated row\n", encoding="utf-8")
    with pytest.raises(GazetteerFormatError, match="line 2"):
        import_geonames(engine, [SAMPLE, broken])  # the indexes are set aside while loading
    assert _places(engine) == 0
    assert _indexes(engine) == INDEXES
    import_geonames(engine, [SAMPLE])
    assert _indexes(engine) == INDEXES
    assert _places(engine) == 47


def test_a_place_repeated_in_a_later_batch_of_a_first_load_replaces_the_earlier(engine, tmp_path):
    # Into empty tables a load deletes nothing, until a batch (5,000 rows) repeats an id.
    template = SAMPLE.read_text(encoding="utf-8").splitlines()[0].split("\t")
    lines = []
    rows = [(i, f"Testplace {i}", f"Alias{i}") for i in range(5_003)]
    rows[2] = (2, "Formerplace", "Formeralias")
    for i, name, alias in [*rows, (2, "Renamedplace", "Newalias")]:
        lines.append("\t".join([str(90_000_000 + i), name, name, alias, *template[4:]]))
    big = tmp_path / "XX.txt"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_geonames(engine, [big]).rows == 5_004
    assert _places(engine) == 5_003 and _indexes(engine) == INDEXES
    gaz = load_gazetteer(engine)
    assert [p.name for p, _ in gaz.lookup("Renamedplace")] == ["Renamedplace"]
    assert [p.name for p, _ in gaz.lookup("Newalias")] == ["Renamedplace"]
    assert gaz.lookup("Formerplace") == [] and gaz.lookup("Formeralias") == []
    assert "Testplace 3" in [p.name for p, _ in gaz.lookup("Testplace 3")]
