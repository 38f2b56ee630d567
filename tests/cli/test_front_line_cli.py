"""Homonyms chosen by the front line in `tracker ingest` (the store's recent events) and
`tracker extract --batch` (the batch's own unambiguous places). Passages written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

TESTS = Path(__file__).resolve().parents[1]
GAZETTEER = [
    TESTS / "fixtures" / "geonames" / "UA_sample.txt",
    TESTS / "extract" / "fixtures" / "places.txt",
    TESTS / "fixtures" / "geonames" / "admin1CodesASCII.txt",
]
KHARKIV_HAVRYLIVKA = 708873  # 11 km from Pidlyman, one of nine Havrylivkas
FRONT_DAYS = ("2024-04-08", "2024-04-09", "2024-04-10")  # three reports from that front


def front(day: str) -> str:
    return f"Russian artillery shelled Pidlyman overnight into {day}, the regional governor said."


HOMONYM = "Drones struck Havrylivka overnight, damaging a school, officials said."


def run(*args: str, stdin: str | None = None):
    result = CliRunner().invoke(cli, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    run("--db", url, "gazetteer", "load", *map(str, GAZETTEER))
    return url


def test_ingest_places_a_homonym_where_the_store_saw_fighting(db, tmp_path) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(
        "".join(json.dumps({"text": front(d), "published": d}) + "\n" for d in FRONT_DAYS)
    )
    run("--db", db, "ingest", str(first))
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps({"text": HOMONYM, "published": "2024-04-12"}) + "\n")
    run("--db", db, "ingest", str(second))
    out = json.loads(run("--db", db, "events", "--format", "json").output)
    [strike] = [e for e in out if e["notes"].startswith("Drones")]
    assert strike["geonameid"] == KHARKIV_HAVRYLIVKA
    assert any("chosen by the front line" in line for line in strike["evidence"])


def test_ingest_without_that_history_takes_the_largest_homonym(db, tmp_path) -> None:
    only = tmp_path / "only.jsonl"
    only.write_text(json.dumps({"text": HOMONYM, "published": "2024-04-12"}) + "\n")
    run("--db", db, "ingest", str(only))
    [strike] = json.loads(run("--db", db, "events", "--format", "json").output)
    assert strike["geonameid"] != KHARKIV_HAVRYLIVKA


def test_a_batch_gives_itself_front_line_context(tmp_path) -> None:
    batch = tmp_path / "batch.jsonl"
    # the homonym first: the first pass reads the whole batch before extracting
    lines = [{"id": "b", "text": HOMONYM, "published": "2024-04-12"}]
    lines += [{"id": d, "text": front(d), "published": d} for d in FRONT_DAYS]
    batch.write_text("".join(json.dumps(x) + "\n" for x in lines))
    gaz = [a for p in GAZETTEER for a in ("--gazetteer", str(p))]
    out = run("extract", "--batch", str(batch), *gaz).stdout
    by_id = {json.loads(line)["id"]: json.loads(line) for line in out.splitlines()}
    assert by_id["b"]["geonameid"] == KHARKIV_HAVRYLIVKA
