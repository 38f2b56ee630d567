"""The columns of an export: which fields, in what order, of what kind.

Two layouts exist. ``DEFAULT`` carries every field of :class:`tracker.model.Event`
under its own name: it is the event record every output shows (see
``records.py``). ``ACLED`` puts every column ACLED publishes first, in ACLED's
order and under ACLED's names (empty where nothing tells us the value), then
our extra columns, so a file stacks under an ACLED download. Every format
reads the same column list; only how a kind is written differs per format.

Values are pulled column by column for a chunk of events (``column_values``):
one pass per column with C-level attribute access is several times faster than
building a dict per event, which matters at a million rows. Values stay as the
model holds them: enum members are ``str``/``int`` subclasses that every writer
takes as their values, and JSON columns hold tuples and ``Source`` dataclasses
that the JSON encoders (see ``features.encoder``) turn into arrays and objects.
"""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from operator import attrgetter
from typing import Any

from geodata.model import xy
from tracker.errors import ExportError
from tracker.export import acled
from tracker.model import Event

__all__ = [
    "ACLED",
    "COORDINATE_DECIMALS",
    "DEFAULT",
    "LAYOUTS",
    "SURROGATES",
    "Column",
    "Kind",
    "Layout",
    "column_values",
    "impossible_position",
    "layout_for",
    "position",
    "row_reader",
    "scrub",
]

COORDINATE_DECIMALS = 5  # ~1 m: finer than any gazetteer centroid we hold

# Codec error handler that writes U+FFFD for a lone surrogate, which appears in
# text decoded with "surrogateescape" and which UTF-8 cannot encode. Exports
# write a replacement character there rather than fail or write invalid UTF-8.
SURROGATES = "tracker-export-surrogates"
_REPLACEMENT = "\ufffd".encode()  # bytes: UTF-8 handlers may only return ASCII text


