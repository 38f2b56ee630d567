"""``Content-Encoding`` undone a bounded piece at a time, so size limits hold on decoded bytes.

httpx inflates each network chunk in one call: 1 KB of ``gzip, gzip`` becomes
a megabyte after the first layer and gigabytes after the second, all before
anyone can count them. Here every layer yields at most ``PIECE`` bytes per
step and runs only when the reader asks for more, so a reader that stops at
its limit has never held more than the limit plus a piece per layer.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable, Iterable, Iterator

from tracker.errors import FetchError

PIECE = 64 * 1024
# More layers than this is never needed for a web page, and every layer multiplies a bomb.
MAX_LAYERS = 2
# What we ask for; a server that answers with anything else is refused.
ACCEPT_ENCODING = "gzip, deflate"

Layer = Callable[[Iterable[bytes]], Iterator[bytes]]


def content_layers(header: str, *, url: str) -> tuple[str, ...]:
    """The encodings named by a ``Content-Encoding`` header, in the order applied.

    Raises :class:`~tracker.errors.FetchError` for an encoding that cannot be
    decoded, or for more than ``MAX_LAYERS`` of them.

    Examples
    --------
    >>> content_layers("gzip, identity", url="https://example.org/a")
    ('gzip',)
    >>> content_layers("", url="https://example.org/a")
    ()
    """
    names = [name.strip().lower() for name in header.split(",")]
    names = [name for name in names if name and name != "identity"]
    unknown = [name for name in names if name not in _LAYERS]
    if unknown:
        raise FetchError(
            f"{url!r} was sent with Content-Encoding {unknown[0]!r}, which cannot be decoded "
            f"(only {ACCEPT_ENCODING} are accepted); the server ignored our Accept-Encoding"
        )
    if len(names) > MAX_LAYERS:
        raise FetchError(
            f"{url!r} stacks {len(names)} encodings (Content-Encoding {header!r}); "
            f"at most {MAX_LAYERS} are accepted, as more is only ever a decompression bomb"
        )
    return tuple(names)


def decode(chunks: Iterable[bytes], layers: tuple[str, ...], *, url: str) -> Iterator[bytes]:
    """Decoded bytes of ``chunks``, lazily, at most ``PIECE`` bytes at a time.

    Examples
    --------
    >>> import gzip
    >>> b"".join(decode([gzip.compress(b"news")], ("gzip",), url="https://example.org/a"))
    b'news'
    """
    stream: Iterable[bytes] = chunks
    for name in reversed(layers):  # the encoding applied last is undone first
        stream = _LAYERS[name](stream)
    try:
        yield from stream
    except zlib.error as err:
        raise FetchError(
            f"{url!r} could not be decoded (Content-Encoding {', '.join(layers)!r}: {err}); "
            "the server sent a corrupt body"
        ) from err


def _gunzip(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Undo one gzip layer."""
    return _inflate(chunks, wbits=16 + zlib.MAX_WBITS)


def _undeflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Undo one deflate layer: zlib-wrapped as the standard says, or bare as some servers send."""
    chunks = iter(chunks)
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= 2:
            break
    wbits = zlib.MAX_WBITS if _zlib_header(head) else -zlib.MAX_WBITS
    return _inflate(itertools.chain([head], chunks), wbits=wbits)


def _zlib_header(head: bytes) -> bool:
    # RFC 1950: method 8 in the low nibble, and the two bytes are a multiple of 31.
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def _inflate(chunks: Iterable[bytes], *, wbits: int) -> Iterator[bytes]:
    unpacker = zlib.decompressobj(wbits)
    for chunk in chunks:
        yield from _feed(unpacker, chunk)
        if unpacker.eof:
            break  # bytes after the end of the stream are ignored, as browsers (and httpx) do
    rest = unpacker.flush()
    if rest:
        yield rest


def _feed(unpacker: zlib._Decompress, data: bytes) -> Iterator[bytes]:
    """Decode ``data`` into pieces of at most ``PIECE`` bytes, leaving nothing pending."""
    while not unpacker.eof:
        piece = unpacker.decompress(data, PIECE)
        if piece:
            yield piece
        data = unpacker.unconsumed_tail
        if not data and len(piece) < PIECE:
            return  # input used up, and zlib stopped short of a full piece: nothing pending


_LAYERS: dict[str, Layer] = {"gzip": _gunzip, "x-gzip": _gunzip, "deflate": _undeflate}
