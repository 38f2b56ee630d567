"""The app each uvicorn worker process builds for ``tracker serve --workers N``.

uvicorn starts worker processes from an import string, so the options travel
in one environment variable (JSON) and every worker opens its own read-only
store: SQLite and PostgreSQL connections cannot cross a fork.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.serve.app import ServeOptions, create_app
from tracker.serve.mappage import MapOptions

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["ENV_CONFIG", "app_from_env", "config_to_env"]

ENV_CONFIG = "TRACKER_SERVE_CONFIG"
_PATHS = ("boundaries", "asset_dir")


def config_to_env(db_url: str, options: ServeOptions) -> str:
    """The JSON :func:`app_from_env` reads back: the database URL and the map options."""
    mapping = {
        k: (str(v) if k in _PATHS and v is not None else v)
        for k, v in dataclasses.asdict(options.map).items()
    }
    return json.dumps({"db_url": db_url, "map": mapping, "threads": options.threads})


def app_from_env() -> Starlette:
    """Build the app from ``$TRACKER_SERVE_CONFIG`` (uvicorn calls this in each worker)."""
    from tracker.serve import log_access_to_stderr
    from tracker.settings import Access
    from tracker.store import open_store

    config: dict[str, Any] = json.loads(os.environ[ENV_CONFIG])
    mapping = {
        k: (Path(v) if k in _PATHS and v is not None else v) for k, v in config["map"].items()
    }
    options = ServeOptions(map=MapOptions(**mapping), threads=config["threads"])
    log_access_to_stderr()
    return create_app(open_store(config["db_url"], access=Access.READ), options=options)
