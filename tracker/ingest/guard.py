"""Which URLs the fetcher may touch: http(s) only, and no private networks unless allowed.

Article text and feeds are hostile: a feed entry pointing at ``file:///etc/passwd``
or at ``http://169.254.169.254/`` (a cloud metadata service) must never be read.
Addresses are checked after DNS resolution here, and again on the connected
socket by the fetcher, so a name that resolves differently the second time
(DNS rebinding) is still caught.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from tracker.errors import BlockedURLError, FetchError

ALLOWED_SCHEMES = frozenset({"http", "https"})
Resolver = Callable[[str, int], Iterable[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, as strings."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host!r}: {err}; check the URL") from err
    return [str(info[4][0]) for info in infos]


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address.

    >>> is_public_address("93.184.216.34"), is_public_address("10.1.2.3")
    (True, False)
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_scheme(url: str) -> None:
    """Refuse anything but http(s), e.g. ``file://`` or ``ftp://``."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise BlockedURLError(
            f"refused {url!r}: only http:// and https:// URLs are fetched "
            f"(got {scheme + '://' if scheme else 'no scheme'})"
        )


def check_url(url: str, *, allow_private: bool, resolver: Resolver = system_resolver) -> None:
    """Raise :class:`BlockedURLError` unless ``url`` may be fetched.

    Parameters
    ----------
    url
        The URL about to be requested (every redirect hop is checked too).
    allow_private
        Accept loopback, private, link-local and other non-public addresses,
        as ``--allow-private-urls`` does for tests and local mirrors.
    resolver
        ``(host, port) -> addresses``; the system resolver by default.

    Examples
    --------
    >>> check_url("http://127.0.0.1:8000/feed.xml", allow_private=True)
    """
    check_scheme(url)
    parts = urlsplit(url)
    if not parts.hostname:
        raise BlockedURLError(f"refused {url!r}: the URL has no host name")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as err:
        raise BlockedURLError(f"refused {url!r}: invalid port ({err})") from err
    for address in resolver(parts.hostname, port):
        check_address(address, url=url)


def check_address(address: str, *, url: str) -> None:
    """Refuse a non-public ``address`` that ``url`` resolved or connected to."""
    if not is_public_address(address):
        raise BlockedURLError(
            f"refused {url!r}: it points at the non-public address {address!r}; "
            "pass --allow-private-urls to fetch from local or private networks"
        )