def _replace_surrogates(err: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    return _REPLACEMENT * (err.end - err.start), err.end


codecs.register_error(SURROGATES, _replace_surrogates)


def scrub(text: str) -> str:
    r"""``text`` with any lone surrogate replaced by U+FFFD.

    >>> scrub("caf\udce9\udce9!")
    'caf\ufffd\ufffd!'
    """
    return text.encode("utf-8", SURROGATES).decode("utf-8")


class Kind(Enum):
    """How a column's values are typed; each format maps kinds to its own types."""

    STR = "string"
    INT = "integer"
    FLOAT = "float"
    BOOL = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    JSON = "json"  # lists/objects: native in GeoJSON, JSON text in flat formats


@dataclass(frozen=True, slots=True)
class Column:
    """One output column: its name, its kind and how to read it from an Event."""

    name: str
    kind: Kind
    read: Callable[[Event], Any]
    shapefile_name: str | None = None  # only when ``name`` is over 10 characters
    nullable: bool = True
    limit: float | None = None  # coordinates: the largest absolute value allowed
    attribute: str | None = None  # the Event attribute ``read`` returns as it is, if any

    @property
    def dbf_name(self) -> str:
        """The (at most 10-character) name used in a Shapefile's .dbf."""
        return self.shapefile_name or self.name


@dataclass(frozen=True, slots=True)
class Layout:
    """A named, ordered list of columns."""

    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Column names in output order."""
        return tuple(c.name for c in self.columns)

    def subset(self, names: Sequence[str]) -> Layout:
        """The layout of only ``names``, in that order, read by this layout's own columns.

        >>> DEFAULT.subset(["event_id", "notes"]).names
        ('event_id', 'notes')
        """
        by_name = {c.name: c for c in self.columns}
        unknown = [n for n in names if n not in by_name]
        if unknown:
            raise ExportError(f"the {self.name} layout has no columns {unknown!r}")
        return Layout(f"{self.name}:{','.join(names)}", tuple(by_name[n] for n in names))


def impossible_position(event: Event) -> ExportError:
    return ExportError(
        f"event {event.event_id!r} has an impossible position latitude={event.latitude!r}, "
        f"longitude={event.longitude!r}; fix or re-geocode it before exporting"
    )


def position(latitude: float | None, longitude: float | None) -> list[float] | None:
    """GeoJSON position ``[longitude, latitude]``, or None when either is missing.

    The axis order comes from :func:`geodata.model.xy`, the code base's one
    lat/lon flip; everything else reads ``latitude``/``longitude`` by name.

    >>> position(50.67556, 30.21356)
    [30.21356, 50.67556]
    >>> position(None, 30.21356) is None
    True
    """
    if latitude is None or longitude is None:
        return None
    return list(xy(latitude, longitude))


@functools.cache
def row_reader(layout: Layout) -> Callable[[Event], dict[str, Any]]:
    """A function returning one event's values as a dict in the layout's column order.

    It is generated as one dict display, the way ``dataclasses`` generates
    ``__init__``: at a million events that is three times faster than zipping
    column lists into dicts (1.4 against 4 µs per event), a third of a GeoJSON
    export's time. The source is built only from our own column names.
    """
    namespace: dict[str, Any] = {}
    items = []
    for i, column in enumerate(layout.columns):
        if column.attribute is not None:
            value = f"event.{column.attribute}"
        else:
            namespace[f"read_{i}"] = column.read
            value = f"read_{i}(event)"
        items.append(f"{column.name!r}: {value}")
    source = "def read_row(event):\n    return {" + ", ".join(items) + "}\n"
    exec(source, namespace)
    return namespace["read_row"]


def column_values(column: Column, events: Sequence[Event]) -> list[Any]:
    """The values of one column for a chunk of events, in order."""
    return list(map(column.read, events))


def _coordinate(name: str, limit: float) -> Callable[[Event], float | None]:
    get = attrgetter(name)

    def read(event: Event) -> float | None:
        value = get(event)
        if value is None:
            return None
        if not -limit <= value <= limit:  # also rejects NaN
            raise impossible_position(event)
        return round(value, COORDINATE_DECIMALS)

    return read


def _utc(event: Event) -> datetime | None:
    # Naive timestamps from the store are UTC; make that explicit for every reader.
    stamp = event.updated_at
    if stamp is None:
        return None
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _column(
    name: str,
    kind: Kind,
    read: Callable[[Event], Any] | None = None,
    *,
    attribute: str | None = None,
    **kw: Any,
) -> Column:
    """A derived column when ``read`` is given, else the Event attribute (default: ``name``)."""
    if read is not None:
        return Column(name, kind, read, **kw)
    attribute = attribute or name
    return Column(name, kind, attrgetter(attribute), attribute=attribute, **kw)


_COMMON_TAIL = (
    _column("confidence", Kind.FLOAT, nullable=False),
    _column("source_url", Kind.STR),
    _column("source_title", Kind.STR, shapefile_name="src_title"),
    _column("report_count", Kind.INT, shapefile_name="rep_count", nullable=False),
    _column("geonameid", Kind.INT),
    _column("article_id", Kind.STR),
    _column("target", Kind.STR),
    _column("claimed_by", Kind.STR),
    _column("alleged", Kind.BOOL, nullable=False),
    _column("date_start", Kind.DATE),
    _column("date_end", Kind.DATE),
    # the place was a guess among nearly equally likely homonyms (see the evidence)
    _column("ambiguous", Kind.BOOL, nullable=False),
)

# Columns that read the same in both layouts, declared once.
_SHARED = {
    column.name: column
    for column in (
        _column("event_date", Kind.DATE, nullable=False),
        _column("time_precision", Kind.INT, shapefile_name="time_prec", nullable=False),
        _column("event_type", Kind.STR, nullable=False),
        _column("sub_event_type", Kind.STR, shapefile_name="sub_type", nullable=False),
        _column("actor1", Kind.STR),
        _column("actor2", Kind.STR),
        _column("location", Kind.STR),
        _column("admin1", Kind.STR),
        _column("admin2", Kind.STR),
        _column("country", Kind.STR),
        _column("latitude", Kind.FLOAT, _coordinate("latitude", 90.0), limit=90.0),
        _column("longitude", Kind.FLOAT, _coordinate("longitude", 180.0), limit=180.0),
        _column("geo_precision", Kind.INT, shapefile_name="geo_prec"),
        _column("fatalities", Kind.INT, nullable=False),
        _column("notes", Kind.STR, nullable=False),
    )
}


def _shared(*names: str) -> tuple[Column, ...]:
    return tuple(_SHARED[name] for name in names)


DEFAULT = Layout(
    "default",
    (
        _column("event_id", Kind.STR, nullable=False),
        *_shared(
            "event_date",
            "time_precision",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "location",
            "admin1",
            "admin2",
            "country",
            "latitude",
            "longitude",
            "geo_precision",
            "fatalities",
            "notes",
        ),
        *_COMMON_TAIL,
        _column("sources", Kind.JSON, nullable=False),
        _column("evidence", Kind.JSON, nullable=False),
        _column("trigger_span", Kind.JSON, shapefile_name="trig_span"),
        _column("place_span", Kind.JSON),
        _column("updated_at", Kind.DATETIME, _utc),
    ),
)


def _timestamp(event: Event) -> int | None:
    stamp = _utc(event)
    return None if stamp is None else int(stamp.timestamp())


def _empty(event: Event) -> None:
    return None  # an ACLED column nothing in an article tells us


def _acled_blank(name: str, *, shapefile_name: str | None = None) -> Column:
    return _column(name, Kind.STR, _empty, shapefile_name=shapefile_name)


# ACLED's columns, all of them in ACLED's order (so the file stacks under an
# ACLED download column for column), then ours. See tracker/export/acled.py.
ACLED = Layout(
    "acled",
    (
        _column(
            "event_id_cnty",
            Kind.STR,
            attribute="event_id",
            shapefile_name="event_id",
            nullable=False,
        ),
        *_shared("event_date"),
        _column("year", Kind.INT, lambda e: e.event_date.year, nullable=False),
        *_shared("time_precision"),
        _column(
            "disorder_type",
            Kind.STR,
            acled.disorder_type,
            shapefile_name="disorder",
            nullable=False,
        ),
        *_shared("event_type", "sub_event_type", "actor1"),
        _acled_blank("assoc_actor_1", shapefile_name="assoc_act1"),
        _column("inter1", Kind.INT, lambda e: acled.inter_code(e.actor1)),
        *_shared("actor2"),
        _acled_blank("assoc_actor_2", shapefile_name="assoc_act2"),
        _column("inter2", Kind.INT, lambda e: acled.inter_code(e.actor2)),
        _column("interaction", Kind.INT, acled.interaction, shapefile_name="interact"),
        _column(
            "civilian_targeting", Kind.STR, acled.civilian_targeting, shapefile_name="civ_target"
        ),
        _column("iso", Kind.INT, acled.iso_code),
        _column("region", Kind.STR, acled.region),
        *_shared("country", "admin1", "admin2"),
        _acled_blank("admin3"),
        *_shared("location", "latitude", "longitude", "geo_precision"),
        _column("source", Kind.STR, acled.source_names),
        _acled_blank("source_scale", shapefile_name="src_scale"),
        *_shared("notes", "fatalities"),
        _acled_blank("tags"),
        _column("timestamp", Kind.INT, _timestamp),
        *_COMMON_TAIL,
    ),
)

LAYOUTS = {layout.name: layout for layout in (DEFAULT, ACLED)}


def layout_for(*, acled: bool) -> Layout:
    """The ACLED layout when asked for, else the default one."""
    return ACLED if acled else DEFAULT
