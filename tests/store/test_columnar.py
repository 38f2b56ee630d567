"""The columnar bulk path gives exactly what the per-event path gives.

``Store.read_records`` (ADBC, one statement, JSON built by the database) and
``Store.query_events`` (an ``Event`` per row) must agree on which events,
in which order, with which values; and ``export_store`` must write the same
files as ``export_events`` over ``query_events``. The store holds awkward
values on purpose: nulls in every optional field, Cyrillic, emoji, quotes,
backslashes, markup and control characters, every time and place precision,
intervals, merged events with several sources, an article that reports the
same event twice, imported events without reports, and evidence stored with
the ``\\uXXXX`` escapes of ``json.dumps``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pyogrio
import pytest
import sqlalchemy as sa
from store_factories import CHUHUIV, KHARKIV, KYIV, make_article, make_event

from tracker.errors import ConfigError, ExportError, StorageError
from tracker.export import DEFAULT, ExportMetadata, export_events, export_store
from tracker.export.arrow import arrow_schema
from tracker.export.records import json_record
from tracker.model import EventFilter, GeoPrecision, SubEventType, TimePrecision
from tracker.store import Store, columnar, open_store
from tracker.store.columnar import RECORD_SCHEMA

HOSTILE = "He said \"run\"\\ </script><b>x</b> & 'q'\n\t\x01\x1f\x7f \u2028 Київ 🚀 ‏עברית‏ e\u0301"

FILTERS = {
    "everything": EventFilter(),
    "dates": EventFilter(since=date(2022, 3, 1), until=date(2023, 12, 31)),
    "bbox": EventFilter(bbox=(36.0, 49.7, 36.9, 50.1)),
    "radius": EventFilter(near=KHARKIV, radius_km=40),
    "radius and month": EventFilter(near=KHARKIV, radius_km=40, since=date(2022, 3, 1)),
    "type": EventFilter(sub_event_types=(SubEventType.AIR_DRONE_STRIKE,)),
    "text": EventFilter(text="київ"),
    "outlet": EventFilter(outlet="wire"),
    "confidence": EventFilter(min_confidence=0.5),
    "changed": EventFilter(changed_since=datetime(2000, 1, 1, tzinfo=UTC)),
    "precision": EventFilter(max_geo_precision=GeoPrecision.NEAR),
    "nothing": EventFilter(since=date(2030, 1, 1)),
}


def _awkward_events() -> Iterator[tuple[Any, list[Any]]]:
    """(article, events) pairs with every kind of awkward value."""
    subs = list(SubEventType)
    places = [KHARKIV, CHUHUIV, KYIV, None]
    for i in range(60):
        point = places[i % 4]
        located = point is not None
        event = make_event(
            f"aw{i:03d}",
            event_date=date(2022, 1 + i % 12, 1 + i % 28),
            time_precision=TimePrecision(1 + i % 3),
            sub_event_type=subs[i % len(subs)],
            point=point or KHARKIV,
            latitude=None if not located else (point[0] + i * 1e-7),
            longitude=None if not located else (point[1] - i * 1e-7),
            geo_precision=GeoPrecision(1 + i % 3) if located else None,
            geonameid=None if i % 2 else 706483,
            location=None if not located else f"Town {HOSTILE}" if i % 5 == 0 else "Town",
            admin1=None if i % 6 == 0 else "Kharkiv Oblast",
            actor1=None if i % 7 == 0 else HOSTILE,
            actor2=None if i % 2 else "Civilians (Ukraine)",
            country=None if i % 9 == 0 else "Ukraine",
            notes=f"{HOSTILE} {i}" if i % 3 else "",
            confidence=i / 59,
            fatalities=i % 5,
            target=None if i % 4 else HOSTILE,
            claimed_by=None if i % 5 else "Армія",
            alleged=i % 2 == 0,
            evidence=() if i % 8 == 0 else (f"trigger: {HOSTILE}", "place: Київ"),
            trigger_span=None if i % 3 == 0 else (i, i + 5),
            place_span=None if i % 4 == 0 else (i + 10, i + 14),
            date_start=date(2022, 1, 1) if i % 10 == 0 else None,
            date_end=date(2022, 1, 9) if i % 10 == 0 else None,
            source_url=None if i % 3 else f"https://example.org/{i}",
            source_title=None if i % 4 else HOSTILE,
        )
        article = make_article(
            i // 2,  # two events an article; the same merge key merges some
            title=None if i % 11 == 0 else f"Story {HOSTILE}",
            outlet="Example Wire" if i % 3 else "Дзеркало",
            published=None if i % 13 == 0 else date(2022, 5, 1),
            url=None if i % 17 == 0 else f"https://news.example/{i // 2}",
        )
        yield article, [event]


@pytest.fixture
def awkward(db_url: str) -> Iterator[Store]:
    store = open_store(db_url)
    by_article: dict[str, tuple[Any, list[Any]]] = {}
    for article, events in _awkward_events():
        by_article.setdefault(article.article_id, (article, []))[1].extend(events)
    for article, events in by_article.values():
        store.save_article(article, events)
    # The same article reporting one event twice (two reports merge into one event).
    twice = [make_event("tw1", point=KYIV), make_event("tw2", point=KYIV)]
    store.save_article(make_article("twice"), twice)
    # A later article merging into an earlier event: two sources, in arrival order.
    store.save_article(make_article("first", outlet="First Wire"), [make_event("first")])
    store.save_article(make_article("later", outlet="Other Wire"), [make_event("later")])
    store.import_events(  # bulk-imported: no report, the event stands as its own source
        make_event(f"imp{i}", event_date=date(2023, 6, i + 1), source_url=f"https://x/{i}")
        for i in range(5)
    )
    with store.engine.begin() as conn:  # whole seconds are written without a fraction
        conn.execute(
            sa.text("UPDATE events SET updated_at = :t WHERE event_id LIKE 'aw00%'"),
            {"t": datetime(2024, 3, 1, 5, 6, 7)},
        )
    yield store
    store.close()


def _plain_record(row: dict[str, Any]) -> dict[str, Any]:
    """A record batch row as JSON values, as json_record gives them."""
    plain: dict[str, Any] = {}
    for name, value in row.items():
        if name in ("sources", "evidence", "trigger_span", "place_span"):
            plain[name] = None if value is None else json.loads(value)
        elif isinstance(value, date):
            plain[name] = value.isoformat()
        elif name in ("latitude", "longitude") and value is not None:
            plain[name] = round(value, 5)
        else:
            plain[name] = value
    return plain


def test_the_record_schema_is_the_default_layout() -> None:
    expected = arrow_schema(DEFAULT)
    assert RECORD_SCHEMA.names == expected.names[:-1]  # all but the geometry
    for field in RECORD_SCHEMA:
        assert field.type == expected.field(field.name).type, field.name


@pytest.mark.parametrize("name", FILTERS)
def test_columnar_and_light_records_equal_the_event_records(awkward: Store, name: str) -> None:
    flt = FILTERS[name]
    reference = [json_record(event) for event in awkward.query_events(flt)]
    batches = list(awkward.read_records(flt))
    assert all(batch.schema == RECORD_SCHEMA for batch in batches)
    columnar = [_plain_record(row) for batch in batches for row in batch.to_pylist()]
    assert [r["event_id"] for r in columnar] == [r["event_id"] for r in reference]
    assert columnar == reference
    table = awkward.query_records(flt)  # the light path: the store's own connection
    assert table.schema == RECORD_SCHEMA
    assert [_plain_record(row) for row in table.to_pylist()] == reference
    if name == "everything":  # the store does hold what the test is about
        assert any(len(r["sources"]) > 1 for r in reference)
        assert any(r["geo_precision"] is None for r in reference)


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("chunk_rows", [1, 7])
def test_a_read_cut_into_chunks_gives_the_same_records_in_order(
    awkward: Store, name: str, chunk_rows: int
) -> None:
    # A large SQLite read is cut into runs of whole days read side by side;
    # a chunk of one or seven events makes this small store cut too.
    flt = FILTERS[name]
    whole = [row for b in awkward.read_records(flt) for row in b.to_pylist()]
    batches = list(columnar.read_batches(awkward.engine, flt, chunk_rows=chunk_rows))
    assert all(batch.schema == RECORD_SCHEMA for batch in batches)
    assert [row for b in batches for row in b.to_pylist()] == whole
    chunks = columnar.chunk_filters(awkward.engine, flt, chunk_rows=chunk_rows)
    if awkward.engine.dialect.name == "sqlite" and name == "everything":
        assert len(chunks) >= 60 // (2 * chunk_rows)  # the read was cut: days or weeks a chunk


def test_every_chunk_of_a_sqlite_read_seeks_the_date_index(awkward: Store) -> None:
    if awkward.engine.dialect.name != "sqlite":
        pytest.skip("the read is cut into chunks on SQLite only")
    chunks = columnar.chunk_filters(awkward.engine, EventFilter(), chunk_rows=7)
    with awkward.engine.connect() as conn:
        for flt in chunks:
            sql = columnar.record_sql(awkward.engine, flt)
            plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
            seek = "SEARCH events USING INDEX ix_events_date_id"
            assert any(step.startswith(seek) for step in plan)
            assert not any(step.startswith(("SCAN events", "USE TEMP B-TREE")) for step in plan)


def test_a_chunked_read_stops_its_readers_when_left_early(awkward: Store) -> None:
    batches = columnar.read_batches(awkward.engine, EventFilter(), chunk_rows=1)
    first = next(batches)
    batches.close()  # returns once both readers have closed their connections
    assert first.num_rows >= 1


@pytest.mark.parametrize("fmt", ["geojson", "geojsonl", "geojsons", "parquet", "gpkg"])
def test_export_store_writes_the_files_the_event_path_writes(
    awkward: Store, tmp_path: Path, fmt: str
) -> None:
    meta = ExportMetadata(filters=EventFilter(), generated_at=datetime(2024, 3, 2, 8, 0))
    ours = export_store(awkward, EventFilter(), tmp_path / f"col.{fmt}", metadata=meta)
    events = awkward.query_events(EventFilter())
    reference = export_events(events, tmp_path / f"ref.{fmt}", metadata=meta)
    assert (ours.count, ours.located) == (reference.count, reference.located)
    if fmt == "parquet":
        assert pq.read_table(ours.path).equals(pq.read_table(reference.path), check_metadata=True)
    elif fmt == "gpkg":
        assert _gpkg(ours.path).equals(_gpkg(reference.path))
    else:
        assert ours.path.read_bytes() == reference.path.read_bytes()


def _gpkg(path: Path) -> pa.Table:
    _, table = pyogrio.read_arrow(path)
    return table


def test_an_in_memory_database_keeps_the_event_path(tmp_path: Path) -> None:
    store = open_store("sqlite://")
    store.save_article(make_article(1), [make_event("m1")])
    assert not store.columnar
    with pytest.raises(ConfigError, match="in-memory"):
        store.read_records(EventFilter())
    meta = ExportMetadata(generated_at=datetime(2024, 3, 2, 8, 0))
    result = export_store(store, EventFilter(), tmp_path / "m.parquet", metadata=meta)
    assert result.count == 1
    store.close()


def test_an_impossible_position_is_refused_by_name(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'bad.db'}")
    store.save_article(make_article(1), [make_event("bad1")])
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE events SET latitude = 123.0")
    meta = ExportMetadata()
    for fmt in ("parquet", "geojson"):
        with pytest.raises(ExportError, match=r"'bad1' has an impossible position latitude=123"):
            export_store(store, EventFilter(), tmp_path / f"bad.{fmt}", metadata=meta)
    store.close()


def test_a_failing_bulk_read_is_a_storage_error(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'broken.db'}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN sources")  # a damaged database
    with pytest.raises(StorageError, match=r"failed in a bulk read: .*no such column"):
        list(store.read_records(EventFilter()))
    store.close()


def _sources_agree(store: Store) -> list[list[dict[str, Any]]]:
    """The stored sources of every event equal the reference join's; returns them."""
    reference = [json_record(event)["sources"] for event in store.query_events(EventFilter())]
    stored = [
        json.loads(row["sources"])
        for batch in store.read_records(EventFilter())
        for row in batch.to_pylist()
    ]
    assert stored == reference
    return stored


