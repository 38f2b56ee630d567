"""Varied ~3 KB news articles generated from our own sentence templates, for benches and checks.

Real feeds are mostly context, quotes and politics; the incident reports in them
name many different villages. A benchmark that repeats a few dozen passages
lets every cache in the extractor hit and flatters it. These articles are drawn
from templates written for this project, with place names drawn from whichever
gazetteer is given, in three kinds:

- ``single``: one incident report (headline, lead, a follow-up or two) in
  background prose;
- ``roundup``: a daily summary naming four to eight villages, each with its own
  event type and day;
- ``none``: politics, economy and aid with places in it but no event.

Every article is reproducible from ``seed`` alone.

>>> from geodata import load_embedded_gazetteer
>>> towns = towns_from(load_embedded_gazetteer(), limit=50)
>>> [a] = generate_articles(towns, n=1, seed=3)
>>> 2500 < len(a.text) < 4500
True
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.model import Article


@dataclass(frozen=True, slots=True)
class Town:
    """A place name to write about and the region phrase that goes with it."""

    name: str
    region: str  # "the Kharkiv region", "Crimea"


def towns_from(gazetteer: object, *, country: str = "UA", limit: int | None = None) -> list[Town]:
    """Settlements of ``country`` in a :class:`geodata.index.MemoryGazetteer`, in id order."""
    places = sorted(gazetteer.places.values(), key=lambda p: p.geonameid)  # type: ignore[attr-defined]
    towns = []
    for p in places:
        if p.country != country or p.feature_class != "P" or not p.admin1:
            continue
        if not p.name.isascii() or not p.name[:1].isupper() or len(p.name) < 4:
            continue
        towns.append(Town(p.name, _region_phrase(p.admin1)))
        if limit is not None and len(towns) >= limit:
            break
    return towns


def _region_phrase(admin1: str) -> str:
    if admin1.endswith(" Oblast"):
        return f"the {admin1.removesuffix(' Oblast')} region"
    return admin1


KINDS = (("single", 0.45), ("roundup", 0.30), ("none", 0.25))
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15")

HEADLINES = (
    "{Weapon} hits {town} overnight",
    "Strike on {town} leaves {n} dead",
    "Fighting flares near {town}",
    "{town} shelled again as front shifts",
    "Residents of {town} count the damage",
)
INCIDENTS = (
    "Russian artillery shelled {town} in {region} on {day}, killing {n} civilians and "
    "wounding several others, the regional governor said.",
    "A {weapon} struck an industrial site in {town}, {region}, overnight into {day}, "
    "starting a fire that burned for hours, local officials reported.",
    "Ukrainian air defence shot down {n} attack drones over {region} on {day} night; "
    "debris fell on a farm near {town} but nobody was hurt.",
    "Russian troops attacked Ukrainian positions near {town} in {region} on {day} and were "
    "pushed back after heavy fighting, the General Staff said.",
    "An air strike hit a school in {town}, {region}, on {day}, the head of the local "
    "military administration wrote on Telegram.",
    "Multiple rocket launchers fired on the outskirts of {town} in {region} early on {day}, "
    "damaging {n} houses and a power line.",
    "A drone dropped explosives on a car in {town}, {region}, on {day}, killing the driver, "
    "police said.",
    "Ukrainian forces said they recaptured the village of {town} in {region} on {day} after "
    "a week of fighting.",
)
FOLLOW_UPS = (
    "Rescue teams worked through the night to clear the rubble.",
    "Photographs posted by emergency services showed a crater beside a block of flats.",
    "Power was cut to {n} thousand homes and was restored by the evening.",
    "The regional prosecutor opened an investigation into the attack.",
    "Neighbours said the blast shattered windows several streets away.",
    "It was the {nth} attack on the area this month, according to the local council.",
)
ROUNDUP_LEADS = (
    "Here is what we know about the situation on the front line on {day}.",
    "Officials across the south and east reported the following overnight.",
    "The General Staff published its morning summary on {day}.",
)
BACKGROUND = (
    "{Officials} in {city} said {topic} would be discussed at a meeting {when}.",
    "{Analysts} expect {topic} to dominate the agenda {when}.",
    "The {body} approved a plan on {topic}, which {Officials} described as overdue.",
    "In {town}, volunteers have been {chore} since the spring.",
    "{Officials} in {region} said {topic} remained the main worry for families.",
    "Asked about {topic}, a spokesman for the {body} declined to comment.",
    "Residents of {town} said they had {chore2} and hoped to stay until the winter.",
    "Prices for {goods} rose by {n} percent in {month}, the statistics office said.",
    "A delegation from {country} visited {city} {when} to talk about {topic}.",
    "Farmers near {town} said the harvest of {goods} was {quality} this year.",
)
FILL = {
    "Officials": ("Officials", "Local authorities", "Council members", "Aid workers"),
    "Analysts": ("Analysts", "Economists", "Diplomats", "Observers"),
    "city": ("Kyiv", "Lviv", "Odesa", "Dnipro", "Kharkiv", "Vinnytsia", "Poltava", "Uzhhorod"),
    "topic": (
        "grain exports",
        "the heating season",
        "school repairs",
        "housing for displaced families",
        "the new budget",
        "electricity prices",
        "reconstruction loans",
        "teacher salaries",
        "rail timetables",
        "water supplies",
    ),
    "when": ("next week", "later this month", "on Friday", "in the autumn", "soon"),
    "body": ("city council", "regional council", "parliament", "cabinet", "central bank"),
    "chore": ("repairing roofs", "collecting clothes", "cooking for soldiers", "clearing parks"),
    "chore2": ("planted potatoes", "fixed their windows", "reopened the shop", "found work"),
    "goods": ("sunflower oil", "bread", "potatoes", "fuel", "buckwheat", "wheat", "apples"),
    "month": ("March", "April", "May", "June", "July", "August", "September"),
    "country": ("Poland", "Lithuania", "Canada", "Japan", "Ireland", "the Netherlands"),
    "quality": ("better than expected", "poor", "average", "the best in years"),
    "weapon": ("missile", "drone", "guided bomb", "cruise missile"),
    "nth": ("second", "third", "fourth", "fifth"),
}


def generate_articles(
    towns: Sequence[Town], *, n: int, seed: int = 7, size: int = 3000, start: date | None = None
) -> list[Article]:
    """``n`` reproducible articles of about ``size`` characters (see the module docstring)."""
    if not towns:
        raise ValueError("no towns to write about; give a gazetteer with settlements")
    rng = random.Random(seed)
    first = start or date(2023, 3, 1)
    articles = []
    for i in range(n):
        kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
        published = first + timedelta(days=rng.randrange(300))
        text = _WRITERS[kind](rng, towns, size)
        articles.append(
            Article(text, url=f"https://generated.example/{kind}/{i}", published=published)
        )
    return articles


def _fill(rng: random.Random, template: str, towns: Sequence[Town]) -> str:
    town = rng.choice(towns)
    weapon = rng.choice(FILL["weapon"])
    values = {key: rng.choice(options) for key, options in FILL.items()}
    values.update(
        town=town.name, region=town.region, day=rng.choice(DAYS), n=rng.choice(NUMBERS),
        weapon=weapon, Weapon=weapon.capitalize(),
    )  # fmt: skip
    return template.format(**values)


def _padded(rng: random.Random, towns: Sequence[Town], parts: list[str], size: int) -> str:
    """Background paragraphs after the report until the article is ``size`` characters.

    ``towns`` are the article's own: background prose comes back to the places the
    report is about (and to the big cities in ``FILL``), as real stories do.
    """
    paragraphs = ["\n".join(parts[:1]), " ".join(parts[1:])] if parts else []
    while sum(len(p) + 2 for p in paragraphs) < size:
        count = rng.randint(2, 4)
        paragraphs.append(" ".join(_fill(rng, rng.choice(BACKGROUND), towns) for _ in range(count)))
    return "\n\n".join(p for p in paragraphs if p)


def _single(rng: random.Random, towns: Sequence[Town], size: int) -> str:
    local = [rng.choice(towns)]
    headline = _fill(rng, rng.choice(HEADLINES), local)
    lead = _fill(rng, rng.choice(INCIDENTS), local)
    follow = [_fill(rng, t, local) for t in rng.sample(FOLLOW_UPS, rng.randint(1, 3))]
    return _padded(rng, [*local, rng.choice(towns)], [headline, lead, *follow], size)


def _roundup(rng: random.Random, towns: Sequence[Town], size: int) -> str:
    local = rng.sample(list(towns), min(len(towns), rng.randint(4, 8)))
    parts = ["Overnight summary", _fill(rng, rng.choice(ROUNDUP_LEADS), local)]
    parts.extend(_fill(rng, rng.choice(INCIDENTS), [town]) for town in local)
    return _padded(rng, local, parts, size)


def _none(rng: random.Random, towns: Sequence[Town], size: int) -> str:
    local = rng.sample(list(towns), min(len(towns), 2))
    headline = _fill(rng, "{Officials} in {city} weigh {topic}", local)
    return _padded(rng, local, [headline, _fill(rng, rng.choice(BACKGROUND), local)], size)


_WRITERS = {"single": _single, "roundup": _roundup, "none": _none}
