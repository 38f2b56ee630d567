"""CSV exports: UTF-8, RFC 4180 quoting, ACLED's column names and order with --acled."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from export_samples import TRICKY, make_event, sample_events

from tracker.export import ACLED, DEFAULT, ExportMetadata, export_events
from tracker.model import SubEventType

# ACLED's own export columns in their order (docs/domain.md); we fill those we have.
ACLED_ORDER = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def _header(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_default_csv_has_every_column_and_survives_tricky_text(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.csv"
    result = export_events(sample_events(), out, metadata=metadata)
    rows = _rows(out)
    assert result.format == "csv" and result.count == 4
    assert list(rows[0]) == list(DEFAULT.names)
    by_id = {r["event_id"]: r for r in rows}
    assert by_id["ev-kharkiv"]["notes"] == TRICKY
    assert by_id["ev-havrylivka"]["latitude"] == "50.67556"
    assert by_id["ev-havrylivka"]["longitude"] == "30.21356"
    assert by_id["ev-unlocated"]["latitude"] == "" and by_id["ev-unlocated"]["geo_precision"] == ""
    assert json.loads(by_id["ev-havrylivka"]["sources"])[0]["outlet"] == "Example News"
    assert by_id["ev-kharkiv"]["alleged"] == "true"


def test_acled_layout_follows_acled_names_and_order(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.csv"
    export_events(sample_events(), out, metadata=metadata, acled=True)
    header = _header(out)
    shared = [name for name in header if name in ACLED_ORDER]
    assert header[: len(shared)] == shared  # ACLED's columns come first ...
    assert shared == [name for name in ACLED_ORDER if name in shared]  # ... in ACLED's order
    assert list(ACLED.names) == header
    assert {"event_id_cnty", "year", "disorder_type", "source", "timestamp"} <= set(shared)
    # Positional stacking under an ACLED download needs all 31, none missing.
    assert header[: len(ACLED_ORDER)] == list(ACLED_ORDER)
    assert not set(header[len(ACLED_ORDER) :]) & set(ACLED_ORDER)


def test_acled_actor_types_country_codes_and_blanks(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    out = tmp_path / "events.csv"
    events = [
        *sample_events(),
        make_event("ev-protest", sub_event_type=SubEventType.PEACEFUL_PROTEST,
                   actor1="Protesters (Russia)", actor2=None, country="Russia"),
        make_event("ev-wagner", actor1="Wagner Group", actor2="DNR: Donetsk People's Republic",
                   country="Belarus"),
        make_event("ev-odd", actor1="Unidentified Armed Group (Ukraine)", actor2=None,
                   country="Atlantis"),
    ]  # fmt: skip
    export_events(events, out, metadata=metadata, acled=True)
    by_id = {r["event_id_cnty"]: r for r in _rows(out)}
    clash, attack = by_id["ev-havrylivka"], by_id["ev-kharkiv"]
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("1", "1", "11")
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == ("1", "7", "17")
    assert (clash["iso"], clash["region"]) == ("804", "Europe")
    protest = by_id["ev-protest"]
    assert (protest["inter1"], protest["inter2"], protest["interaction"]) == ("6", "", "60")
    assert (protest["iso"], protest["region"]) == ("643", "Europe")
    wagner = by_id["ev-wagner"]
    assert (wagner["inter1"], wagner["inter2"], wagner["interaction"]) == ("8", "2", "28")
    assert wagner["iso"] == "112"
    odd = by_id["ev-odd"]  # an actor of unknown type and an unknown country: left empty
    assert (odd["inter1"], odd["interaction"], odd["iso"], odd["region"]) == ("", "", "", "")
    for row in by_id.values():
        for blank in ("assoc_actor_1", "assoc_actor_2", "admin3", "source_scale", "tags"):
            assert row[blank] == ""


def test_civilian_targeting_follows_a_civilian_actor2(
    tmp_path: Path, metadata: ExportMetadata
) -> None:
    # A shelling (not Violence against civilians) whose second actor is civilians.
    event = make_event("e", actor2="Civilians (Ukraine)", target=None)
    out = tmp_path / "one.csv"
    export_events([event], out, metadata=metadata, acled=True)
    assert _rows(out)[0]["civilian_targeting"] == "Civilian targeting"


def test_acled_values(tmp_path: Path, metadata: ExportMetadata) -> None:
    out = tmp_path / "events.csv"
    export_events(sample_events(), out, metadata=metadata, acled=True)
    by_id = {r["event_id_cnty"]: r for r in _rows(out)}
    depot = by_id["ev-havrylivka"]
    assert depot["year"] == "2022"
    assert depot["disorder_type"] == "Political violence"
    assert depot["source"] == "Example News"
    assert depot["timestamp"] == "1709296215"  # 2024-03-01T12:30:15Z
    assert depot["civilian_targeting"] == ""
    assert by_id["ev-kharkiv"]["civilian_targeting"] == "Civilian targeting"
    assert by_id["ev-unlocated"]["disorder_type"] == "Strategic developments"


@pytest.mark.parametrize(
    ("sub", "disorder"),
    [
        (SubEventType.PEACEFUL_PROTEST, "Demonstrations"),
        (SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "Political violence; Demonstrations"),
        (SubEventType.MOB_VIOLENCE, "Political violence"),
        (SubEventType.ARMED_CLASH, "Political violence"),
    ],
)
def test_disorder_type_by_sub_event_type(
    tmp_path: Path, metadata: ExportMetadata, sub: SubEventType, disorder: str
) -> None:
    out = tmp_path / "one.csv"
    export_events([make_event("e", sub_event_type=sub)], out, metadata=metadata, acled=True)
    assert _rows(out)[0]["disorder_type"] == disorder


def test_formula_like_text_is_neutralised(tmp_path: Path, metadata: ExportMetadata) -> None:
    out = tmp_path / "events.csv"
    export_events(sample_events(), out, metadata=metadata)
    kharkiv = next(r for r in _rows(out) if r["event_id"] == "ev-kharkiv")
    assert kharkiv["source_title"] == '\'=HYPERLINK("http://evil.example")'


def test_pandas_reads_types_back(tmp_path: Path, metadata: ExportMetadata) -> None:
    out = tmp_path / "events.csv"
    export_events(sample_events(), out, metadata=metadata)
    frame = pd.read_csv(out, encoding="utf-8")
    assert len(frame) == 4
    assert frame["latitude"].dtype == float and frame["fatalities"].dtype == int
    assert frame.loc[frame["event_id"] == "ev-kharkiv", "notes"].item() == TRICKY


def test_csv_to_standard_output(
    metadata: ExportMetadata, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    result = export_events(sample_events(), "-", fmt="csv", metadata=metadata)
    raw = capsysbinary.readouterr().out
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert result.path is None and len(rows) == 4
    assert rows[1]["notes"] == TRICKY


@pytest.mark.parametrize("layout", [DEFAULT, ACLED], ids=["default", "acled"])
def test_generated_row_reader_matches_the_column_readers(layout) -> None:
    from tracker.export.columns import row_reader

    read_row = row_reader(layout)
    for event in sample_events():
        assert read_row(event) == {c.name: c.read(event) for c in layout.columns}
        assert list(read_row(event)) == list(layout.names)
