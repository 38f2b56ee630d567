"""Readers for local sources: files, folders, globs and stdin.

Each reader yields :class:`~tracker.ingest.records.Item` objects, one per
article or per article that could not be read, so one bad line or file never
stops the others.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tracker.errors import InputError, TrackerError
from tracker.ingest.content import ContentKind, decode_text, sniff_kind
from tracker.ingest.html import extract_page
from tracker.ingest.records import Item, article_from_page, article_from_record, article_from_text
from tracker.ingest.telegram import is_telegram_export, read_telegram_export

STDIN = "-"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv", ".tsv"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
_GLOB_CHARS = frozenset("*?[")
_CSV_FIELD_LIMIT = 50_000_000  # article texts outgrow csv's 128 KiB default


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read what a file does not say itself: the CSV text column, a channel's name."""

    text_column: str = "text"
    telegram_channel: str | None = None  # public username for a Telegram export's links


def is_glob(location: str) -> bool:
    """True when ``location`` holds glob wildcards (``*``, ``?``, ``[``)."""
    return any(c in _GLOB_CHARS for c in location)


def expand_local(location: str) -> list[Path]:
    """The files a local source names: a file, every known file under a folder, or a glob.

    A named pipe or device given by name (``<(zcat a.jsonl.gz)``) is read as a
    stream. Inside a folder, hidden entries and files of unknown types are
    passed over, but a subfolder that cannot be listed and a broken symbolic
    link are kept, so that :func:`read_path` reports each as a failed item
    instead of the run quietly reading less.

    Raises :class:`InputError` when nothing exists there, so a typo is caught
    before the run starts rather than reported as an empty success.
    """
    if is_glob(location):
        matches = sorted(Path(p) for p in glob.glob(location, recursive=True))
        files = [f for m in matches for f in _files_under(m, explicit=False)]
        if not files:
            raise InputError(f"{location!r} matches no readable files; check the pattern")
        return files
    path = Path(location).expanduser()
    if not path.exists():
        raise InputError(f"{location!r} does not exist; check the path")
    return _files_under(path, explicit=True)


def _files_under(path: Path, *, explicit: bool) -> list[Path]:
    if path.is_dir():
        return _walk(path)
    if explicit:
        return [path]  # a file, a named pipe or a device: read whatever it yields
    return [path] if _wanted(path) else []


