"""Bulk inserts (geodata.bulk): the driver's executemany writes what SQLAlchemy's path writes."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select

from geodata.bulk import insert_rows, insert_rows_plain
from geodata.store import GAZETTEER_METADATA
from geodata.tables import gaz_names, gaz_places

PLACES = (
    "geonameid", "name", "latitude", "longitude", "feature_class", "feature_code", "country",
    "admin1_code", "admin2_code", "population", "modified", "source_id",
)  # fmt: skip
ROWS = [
    (1, "Ворзель", 50.55, 30.15, "P", "PPL", "UA", "13", None, 5000, "2024-01-02", None),
    (2, "Kup'yans'k", 49.7, 37.6, "P", "PPLA2", "UA", "07", "6320", 0, None, None),
    (3, "x" * 200, -89.5, 179.9, "S", "AIRB", "UA", None, None, 2**40, None, None),
]


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_both_paths_write_the_same_rows(db, tmp_path, request):
    url = f"sqlite:///{tmp_path / 'b.db'}" if db == "sqlite" else request.getfixturevalue("pg_url")
    written = []
    for write in (insert_rows, insert_rows_plain):
        engine = create_engine(url)
        GAZETTEER_METADATA.drop_all(engine)
        GAZETTEER_METADATA.create_all(engine)
        with engine.begin() as conn:
            write(conn, gaz_places, PLACES, ROWS)
            write(
                conn,
                gaz_names,
                ("geonameid", "name", "key", "quality"),
                [(2, "Куп’янськ", "kupiansk", 0.9)],
            )
            write(conn, gaz_names, ("geonameid", "name", "key", "quality"), [])
        with engine.connect() as conn:
            written.append(
                (
                    conn.execute(select(gaz_places).order_by(gaz_places.c.geonameid)).all(),
                    conn.execute(select(gaz_names)).all(),
                )
            )
        engine.dispose()
    assert written[0] == written[1]
    assert [tuple(r) for r in written[0][0]] == ROWS
