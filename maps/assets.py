"""Where the map's scripts and styles come from, and how they are inlined.

A map carries every script, stylesheet and image inside the HTML as text or
``data:`` URIs, so it opens with no network and tells no CDN who is reading
(``cdn=True`` keeps the small file that links Leaflet from its CDN instead).
The files come from, in order: a mirror folder given by the user (laid out as
``HOST/PATH`` like the URLs, or a ``node_modules`` folder from ``npm ci``), an
installed package that ships Leaflet (XStatic-Leaflet, a dependency of this
project, or Debian's ``libjs-leaflet``), the local asset cache, or, only when
the caller allows it, the CDN itself (the answer is then kept in the cache).
"""

from __future__ import annotations

import base64
import importlib
import mimetypes
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from maps.errors import AssetError

LEAFLET_DIST = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/"
DEBIAN_LEAFLET = Path("/usr/share/javascript/leaflet")  # apt-get install libjs-leaflet
LEAFLET_JS = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
LEAFLET_CSS = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")

_JSDELIVR = "https://cdn.jsdelivr.net/npm/"
_CDNJS = "https://cdnjs.cloudflare.com/ajax/libs/"
_GLYPHICONS = "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/"

# The CDN files Folium 0.20 links, mapped to the same files in npm packages
# (versions pinned in package.json). Exact URLs first, then URL folders.
CDN_FILES: dict[str, str] = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    _CDNJS + "jquery/3.7.1/jquery.min.js": "jquery/dist/jquery.min.js",
    _CDNJS + "moment.js/2.18.1/moment.min.js": "moment/min/moment.min.js",
    # the npm package ships only the unminified file
    _JSDELIVR + "iso8601-js-period@0.2.1/iso8601.min.js": "iso8601-js-period/iso8601.js",
    # a substitute carrying the same glyph font
    _GLYPHICONS + "css/bootstrap-glyphicons.css": "glyphicons-only-bootstrap/css/bootstrap.min.css",
    _CDNJS + "Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js": (
        "drmonty-leaflet-awesome-markers/js/leaflet.awesome-markers.js"
    ),
}
CDN_FOLDERS: tuple[tuple[str, str], ...] = (
    (_JSDELIVR + "leaflet@1.9.3/", "leaflet/"),
    (_JSDELIVR + "bootstrap@5.2.2/", "bootstrap/"),
    (_JSDELIVR + "@fortawesome/fontawesome-free@6.2.0/", "@fortawesome/fontawesome-free/"),
    (_JSDELIVR + "leaflet-timedimension@1.1.1/", "leaflet-timedimension/"),
    (_CDNJS + "Leaflet.awesome-markers/2.0.2/", "drmonty-leaflet-awesome-markers/css/"),
    (_CDNJS + "leaflet.markercluster/1.1.0/", "leaflet.markercluster/dist/"),
    (_GLYPHICONS + "fonts/", "glyphicons-only-bootstrap/fonts/"),
)

FETCH_TIMEOUT_S = 20.0
FETCH_MAX_BYTES = 8_000_000
_MIME = {".woff2": "font/woff2", ".png": "image/png", ".svg": "image/svg+xml"}
_DROPPED_FONTS = {".eot", ".ttf", ".woff"}  # every browser that runs the map reads woff2

_SCRIPT = re.compile(r'<script src="(https?://[^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(https?://[^"]+)"\s*/?>')
_LINKED = re.compile(
    r'<script src="(?P<script>https?://[^"]+)"></script>'
    r'|<link rel="stylesheet" href="(?P<style>https?://[^"]+)"\s*/?>'
)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


def npm_path(url: str) -> str | None:
    """The path inside ``node_modules`` holding the same file as a CDN URL, if known.

    >>> npm_path("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
    'leaflet/dist/leaflet.js'
    >>> npm_path("https://example.org/x.js") is None
    True
    """
    clean = url.split("?")[0].split("#")[0]
    if clean in CDN_FILES:
        return CDN_FILES[clean]
    for prefix, folder in CDN_FOLDERS:
        if clean.startswith(prefix):
            return folder + clean[len(prefix) :]
    return None


