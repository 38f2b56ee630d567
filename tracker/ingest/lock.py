"""One run at a time per job: an advisory ``flock`` on a lock file.

The kernel drops a ``flock`` when its holder exits, however it exits, so a
run killed by SIGKILL or a power cut leaves a file that no longer blocks
anyone: there is no stale-lock clean-up to get wrong. The file is never
deleted, because deleting it would let two runs lock two different files.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from tracker.errors import ConfigError, LockedError

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def lock_path(name: str, *, directory: Path) -> Path:
    """The lock file of job ``name``; the name must be a plain file-name-safe word."""
    if not _NAME.match(name):
        raise ConfigError(
            f"lock name {name!r} is not usable; use letters, digits, '.', '_' or '-', "
            "e.g. --lock-name hourly-feeds"
        )
    return directory / f"{name}.lock"


@contextlib.contextmanager
def job_lock(name: str, *, directory: Path) -> Iterator[Path]:
    """Hold the lock of job ``name`` for the ``with`` block.

    Raises :class:`~tracker.errors.LockedError` (exit code 3) at once when
    another live process holds it; never waits.

    Examples
    --------
    >>> import tempfile
    >>> with job_lock("demo", directory=Path(tempfile.mkdtemp())) as path:
    ...     path.name
    'demo.lock'
    """
    path = lock_path(name, directory=directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise ConfigError(f"cannot create lock file {str(path)!r}: {err.strerror or err}") from err
    try:
        _acquire(fd, name, path)
        _record_holder(fd)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def _acquire(fd: int, name: str, path: Path) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read_holder(fd) or "another process"
        raise LockedError(
            f"job {name!r} is already running ({holder}; lock file {str(path)!r}); "
            "this run did nothing. Wait for it to finish, or use another --lock-name"
        ) from None


def _record_holder(fd: int) -> None:
    # Only informative, for the message a blocked run prints; the flock is the lock.
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} since {stamp}\n".encode(), 0)


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", errors="replace").strip()
    except OSError:
        return ""
