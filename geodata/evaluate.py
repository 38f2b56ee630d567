"""Scoring a gazetteer against place mentions whose true coordinates are known."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from statistics import median

from geodata.activity import Activity, NamedPlace, first_pass
from geodata.distance import haversine_km
from geodata.errors import GazetteerError
from geodata.model import GeoPrecision, Place
from geodata.names import name_key
from geodata.protocols import Gazetteer, ResolveContext

THRESHOLDS_KM = (1.0, 10.0, 50.0)
NEAR_KM = 10.0  # "the right place": the share the accuracy target counts
FAR_KM = 100.0  # "another part of the country": a correction, not a rounding
NAMESAKES = 500  # candidates asked for per name (the commonest village names have ~120)

# Country names as the devset writes them (with its typos) to ISO codes.
_COUNTRIES = {
    "ukraine": "UA",
    "crimea": "UA",
    "russia": "RU",
    "belarus": "BY",
    "belaurs": "BY",
    "moldova": "MD",
    "poland": "PL",
}


@dataclass(frozen=True, slots=True)
class Columns:
    """Which CSV columns hold the name, the region hint, the country and the truth."""

    name: str = "town/city"
    region: str | None = "province"
    country: str | None = "country"
    lat: str = "lat"
    lon: str = "lon"
    context: str | None = None  # free text naming other places (e.g. the title)
    date: str | None = "date"  # the report's day (ISO), for front-line context


@dataclass(frozen=True, slots=True)
class Mention:
    """One place mention with its true position."""

    line: int
    name: str
    region: str | None
    country: str | None
    latitude: float
    longitude: float
    context: str = ""
    day: date | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the gazetteer made of one mention."""

    mention: Mention
    found: str | None  # the chosen place's name
    error_km: float | None  # None when nothing was found
    precision: int | None
    # A same-name loss: more than NEAR_KM off at a place of the mention's name although
    # another place of that name lies within NEAR_KM of the truth (a homonym chosen).
    same_name_loss: bool = False


@dataclass(frozen=True, slots=True)
class Report:
    """Shares within each threshold (of all mentions) and the median error."""

    total: int
    resolved: int
    within: tuple[tuple[float, float], ...]  # (km, share of all mentions)
    median_km: float | None
    outcomes: tuple[Outcome, ...]
    far_share: float = 0.0  # of the resolved mentions: more than FAR_KM off
    same_name_share: float = 0.0  # of all mentions: lost to a same-name place

    def by_country(self) -> dict[str, Report]:
        """One report per country of the mentions ("?" when the CSV gave none)."""
        groups: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            groups.setdefault(o.mention.country or "?", []).append(o)
        return {c: summarise(tuple(g)) for c, g in sorted(groups.items())}

    def as_dict(self) -> dict[str, object]:
        """A flat summary for JSON or a table."""
        out: dict[str, object] = {"mentions": self.total, "resolved": self.resolved}
        for km, share in self.within:
            out[f"within_{km:g}km"] = round(share, 4)
        out["median_error_km"] = None if self.median_km is None else round(self.median_km, 2)
        out[f"over_{FAR_KM:g}km_of_resolved"] = round(self.far_share, 4)
        out["same_name_loss"] = round(self.same_name_share, 4)
        return out


def read_mentions(path: Path, columns: Columns = Columns()) -> Iterator[Mention]:
    """Rows of a CSV with a name and true coordinates; rows without either are skipped."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            _check_columns(reader.fieldnames or [], columns, path)
            for line, row in enumerate(reader, start=2):
                mention = _mention(row, line, columns)
                if mention is not None:
                    yield mention
    except OSError as err:
        raise GazetteerError(f"cannot read {str(path)!r}: {err.strerror}") from err
    except UnicodeDecodeError as err:
        raise GazetteerError(f"{str(path)!r} is not UTF-8 text ({err.reason})") from err


def _other_places(m: Mention, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Places named in the mention's context text, as an article's other places."""
    if not m.context:
        return ()
    own = name_key(m.name)
    hint = ResolveContext(admin_hint=m.region, country=m.country or "UA")
    found = []
    for match in gazetteer.find_names(m.context):
        if match.is_region or match.key == own:
            continue
        res = gazetteer.resolve(match.surface, context=hint)
        if res is not None and res.precision is not GeoPrecision.REGION:
            found.append(res.place)
    return tuple(found)