def _walk(folder: Path) -> list[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return [folder]  # read_path reports why it cannot be listed
    found: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        # Like rglob: symbolic links to folders are not followed (no loops).
        if entry.is_dir(follow_symlinks=False):
            found += _walk(path)
        elif _wanted(path):
            found.append(path)
    return found


def _wanted(path: Path) -> bool:
    if path.is_symlink() and not path.exists():
        return True  # a broken link: reported, not skipped
    return path.is_file() and path.suffix.lower() in KNOWN_SUFFIXES


def read_path(path: Path, *, options: ReadOptions | None = None) -> Iterator[Item]:
    """Articles in one file, chosen by its extension (unknown ones are sniffed)."""
    origin = str(path)
    try:
        content = _read_all(path)
    except OSError as err:
        yield Item(origin, error=_read_error(path, err))
        return
    yield from read_bytes(content, origin=origin, suffix=path.suffix.lower(), options=options)


def _read_all(path: Path) -> bytes:
    if path.is_dir():
        with os.scandir(path):  # raises why the folder could not be listed
            pass
        raise IsADirectoryError(21, "Is a directory", str(path))
    return path.read_bytes()


def _read_error(path: Path, err: OSError) -> InputError:
    origin = str(path)
    reason = err.strerror or str(err)
    if path.is_symlink() and not path.exists():
        return InputError(
            f"{origin!r} is a broken symbolic link (to {os.readlink(path)!r}); "
            "fix or remove the link"
        )
    if path.is_dir():
        return InputError(
            f"{origin!r} is a folder that cannot be listed ({reason}); its articles were "
            "not read. Fix its permissions or leave it out"
        )
    return InputError(f"cannot read {origin!r}: {reason}; check the file and its permissions")


def read_stdin(stream: BinaryIO, *, options: ReadOptions | None = None) -> Iterator[Item]:
    """Articles from standard input: plain text, HTML, JSON or JSON Lines, sniffed."""
    yield from read_bytes(stream.read(), origin="<stdin>", suffix="", options=options)


def read_bytes(
    content: bytes, *, origin: str, suffix: str, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Articles in ``content``; ``suffix`` (``.jsonl``, ``.csv``...) says how to read it."""
    try:
        reader = _reader_for(content, origin=origin, suffix=suffix)
        text = decode_text(content)
    except TrackerError as err:
        yield Item(origin, error=err)
        return
    yield from reader(text, origin, options or ReadOptions())


Reader = Callable[[str, str, ReadOptions], Iterator[Item]]


def _reader_for(content: bytes, *, origin: str, suffix: str) -> Reader:
    by_suffix: dict[str, Reader] = {
        ".json": _read_json,
        ".jsonl": _read_jsonl,
        ".ndjson": _read_jsonl,
        ".csv": _read_csv,
        ".tsv": _read_csv,
    }
    kind = sniff_kind(content, origin=origin)  # refuses binaries whatever the suffix says
    if suffix in by_suffix:
        return by_suffix[suffix]
    if kind is ContentKind.FEED:
        raise InputError(
            f"{origin!r} is an RSS/Atom feed saved to a file; its articles are on the web, "
            "so give the feed's URL instead"
        )
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and kind is ContentKind.HTML):
        return _read_html
    if suffix not in TEXT_SUFFIXES and kind is ContentKind.JSON:
        return _read_json_or_lines
    return _read_text


def _read_text(text: str, origin: str, _options: ReadOptions) -> Iterator[Item]:
    if not text.strip():
        yield Item(origin, error=InputError(f"{origin!r} is empty; there is no article to read"))
        return
    yield Item(origin, article=article_from_text(text))


def _read_html(text: str, origin: str, _options: ReadOptions) -> Iterator[Item]:
    try:
        page = extract_page(text, url=None, origin=origin)
    except TrackerError as err:
        yield Item(origin, error=err)
        return
    yield Item(origin, article=article_from_page(page, fetched_url=None))


def _record_item(record: object, origin: str) -> Item:
    try:
        return Item(origin, article=article_from_record(record, origin=origin))
    except TrackerError as err:
        return Item(origin, error=err)


def _read_json(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield Item(origin, error=InputError(f"{origin}: not valid JSON ({err}); fix or remove it"))
        return
    if is_telegram_export(data):
        yield from read_telegram_export(data, origin=origin, username=options.telegram_channel)
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        yield _record_item(record, f"{origin}[{i}]" if isinstance(data, list) else origin)


def _read_jsonl(text: str, origin: str, _options: ReadOptions) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Item(where, error=InputError(f"{where}: not valid JSON ({err.msg})"))
            continue
        yield _record_item(record, where)


def _read_json_or_lines(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        yield from _read_jsonl(text, origin, options)
        return
    yield from _read_json(text, origin, options)


def _read_csv(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    column = options.text_column
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    delimiter = "\t" if origin.lower().endswith(".tsv") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = reader.fieldnames or []
    except csv.Error as err:
        yield Item(origin, error=InputError(f"{origin}: unreadable CSV header ({err})"))
        return
    if column not in header:
        yield Item(origin, error=_missing_column(origin, column, header))
        return
    yield from _csv_rows(reader, origin, column)


def _csv_rows(reader: csv.DictReader[str], origin: str, column: str) -> Iterator[Item]:
    while True:
        where = f"{origin}:{reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield Item(where, error=InputError(f"{where}: unreadable CSV row ({err})"))
            return
        record = {k: v for k, v in row.items() if isinstance(k, str)}
        record["text"] = row.get(column) or ""
        yield _record_item(record, where)


def _missing_column(origin: str, column: str, header: list[str]) -> InputError:
    return InputError(
        f"{origin}: no {column!r} column with the article text (columns: {', '.join(header)}); "
        "name the right one with --text-column"
    )
