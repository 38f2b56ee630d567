"""Measuring the extractor on a set of short titles with known places and dates.

The development set (CIR / Bellingcat monitor) gives, per row, a title such as
"18/04/2022 Fire in Lviv after Russian shelling", its date, true coordinates and
an event group. A row is a *hit* when one extracted event lands within
``radius_km`` of the true point and has a type plausible for the group.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geodata.distance import haversine_km
from tracker.errors import ExtractionError, InputError
from tracker.extract.protocol import Extractor
from tracker.model import Article, Event, EventType

_E, _B, _V, _S = (
    EventType.EXPLOSIONS,
    EventType.BATTLES,
    EventType.VIOLENCE_AGAINST_CIVILIANS,
    EventType.STRATEGIC_DEVELOPMENTS,
)
# Event-group words → the ACLED event types a faithful coder could give.
PLAUSIBLE: tuple[tuple[str, frozenset[EventType]], ...] = (
    ("infrastructure damage", frozenset({_E, _B, _S})),
    ("bombing or explosion", frozenset({_E, _S})),
    ("military presence", frozenset({_S, _B})),
    ("allies presence", frozenset({_S, _B, _E})),
    ("military losses", frozenset({_B, _E, _S})),
    ("civilian casualty", frozenset({_E, _V, _B})),
    ("munitions", frozenset({_E, _S})),
    ("ground battle", frozenset({_B})),
    ("firing positions", frozenset({_E, _B})),
    ("mass grave", frozenset({_V})),
    ("detentions or arrests", frozenset({_S, _V})),
)
REQUIRED_COLUMNS = ("date", "title", "lat", "lon", "event_group")


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """How the extractor did on one row."""

    entry: str
    title: str
    events: int
    located: bool
    within: bool
    plausible: bool
    distance_km: float | None

    @property
    def hit(self) -> bool:
        """An event within the radius whose type is plausible."""
        return self.within and self.plausible


@dataclass(frozen=True, slots=True)
class Report:
    """Shares over the rows read."""

    rows: int
    with_events: int
    located: int
    within: int
    plausible: int
    hits: int
    radius_km: float

    def share(self, count: int) -> float:
        """``count`` as a share of the rows (0 when there are none)."""
        return round(count / self.rows, 4) if self.rows else 0.0


def plausible_types(group: str) -> frozenset[EventType] | None:
    """The event types plausible for an event group; None means any type."""
    low = group.lower()
    for words, types in PLAUSIBLE:
        if words in low:
            return types
    return None


def evaluate_devset(
    path: Path, *, extractor: Extractor, limit: int | None = None, radius_km: float = 10.0
) -> tuple[Report, list[RowOutcome]]:
    """Extract every title of the CSV at ``path`` and score it against the truth.

    Raises :class:`InputError` when the file is missing or lacks a needed column.
    """
    outcomes = list(_outcomes(path, extractor=extractor, limit=limit, radius_km=radius_km))
    report = Report(
        rows=len(outcomes),
        with_events=sum(o.events > 0 for o in outcomes),
        located=sum(o.located for o in outcomes),
        within=sum(o.within for o in outcomes),
        plausible=sum(o.plausible for o in outcomes),
        hits=sum(o.hit for o in outcomes),
        radius_km=radius_km,
    )
    return report, outcomes


def _outcomes(
    path: Path, *, extractor: Extractor, limit: int | None, radius_km: float
) -> Iterator[RowOutcome]:
    for n, row in enumerate(_rows(path)):
        if limit is not None and n >= limit:
            return
        try:
            truth = (float(row["lat"]), float(row["lon"]))
            published = date.fromisoformat(row["date"])
        except ValueError:
            continue  # rows without coordinates or a date cannot be scored
        article = Article(text=row["title"], published=published, url=None)
        try:
            events = extractor.extract(article)
        except ExtractionError:
            events = []
        yield _score(row, events, truth, radius_km)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as err:
        raise InputError(
            f"cannot read {str(path)!r}: {err.strerror}; give the devset CSV"
        ) from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(
                f"{str(path)!r} lacks the column(s) {', '.join(missing)}; "
                f"the devset CSV has {', '.join(REQUIRED_COLUMNS)}"
            )
        yield from reader


def _score(
    row: dict[str, str], events: list[Event], truth: tuple[float, float], radius_km: float
) -> RowOutcome:
    allowed = plausible_types(row["event_group"])
    best: float | None = None
    within = plausible = False
    for e in events:
        type_ok = allowed is None or e.event_type in allowed
        plausible = plausible or type_ok
        if e.latitude is None or e.longitude is None:
            continue
        d = haversine_km(truth[0], truth[1], e.latitude, e.longitude)
        best = d if best is None else min(best, d)
        within = within or (d <= radius_km and type_ok)
    return RowOutcome(
        entry=row.get("entry", ""),
        title=row["title"],
        events=len(events),
        located=best is not None,
        within=within,
        plausible=plausible,
        distance_km=round(best, 2) if best is not None else None,
    )
