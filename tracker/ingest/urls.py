"""URL canonicalisation, so one article reached by several links is stored once."""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from tracker.errors import InputError

# Parameters that only say how a reader arrived, never which page they read.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ref",
        "ref_src",
        "ref_url",
        "cmpid",
        "ocid",
        "smid",
        "sr_share",
        "spm",
        "at_medium",
        "at_campaign",
        "guccounter",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "oly_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_remote(location: str) -> bool:
    """True when ``location`` is written as a URL with a scheme (``http://``, ``file://``...).

    >>> is_remote("https://example.org/feed"), is_remote("articles/a.txt")
    (True, False)
    """
    scheme, sep, _ = location.partition("://")
    return bool(sep) and scheme.isascii() and scheme.replace("+", "").isalpha()


def is_web_url(url: str) -> bool:
    """True for an absolute ``http://`` or ``https://`` URL with a host.

    >>> is_web_url("https://example.org/a"), is_web_url("javascript:alert(1)")
    (True, False)
    """
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _is_tracking(name: str) -> bool:
    key = name.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """The form of ``url`` used as an article's identity.

    Lower-cases scheme and host, drops default ports, the fragment and tracking
    parameters (``utm_*``, ``fbclid``...), and sorts what is left of the query so
    that parameter order does not make two URLs differ.

    >>> canonicalize_url("HTTPS://Example.org:443/news/1?utm_source=x&b=2&a=1#top")
    'https://example.org/news/1?a=1&b=2'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = _port(parts, url)
    if ":" in host:  # an IPv6 literal keeps its brackets in a URL
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def _port(parts: SplitResult, url: str) -> int | None:
    try:
        return parts.port
    except ValueError as err:
        raise InputError(f"{url!r} is not a valid URL ({err}); check the link") from err


def same_site(url_a: str, url_b: str) -> bool:
    """True when both URLs are on the same host, ignoring a leading ``www.``.

    Used before trusting a page's own ``<link rel=canonical>``: a hostile page
    must not be able to claim another outlet's article identity.

    >>> same_site("https://www.example.org/a", "https://example.org/b")
    True
    """
    return _bare_host(url_a) == _bare_host(url_b) != ""


def _bare_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")