def test_the_stored_sources_follow_every_write(store: Store) -> None:
    first, second = make_article("s1", title="First"), make_article("s2", outlet="Other")
    store.save_article(first, [make_event("s1e")])
    store.save_article(second, [make_event("s2e")])  # merges into s1e
    assert [len(s) for s in _sources_agree(store)] == [2]
    renamed = make_article("s1", title="First, updated", text="New text.")  # same URL: same id
    assert store.save_article(renamed, [make_event("s1e")]).status.value == "updated"
    assert _sources_agree(store)[0][0]["title"] == "First, updated"
    redated = make_article(
        "s1", title="First, updated", text="New text.", published=date(2024, 4, 1)
    )
    store.save_article(redated, [make_event("s1e")])
    assert _sources_agree(store)[0][0]["published"] == "2024-04-01"
    store.save_article(second, [make_event("s2e", point=KYIV)])  # re-extracted: moves away
    assert [len(s) for s in _sources_agree(store)] == [1, 1]
    store.import_events([make_event("imp", event_date=date(2024, 3, 5), source_url="https://x/")])
    store.save_article(make_article("s3"), [make_event("s3e", event_date=date(2024, 3, 5))])
    assert sorted(len(s) for s in _sources_agree(store)) == [1, 1, 2]  # adopted the import
    store.save_article(make_article("s4"), [make_event("s4e", point=KYIV)])  # joins s2e
    store.delete_article(second.article_id)  # s2e re-derived from s4's report alone
    agreed = _sources_agree(store)
    assert all(source["article_id"] != second.article_id for s in agreed for source in s)
    store.delete_article(first.article_id)
    assert len(_sources_agree(store)) == 2


