"""``tracker serve``: a live newsroom server over the event store.

OGC API - Features (Part 1 Core, GeoJSON, OpenAPI 3.0) for analysts and GIS
tools, alternate CSV and GeoJSON-sequence representations that stream, a
live map page for editors, and source health (``/health``, ``/sources``).
See docs/serve.md.

>>> from tracker.serve import create_app, run_server, ServeOptions
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from tracker.serve.app import ServeOptions, create_app
from tracker.serve.http import ACCESS_LOGGER

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["ServeOptions", "create_app", "log_access_to_stderr", "run_server", "run_workers"]

GRACEFUL_SHUTDOWN_S = 10


def run_server(app: Starlette, *, host: str, port: int) -> None:
    """Serve ``app`` with uvicorn until SIGINT or SIGTERM.

    On a signal uvicorn stops accepting connections, lets requests in flight
    finish (at most ``GRACEFUL_SHUTDOWN_S`` seconds), then runs the app's
    shutdown, which closes the database connections. The access log (one JSON
    object per line) goes to standard error, where systemd's journal keeps it.
    """
    import uvicorn

    log_access_to_stderr()
    uvicorn.Server(uvicorn.Config(app, host=host, port=port, **_SERVER)).run()


def run_workers(db_url: str, options: ServeOptions, *, host: str, port: int, workers: int) -> None:
    """Serve with ``workers`` processes, each with its own store (to use every core).

    Each worker builds its app with :func:`tracker.serve.worker.app_from_env`;
    uvicorn's supervisor restarts a worker that dies and passes SIGTERM on.
    """
    import os

    import uvicorn

    from tracker.serve.worker import ENV_CONFIG, config_to_env

    os.environ[ENV_CONFIG] = config_to_env(db_url, options)
    uvicorn.run(
        "tracker.serve.worker:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **_SERVER,
    )


_SERVER = {
    "access_log": False,  # ours is structured (tracker.serve.http.AccessLog)
    "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_S,
    "server_header": False,
    "proxy_headers": True,
    "forwarded_allow_ips": "127.0.0.1",
}


def log_access_to_stderr() -> None:
    """Send the JSON access log (``tracker.serve.access``) to standard error, message only."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
