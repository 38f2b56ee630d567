from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tracker.errors import ConfigError, LockedError, StaleLockError
from tracker.ingest.lock import job_lock

HOLD = """
import sys, time
from pathlib import Path
from tracker.ingest.lock import job_lock
with job_lock(sys.argv[1], directory=Path(sys.argv[2])):
    print("locked", flush=True)
    time.sleep(60)
"""


def test_a_second_holder_is_refused_at_once(tmp_path: Path) -> None:
    with job_lock("hourly", directory=tmp_path):
        with (
            pytest.raises(LockedError, match="already running") as info,
            job_lock("hourly", directory=tmp_path),
        ):
            pass
        assert info.value.exit_code == 3
        assert f"pid {os.getpid()}" in str(info.value)
        with job_lock("other-job", directory=tmp_path):
            pass  # another name is another job
    with job_lock("hourly", directory=tmp_path):
        pass  # released on exit


@contextlib.contextmanager
def _held_by_another_process(directory: Path) -> Iterator[int]:
    """Job ``hourly`` locked by a child process (its pid), SIGKILLed on exit."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, "hourly", str(directory)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path: Path) -> None:
    with (
        _held_by_another_process(tmp_path) as pid,
        pytest.raises(LockedError, match=f"pid {pid}"),
        job_lock("hourly", directory=tmp_path),
    ):
        pass
    assert (tmp_path / "hourly.lock").exists()  # the stale file is still there...
    with job_lock("hourly", directory=tmp_path):
        pass  # ...and does not block


def test_a_stale_lock_file_with_a_dead_pid_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "hourly.lock").write_text("pid 999999 since 2020-01-01T00:00:00+00:00\n")
    with job_lock("hourly", directory=tmp_path) as path:
        assert f"pid {os.getpid()}" in path.read_text()


@pytest.mark.parametrize("name", ["../etc/passwd", "", "a b", ".hidden"])
def test_unsafe_lock_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ConfigError, match="lock name"), job_lock(name, directory=tmp_path):
        pass


def _backdate(path: Path, *, pid: int, hours: float, max_run: str = "") -> str:
    """Rewrite the holder line as if ``pid`` had taken the lock ``hours`` ago."""
    since = (datetime.now(UTC) - timedelta(hours=hours)).isoformat(timespec="seconds")
    path.write_text(f"pid {pid} since {since}{max_run}\n")
    return since


def test_a_lock_held_past_the_maximum_run_time_is_reported_loudly(tmp_path: Path) -> None:
    with job_lock("hourly", directory=tmp_path, max_run_time=3600) as path:
        since = _backdate(path, pid=os.getpid(), hours=5)
        with (
            pytest.raises(StaleLockError) as info,
            job_lock("hourly", directory=tmp_path, max_run_time=3600),
        ):
            pass
    message = str(info.value)
    assert info.value.exit_code == 4
    assert isinstance(info.value, LockedError)
    assert "\n" not in message
    assert f"pid {os.getpid()} since {since}" in message
    assert "5h" in message and "1h maximum run time" in message
    assert f"kill {os.getpid()}" in message  # how to clear it
    assert str(path) in message


def test_a_lock_held_within_the_maximum_run_time_is_an_ordinary_refusal(tmp_path: Path) -> None:
    with job_lock("hourly", directory=tmp_path, max_run_time=3600) as path:
        _backdate(path, pid=os.getpid(), hours=0.5)
        with pytest.raises(LockedError) as info, job_lock("hourly", directory=tmp_path):
            pass
    assert not isinstance(info.value, StaleLockError)
    assert info.value.exit_code == 3


def test_the_holders_own_maximum_run_time_wins(tmp_path: Path) -> None:
    """A long backfill that declared 6 hours is not reported by an hourly run after 2."""
    with job_lock("hourly", directory=tmp_path, max_run_time=6 * 3600) as path:
        assert "max-run 21600s" in path.read_text()
        _backdate(path, pid=os.getpid(), hours=2, max_run=" max-run 21600s")
        with pytest.raises(LockedError) as info, job_lock("hourly", directory=tmp_path):
            pass
        assert not isinstance(info.value, StaleLockError)
        _backdate(path, pid=os.getpid(), hours=7, max_run=" max-run 21600s")
        with (
            pytest.raises(StaleLockError, match="6h maximum"),
            job_lock("hourly", directory=tmp_path),
        ):
            pass


def test_an_old_line_left_by_a_dead_process_is_not_called_stale(tmp_path: Path) -> None:
    """The flock is held but the line names a dead pid: the new holder has not written
    its own line yet, so the age on file is not the holder's."""
    with job_lock("hourly", directory=tmp_path) as path:
        _backdate(path, pid=999_999, hours=50)
        with pytest.raises(LockedError) as info, job_lock("hourly", directory=tmp_path):
            pass
    assert not isinstance(info.value, StaleLockError)


def test_a_stale_lock_held_by_another_process(tmp_path: Path) -> None:
    with _held_by_another_process(tmp_path) as pid:
        _backdate(tmp_path / "hourly.lock", pid=pid, hours=3)
        with (
            pytest.raises(StaleLockError, match=f"kill {pid}"),
            job_lock("hourly", directory=tmp_path),
        ):
            pass
    with job_lock("hourly", directory=tmp_path):
        pass  # once the hung holder is gone the job runs again


def test_the_maximum_run_time_must_be_positive(tmp_path: Path) -> None:
    with (
        pytest.raises(ConfigError, match="max_run_time"),
        job_lock("hourly", directory=tmp_path, max_run_time=0),
    ):
        pass
