"""One run at a time per job: an advisory ``flock`` on a lock file.

The kernel drops a ``flock`` when its holder exits, however it exits, so a
run killed by SIGKILL or a power cut leaves a file that no longer blocks
anyone: there is no stale-lock clean-up to get wrong. The file is never
deleted, because deleting it would let two runs lock two different files.

What the kernel cannot see is a holder that is alive but hung. The holder
writes its pid, start time and maximum run time into the file; a run refused
by a lock held for longer than that says so loudly (:class:`StaleLockError`,
exit code 4) instead of quietly doing nothing every hour.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError, LockedError, StaleLockError

# Long enough for an hourly ingest bounded by its fetch limits; a run still
# holding the lock after this is hung, and every run after it does nothing.
DEFAULT_MAX_RUN_TIME = 3600.0

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
_HOLDER = re.compile(r"^pid (\d+) since (\S+)(?: max-run (\d+(?:\.\d+)?)s)?")


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a job's lock, as its holder wrote it in the lock file."""

    pid: int
    since: datetime
    max_run_time: float | None  # seconds; None in files written before it was recorded

    def describe(self) -> str:
        """``pid 4121 since 2024-03-02T10:07:00+00:00``."""
        return f"pid {self.pid} since {self.since.isoformat(timespec='seconds')}"

    def limit(self, max_run_time: float) -> float:
        """The maximum run time that applies: the holder's own, else ``max_run_time``."""
        return self.max_run_time or max_run_time

    def held_for(self, *, now: datetime) -> timedelta:
        """How long the lock has been held."""
        return now - self.since

    def log_fields(self, *, now: datetime, max_run_time: float) -> dict[str, Any]:
        """The holder as fields of a JSON-lines log record."""
        return {
            "holder_pid": self.pid,
            "holder_since": self.since.isoformat(timespec="seconds"),
            "held_for_s": round(self.held_for(now=now).total_seconds()),
            "max_run_s": self.limit(max_run_time),
        }


def lock_path(name: str, *, directory: Path) -> Path:
    """The lock file of job ``name``; the name must be a plain file-name-safe word."""
    if not _NAME.match(name):
        raise ConfigError(
            f"lock name {name!r} is not usable; use letters, digits, '.', '_' or '-', "
            "e.g. --lock-name hourly-feeds"
        )
    return directory / f"{name}.lock"


@contextlib.contextmanager
def job_lock(
    name: str, *, directory: Path, max_run_time: float = DEFAULT_MAX_RUN_TIME
) -> Iterator[Path]:
    """Hold the lock of job ``name`` for the ``with`` block.

    Raises :class:`~tracker.errors.LockedError` (exit code 3) at once when
    another live process holds it; never waits. When that holder has held it
    for longer than its maximum run time (its own, as written in the file, or
    else ``max_run_time`` seconds), raises
    :class:`~tracker.errors.StaleLockError` (exit code 4) naming the holder
    and how to stop it.

    Examples
    --------
    >>> import tempfile
    >>> with job_lock("demo", directory=Path(tempfile.mkdtemp())) as path:
    ...     path.name
    'demo.lock'
    """
    if max_run_time <= 0:
        raise ConfigError(f"max_run_time {max_run_time!r} must be a positive number of seconds")
    path = lock_path(name, directory=directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise ConfigError(f"cannot create lock file {str(path)!r}: {err.strerror or err}") from err
    try:
        _acquire(fd, name, path, max_run_time)
        _record_holder(fd, max_run_time)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def read_holder(path: Path) -> LockHolder | None:
    """The holder recorded in lock file ``path``; None when it names none (or is unreadable)."""
    try:
        return _parse_holder(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def _acquire(fd: int, name: str, path: Path, max_run_time: float) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        line = _read_line(fd)
        holder = _parse_holder(line)
        if holder is not None and _is_stale(holder, max_run_time):
            raise StaleLockError(_stale_message(name, path, holder, max_run_time)) from None
        who = holder.describe() if holder else line or "another process"
        raise LockedError(
            f"job {name!r} is already running ({who}; lock file "
            f"{str(path)!r}); this run did nothing. Wait for it to finish, or use another "
            "--lock-name"
        ) from None


def _is_stale(holder: LockHolder, max_run_time: float) -> bool:
    if holder.held_for(now=datetime.now(UTC)).total_seconds() <= holder.limit(max_run_time):
        return False
    # A dead pid means the line is a previous holder's and the new one has not
    # written its own yet: its age says nothing about the process holding the lock.
    return _alive(holder.pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by another user
    return True


def _stale_message(name: str, path: Path, holder: LockHolder, max_run_time: float) -> str:
    held = holder.held_for(now=datetime.now(UTC))
    limit = timedelta(seconds=holder.limit(max_run_time))
    return (
        f"job {name!r} has held its lock for {_span(held)} ({holder.describe()}), "
        f"longer than its {_span(limit)} maximum run time, so it is probably hung and no run "
        f"has happened since; check it with 'ps -p {holder.pid}' and stop it with "
        f"'kill {holder.pid}' (the lock is freed when it exits; do not delete {str(path)!r})"
    )


def _span(length: timedelta) -> str:
    """``5h12m``, ``1h``, ``45m``, ``30s``: a duration as an operator reads it."""
    seconds = max(0, round(length.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if not hours and not minutes:
        return f"{seconds}s"
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else ""]
    return "".join(parts)


def _parse_holder(line: str) -> LockHolder | None:
    match = _HOLDER.match(line.strip())
    if match is None:
        return None
    try:
        since = datetime.fromisoformat(match[2])
    except ValueError:
        return None
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    max_run = float(match[3]) if match[3] else None
    return LockHolder(pid=int(match[1]), since=since, max_run_time=max_run)


def _record_holder(fd: int, max_run_time: float) -> None:
    # For the message a refused run prints and for its staleness check; the flock is the lock.
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    line = f"pid {os.getpid()} since {stamp} max-run {max(1, round(max_run_time))}s\n"
    os.ftruncate(fd, 0)
    os.pwrite(fd, line.encode(), 0)


def _read_line(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", errors="replace").strip()
    except OSError:
        return ""
