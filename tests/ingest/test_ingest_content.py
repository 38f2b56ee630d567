from __future__ import annotations

import pytest
from ingest_pages import article_html, atom, rss

from tracker.errors import InputError
from tracker.ingest.content import ContentKind, decode_text, sniff_kind


@pytest.mark.parametrize(
    ("content", "content_type", "kind"),
    [
        (
            rss([("a", "https://x/a", "Mon, 02 May 2022 08:00:00 +0300")]).encode(),
            "text/xml",
            ContentKind.FEED,
        ),
        (atom([("a", "https://x/a", "2022-05-02T08:00:00Z")]).encode(), "", ContentKind.FEED),
        # an RSS feed served with the wrong type is still a feed
        (rss([]).encode(), "text/html", ContentKind.FEED),
        (article_html("kharkiv").encode(), "text/html", ContentKind.HTML),
        (b"\xef\xbb\xbf<html><body><p>x</p></body></html>", "", ContentKind.HTML),
        (b"Plain words about shelling.", "text/plain", ContentKind.TEXT),
        (b'{"text": "x"}', "application/json", ContentKind.JSON),
    ],
)
def test_kind_is_decided_from_the_bytes_first(
    content: bytes, content_type: str, kind: ContentKind
) -> None:
    assert sniff_kind(content, content_type=content_type, origin="x") is kind


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"some\x00binary\x00junk", "binary"),
    ],
)
def test_binaries_pretending_to_be_html_are_refused(content: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        sniff_kind(content, content_type="text/html", origin="https://x/a.html")


def test_unknown_media_types_are_refused() -> None:
    with pytest.raises(InputError, match="application/octet-stream"):
        sniff_kind(b"\x01\x02abc", content_type="application/octet-stream", origin="x")


def test_decoding_prefers_utf8_then_declared_then_meta() -> None:
    text = "Обстріл Харкова тривав усю ніч"
    assert decode_text(text.encode("utf-8"), declared="iso-8859-1") == text
    assert decode_text(text.encode("cp1251"), declared="windows-1251") == text
    page = f'<html><head><meta charset="windows-1251"></head><body>{text}</body></html>'
    assert text in decode_text(page.encode("cp1251"))
    assert decode_text("\ufeffhello".encode("utf-8")) == "hello"


def test_undeclared_legacy_cyrillic_is_detected() -> None:
    text = (
        "Російські війська обстріляли житлові квартали Харкова, загинули двоє мирних "
        "жителів, пошкоджено школу та кілька багатоповерхівок, повідомив голова області."
    )
    assert decode_text(text.encode("cp1251")) == text


def test_a_bogus_declared_charset_is_ignored() -> None:
    assert decode_text("café".encode(), declared="no-such-codec") == "café"
