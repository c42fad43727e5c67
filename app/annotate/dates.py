"""Dates written out in page text, and lines that hold nothing but a date.

An article's date comes only from such a date line ("Published: 3 March 2005",
"Mon 4 Feb 2019 06.00 GMT", "Updated 2019-01-04", "March 3, 2005 10:14 AM EST"), never
from a date inside a sentence ("last week", "on March 3") and never from a date without a
year.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

DateKind = Literal["published", "updated"]

_MONTH_NAMES = [
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
]
MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names}
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

# (pattern, order of the year/month/day groups)
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b"), "ymd"),
    (re.compile(rf"\b({MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
    (
        re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of\s+|[\s-]+)({MONTH_ALT})\.?,?[\s-]+(\d{{4}})\b",
            re.I,
        ),
        "dmy",
    ),
    (re.compile(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"), "num"),
]
_YEAR = re.compile(r"\d{4}")
# Time zones that say which way round "03/04/2005" is read.
_MONTH_FIRST_ZONES = re.compile(r"\b(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT)\b")
_DAY_FIRST_ZONES = re.compile(r"\b(?:GMT|BST|CET|CEST|AEST|AEDT|IST|SGT)\b")

_DATE_WORD = (
    r"(?:published|updated|posted|first\s+published|last\s+updated|modified|last\s+modified)"
)
_SEPARATOR = re.compile(r"\s*(?:\||•|·|—|–)\s*")
DATE_WORD = re.compile(rf"\b{_DATE_WORD}\b", re.I)
_PUBLISHED_WORD = re.compile(r"\b(?:published|posted|first\s+published)\b", re.I)
_UPDATED_WORD = re.compile(r"\b(?:updated|modified)\b", re.I)
_NOISE = re.compile(
    rf"""(?:\b(?:published|updated|last|first|posted|modified|edited|date|dated|on|at|am|pm|
        a\.m\.|p\.m\.|gmt|bst|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ct|z|
        sgt|jst|kst|hkt|cet|cest|aest|aedt|ist|wib|
        monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|
        thurs|fri|sat|sun|today|hours?|hrs?|mins?|minutes?|ago|read|time|{MONTH_ALT})\b
        |\d+|[^\w\s])""",
    re.I | re.VERBOSE,
)


def _ymd(m: re.Match[str], order: str, s: str) -> date | None:
    a, b, c = m.group(1), m.group(2), m.group(3)
    if order == "ymd":
        y, mo, d = int(a), int(b), int(c)
    elif order == "mdy":
        y, mo, d = int(c), MONTHS[a.lower()], int(b)
    elif order == "dmy":
        y, mo, d = int(c), MONTHS[b.lower()], int(a)
    else:  # day and month as numbers: only when the order is certain
        first, second, y = int(a), int(b), int(c)
        month_first = bool(_MONTH_FIRST_ZONES.search(s)) and not _DAY_FIRST_ZONES.search(s)
        day_first = bool(_DAY_FIRST_ZONES.search(s)) and not month_first
        if first > 12 or first == second or (day_first and second <= 12):
            d, mo = first, second
        elif second > 12 or month_first:
            mo, d = first, second
        else:
            return None
    if not 1800 <= y <= 2200:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def find_dates(s: str) -> list[tuple[int, date]]:
    """Every full date written in ``s`` (with a year), as (position, date), in text order."""
    found: dict[int, date] = {}
    if not _YEAR.search(s):
        return []
    for pat, order in _PATTERNS:
        for m in pat.finditer(s):
            d = _ymd(m, order, s)
            if d is not None and not any(p <= m.start() < p + 12 for p in found):
                found[m.start()] = d
    return sorted(found.items())


def parse_date(s: str) -> date | None:
    """The first full date written in ``s``: ISO, "July 29, 2024", "29 July 2024",
    "2024/07/29", or "29/07/2024" when the order of day and month is certain."""
    dates = find_dates(s)
    return dates[0][1] if dates else None


def date_line(s: str) -> tuple[date, DateKind] | None:
    """(date, "published" | "updated") when the whole line is a date line."""
    if len(s) > 120:
        return None
    dates = find_dates(s)
    if not dates:
        return None
    if len(_NOISE.sub(" ", s).split()) > 2:
        return None
    published = _PUBLISHED_WORD.search(s)
    if published:
        after = [d for pos, d in dates if pos >= published.end()]
        return (after or [dates[0][1]])[0], "published"
    updated = _UPDATED_WORD.search(s)
    if updated and dates[0][0] < updated.start():
        return dates[0][1], "published"  # "Mar 3, 2005 Updated Mar 4, 2005"
    return dates[0][1], "updated" if updated else "published"


def split_byline_date(s: str) -> tuple[str, str] | None:
    """("By X and Y", "Published ...") from one line holding both ("By X | Published ...",
    "Posted on 5 March 2023 by X", "By X | March 3, 2005"), else None."""
    if len(s) > 200 or not _YEAR.search(s):
        return None
    m = re.match(rf"^(.*?)\s*(?:\||•|·|—|–|-|,)?\s*({_DATE_WORD}\b.*)$", s, re.I)
    if m and m.group(1) and date_line(m.group(2)):
        return m.group(1), m.group(2)
    cuts = [m.start() for m in _SEPARATOR.finditer(s)]
    for cut in cuts:  # "By X | March 3, 2005 | 10:14 AM EST": the date from a separator on
        rest = _SEPARATOR.sub(" ", s[cut:])
        if date_line(rest):
            return s[:cut], rest.strip()
    m = re.match(rf"^((?:{_DATE_WORD}\s*:?\s*)?(?:on\s+)?.*?)\s+by\s+(.+)$", s, re.I)
    if m and date_line(m.group(1)):
        return "By " + m.group(2), m.group(1)
    return None
