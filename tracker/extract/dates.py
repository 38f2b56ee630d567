"""When an event happened: date expressions resolved against the publication date.

Every reading carries ACLED's ``time_precision`` (1 day, 2 week, 3 month) and the
interval it stands for. Week readings are dated to the middle of the week, month
readings to the middle of the month, or to its first or last day for "the
beginning/end of March", as ACLED does. Relative words ("yesterday", "last
week") need a reference day: the publication date, or else the day the
extractor runs, which the evidence then says.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.extract.prefixes import PrefixScanner
from tracker.extract.text import CARDINALS, Sentence
from tracker.model import TimePrecision

# An event dated this long before publication is a recap, not news: ACLED codes it
# from the report of its own day. Measured on devnews: 90 days keeps every
# labelled event and drops the recaps (30 and 180 differ by one event each way).
HISTORY_DAYS = 90

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_NUMBERS = CARDINALS  # the "N days ago" pattern admits only a..ten

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)[0-9][0-9]"
_SCANNER = PrefixScanner(
    rf"(?P<iso>\b{_YEAR}-[0-9][0-9]-[0-9][0-9]\b)"
    rf"|(?P<slash>\b[0-9]{{1,2}}[/.][0-9]{{1,2}}[/.]{_YEAR}\b)"
    rf"|(?:(?P<wd_a>{_WD}),?\s+)?(?P<mon_a>{_MON})\s+(?P<day_a>[0-9]{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<yr_a>{_YEAR})\b)?"
    rf"|(?:(?P<wd_b>{_WD}),?\s+)?\b(?P<day_b>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<mon_b>{_MON})(?:,?\s+(?P<yr_b>{_YEAR})\b)?"
    r"|(?P<part>(?i:\b(?:at\s+|by\s+|in\s+|as\s+of\s+)?the\s+(?:end|beginning|start|middle|"
    r"(?:first|second|latter)\s+half)\s+of"
    r"|\b(?:in\s+)?(?:early|late|mid-?)))"
    rf"\s*(?P<mon_c>{_MON})(?:\s+(?P<yr_c>{_YEAR})\b)?"
    rf"|(?i:\b(?:in|during|throughout|since|last|this)\s+)(?P<mon_d>{_MON})(?:\s+(?P<yr_d>{_YEAR})\b)?"
    r"|(?P<rel>(?i:\bthe\s+day\s+before\s+yesterday|\byesterday|\btoday|\bthis\s+(?:morning|"
    r"afternoon|evening)|\btonight|\blast\s+night|\bovernight|\bover\s+the\s+weekend|"
    r"\b(?:earlier\s+)?this\s+(?:week|weekend|month)|\b(?:last|past|previous)\s+(?:week|"
    r"weekend|month)|\btomorrow|\bnext\s+(?:week|month)))"
    r"|(?P<ago>(?i:\b(?P<n>[0-9]{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>days?|weeks?)\s+ago\b))"
    # "was liberated in the fall of 2022": a season of a year
    rf"|(?i:\b(?:in\s+)?(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+)"
    rf"(?P<yr_s>{_YEAR})\b"
    rf"|(?P<wd_c>(?i:\b(?:last\s+))?{_WD})\b"
    rf"|(?i:\b(?:in|since|during)\s+)(?P<year>{_YEAR})\b",
    length=3,
)


_HINT = re.compile(
    r"[0-9]|day|night|week|month|ago\b|morning|evening|afternoon"
    r"|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateReading:
    """A resolved date expression (or the default date) with its precision and interval."""

    event_date: date
    precision: TimePrecision
    date_start: date
    date_end: date
    evidence: str
    start: int = -1  # offsets of the expression; -1 for the default date
    end: int = -1
    explicit: bool = True
    history: bool = False  # more than HISTORY_DAYS before the reference day
    future: bool = False  # after the reference day: a plan, not a report


STORY_LEAD = 3  # sentences at the top of a story whose date is the story's day
STORY_DAYS = 3  # a lead date this recent is today's story, not background


def story_day(
    text: str,
    sentences: Sequence[Sentence],
    *,
    published: date | None,
    find: Callable[[str], list[DateReading]] | None = None,
) -> DateReading | None:
    """The day a story's lead names, when it is a day or so before publication.

    "Russian shelling killed three civilians on Saturday", published on Sunday: the
    story's other sentences ("an artillery strike in the evening") are Saturday's too.
    """
    if published is None:
        return None
    if find is None:

        def find(words: str) -> list[DateReading]:
            return find_dates(words, published=published, today=published)

    for sentence in sentences[:STORY_LEAD]:
        for r in find(text[sentence.start : sentence.end]):
            if (
                r.precision is TimePrecision.DAY
                and 0 < (published - r.event_date).days <= STORY_DAYS
            ):
                said = r.evidence.removeprefix("date: ")
                return replace(
                    r,
                    evidence=f"date: the story's day, named in its lead ({said})",
                    start=-1,
                    end=-1,
                    explicit=False,
                )
            if r.precision is TimePrecision.DAY:
                return None  # the lead is dated today (or later): the default is right
    return None


def default_date(*, published: date | None, today: date) -> DateReading:
    """The date of an event whose sentence names none: the publication day."""
    if published is not None:
        return DateReading(
            published,
            TimePrecision.DAY,
            published,
            published,
            "date: publication day (no date in the sentence)",
            explicit=False,
        )
    return DateReading(
        today,
        TimePrecision.DAY,
        today,
        today,
        "date: processing day (no date in the sentence, no publication date given)",
        explicit=False,
    )


def find_dates(text: str, *, published: date | None, today: date) -> list[DateReading]:
    """Every date expression in ``text`` that resolves, in order of appearance.

    Examples
    --------
    >>> [r.event_date.isoformat() for r in find_dates(
    ...     "Missiles hit the town on Tuesday, April 12.", published=None, today=date(2022, 5, 1))]
    ['2022-04-12']
    >>> r = find_dates("killed this month", published=date(2022, 4, 12), today=date(2024, 1, 1))[0]
    >>> (r.precision.name, r.date_start.isoformat(), r.date_end.isoformat())
    ('MONTH', '2022-04-01', '2022-04-12')
    """
    if not _HINT.search(text):
        return []  # no digit, day, week, month or month name: nothing to read
    ref = published or today
    readings = []
    for m in _SCANNER.finditer(text):
        reading = _resolve(m, ref=ref, has_published=published is not None)
        if reading is not None:
            history = (ref - reading.date_end).days > HISTORY_DAYS
            future = reading.date_start > ref + timedelta(days=1)
            readings.append(
                DateReading(
                    reading.event_date,
                    reading.precision,
                    reading.date_start,
                    reading.date_end,
                    reading.evidence + ("" if published else " (relative to the processing day)"),
                    m.start(),
                    m.end(),
                    True,
                    history,
                    future,
                )
            )
    return readings


def _resolve(m: re.Match[str], *, ref: date, has_published: bool) -> DateReading | None:
    g = m.groupdict()
    try:
        if g["iso"]:
            return _day(date.fromisoformat(g["iso"]), "ISO date")
        if g["slash"]:
            d, mo, y = (int(p) for p in re.split(r"[/.]", g["slash"]))
            return _day(date(y, mo, d), "day/month/year date")
        if g["mon_a"] or g["mon_b"]:
            return _month_day(g, ref=ref, has_published=has_published)
        if g["mon_c"]:
            return _month_part(g["part"], g["mon_c"], g["yr_c"], ref=ref)
        if g["mon_d"]:
            return _month_part("", g["mon_d"], g["yr_d"], ref=ref)
        if g["rel"]:
            return _relative(" ".join(g["rel"].lower().split()), ref=ref)
        if g["ago"]:
            return _ago(g["n"].lower(), g["unit"].lower(), ref=ref)
        if g["season"]:
            return _season(g["season"].lower(), int(g["yr_s"]))
        if g["wd_c"]:
            return _weekday(g["wd_c"], ref=ref)
        if g["year"]:
            y = int(g["year"])
            return DateReading(
                date(y, 7, 1), TimePrecision.MONTH, date(y, 1, 1), date(y, 12, 31), f"year {y}"
            )
    except ValueError:
        return None  # "April 31", "45/13/2022": not a date
    return None


def _day(d: date, how: str) -> DateReading:
    return DateReading(d, TimePrecision.DAY, d, d, f"date: {how} {d.isoformat()}")


def _month_day(g: dict[str, str | None], *, ref: date, has_published: bool) -> DateReading:
    month = _MONTHS[(g["mon_a"] or g["mon_b"] or "").rstrip(".").lower()]
    day = int(g["day_a"] or g["day_b"] or 0)
    weekday = g["wd_a"] or g["wd_b"]
    year_text = g["yr_a"] or g["yr_b"]
    if year_text:
        return _day(date(int(year_text), month, day), "explicit date")
    if weekday and not has_published:
        year = _year_agreeing(month, day, _WEEKDAYS[weekday.lower()], today=ref)
        return _day(date(year, month, day), f"{weekday} agrees with this year:")
    year = ref.year if date(ref.year, month, day) <= ref + timedelta(days=1) else ref.year - 1
    return _day(date(year, month, day), "month and day, year of the reference day:")


def _year_agreeing(month: int, day: int, weekday: int, *, today: date) -> int:
    """The most recent past year in which ``month``/``day`` falls on ``weekday``."""
    for year in range(today.year, today.year - 30, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue  # 29 February
        if d <= today and d.weekday() == weekday:
            return year
    return today.year


def _month_part(
    part: str | None, month_name: str, year_text: str | None, *, ref: date
) -> DateReading:
    month = _MONTHS[month_name.rstrip(".").lower()]
    year = int(year_text) if year_text else (ref.year if month <= ref.month else ref.year - 1)
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    part = (part or "").lower()
    if "first half" in part:
        first, last = first, date(year, month, 15)
        day, how = date(year, month, 8), "first half of"
    elif "second half" in part or "latter half" in part:
        first = date(year, month, 16)
        day, how = date(year, month, 23), "second half of"
    elif "end" in part or "late" in part:
        day, how = last, "end of"
    elif "beginning" in part or "start" in part or "early" in part:
        day, how = first, "beginning of"
    else:
        day, how = date(year, month, 15), "middle of"
    day, last = so_far(day, first, last, ref=ref)
    return DateReading(day, TimePrecision.MONTH, first, last, f"date: {how} {first:%B %Y}")


def so_far(day: date, first: date, last: date, *, ref: date) -> tuple[date, date]:
    """The month a report is written in has run only until the report: "earlier in October",
    written on 8 October, is 1–8 October, never the 15th (the point of a month reading)."""
    if first <= ref < last:
        return min(day, ref), ref
    return day, last


def _relative(word: str, *, ref: date) -> DateReading:
    if word == "yesterday":
        return _day(ref - timedelta(days=1), f"{word!r}:")
    if word == "last night":  # the night into the day of the report, as "overnight"
        return _day(ref, f"{word!r} (the night into it):")
    if word == "the day before yesterday":
        return _day(ref - timedelta(days=2), f"{word!r}:")
    if word in ("tomorrow",):
        return _day(ref + timedelta(days=1), f"{word!r}:")
    if word.endswith("weekend"):
        back = 7 if word.startswith(("last", "past", "previous")) and ref.weekday() >= 5 else 0
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7 + back)
        return _span(saturday, saturday + timedelta(days=1), TimePrecision.WEEK, word)
    if word.endswith("week"):
        monday = ref - timedelta(days=ref.weekday())
        if word.startswith(("last", "past", "previous")):
            return _span(
                monday - timedelta(days=7), monday - timedelta(days=1), TimePrecision.WEEK, word
            )
        if word.startswith("next"):
            return _span(
                monday + timedelta(days=7), monday + timedelta(days=13), TimePrecision.WEEK, word
            )
        return _span(monday, ref, TimePrecision.WEEK, word)
    if word.endswith("month"):
        first = ref.replace(day=1)
        if word.startswith(("last", "past", "previous")):
            last = first - timedelta(days=1)
            return _span(last.replace(day=1), last, TimePrecision.MONTH, word, middle=15)
        if word.startswith("next"):
            nxt = (first + timedelta(days=32)).replace(day=1)
            return _span(nxt, nxt + timedelta(days=27), TimePrecision.MONTH, word)
        return _span(first, ref, TimePrecision.MONTH, word)
    return _day(ref, f"{word!r}:")  # today, overnight, this morning, tonight


def _span(
    start: date, end: date, precision: TimePrecision, word: str, *, middle: int | None = None
) -> DateReading:
    mid = start.replace(day=middle) if middle else start + (end - start) / 2
    return DateReading(
        mid, precision, start, end, f"date: {word!r} = {start.isoformat()}..{end.isoformat()}"
    )


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}


def _season(season: str, year: int) -> DateReading:
    """ "the fall of 2022": its three months (winter: December of the year before to February)."""
    if season == "winter":
        first, last = date(year - 1, 12, 1), date(year, 2, 28)
    else:
        start, end = _SEASONS[season]
        first = date(year, start, 1)
        last = date(year, end + 1, 1) - timedelta(days=1)
    return _span(first, last, TimePrecision.MONTH, f"the {season} of {year}")


def _ago(n: str, unit: str, *, ref: date) -> DateReading:
    count = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
    if unit.startswith("day"):
        return _day(ref - timedelta(days=count), f"{count} day(s) ago:")
    monday = ref - timedelta(days=ref.weekday() + 7 * count)
    return _span(monday, monday + timedelta(days=6), TimePrecision.WEEK, f"{count} week(s) ago")


def _weekday(text: str, *, ref: date) -> DateReading:
    words = text.lower().split()
    target = _WEEKDAYS[words[-1]]
    back = (ref.weekday() - target) % 7
    if words[0] == "last" and back == 0:
        back = 7
    return _day(ref - timedelta(days=back), f"{text!r}:")
