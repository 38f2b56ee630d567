"""Run ``tracker`` where permission bits count, even when the suite runs as root.

CI runs the suite as root, and root reads and writes through any permission
bits. The ``unprivileged`` fixture runs the real command as ``nobody`` (via
``setpriv``) when we are root, and as ourselves otherwise, in a folder that
user can reach (pytest's ``tmp_path`` is private to its owner).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TRACKER = Path(sys.executable).with_name("tracker")
NOBODY = 65534
AS_NOBODY = ("setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")


@dataclass(frozen=True)
class Unprivileged:
    """Runs ``tracker`` as a user the permission bits apply to, in ``folder``."""

    folder: Path

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """``tracker ARGS`` with TRACKER_HOME in a folder that user may write."""
        return self.execute(str(TRACKER), *args, stdin=stdin)

    def execute(self, *command: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """Any ``command`` (e.g. this Python) as that user, in ``folder``."""
        if os.geteuid() == 0:
            command = (*AS_NOBODY, *command)
        return subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            text=True,
            cwd=self.folder,
            env={**os.environ, "TRACKER_HOME": str(self.folder / "home")},
            timeout=120,
        )