def packaged_leaflet() -> Path | None:
    """The folder holding ``leaflet.js``, ``leaflet.css`` and ``images/`` from an installed
    package: XStatic-Leaflet (a dependency), else Debian's libjs-leaflet; None if neither.
    """
    folders = [DEBIAN_LEAFLET]
    try:
        leaflet = importlib.import_module("xstatic.pkg.leaflet")
        folders.insert(0, Path(leaflet.BASE_DIR))
    except ImportError:
        pass
    for folder in folders:
        if (folder / "leaflet.js").is_file() and (folder / "leaflet.css").is_file():
            return folder
    return None


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/conflict-tracker/map-assets`` (``~/.cache/...`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflict-tracker" / "map-assets"


@dataclass(frozen=True)
class AssetSource:
    """Finds the bytes of a CDN URL locally: mirror, then cache, then (once) the CDN."""

    mirror: str | Path | None = None
    cache_dir: str | Path | None = None
    fetch: Callable[[str], bytes] | None = field(default=None, compare=False)
    download: bool = True  # False: never ask the network, say what to install instead

    def read(self, url: str) -> bytes:
        """Return the file behind ``url``; raise :class:`AssetError` saying how to provide it."""
        for path in self._local_paths(url) + _packaged_paths(url):
            if path.is_file():
                return path.read_bytes()
        cached = self._cache_path(url)
        if cached.is_file():
            return cached.read_bytes()
        if not self.download:
            raise _not_installed(url, self.mirror)
        return self._fetch_into_cache(url, cached)

    def _local_paths(self, url: str) -> list[Path]:
        if self.mirror is None:
            return []
        root = Path(self.mirror).expanduser()
        parts = urlsplit(url)
        found = [root / parts.netloc / parts.path.lstrip("/")]
        inside = npm_path(url)
        if inside is not None:
            found += [root / inside, root / "node_modules" / inside]
        return found

    def _cache_path(self, url: str) -> Path:
        parts = urlsplit(url)
        base = Path(self.cache_dir).expanduser() if self.cache_dir else default_cache_dir()
        return base / parts.netloc / parts.path.lstrip("/")

    def _fetch_into_cache(self, url: str, cached: Path) -> bytes:
        fetch = self.fetch or fetch_from_cdn
        try:
            body = fetch(url)
        except AssetError:
            raise
        except OSError as err:
            raise _missing(url, self.mirror, reason=str(err)) from err
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(cached.name + ".part")
        tmp.write_bytes(body)
        os.replace(tmp, cached)
        return body


def _packaged_paths(url: str) -> list[Path]:
    """Where an installed Leaflet package holds the file of a Leaflet CDN URL."""
    clean = url.split("?")[0].split("#")[0]
    folder = packaged_leaflet() if clean.startswith(LEAFLET_DIST) else None
    return [folder / clean[len(LEAFLET_DIST) :]] if folder else []


def _not_installed(url: str, mirror: str | Path | None) -> AssetError:
    where = f" or in the folder {str(mirror)!r}" if mirror else ""
    return AssetError(
        f"map asset {url!r} is not installed{where}; reinstall the project "
        "(pip install -e . brings XStatic-Leaflet) or apt-get install libjs-leaflet, "
        "or write a map that loads Leaflet from its CDN with --cdn"
    )


def fetch_from_cdn(url: str) -> bytes:
    """Download one asset over HTTPS from a known CDN, bounded in time and size."""
    import httpx

    if not url.startswith("https://") or npm_path(url) is None:
        raise _missing(url, None, reason="not a known CDN asset, so it is not fetched")
    try:
        with httpx.stream("GET", url, timeout=FETCH_TIMEOUT_S, follow_redirects=True) as reply:
            reply.raise_for_status()
            chunks, size = [], 0
            for chunk in reply.iter_bytes():
                size += len(chunk)
                if size > FETCH_MAX_BYTES:
                    raise _missing(url, None, reason=f"larger than {FETCH_MAX_BYTES} bytes")
                chunks.append(chunk)
    except httpx.HTTPError as err:
        raise _missing(url, None, reason=f"download failed: {err}") from err
    return b"".join(chunks)


def _missing(url: str, mirror: str | Path | None, *, reason: str) -> AssetError:
    where = f"the mirror {str(mirror)!r}, " if mirror else ""
    return AssetError(
        f"map asset {url!r} is not in {where}the asset cache and could not be fetched ({reason}); "
        "run `npm ci` in the project and pass --assets node_modules, or run once while online"
    )


def inline_assets(page: str, source: AssetSource) -> str:
    """Replace every linked CDN script and stylesheet in ``page`` with its content.

    URLs inside stylesheets (images, fonts) become ``data:`` URIs; old font
    formats are dropped in favour of woff2.
    """
    # One pass for both kinds: a large map's page is tens of megabytes, each pass a copy.
    page = _LINKED.sub(lambda m: _inline(source, m), page)
    leftover = _SCRIPT.search(page) or _STYLESHEET.search(page)
    if leftover:
        raise AssetError(f"could not inline {leftover.group(1)!r}; the page would need the network")
    return page


def _inline(source: AssetSource, found: re.Match[str]) -> str:
    if found.group("script"):
        return _inline_script(source, found.group("script"))
    return _inline_style(source, found.group("style"))


def _inline_script(source: AssetSource, url: str) -> str:
    code = source.read(url).decode("utf-8")
    # A literal "</script" inside the code would end the tag early.
    return "<script>" + code.replace("</script", "<\\/script") + "</script>"


def _inline_style(source: AssetSource, url: str) -> str:
    css = source.read(url).decode("utf-8")
    css = _CSS_URL.sub(lambda m: _css_url(source, url, m.group(2).strip()), css)
    return "<style>" + css.replace("</style", "<\\/style") + "</style>"


def _css_url(source: AssetSource, css_url: str, ref: str) -> str:
    if ref.startswith(("data:", "#")):
        return f'url("{ref}")'
    target = urljoin(css_url, ref)  # also turns protocol-relative //host/... into https
    path = urlsplit(target).path
    suffix = Path(path).suffix.lower()
    if suffix in _DROPPED_FONTS or (suffix == ".svg" and "#" in ref):
        return 'url("data:,")'
    clean = target.split("#")[0].split("?")[0]
    body = source.read(clean)
    mime = mimetypes.guess_type(path)[0] or _MIME.get(suffix, "application/octet-stream")
    return f'url("data:{mime};base64,{base64.b64encode(body).decode("ascii")}")'
