"""Norwegian dates and times as minutes write them.

"17.3.22", "1/4-20", "15/6", "20. mai", "Fredag 20. mai", "24-25. august", "uke 38",
"kl. 0900-1100", "kl. 13.00–15.30". A date without a year takes it from a
reference date (the meeting's); a weekday written beside it picks the year
whose calendar agrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

MONTHS = {
    "januar": 1, "jan": 1, "january": 1,
    "februar": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "desember": 12, "des": 12, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "mandag": 0, "måndag": 0, "monday": 0,
    "tirsdag": 1, "tysdag": 1, "tuesday": 1,
    "onsdag": 2, "wednesday": 2,
    "torsdag": 3, "thursday": 3,
    "fredag": 4, "friday": 4,
    "lørdag": 5, "laurdag": 5, "saturday": 5,
    "søndag": 6, "sundag": 6, "sunday": 6,
}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))

NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "1/4-20", "1/4 2020", "15/6": day/month with an optional year; not a case number ("Sak 12/19")
SLASH_DATE = re.compile(r"(?<![\w/])(?<!sak )(\d{1,2})/(\d{1,2})(?:(?:-|\s)(\d{4}|\d{2}))?(?![\w/])", re.IGNORECASE)
TEXT_DATE = re.compile(
    rf"(?:\b(?P<wd>{_WEEKDAY_RE})\s+(?:den\s+)?)?"
    rf"\b(?P<d1>\d{{1,2}})\.?(?:\s*[-–]\s*(?P<d2>\d{{1,2}})\.?)?\s*(?P<mon>{_MONTH_RE})\.?"
    rf"(?:\s+(?P<year>\d{{4}}))?(?![\wæøå])",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# a day's last digit before a month, as every TEXT_DATE holds: found by one test at each digit, where TEXT_DATE
# tries its weekdays at every position
_DAY_AND_MONTH = re.compile(rf"\d\.?\s*(?:{_MONTH_RE})", re.IGNORECASE)
WEEK = re.compile(r"\b(?:uke|veke|week)\s+(?P<week>\d{1,2})(?:,?\s+(?P<year>\d{4}))?\b", re.IGNORECASE)
TIME_RANGE = re.compile(
    r"\bkl\.?\s*(?P<h1>\d{1,2})(?:[.:]?(?P<m1>\d{2}))?\s*(?:[-–]|til)\s*(?:kl\.?\s*)?(?P<h2>\d{1,2})(?:[.:]?(?P<m2>\d{2}))?\b",
    re.IGNORECASE,
)
TIME_SINGLE = re.compile(r"\bkl\.?\s*(?P<h1>\d{1,2})(?:[.:]?(?P<m1>\d{2}))?\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: date
    end: date | None
    span: tuple[int, int]        # character span in the string searched
    year_given: bool
    weekday_ok: bool | None      # None when no weekday was written


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if n < 100 else n


def parse_numeric(s: str) -> date | None:
    """'17.3.22', '17.03.2022' or '2022-03-17' → a date (None if none or invalid)."""
    m = ISO_DATE.search(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = NUMERIC_DATE.search(s)
    if m:
        try:
            return date(_year(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    return None


def _pick_year(day: int, month: int, weekday: int | None, ref: date | None) -> tuple[int, bool | None]:
    """The year for a day and month: the reference year, unless a written weekday fits a neighbour better."""
    base = ref.year if ref else None
    if base is None:
        return 0, None
    if weekday is None:
        return base, None
    for y in (base, base + 1, base - 1):
        try:
            if date(y, month, day).weekday() == weekday:
                return y, True
        except ValueError:
            continue
    return base, False


def find_dates(text: str, ref: date | None = None) -> list[DateMention]:
    """Every written date in text ('20. mai', '24-25. august', '17.3.22', 'uke 38')."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if not _DIGIT.search(text):  # every date written has a digit: most lines, read by many extractors, hold none
        return found
    for m in TEXT_DATE.finditer(text) if _DAY_AND_MONTH.search(text) else ():
        month = MONTHS[m["mon"].lower()]
        d1 = int(m["d1"])
        wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
        if m["year"]:
            year, ok = int(m["year"]), None
            if wd is not None:
                try:
                    ok = date(year, month, d1).weekday() == wd
                except ValueError:
                    ok = False
        else:
            year, ok = _pick_year(d1, month, wd, ref)
        if not year:
            continue
        try:
            start = date(year, month, d1)
            end = date(year, month, int(m["d2"])) if m["d2"] else None
        except ValueError:
            continue
        if end is not None and end < start:
            continue
        found.append(DateMention(start, end, m.span(), bool(m["year"]), ok))
        taken.append(m.span())
    for m in NUMERIC_DATE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        d = parse_numeric(m[0])
        if d:
            found.append(DateMention(d, None, m.span(), True, None))
    for m in ISO_DATE.finditer(text):
        d = parse_numeric(m[0])
        if d:
            found.append(DateMention(d, None, m.span(), True, None))
    for m in SLASH_DATE.finditer(text):
        d = _slash_date(m, ref)
        if d and not any(a <= m.start() < b for a, b in taken):
            found.append(DateMention(d, None, m.span(), bool(m[3]), None))
    for m in WEEK.finditer(text):
        year = int(m["year"]) if m["year"] else (ref.year if ref else 0)
        if not year:
            continue
        try:
            monday = date.fromisocalendar(year, int(m["week"]), 1)
        except ValueError:
            continue
        found.append(DateMention(monday, monday + timedelta(days=6), m.span(), bool(m["year"]), None))
    return sorted(found, key=lambda d: d.span)