def test_the_migration_fills_the_sources_of_a_stored_database(store: Store) -> None:
    from alembic import command

    from tracker.store.migrate import alembic_config, upgrade

    store.save_article(make_article("m1"), [make_event("m1e")])
    store.save_article(make_article("m2", outlet="Other"), [make_event("m2e")])  # merges
    store.save_article(make_article("m3"), [make_event("m3e", point=KYIV)])
    store.import_events([make_event("imp", event_date=date(2024, 5, 1))])
    with store.engine.begin() as conn:  # back to the schema before the column
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        # JSON as json.dumps wrote it before: escapes, spaces, an empty span.
        conn.execute(
            sa.text(
                "UPDATE events SET evidence = :e, trigger_span = '[3, 9]', place_span = '[]' "
                "WHERE event_id = 'm3e'"
            ),
            {"e": json.dumps(["trigger: удар", 'place: "Київ"'])},
        )
    store.engine.dispose()
    assert upgrade(store.engine).up_to_date
    with store.engine.connect() as conn:
        filled = conn.exec_driver_sql("SELECT count(*) FROM events WHERE sources IS NOT NULL")
        assert filled.scalar_one() == 2  # the imported event has no report: NULL
    assert sorted(len(s) for s in _sources_agree(store)) == [1, 1, 2]
    reference = [json_record(event) for event in store.query_events(EventFilter())]
    records = [_plain_record(r) for b in store.read_records(EventFilter()) for r in b.to_pylist()]
    assert records == reference
    moved = next(r for r in reference if r["event_id"] == "m3e")
    assert (moved["evidence"], moved["trigger_span"]) == (
        ["trigger: удар", 'place: "Київ"'],
        [3, 9],
    )
