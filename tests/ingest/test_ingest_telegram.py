"""Telegram Desktop chat exports as a source: one article per message with text."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.ingest.local import ReadOptions, read_path
from tracker.ingest.telegram import is_telegram_export

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "telegram"
V1, V2 = FIXTURES / "export_v1.json", FIXTURES / "export_v2.json"
KHARKIV = (
    "Kharkiv: Russian artillery shelled a residential district of Kharkiv on Monday morning, "
    "damaging two apartment blocks and wounding three civilians, the regional governor said."
)
BELGOROD = (
    "Вечером в Белгороде были слышны взрывы, местные власти "
    "сообщили о работе противовоздушной обороны."
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TRACKER_DB", raising=False)


def _run(tmp_path: Path, *args: str, stdin: str | None = None) -> Result:
    db = f"sqlite:///{tmp_path / 'tg.db'}"
    return CliRunner().invoke(cli, ["--db", db, *args], input=stdin)


def _ingest(tmp_path: Path, *args: str, stdin: str | None = None) -> Result:
    return _run(tmp_path, "ingest", "--no-progress", *args, stdin=stdin)


def _stored(tmp_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(tmp_path / "tg.db") as conn:
        query = "SELECT url, published, outlet, language FROM articles ORDER BY url"
        return conn.execute(query).fetchall()


def _export(tmp_path: Path, chat: dict[str, Any], messages: list[dict[str, Any]]) -> Path:
    path = tmp_path / "result.json"
    path.write_text(json.dumps({**chat, "messages": messages}, ensure_ascii=False), "utf-8")
    return path


def _message(number: int, text: Any, *, kind: str = "message") -> dict[str, Any]:
    return {"id": number, "type": kind, "date": f"2024-05-0{number}T10:00:00", "text": text}


def test_each_message_with_text_is_one_article() -> None:
    items = list(read_path(V1))
    assert [i.error for i in items] == [None, None, None]  # the service and photo-only are not
    articles = [i.article for i in items if i.article is not None]
    assert [a.text for a in articles][::2] == [KHARKIV, BELGOROD]  # formatting flattened
    assert [a.url for a in articles] == [f"https://t.me/c/1234567890/{n}" for n in (102, 103, 105)]
    assert [a.published for a in articles] == [date(2024, 4, 15)] * 2 + [date(2024, 4, 16)]
    assert {a.outlet for a in articles} == {"Example Front News"}
    assert [i.origin for i in items] == [f"{V1}#{n}" for n in (102, 103, 105)]


@pytest.mark.parametrize("given", ["example_front", "@example_front", "https://t.me/example_front"])
def test_the_channel_username_makes_public_links(given: str) -> None:
    items = read_path(V1, options=ReadOptions(telegram_channel=given))
    urls = [i.article.url for i in items if i.article is not None]
    assert urls == [f"https://t.me/example_front/{n}" for n in (102, 103, 105)]


def test_a_username_in_the_export_is_used_and_the_option_wins(tmp_path: Path) -> None:
    chat = {"name": "Chan", "type": "public_channel", "id": 5, "username": "own_name"}
    path = _export(tmp_path, chat, [_message(1, "Sirens sounded across the region at noon.")])
    [own] = read_path(path)
    assert own.article is not None and own.article.url == "https://t.me/own_name/1"
    [given] = read_path(path, options=ReadOptions(telegram_channel="other_name"))
    assert given.article is not None and given.article.url == "https://t.me/other_name/1"


def test_a_chat_without_message_links_is_known_by_its_text(tmp_path: Path) -> None:
    chat = {"name": "Reporters", "type": "private_group", "id": 77}
    text = "Power was cut in three districts after the strike on the substation."
    path = _export(tmp_path, chat, [_message(1, text), _message(2, text + " Repairs began.")])
    articles = [i.article for i in read_path(path) if i.article is not None]
    assert [(a.url, a.outlet) for a in articles] == [(None, "Reporters")] * 2
    assert _ingest(tmp_path, str(path)).exit_code == 0
    again = _ingest(tmp_path, str(path))
    assert "Articles: 0 new, 0 updated, 2 unchanged" in again.stderr


def test_a_newer_export_adds_only_its_new_messages(tmp_path: Path) -> None:
    first = _ingest(tmp_path, str(V1))
    assert first.exit_code == 0, first.output
    assert "Articles: 3 new, 0 updated, 0 unchanged" in first.stderr
    again = _ingest(tmp_path, str(V1))
    assert "Articles: 0 new, 0 updated, 3 unchanged" in again.stderr
    newer = _ingest(tmp_path, str(V2))
    assert newer.exit_code == 0, newer.output
    assert "Articles: 2 new, 0 updated, 3 unchanged" in newer.stderr
    assert len(_stored(tmp_path)) == 5


def test_each_message_gets_its_language(tmp_path: Path) -> None:
    assert _ingest(tmp_path, str(V2)).exit_code == 0
    base = "https://t.me/c/1234567890/"
    assert [(url.removeprefix(base), lang) for url, _, _, lang in _stored(tmp_path)] == [
        ("102", "en"),
        ("103", "uk"),
        ("105", "ru"),
        ("106", "en"),
        ("107", "en"),
    ]


def test_an_ingested_export_can_be_exported(tmp_path: Path) -> None:
    assert _ingest(tmp_path, str(V2), "--telegram-channel", "example_front").exit_code == 0
    out = tmp_path / "out.geojson"
    result = _run(tmp_path, "export", str(out))
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    links = {s["url"] for f in doc["features"] for s in f["properties"].get("sources", [])}
    links |= {f["properties"].get("source_url") for f in doc["features"]}
    assert "https://t.me/example_front/102" in links  # the Kharkiv shelling, read in English


def test_an_export_on_stdin_is_recognised_by_content(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "-", stdin=V1.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert "Articles: 3 new" in result.stderr


def test_a_bad_channel_username_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = _ingest(tmp_path, str(V1), "--telegram-channel", "not a name")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: --telegram-channel 'not a name' is not a channel username")


def test_an_export_with_no_messages_is_a_named_failure(tmp_path: Path) -> None:
    path = _export(tmp_path, {"name": "Quiet", "type": "public_channel", "id": 3}, [])
    result = _ingest(tmp_path, str(path))
    assert result.exit_code == 1
    assert f"{path}: the Telegram export holds no messages" in result.stderr


def test_a_bad_message_fails_alone(tmp_path: Path) -> None:
    chat = {"name": "Chan", "type": "public_channel", "id": 5}
    good = _message(2, "Shelling damaged a bridge outside the town in the evening.")
    path = _export(tmp_path, chat, [_message(1, "x"), good])
    path.write_text(path.read_text("utf-8").replace('"id": 1', '"id": "one"'), "utf-8")
    items = list(read_path(path))
    assert [i.article is not None for i in items] == [False, True]
    assert "message id 'one' is not a number" in str(items[0].error)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"name": "N", "type": "public_channel", "id": 1, "messages": []}, True),
        ({"messages": [{"id": 1, "type": "message", "date": "2024-01-01T00:00:00"}]}, True),
        ({"about": "a whole account", "chats": {"list": []}}, True),
        ({"text": "An article that mentions messages.", "messages": ["a", "b"]}, False),
        ({"text": "An article.", "messages": [{"id": 1}]}, False),
        ([{"id": 1, "type": "message", "date": "2024-01-01"}], False),
    ],
)
def test_exports_are_recognised_by_their_shape(data: object, expected: bool) -> None:
    assert is_telegram_export(data) is expected


def test_a_record_with_a_messages_key_is_still_a_record(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    record = {"text": "Shelling damaged a school in Kherson.", "messages": ["one", "two"]}
    path.write_text(json.dumps(record), "utf-8")
    [item] = read_path(path)
    assert item.article is not None and item.article.text == record["text"]


def test_a_sources_file_names_each_export_s_channel(tmp_path: Path) -> None:
    other = _export(
        tmp_path,
        {"name": "Other", "type": "public_channel", "id": 9},
        [_message(1, "Explosions were heard near the airfield in the early hours.")],
    )
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\npath = "{V1}"\ntelegram_channel = "@example_front"\n\n'
        f'[[source]]\npath = "{other.name}"\n',
        encoding="utf-8",
    )
    result = _ingest(tmp_path, "--sources", str(sources), "--telegram-channel", "other_chan")
    assert result.exit_code == 0, result.output
    assert [url for url, *_ in _stored(tmp_path)] == [
        "https://t.me/example_front/102",
        "https://t.me/example_front/103",
        "https://t.me/example_front/105",
        "https://t.me/other_chan/1",
    ]


def test_a_bad_channel_in_a_sources_file_is_named(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\npath = "{V1}"\ntelegram_channel = "t.me"\n', "utf-8")
    result = _ingest(tmp_path, "--sources", str(sources))
    assert result.exit_code == 2
    assert f"Error: {sources} source #1: telegram_channel 't.me' is not a channel" in result.stderr


def test_a_full_account_export_is_refused_with_the_fix(tmp_path: Path) -> None:
    chats = {"about": "export", "chats": {"about": "chats", "list": []}}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(chats), "utf-8")
    [item] = read_path(path)
    assert item.article is None
    assert "is a whole Telegram account export" in str(item.error)
