"""Where the tracker keeps its data when the user says nothing."""

from __future__ import annotations

import enum
import os
from pathlib import Path

ENV_DB = "TRACKER_DB"
ENV_HOME = "TRACKER_HOME"


class Access(enum.Enum):
    """What opening the database may do: create it, write it, or only read it.

    Only commands that store something may create a database; the others must
    not turn a mistyped path into a new, empty one.
    """

    CREATE = "create"  # may create the SQLite file, its folder and the schema
    WRITE = "write"  # the database must exist; it is written
    READ = "read"  # the database must exist; opened read-only, never written


def data_home() -> Path:
    """The folder for the default database, maps and exports.

    ``$TRACKER_HOME`` when set, else ``$XDG_DATA_HOME/tracker``, else
    ``~/.local/share/tracker``: a per-user place, so a cron job and the user who
    set it up see the same database.
    """
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME]).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "tracker"


def default_db_url() -> str:
    """``$TRACKER_DB`` when set, else a SQLite file under :func:`data_home`."""
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    return f"sqlite:///{data_home() / 'tracker.db'}"
