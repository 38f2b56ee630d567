"""Write-then-rename, so an interrupted export never leaves a file that looks complete.

Every export is written to a hidden temporary file in the destination folder
(same file system, so the final ``os.replace`` is atomic) and renamed over the
target only once the writer has finished. Any failure, including Ctrl-C,
removes the temporary file and leaves an older export at the target untouched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tracker.errors import ExportError

__all__ = ["atomic_path", "atomic_shapefile", "binary_output", "full_suffix"]

SHAPEFILE_PARTS = (".dbf", ".shx", ".prj", ".cpg", ".shp")  # .shp last: it names the set


def full_suffix(path: Path) -> str:
    """``.shp.zip`` for ``a.shp.zip``, else the last suffix (``.gpkg``)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-2:] == [".shp", ".zip"]:
        return ".shp.zip"
    return suffixes[-1] if suffixes else ""


def _prepare_folder(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(
            f"cannot create the folder {str(target.parent)!r} for the export: {err.strerror}; "
            "choose an output path in a folder you can write to"
        ) from err
    if target.is_dir():
        raise ExportError(f"{str(target)!r} is a folder; give a file name such as events.geojson")


def _temp_name(target: Path, suffix: str) -> Path:
    stem = target.name[: len(target.name) - len(suffix)] if suffix else target.name
    return target.with_name(f".{stem}.{secrets.token_hex(4)}.partial{suffix}")


def _remove(path: Path) -> None:
    # GDAL may leave journal files beside a half-written GeoPackage.
    for candidate in (path, *path.parent.glob(path.name + "-*")):
        with contextlib.suppress(FileNotFoundError):
            if candidate.is_dir():
                shutil.rmtree(candidate)
            else:
                candidate.unlink()


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    The temporary name keeps the target's suffix because GDAL checks it.
    """
    _prepare_folder(target)
    temp = _temp_name(target, full_suffix(target))
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        _remove(temp)
        raise


@contextlib.contextmanager
def atomic_shapefile(target: Path) -> Iterator[Path]:
    """Like :func:`atomic_path` for the several files of a Shapefile.

    The parts are written into a hidden folder, then each renamed into place
    with the ``.shp`` last, so a reader never finds a new ``.shp`` beside
    missing parts. (The set as a whole is not atomic: prefer ``.shp.zip``.)
    """
    _prepare_folder(target)
    folder = _temp_name(target, "")
    folder.mkdir()
    try:
        yield folder / target.name
        stem = target.name[: -len(".shp")]
        for part in SHAPEFILE_PARTS:
            written = folder / f"{stem}{part}"
            if written.exists():
                os.replace(written, target.with_name(f"{stem}{part}"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def binary_output(out: Path | None) -> Iterator[BinaryIO]:
    """A binary stream to write text formats to: standard output when ``out`` is None."""
    if out is None:
        stream = sys.stdout.buffer
        yield stream
        stream.flush()
        return
    with atomic_path(out) as temp, open(temp, "wb", buffering=1 << 20) as handle:
        yield handle
