"""A headless Chromium that sees no internet: CDN files come from node_modules, tiles are blank.

Every request goes through one handler. ``file:``, ``data:`` and ``blob:``
URLs pass; CDN URLs are answered from the npm packages pinned in
package.json; tile URLs get a blank 256x256 PNG; anything else is aborted and
recorded, and the tests fail if that list is not empty.
"""

from __future__ import annotations

import mimetypes
import os
import re
import shutil
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from maps.assets import npm_path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TILE_URL = re.compile(r"/\d+/\d+/\d+\.png(\?.*)?$")


def blank_png(size: int = 256) -> bytes:
    """A light grey PNG tile, written by hand so the tests need no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = b"".join(b"\x00" + b"\xee" * size for _ in range(size))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + (chunk(b"IEND", b""))
    )


BLANK_TILE = blank_png()


def browser_missing_reason(*, npm: bool = False) -> str | None:
    """Why browser tests cannot run here, or None when they can.

    Maps inline Leaflet from the installed package; only the tests of
    CDN-linked pages (``npm``) need the npm copies to answer CDN URLs.
    """
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    if npm and not (NODE_MODULES / "leaflet" / "dist" / "leaflet.js").exists():
        return "node_modules is missing (run `npm ci` at the repository root)"
    return None


def require_browser(*, npm: bool = False) -> None:
    """Skip with a clear message when Chromium (or the npm assets) are missing; fail under CI."""
    reason = browser_missing_reason(npm=npm)
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@dataclass
class Traffic:
    """What a page asked for: answered from disk, blank tiles, and refused requests."""

    served: list[str] = field(default_factory=list)
    tiles: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def route_offline(page: Any, traffic: Traffic, *, block_all: bool = False) -> None:
    """Answer every request of ``page`` locally (or refuse all of them with ``block_all``)."""

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")) and not (
            block_all and url.startswith("file:") and route.request.resource_type != "document"
        ):
            route.continue_()
            return
        if block_all:
            traffic.refused.append(url)
            route.abort()
            return
        local = npm_path(url)
        if local is not None and (NODE_MODULES / local).is_file():
            traffic.served.append(url)
            route.fulfill(
                status=200,
                body=(NODE_MODULES / local).read_bytes(),
                headers={
                    "Content-Type": mimetypes.guess_type(local)[0] or "application/octet-stream",
                    "Access-Control-Allow-Origin": "*",
                },
            )
        elif TILE_URL.search(url):
            traffic.tiles.append(url)
            route.fulfill(status=200, body=BLANK_TILE, headers={"Content-Type": "image/png"})
        else:
            traffic.refused.append(url)
            route.abort()

    page.route("**/*", handle)
    page.on(
        "console",
        lambda msg: (
            traffic.console_errors.append(f"{msg.text} @ {msg.location}")
            if msg.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda err: traffic.page_errors.append(str(err)))


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, with networking side channels turned off."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def save_screenshot(page: Any, name: str) -> Path:
    """Save a PNG under test-artifacts/ (gitignored) for a human to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def copy_node_modules_subset(dest: Path) -> Path:
    """A mirror folder holding only Leaflet, laid out as node_modules."""
    shutil.copytree(NODE_MODULES / "leaflet", dest / "leaflet")
    return dest
