"""The extraction seam: what the pipeline needs from any extractor, whatever its language.

An extractor turns one :class:`~tracker.model.Article` into its events. The
pipeline (``tracker ingest``), ``tracker extract`` and the demo are handed one
and never import the extraction modules themselves, so an extractor for
another language, or a fake one in a test, plugs in without touching them.

``version`` is what lets a database tell stale events from current ones: the
store keeps the name and version of the extractor that read each article, and
``tracker ingest`` extracts a stored article again when they differ.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from typing import Protocol, runtime_checkable

from tracker.model import Article, Event

PACKAGE = "conflict-tracker"
# Files of tracker/extract that only carry or call extraction; editing them
# cannot change what an article yields, so they are left out of the version.
PLUMBING = frozenset(
    {
        "__init__.py",
        "protocol.py",
        "router.py",
        "batch.py",
        "evaluate.py",
        "newsgold.py",
        "newseval.py",
        "newsreport.py",
    }
)
DATA_SUFFIXES = (".py", ".json", ".toml", ".txt", ".tsv", ".csv", ".yaml", ".yml")


@runtime_checkable
class Extractor(Protocol):
    """Reads articles in some languages into ACLED-coded events.

    Attributes
    ----------
    name
        A short stable name, e.g. ``"rules-en"``; stored with every article it reads.
    version
        Changes whenever the events it returns for some article can change.
    languages
        The language codes it reads (primary subtags such as ``"en"``).
    """

    name: str
    version: str
    languages: frozenset[str]

    def extract(self, article: Article) -> list[Event]:
        """The events ``article`` reports (see :func:`tracker.extract.extract_events`)."""
        ...


def package_version() -> str:
    """The installed tracker's version, or ``"0+unknown"`` in a source tree never installed."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def source_digest(package: str, *, skip: Iterable[str] = PLUMBING) -> str:
    """SHA-256 (hex, 12 characters) over the source and data files of ``package``.

    Every ``.py`` file and data file (JSON, TOML, text, CSV/TSV, YAML) at any
    depth is hashed with its relative path, in sorted order; files named in
    ``skip`` are left out. Any edit to a rule table, a word list or the logic
    that reads them gives another digest.

    Examples
    --------
    >>> len(source_digest("tracker.extract"))
    12
    >>> source_digest("tracker.extract") == source_digest("tracker.extract")
    True
    """
    digest = hashlib.sha256()
    root = resources.files(package)
    skipped = frozenset(skip)
    for path, data in sorted(_data_files(root, prefix="")):
        if path.rsplit("/", 1)[-1] in skipped:
            continue
        digest.update(path.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()[:12]


def _data_files(node: Traversable, *, prefix: str) -> Iterable[tuple[str, bytes]]:
    """(relative path, bytes) of every source or data file under ``node``."""
    for child in node.iterdir():
        if child.is_dir():
            if child.name != "__pycache__":
                yield from _data_files(child, prefix=f"{prefix}{child.name}/")
        elif child.name.endswith(DATA_SUFFIXES):
            yield f"{prefix}{child.name}", child.read_bytes()
