from __future__ import annotations

import pytest

from tracker.errors import BlockedURLError
from tracker.ingest.guard import check_url, is_public_address


def resolver(mapping: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        return mapping[host]

    return resolve


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/x", "gopher://x", "javascript:alert(1)", "data:,hi"],
)
def test_non_http_schemes_are_refused_even_when_private_urls_are_allowed(url: str) -> None:
    with pytest.raises(BlockedURLError, match="only http:// and https://"):
        check_url(url, allow_private=True)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::5",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "224.0.0.1",
    ],
)
def test_private_addresses_are_refused_after_resolution(address: str) -> None:
    resolve = resolver({"news.example": ["93.184.216.34", address]})
    with pytest.raises(BlockedURLError, match="--allow-private-urls"):
        check_url("https://news.example/a", allow_private=False, resolver=resolve)


def test_public_addresses_pass_and_the_flag_allows_private_ones() -> None:
    check_url(
        "https://news.example/a",
        allow_private=False,
        resolver=resolver({"news.example": ["93.184.216.34", "2606:2800:220:1::1"]}),
    )
    check_url("http://127.0.0.1:8000/feed", allow_private=True)


def test_literal_loopback_is_refused_without_the_flag() -> None:
    with pytest.raises(BlockedURLError, match=r"127\.0\.0\.1"):
        check_url("http://127.0.0.1:8000/feed", allow_private=False)


def test_is_public_address_rejects_garbage() -> None:
    assert not is_public_address("not-an-ip")
    assert is_public_address("8.8.8.8")
