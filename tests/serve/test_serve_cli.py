"""`tracker serve` as an operator runs it: a process, an access log, a clean stop on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

TRACKER = [sys.executable, "-c", "from tracker.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"tracker serve exited early: {proc.stderr.read().decode()}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("tracker serve did not come up within 60 s")


def test_serve_logs_each_request_as_json_and_stops_cleanly_on_sigterm(
    events_url: str, tmp_path: Path
) -> None:
    port = _free_port()
    env = {**os.environ, "TRACKER_DB": events_url}
    proc = subprocess.Popen(
        [*TRACKER, "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,  # no node_modules here: the map falls back to the asset cache
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base + "/conformance", proc)
        reply = httpx.get(base + "/collections/events/items", params={"limit": 3})
        assert reply.json()["numberReturned"] == 3
        proc.send_signal(signal.SIGTERM)
        # uvicorn shuts down, then re-raises the signal so the status says why it stopped
        # (systemd counts SIGTERM as a clean exit).
        assert proc.wait(timeout=30) in (0, -signal.SIGTERM)
    finally:
        if proc.poll() is None:
            proc.kill()
    log = proc.stderr.read().decode()
    assert "Application shutdown complete" in log  # the app's shutdown ran: connections closed
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    items = [line for line in lines if line["path"] == "/collections/events/items"]
    assert items and items[0]["status"] == 200 and items[0]["query"] == "limit=3"
    assert {"time", "client", "method", "bytes", "ms"} <= set(items[0])


def test_serve_refuses_a_missing_database_in_one_line(tmp_path: Path) -> None:
    missing = f"sqlite:///{tmp_path / 'nothing.db'}"
    done = subprocess.run(
        [*TRACKER, "--db", missing, "serve", "--port", str(_free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Error: no database at") and done.stderr.count("\n") == 1


def test_serve_with_two_workers_answers_and_stops(events_url: str, tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [*TRACKER, "--db", events_url, "serve", "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base + "/conformance", proc)
        pages = [
            httpx.get(base + "/collections/events/items", params={"limit": 2}) for _ in range(6)
        ]
        assert {p.json()["numberMatched"] for p in pages} == {400}
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    log = proc.stderr.read().decode()
    assert log.count('"path": "/collections/events/items"') == 6
