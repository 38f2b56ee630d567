"""What every export says about itself, and what an export returns."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from tracker.export.records import plain
from tracker.model import EventFilter

__all__ = ["GEONAMES_LICENCE", "TOOL_NAME", "ExportMetadata", "ExportResult", "tool_version"]

TOOL_NAME = "conflict-tracker"
GEONAMES_LICENCE = "GeoNames, CC BY 4.0"


def tool_version() -> str:
    """The installed version of the tracker, or ``"unknown"`` outside an install."""
    try:
        return importlib_metadata.version(TOOL_NAME)
    except importlib_metadata.PackageNotFoundError:
        return "unknown"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class ExportMetadata:
    """Provenance written into an export: when, by what, selected how, placed with what.

    Examples
    --------
    >>> from datetime import date
    >>> meta = ExportMetadata(filters=EventFilter(since=date(2024, 3, 1)))
    >>> meta.to_dict()["filters"]
    {'since': '2024-03-01'}
    >>> meta.to_dict()["licence"]
    'GeoNames, CC BY 4.0'
    """

    filters: EventFilter = field(default_factory=EventFilter)
    generated_at: datetime = field(default_factory=_now)
    tool: str = TOOL_NAME
    tool_version: str = field(default_factory=tool_version)
    gazetteer: str = "GeoNames"
    licence: str = GEONAMES_LICENCE

    def to_dict(self, *, layout: str | None = None) -> dict[str, Any]:
        """JSON-ready form; ``filters`` holds only the filters that were set."""
        out: dict[str, Any] = {
            "generated_at": self.generated_at.isoformat(),
            "generator": f"{self.tool} {self.tool_version}",
            "filters": _filter_dict(self.filters),
            "gazetteer": self.gazetteer,
            "licence": self.licence,
            "crs": "OGC:CRS84 (WGS 84, longitude/latitude)",
        }
        if layout is not None:
            out["layout"] = layout
        return out


def _filter_dict(flt: EventFilter) -> dict[str, Any]:
    defaults = EventFilter()
    return {
        f.name: plain(getattr(flt, f.name))
        for f in dataclasses.fields(flt)
        if getattr(flt, f.name) != getattr(defaults, f.name)
    }


@dataclass(frozen=True, slots=True)
class ExportResult:
    """Where an export went, in which format, and how many events it holds.

    ``path`` is None when the export went to standard output.
    """

    path: Path | None
    format: str
    count: int
    located: int = 0