def _slash_date(m: re.Match, ref: date | None) -> date | None:
    """'1/4-20' → 2020-04-01; '15/6' takes the reference year; a written year of two digits is 20xx."""
    year = _year(m[3]) if m[3] else (ref.year if ref else None)
    if year is None:
        return None
    try:
        return date(year, int(m[2]), int(m[1]))
    except ValueError:
        return None


MONTH_ONLY = re.compile(rf"(?<![\d.]\s)(?<![\d.])\b(?P<mon>{_MONTH_RE})(?:\s+(?P<year>\d{{4}}))?\b", re.IGNORECASE)


def find_month(text: str, ref: date | None) -> DateMention | None:
    """A month named without a day ('i mai', 'Januar', 'september 2024') as the span of that month."""
    for m in MONTH_ONLY.finditer(text):
        month = MONTHS[m["mon"].lower()]
        year = int(m["year"]) if m["year"] else (ref.year if ref else 0)
        if not year or len(m["mon"]) < 3:
            continue
        first = date(year, month, 1)
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
        return DateMention(first, last, m.span(), bool(m["year"]), None)
    return None


# a season and its months, as minutes and questions name it ("hausten 2013", "til høsten", "i vår", "the autumn
# of 2019"); "vår" before a noun is "our" ("i vår kommune"), and "fall" alone is Norwegian ("i alle fall")
SEASONS = [
    (r"i haust|i høst|til hausten|til høsten|hausten|høsten|haust|høst|(?:this |in the |the )?autumn"
     r"|(?:this |in the |the )fall", (8, 1), (11, 30)),
    (r"i vår(?!\s+[a-zæøå])|til våren|våren|(?:this |in the |the )?spring", (3, 1), (5, 31)),
    (r"i sommar|i sommer|til sommaren|til sommeren|sommaren|sommeren|(?:this |in the |the )?summer", (6, 1), (8, 31)),
]
_SEASONS = [(re.compile(rf"(?i)(?<![\w-])(?:{words})(?![\w-])(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}}))?"), first, last)
            for words, first, last in SEASONS]


def find_season(text: str, ref: date | None) -> DateMention | None:
    """A season named without a day ('hausten 2013', 'til høsten') as the span of its months; without a year,
    the reference date's year."""
    for pattern, (m1, d1), (m2, d2) in _SEASONS:
        m = pattern.search(text)
        if m and (m["year"] or ref):
            year = int(m["year"]) if m["year"] else ref.year
            return DateMention(date(year, m1, d1), date(year, m2, d2), m.span(), bool(m["year"]), None)
    return None


def find_time_range(text: str) -> tuple[time, time | None] | None:
    """'kl. 0900-1100' → (09:00, 11:00); 'kl. 13.00' → (13:00, None)."""
    m = TIME_RANGE.search(text)
    if m:
        try:
            t1 = _time(m["h1"], m["m1"])
            t2 = _time(m["h2"], m["m2"])
        except ValueError:
            return None
        return t1, t2
    m = TIME_SINGLE.search(text)
    if m:
        try:
            return _time(m["h1"], m["m1"]), None
        except ValueError:
            return None
    return None


def _time(h: str, mnt: str | None) -> time:
    if mnt is None and len(h) > 2:  # "0900"
        h, mnt = h[:-2], h[-2:]
    return time(int(h), int(mnt or 0))
