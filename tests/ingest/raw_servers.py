"""Misbehaving HTTP servers on 127.0.0.1, from raw sockets.

Well-behaved server libraries refuse to stack encodings by hand or to send
headers a byte at a time; a socket does what it is told.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
from collections.abc import Callable

Script = Callable[[socket.socket], None]


class Scripted:
    """A threaded TCP server on 127.0.0.1 that plays ``script`` on each connection."""

    def __init__(self, script: Script, *, path: str = "/page") -> None:
        self.connections = 0
        self._path = path
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer.connections += 1
                read_request(self.request)
                with contextlib.suppress(OSError):  # the client hung up, as it should
                    script(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{self._path}"

    def __enter__(self) -> Scripted:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def read_request(conn: socket.socket) -> None:
    """Read an HTTP request's head (a GET has no body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        got = conn.recv(4096)
        if not got:
            return
        data += got


def trickle(conn: socket.socket, data: bytes, *, every: float, at_most: float) -> None:
    """Send ``data`` one byte per ``every`` seconds, for no longer than ``at_most``."""
    started = time.monotonic()
    for byte in data:
        if time.monotonic() - started > at_most:
            return
        conn.sendall(bytes([byte]))
        time.sleep(every)
