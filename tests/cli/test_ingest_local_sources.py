"""``tracker ingest`` on local sources that are not plain files: pipes, odd folder entries.

Every one is either read or named as a failed item (exit 1); none may be passed
over in silence with exit 0.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.cli.unprivileged import Unprivileged
from tracker.cli import cli

TRACKER = Path(sys.executable).with_name("tracker")
KHARKIV = (
    "A missile hit a printing house in Kharkiv on Thursday morning, injuring seven "
    "workers, the city's mayor wrote on Telegram."
)
ODESA = (
    "Drones attacked port infrastructure in Odesa overnight; air defence downed most of "
    "them, and a grain silo caught fire, the navy spokesman said."
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TRACKER_DB", raising=False)


def _ingest(tmp_path: Path, *args: str) -> Result:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    return CliRunner().invoke(
        cli, ["--db", db, "ingest", "--no-progress", "--published", "2022-05-02", *args]
    )


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "kharkiv.txt").write_text(KHARKIV, encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "odesa.txt").write_text(ODESA, encoding="utf-8")
    return folder


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe a writer thread fills with one article once a reader opens it."""
    path = tmp_path / "wire"
    os.mkfifo(path)

    def write() -> None:
        with path.open("w", encoding="utf-8") as pipe:
            pipe.write(KHARKIV)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    yield path
    # Unblock the writer if nothing ever opened the pipe for reading.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    writer.join(timeout=30)
    os.close(fd)


def test_a_named_pipe_is_read_as_a_stream(tmp_path: Path, fifo: Path) -> None:
    result = _ingest(tmp_path, str(fifo))
    assert result.exit_code == 0, result.output
    assert "Articles: 1 new" in result.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="process substitution needs bash")
def test_process_substitution_is_read(tmp_path: Path) -> None:
    env = {**os.environ, "TRACKER_HOME": str(tmp_path / "home"), "ARTICLE": KHARKIV}
    script = (
        f'"{TRACKER}" --db "sqlite:///{tmp_path}/cli.db" ingest --no-progress '
        '--published 2022-05-02 <(printf "%s" "$ARTICLE")'
    )
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Articles: 1 new" in result.stderr


@pytest.mark.parametrize("target", ["gone.txt", "loop.txt"])
def test_a_broken_link_in_a_folder_is_a_failed_item(tmp_path: Path, target: str) -> None:
    folder = _folder(tmp_path)
    (folder / "loop.txt").symlink_to(folder / target)  # "loop.txt" points at itself
    result = _ingest(tmp_path, str(folder))
    assert result.exit_code == 1, result.output
    link = str(folder / "loop.txt")
    assert f"Failed: {link!r} is a broken symbolic link" in result.stderr
    assert "Articles: 2 new" in result.stderr  # the readable ones still went in
    assert "Traceback" not in result.output


def test_an_unreadable_subfolder_is_a_failed_item(unprivileged: Unprivileged) -> None:
    folder = _folder(unprivileged.folder)
    (unprivileged.folder / "db").mkdir(mode=0o777)
    (unprivileged.folder / "db").chmod(0o777)
    (folder / "sub").chmod(0o000)
    result = unprivileged.run(
        "--db",
        f"sqlite:///{unprivileged.folder / 'db' / 'cli.db'}",
        *("ingest", "--no-progress", "--published", "2022-05-02", str(folder)),
    )
    assert result.returncode == 1, result.stderr
    sub = str(folder / "sub")
    assert f"Failed: {sub!r} is a folder that cannot be listed (Permission denied)" in result.stderr
    assert "Articles: 1 new" in result.stderr
