"""When an event happened, read from Ukrainian and Russian date expressions.

"у ніч на 12 квітня", "12 квітня 2022 року", "вчора", "минулої доби",
"в ночь на 5 марта", "накануне", "в минувшие сутки", "у суботу", "у березні":
each resolves against the publication day (else the processing day) to a
:class:`~tracker.extract.dates.DateReading` with ACLED's time precision, the
same readings the English extractor makes.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from tracker.extract.cyrillic.lexicon import Lexicon
from tracker.extract.dates import HISTORY_DAYS, DateReading, so_far
from tracker.model import TimePrecision


def find_dates(
    text: str, lexicon: Lexicon, *, published: date | None, today: date
) -> list[DateReading]:
    """Every date expression in ``text``, resolved, in order.

    >>> from tracker.extract.cyrillic.lexicon import lexicon_for
    >>> [r.event_date.isoformat() for r in find_dates(
    ...     "У ніч на 12 квітня та вчора", lexicon_for("uk"),
    ...     published=date(2022, 4, 14), today=date(2024, 1, 1))]
    ['2022-04-12', '2022-04-13']
    """
    ref = published or today
    out = []
    for m in _pattern(lexicon.language).finditer(text):
        reading = _resolve(m, lexicon, ref=ref)
        if reading is not None:
            out.append(_flagged(reading, m, ref=ref, has_published=published is not None))
    return out


@lru_cache(maxsize=4)
def _pattern(language: str) -> re.Pattern[str]:
    from tracker.extract.cyrillic.lexicon import lexicon_for

    lx = lexicon_for(language)
    months = "|".join(lx.months)
    weekdays = "|".join(lx.weekdays)
    relative = "|".join(f"(?P<rel{i}>{p})" for i, (p, _) in enumerate(lx.relative))
    return re.compile(
        rf"(?P<dmy>\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b)"
        rf"|(?:(?P<night>{lx.night_of})\s+)?\b(?:(?P<d1>[0-3]?\d)\s*[-–—]\s*)?(?P<day>[0-3]?\d)\s+"
        rf"(?P<mon>{months})\w*(?:\s+(?P<year>(?:19|20)\d\d))?"
        # a weekday ends within a few letters: "у Середино-Будській громаді" is no Wednesday
        rf"|(?:(?P<wnight>{lx.night_of})|\b(?:у|в|во))\s+(?P<wd>(?:{weekdays})\w{{0,3}})(?![\w-])"
        rf"|\b{lx.month_in}"
        rf"|(?P<part>{_PARTS})\s+(?P<pmon>{months})\w*"
        # "у 2014 році", "в 2014 году": a year named alone, read only when it is history
        r"|\b(?P<yr>(?:19|20)\d\d)\s+(?:році|року|рік|роках|году|года|годах|год|р\.|г\.)"
        rf"|\b(?:{relative})\b",
        re.IGNORECASE,
    )


# "на початку/наприкінці/у середині квітня", "в начале/в конце/в середине апреля"
_PARTS = (
    r"\b(?:на\s+початку|наприкінці|в\s+кінці|у\s+кінці|у\s+середині|в\s+середині|в\s+начале"
    r"|в\s+конце|в\s+середине|к\s+концу|с\s+начала|з\s+початку)"
)


def _resolve(m: re.Match[str], lexicon: Lexicon, *, ref: date) -> DateReading | None:
    phrase = " ".join(m.group().split())
    try:
        if m.group("dmy"):
            d = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            return _day(d, phrase)
        if m.group("day"):
            return _day_month(m, lexicon, ref=ref, phrase=phrase)
    except ValueError:
        return None  # "31 лютого": no such day
    if m.group("wd"):
        return _weekday(m.group("wd").lower(), lexicon, ref=ref, phrase=phrase)
    if m.group("month"):
        return _month(_month_number(m.group("month"), lexicon), ref=ref, phrase=phrase)
    if m.group("pmon"):
        return _month(_month_number(m.group("pmon"), lexicon), ref=ref, phrase=phrase)
    if m.group("yr"):
        return _past_year(int(m.group("yr")), ref=ref, phrase=phrase)
    for i, (_, days) in enumerate(lexicon.relative):
        if m.group(f"rel{i}"):
            return _day(ref - timedelta(days=days), phrase, relative=True)
    return None


def _day_month(m: re.Match[str], lexicon: Lexicon, *, ref: date, phrase: str) -> DateReading:
    month = _month_number(m.group("mon"), lexicon)
    day = int(m.group("day"))
    if m.group("year"):
        year = int(m.group("year"))
    else:
        year = ref.year if date(ref.year, month, day) <= ref + timedelta(days=1) else ref.year - 1
    end = date(year, month, day)
    if m.group("d1"):  # "5–7 березня": the span, dated by its last day
        start = date(year, month, int(m.group("d1")))
        if start < end:
            precision = TimePrecision.DAY if (end - start).days <= 1 else TimePrecision.WEEK
            return DateReading(end, precision, start, end, f"date: {phrase!r} → {start}..{end}")
    return _day(end, phrase)


def _month_number(word: str, lexicon: Lexicon) -> int:
    low = word.lower()
    for stem, number in lexicon.months.items():
        if re.match(stem, low):
            return number
    raise ValueError(f"no month in {word!r}")


def _weekday(word: str, lexicon: Lexicon, *, ref: date, phrase: str) -> DateReading | None:
    for number, stem in enumerate(lexicon.weekdays):
        if re.match(stem, word):
            back = (ref.weekday() - number) % 7
            return _day(ref - timedelta(days=back), phrase, relative=True)
    return None


def _month(month: int, *, ref: date, phrase: str) -> DateReading:
    year = ref.year if month <= ref.month else ref.year - 1
    start = date(year, month, 1)
    end = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    middle, end = so_far(start + timedelta(days=14), start, end, ref=ref)
    return DateReading(
        middle, TimePrecision.MONTH, start, end, f"date: {phrase!r} → month {start:%Y-%m}"
    )


def _past_year(year: int, *, ref: date, phrase: str) -> DateReading | None:
    """A year long past ("у 2014 році, коли окупувала Крим"): the sentence is history. The
    current or a recent year says nothing a coder could date, so it is not read."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if (ref - end).days <= HISTORY_DAYS:
        return None
    middle = date(year, 7, 1)
    return DateReading(middle, TimePrecision.MONTH, start, end, f"date: {phrase!r} → year {year}")


def _day(d: date, phrase: str, *, relative: bool = False) -> DateReading:
    how = "relative to the reference day" if relative else "as written"
    return DateReading(d, TimePrecision.DAY, d, d, f"date: {phrase!r} ({how}) → {d.isoformat()}")


def _flagged(r: DateReading, m: re.Match[str], *, ref: date, has_published: bool) -> DateReading:
    """Offsets, and whether the date is history or a plan, as the English readings carry."""
    history = (ref - r.date_end).days > HISTORY_DAYS
    future = r.date_start > ref + timedelta(days=1)
    evidence = (
        r.evidence if has_published else r.evidence + " (no publication date: processing day)"
    )
    return DateReading(
        r.event_date, r.precision, r.date_start, r.date_end, evidence,
        m.start(), m.end(), True, history, future,
    )  # fmt: skip
