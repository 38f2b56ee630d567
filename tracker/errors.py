"""The one error tree of the tracker; the CLI prints these as ``Error: ...``.

TrackerError (Exception)
├── ConfigError          (also ValueError)  bad option, URL, format or settings file
├── InputError           (also ValueError)  an input file or article cannot be read
├── FetchError           (also OSError)     a remote source could not be fetched
│   └── BlockedURLError                     a URL is refused (file://, private address)
├── GazetteerError                          a gazetteer could not be loaded or searched
├── GeocodingError                          an online geocoder failed
├── ExtractionError                         an article could not be processed
├── StorageError                            the database failed
│   ├── DatabaseUnavailable (also ConnectionError)  cannot connect or open it
│   ├── SchemaMismatch                      the database needs ``tracker db upgrade``
│   └── ReadOnlyDatabase (also PermissionError)     the database cannot be written
├── ExportError                             an export could not be written
├── MapError                                a map could not be rendered
└── LockedError                             another run of the same job holds the lock
    └── StaleLockError                      ...and has held it past the job's maximum run time

Every message says what went wrong, shows the offending value with ``!r``, and
says how to fix it. Third-party errors are translated with ``raise ... from err``.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Root of every error the tracker raises on purpose."""

    exit_code = 1


class ConfigError(TrackerError, ValueError):
    """A bad option value, database URL, output format or settings file."""

    exit_code = 2


class InputError(TrackerError, ValueError):
    """An input file, folder or article cannot be read."""


class FetchError(TrackerError, OSError):
    """A remote article or feed could not be fetched."""


class BlockedURLError(FetchError):
    """A URL is refused: a file:// URL or a private address without --allow-private-urls."""


class GazetteerError(TrackerError):
    """A gazetteer could not be loaded or searched."""


class GeocodingError(TrackerError):
    """An online geocoder failed."""


class ExtractionError(TrackerError):
    """An article could not be turned into events."""


class StorageError(TrackerError):
    """The database failed."""


class DatabaseUnavailable(StorageError, ConnectionError):
    """The database cannot be connected to or opened."""


class SchemaMismatch(StorageError):
    """The database schema is older or newer than this tracker's."""


class ReadOnlyDatabase(StorageError, PermissionError):
    """The database (or the disk under it) cannot be written."""


class ExportError(TrackerError):
    """An export could not be written."""


class MapError(TrackerError):
    """A map could not be rendered."""


class LockedError(TrackerError):
    """Another run of the same job holds the lock."""

    exit_code = 3


class StaleLockError(LockedError):
    """The lock has been held longer than the job may run: its holder is probably hung.

    A distinct exit code, so a scheduler that tolerates 3 (a run still going)
    does not tolerate a run that will never finish.
    """

    exit_code = 4
