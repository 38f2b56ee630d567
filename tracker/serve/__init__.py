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

__all__ = ["ServeOptions", "create_app", "run_server"]

GRACEFUL_SHUTDOWN_S = 10


def run_server(app: Starlette, *, host: str, port: int) -> None:
    """Serve ``app`` with uvicorn until SIGINT or SIGTERM.

    On a signal uvicorn stops accepting connections, lets requests in flight
    finish (at most ``GRACEFUL_SHUTDOWN_S`` seconds), then runs the app's
    shutdown, which closes the database connections. The access log (one JSON
    object per line) goes to standard error, where systemd's journal keeps it.
    """
    import uvicorn

    _log_access_to_stderr()
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,  # ours is structured (tracker.serve.http.AccessLog)
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
        server_header=False,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
    )
    uvicorn.Server(config).run()


def _log_access_to_stderr() -> None:
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
