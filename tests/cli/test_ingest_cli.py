"""``tracker ingest`` through click: exit codes, messages, stdout vs stderr."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pytest_httpserver import HTTPServer

from tracker.cli import cli
from tracker.ingest.lock import job_lock

KHARKIV = (
    "Russian artillery shelled residential districts of Kharkiv on Monday, killing two "
    "civilians and damaging a school, the regional governor said."
)
ODESA = (
    "Ukrainian air defence shot down an attack drone over Odesa on Tuesday night, the "
    "southern command reported; debris fell on an empty warehouse near the port."
)
PAGE = (
    "<html lang='en'><head><title>Drone downed over Odesa</title></head><body>"
    f"<article><h1>Drone downed over Odesa</h1><p>{ODESA} Nobody was hurt.</p></article>"
    "</body></html>"
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRACKER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TRACKER_DB", raising=False)
    return tmp_path / "home"


def _ingest(tmp_path: Path, *args: str, stdin: str | None = None) -> Result:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    return CliRunner().invoke(cli, ["--db", db, "ingest", "--no-progress", *args], input=stdin)


def _texts(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "kharkiv.txt").write_text(KHARKIV, encoding="utf-8")
    (folder / "odesa.txt").write_text(ODESA, encoding="utf-8")
    return folder


def test_a_folder_is_ingested_and_the_summary_goes_to_stderr(tmp_path: Path) -> None:
    result = _ingest(tmp_path, str(_texts(tmp_path)), "--published", "2022-05-02")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Articles: 2 new" in result.stderr
    again = _ingest(tmp_path, str(tmp_path / "articles"), "--published", "2022-05-02")
    assert "Articles: 0 new, 0 updated, 2 unchanged" in again.stderr
    assert "Events: 0 added" in again.stderr


def test_json_summary_on_stdout(tmp_path: Path) -> None:
    result = _ingest(tmp_path, str(_texts(tmp_path)), "--json")
    summary = json.loads(result.stdout)
    assert summary["articles_new"] == 2 and summary["failures"] == []


def test_stdin(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "-", "--published", "2022-05-02", stdin=KHARKIV)
    assert result.exit_code == 0, result.output
    assert "Articles: 1 new" in result.stderr


def test_some_items_failing_exits_1_and_names_them(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"text": KHARKIV}) + "\n{oops\n", encoding="utf-8")
    result = _ingest(tmp_path, str(batch))
    assert result.exit_code == 1
    assert f"Failed: {batch}:2: " in result.stderr
    assert "Articles: 1 new" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x.txt", "--published", "12/04/2022"], "YYYY-MM-DD"),
        (["--timeout", "0"], "--timeout"),
        ([], "no sources given"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = _ingest(tmp_path, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_url_with_several_articles_is_a_usage_error(tmp_path: Path) -> None:
    result = _ingest(tmp_path, str(_texts(tmp_path)), "--url", "https://t.example/a")
    assert result.exit_code == 2
    assert "Error: --url and --title describe one article" in result.stderr


def test_a_missing_file_is_one_error_line(tmp_path: Path) -> None:
    result = _ingest(tmp_path, str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_a_held_lock_exits_3_with_a_clear_message(tmp_path: Path, home: Path) -> None:
    folder = _texts(tmp_path)
    with job_lock("hourly", directory=home / "locks"):
        result = _ingest(tmp_path, str(folder), "--lock-name", "hourly")
    assert result.exit_code == 3
    assert "job 'hourly' is already running" in result.stderr
    assert "Wait for it to finish" in result.stderr
    assert _ingest(tmp_path, str(folder), "--lock-name", "hourly").exit_code == 0


def test_a_stale_lock_exits_4_with_how_to_clear_it(tmp_path: Path, home: Path) -> None:
    folder = _texts(tmp_path)
    with job_lock("hourly", directory=home / "locks") as path:
        path.write_text(f"pid {os.getpid()} since 2020-01-01T00:00:00+00:00\n")
        result = _ingest(tmp_path, str(folder), "--lock-name", "hourly")
    assert result.exit_code == 4
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: job 'hourly' has held its lock for ")
    assert f"pid {os.getpid()} since 2020-01-01T00:00:00+00:00" in line
    assert f"kill {os.getpid()}" in line


def test_max_run_time_is_what_the_run_declares_in_its_lock(tmp_path: Path, home: Path) -> None:
    folder = _texts(tmp_path)
    result = _ingest(tmp_path, str(folder), "--lock-name", "backfill", "--max-run-time", "7200")
    assert result.exit_code == 0, result.output
    assert "max-run 7200s" in (home / "locks" / "backfill.lock").read_text()


def test_private_urls_are_refused_unless_allowed(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(PAGE, content_type="text/html")
    refused = _ingest(tmp_path, httpserver.url_for("/story"))
    assert refused.exit_code == 1
    assert "--allow-private-urls" in refused.stderr
    allowed = _ingest(tmp_path, httpserver.url_for("/story"), "--allow-private-urls")
    assert allowed.exit_code == 0, allowed.output
    assert "Articles: 1 new" in allowed.stderr


def test_file_urls_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(KHARKIV, encoding="utf-8")
    result = _ingest(tmp_path, secret.as_uri(), "--allow-private-urls")
    assert result.exit_code == 1
    assert "only http:// and https://" in result.stderr


def test_log_file(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "ingest.jsonl"
    texts = str(_texts(tmp_path))
    _ingest(tmp_path, texts, "--published", "2022-05-02", "--log-jsonl", str(log))
    events = [json.loads(line)["event"] for line in log.read_text().splitlines()]
    assert events == ["start", "article", "article", "summary"]


def test_a_non_web_url_option_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(KHARKIV, encoding="utf-8")
    result = _ingest(tmp_path, str(tmp_path / "a.txt"), "--url", "javascript:alert(1)")
    assert result.exit_code == 2
    assert "not an http(s) URL" in result.stderr


def _event_dates(tmp_path: Path) -> set[str]:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(cli, ["--db", db, "events", "--format", "json"])
    return {row["event_date"] for row in json.loads(result.stdout)}


def test_an_undated_text_warns_and_re_ingesting_with_its_date_re_extracts_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "kharkiv.txt").write_text(KHARKIV, encoding="utf-8")
    first = _ingest(tmp_path, str(tmp_path / "kharkiv.txt"))
    assert first.exit_code == 0, first.output
    [warning] = [line for line in first.stderr.splitlines() if line.startswith("Warning:")]
    assert str(tmp_path / "kharkiv.txt") in warning and "--published YYYY-MM-DD" in warning
    assert not any(day.startswith("2022") for day in _event_dates(tmp_path))
    dated = _ingest(tmp_path, str(tmp_path / "kharkiv.txt"), "--published", "2022-05-03")
    assert dated.exit_code == 0, dated.output
    assert "0 unchanged, 1 reprocessed" in dated.stderr and "Warning:" not in dated.stderr
    assert _event_dates(tmp_path) == {"2022-05-02"}  # "on Monday" before Tuesday 3 May
    again = _ingest(tmp_path, str(tmp_path / "kharkiv.txt"), "--published", "2022-05-03")
    assert "1 unchanged, 0 reprocessed" in again.stderr


def test_reprocess_re_extracts_what_is_stored(tmp_path: Path) -> None:
    folder = str(_texts(tmp_path))
    _ingest(tmp_path, folder, "--published", "2022-05-02")
    result = _ingest(tmp_path, folder, "--reprocess", "--json")
    assert result.exit_code == 0, result.output
    assert "2 reprocessed" in result.stderr and "Warning:" not in result.stderr
    summary = json.loads(result.stdout)
    assert (summary["articles_reprocessed"], summary["events_added"]) == (2, 0)
