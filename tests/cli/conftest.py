"""Fixtures for the CLI tests: a runner as an unprivileged user (see unprivileged.py)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.unprivileged import Unprivileged


@pytest.fixture
def unprivileged() -> Iterator[Unprivileged]:
    """A runner as ``nobody`` (when root) and its folder; skips when that user cannot run us."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-perm-"))
    folder.chmod(0o755)
    (folder / "home").mkdir()
    (folder / "home").chmod(0o777)  # the user's TRACKER_HOME (job locks)
    runner = Unprivileged(folder)
    try:
        probe = runner.run("--version")
    except OSError as err:  # no setpriv on this system
        probe = subprocess.CompletedProcess([], 1, "", str(err))
    if probe.returncode != 0:  # e.g. a checkout or a Python under /root
        shutil.rmtree(folder)
        pytest.skip(f"cannot run tracker as the unprivileged user 'nobody': {probe.stderr[-200:]}")
    yield runner
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)
