from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.errors import ConfigError, LockedError
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


def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, "hourly", str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with (
            pytest.raises(LockedError, match=f"pid {holder.pid}"),
            job_lock("hourly", directory=tmp_path),
        ):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
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
