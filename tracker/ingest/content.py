"""What a blob of bytes is (feed, HTML, plain text or something else) and its text.

Servers lie about content types and encodings, so both are decided from the
bytes themselves first and from the declared values only second.
"""

from __future__ import annotations

import codecs
import re
from enum import Enum

from charset_normalizer import from_bytes

from tracker.errors import InputError


class ContentKind(Enum):
    """What a fetched or read document holds."""

    FEED = "feed"
    HTML = "html"
    JSON = "json"
    TEXT = "text"


# Leading bytes of formats that are never articles, whatever the server claims.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x00", "a binary (e.g. MP4) file"),
)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>/]", re.IGNORECASE)
_HTML_MARK = re.compile(rb"<(!doctype\s+html|html|head|body|article|p|div|title)[\s>/]", re.I)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 4096
# Legacy encodings of the outlets this tracker reads; detection over a short
# page is far more reliable among these few than among every codec there is.
LIKELY_ENCODINGS = ("cp1252", "cp1251", "koi8_u", "koi8_r", "iso8859_5", "iso8859_15", "latin_1")


def binary_kind(content: bytes) -> str | None:
    """A description of ``content`` when it is a known binary format, else None.

    >>> binary_kind(b"%PDF-1.7 ..."), binary_kind(b"<html>")
    ('a PDF document', None)
    """
    head = content[:16]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, description in _MAGIC:
        if head.startswith(magic):
            return description
    return "binary data" if b"\x00" in content[:_SNIFF_BYTES] else None


def sniff_kind(content: bytes, *, content_type: str = "", origin: str) -> ContentKind:
    """Decide what ``content`` is; raise :class:`InputError` for binaries and unknowns.

    The bytes win over ``content_type``: a PDF served as ``text/html`` is refused,
    and an RSS document served as ``text/html`` is read as a feed.
    """
    described = binary_kind(content)
    if described:
        raise InputError(
            f"{origin!r} is {described}, not an article or feed "
            f"(served as {content_type or 'no content type'!r}); it was skipped"
        )
    head = _strip_bom(content[:_SNIFF_BYTES]).lstrip()
    feed = _FEED_ROOT.search(head)
    html = _HTML_MARK.search(head)
    if feed and (not html or feed.start() < html.start()):
        return ContentKind.FEED
    if content_type.startswith(_FEED_TYPES):
        return ContentKind.FEED
    if html or content_type.startswith(_HTML_TYPES):
        return ContentKind.HTML
    if head[:1] in (b"{", b"[") or content_type.endswith("json"):
        return ContentKind.JSON
    if not content_type or content_type.startswith("text/"):
        return ContentKind.TEXT
    raise InputError(
        f"{origin!r} is served as {content_type!r}, which is not an article or feed; it was skipped"
    )


def decode_text(content: bytes, *, declared: str | None = None) -> str:
    """Decode ``content`` to text, detecting the encoding when it must.

    Order: a byte-order mark; strict UTF-8 (text that is not UTF-8 almost never
    decodes as UTF-8 by accident); the declared charset (HTTP header); a
    ``<meta charset>`` or XML declaration; then statistical detection with
    charset-normalizer.

    >>> decode_text("Київ".encode("cp1251"), declared="windows-1251")
    'Київ'
    """
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return content.decode(codec, errors="replace")
    for codec in (_codec("utf-8"), _codec(declared), _embedded_charset(content)):
        if codec:
            try:
                return content.decode(codec)
            except UnicodeDecodeError:
                continue
    best = (
        from_bytes(content, cp_isolation=list(LIKELY_ENCODINGS)).best()
        or from_bytes(content).best()
    )
    if best is not None:
        return str(best)
    return content.decode("utf-8", errors="replace")


def _strip_bom(content: bytes) -> bytes:
    for bom, _ in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :]
    return content


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _embedded_charset(content: bytes) -> str | None:
    head = content[:_SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _codec(match.group(1).decode("ascii")) if match else None
