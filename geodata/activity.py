"""Where conflict has been reported lately: the front-line context for homonyms.

Ukraine has dozens of Fedorivkas and Novoselivkas; an article that names one
without its oblast almost always means the one where the fighting is. A coder
at ACLED knows where that is; :class:`Activity` is how the gazetteer knows it:
a set of dated points (events already placed, or places named without any
doubt) with a fast count of how many lie near a candidate in the weeks before
a day. ``geodata`` knows nothing of events: the points come from the caller
(``tracker`` fills it from its store during ingest, or from a first pass over
a batch).

The count is a grid lookup (cells of :data:`CELL_DEG` degrees, a 3 × 3 block
around the candidate, then exact distances); :func:`count_near_plain` is the
plain scan it must agree with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from math import floor
from typing import TYPE_CHECKING, Any, Protocol

from geodata.admin import find_region
from geodata.distance import haversine_km
from geodata.model import GeoPrecision, Resolution

if TYPE_CHECKING:
    from geodata.protocols import Gazetteer, ResolveContext

RADIUS_KM = 15.0  # "near": the same stretch of front
WINDOW_DAYS = 30  # "lately": the weeks before the article
# A town, not a village (the usual line between them): its name means the town
TOWN_POPULATION = 10_000
CELL_DEG = 0.3  # ≥ 16 km east-west up to 58°N, 33 km north-south: 3 × 3 cells cover 15 km


class ActivitySource(Protocol):
    """Anything that counts recent reports near a point: an :class:`Activity`, or the
    tracker's store read month by month as articles of those months arrive."""

    def count_near(self, latitude: float, longitude: float, *, as_of: date | None) -> int: ...

    def describe(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ActivityPoint:
    """One located report: where and on which day."""

    latitude: float
    longitude: float
    day: date


@dataclass
class Activity:
    """Dated points of reported violence, counted near a place before a day."""

    radius_km: float = RADIUS_KM
    window_days: int = WINDOW_DAYS
    _cells: dict[tuple[int, int], list[ActivityPoint]] = field(
        default_factory=lambda: defaultdict(list)
    )
    _size: int = 0

    @classmethod
    def from_points(cls, points: Iterable[ActivityPoint], **options: float) -> Activity:
        """An activity map holding ``points``."""
        activity = cls(**options)  # type: ignore[arg-type]
        activity.extend(points)
        return activity

    def add(self, point: ActivityPoint) -> None:
        """Count one more located report (ingest adds each event as it stores it)."""
        self._cells[_cell(point.latitude, point.longitude)].append(point)
        self._size += 1

    def extend(self, points: Iterable[ActivityPoint]) -> None:
        for point in points:
            self.add(point)

    def __len__(self) -> int:
        return self._size

    def count_near(self, latitude: float, longitude: float, *, as_of: date | None) -> int:
        """Reports within ``radius_km`` of the point in the ``window_days`` up to ``as_of``
        (every report when ``as_of`` is None)."""
        row, col = _cell(latitude, longitude)
        since, until = _window(as_of, self.window_days)
        n = 0
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for p in self._cells.get((row + dr, col + dc), ()):
                    if since is not None and not since <= p.day <= until:  # type: ignore[operator]
                        continue
                    if haversine_km(latitude, longitude, p.latitude, p.longitude) <= self.radius_km:
                        n += 1
        return n

    def describe(self) -> str:
        """How the count reads in a reason: "within 15 km in the 30 days before"."""
        return f"within {self.radius_km:.0f} km in the {self.window_days} days before"


@dataclass(frozen=True, slots=True)
class NamedPlace:
    """A place name as a batch names it: the name, a region hint, the report's day."""

    name: str
    admin_hint: str | None
    day: date | None
    country: str | None = "UA"


def first_pass(gazetteer: Gazetteer, named: Iterable[NamedPlace]) -> Activity:
    """Activity from a batch itself: the places it names that can only be one place.

    A name with a single candidate (Vuhledar, Marinka) or a single one in its stated
    region says where the batch's reports are without any choice among homonyms;
    those points then choose the Fedorivka among 40 that the same batch means.
    """
    from geodata.protocols import ResolveContext

    activity = Activity()
    # A batch names the same towns again and again, and this context has nothing of
    # the article in it (no neighbours, no front line): one answer per name serves all.
    answers: dict[tuple[str, str | None, str | None], Resolution | None] = {}
    for item in named:
        if item.day is None:
            continue
        key = (item.name, item.admin_hint, item.country)
        if key not in answers:
            context = ResolveContext(admin_hint=item.admin_hint, country=item.country)
            answers[key] = gazetteer.resolve(item.name, context=context)
        res = answers[key]
        if res is None or res.precision is not GeoPrecision.SETTLEMENT:
            continue
        if len(res.alternatives) > 1 and not (_in_hint_alone(res, item.admin_hint) or _a_town(res)):
            continue
        activity.add(ActivityPoint(res.place.latitude, res.place.longitude, item.day))
    return activity


def _a_town(res: Resolution) -> bool:
    """A town the ranking chose without doubt: the hamlets that share the name of
    Zaporizhzhia or Luhansk are not what a batch means by it, and leaving the town's
    reports out would let a hamlet's few neighbours outvote the town's own."""
    return not res.ambiguous and res.place.population >= TOWN_POPULATION


def _in_hint_alone(res: Resolution, hint: str | None) -> bool:
    """The only candidate inside the stated region (the others are elsewhere)."""
    region = find_region(hint) if hint else None
    if region is None:
        return False
    inside = [
        c
        for c in res.alternatives
        if c.place.country == region.country and c.place.admin1_code in region.codes
    ]
    return len(inside) == 1


def count_near_plain(
    points: Iterable[ActivityPoint],
    latitude: float,
    longitude: float,
    *,
    as_of: date | None,
    radius_km: float = RADIUS_KM,
    window_days: int = WINDOW_DAYS,
) -> int:
    """The reference count: every point, one by one (what :meth:`Activity.count_near` is)."""
    since, until = _window(as_of, window_days)
    return sum(
        1
        for p in points
        if (since is None or since <= p.day <= until)  # type: ignore[operator]
        and haversine_km(latitude, longitude, p.latitude, p.longitude) <= radius_km
    )


def _window(as_of: date | None, days: int) -> tuple[date | None, date | None]:
    if as_of is None:
        return None, None
    return as_of - timedelta(days=days), as_of


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return floor(latitude / CELL_DEG), floor(longitude / CELL_DEG)


class FrontLineGazetteer:
    """A gazetteer that chooses homonyms with an :class:`Activity` map.

    Every resolve without activity of its own gets this one (``as_of`` stays the
    caller's: the article's day); everything else is the wrapped gazetteer's.
    Wrapping, rather than a parameter on every extractor, gives each language's
    extractor the same front-line context without knowing it exists.
    """

    def __init__(self, gazetteer: Gazetteer, activity: ActivitySource) -> None:
        self.wrapped = gazetteer
        self.activity = activity

    def resolve(self, name: str, *, context: ResolveContext | None = None) -> Resolution | None:
        from geodata.protocols import ResolveContext

        context = context if context is not None else ResolveContext()
        if context.activity is None:
            context = replace(context, activity=self.activity)
        return self.wrapped.resolve(name, context=context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
