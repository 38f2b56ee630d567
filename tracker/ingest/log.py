"""The optional JSON-lines log of a run: one object per source, article and failure."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from tracker.errors import ConfigError


class JsonlLog:
    """Appends one JSON object per line; each line is flushed so a killed run leaves a
    readable log up to its last step. A log with no path writes nothing."""

    def __init__(self, path: Path | None) -> None:
        self._file: IO[str] | None = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._file = path.open("a", encoding="utf-8")
            except OSError as err:
                raise ConfigError(
                    f"cannot open log file {str(path)!r}: {err.strerror or err}"
                ) from err

    def __enter__(self) -> JsonlLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, event: str, **fields: Any) -> None:
        """Log ``event`` (``article``, ``failure``, ``source``, ``skip``, ``summary``...)."""
        if self._file is None:
            return
        record = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), "event": event}
        record.update({k: v for k, v in fields.items() if v is not None})
        self._file.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self._file.flush()

    def close(self) -> None:
        """Close the file."""
        if self._file is not None:
            self._file.close()
            self._file = None