def _check_columns(fields: list[str], columns: Columns, path: Path) -> None:
    wanted = [c for c in (columns.name, columns.lat, columns.lon) if c]
    missing = [c for c in wanted if c not in fields]
    if missing:
        raise GazetteerError(
            f"{str(path)!r} has no column {missing[0]!r} (columns: {fields!r}); "
            "name the right ones with --name-column/--lat-column/--lon-column"
        )


def _mention(row: dict[str, str], line: int, columns: Columns) -> Mention | None:
    name = (row.get(columns.name) or "").strip()
    try:
        lat, lon = float(row[columns.lat]), float(row[columns.lon])
    except (TypeError, ValueError):
        return None
    if not name:
        return None
    region = (row.get(columns.region) or "").strip() if columns.region else ""
    country = (row.get(columns.country) or "").strip() if columns.country else ""
    context = (row.get(columns.context) or "") if columns.context else ""
    code = _COUNTRIES.get(country.lower())
    return Mention(line, name, region or None, code, lat, lon, context, _day(row, columns))


def _day(row: dict[str, str], columns: Columns) -> date | None:
    text = (row.get(columns.date) or "").strip()[:10] if columns.date else ""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def evaluate(
    mentions: Iterable[Mention], gazetteer: Gazetteer, *, front_line: bool = False
) -> Report:
    """Resolve every mention and measure how far each answer is from the truth.

    Unresolved mentions count as misses in every share; the median is over
    resolved mentions only. With ``front_line``, homonyms are chosen with the
    batch's own activity: the unambiguous places of all mentions, dated, as a
    first pass (:func:`geodata.activity.first_pass`); the true coordinates are
    never used for it.
    """
    mentions = list(mentions)
    activity = None
    if front_line:
        named = (NamedPlace(m.name, m.region, m.day, m.country or "UA") for m in mentions)
        activity = first_pass(gazetteer, named)
    return summarise(tuple(_outcome(m, gazetteer, activity) for m in mentions))


def summarise(outcomes: tuple[Outcome, ...]) -> Report:
    """The shares and median error of a set of outcomes."""
    errors = [o.error_km for o in outcomes if o.error_km is not None]
    total = len(outcomes)
    within = tuple(
        (km, sum(e <= km for e in errors) / total if total else 0.0) for km in THRESHOLDS_KM
    )
    far = sum(e > FAR_KM for e in errors) / len(errors) if errors else 0.0
    lost = sum(o.same_name_loss for o in outcomes) / total if total else 0.0
    return Report(
        total, len(errors), within, median(errors) if errors else None, outcomes, far, lost
    )


def _outcome(m: Mention, gazetteer: Gazetteer, activity: Activity | None) -> Outcome:
    others = _other_places(m, gazetteer)
    context = ResolveContext(
        admin_hint=m.region,
        country=m.country or "UA",
        others=others,
        activity=activity,
        as_of=m.day,
    )
    res = gazetteer.resolve(m.name, context=context)
    if res is None:
        return Outcome(m, None, None, None)
    err = haversine_km(m.latitude, m.longitude, res.place.latitude, res.place.longitude)
    lost = (
        err > NEAR_KM
        and res.precision is not GeoPrecision.REGION
        and _namesake_was_near(m, res.place, gazetteer)
    )
    return Outcome(m, res.place.name, err, int(res.precision), lost)


def _namesake_was_near(m: Mention, chosen: Place, gazetteer: Gazetteer) -> bool:
    """``chosen`` is one of the places called ``m.name`` and another lies near the truth."""
    namesakes = [c.place for c in gazetteer.search(m.name, limit=NAMESAKES)]
    if chosen.geonameid not in {p.geonameid for p in namesakes}:
        return False  # a facility or region answer, not a choice among homonyms
    return any(
        haversine_km(m.latitude, m.longitude, p.latitude, p.longitude) <= NEAR_KM
        for p in namesakes
        if not p.is_region
    )
