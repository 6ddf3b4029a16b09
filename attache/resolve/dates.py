"""Event dates as intervals: a day, a month or a year becomes [lo, hi] in ISO days."""

from __future__ import annotations

import re
from datetime import date, timedelta

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")
PRECISIONS = {1: "year", 2: "month", 3: "day"}


def parse_date(value) -> str | None:
    """The value if it is a valid YYYY, YYYY-MM or YYYY-MM-DD date, else None."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return value.strip()


def parse_month_day(value) -> str | None:
    """The value if it is a valid "--MM-DD" day of a month (a date whose year is unknown), else None."""
    if not isinstance(value, str):
        return None
    match = _MONTH_DAY.match(value.strip())
    if not match:
        return None
    try:
        date(2000, int(match.group(1)), int(match.group(2)))  # a leap year: --02-29 is a day
    except ValueError:
        return None
    return value.strip()


def month_day_near(month_day: str, lo: str, hi: str, after: int = 0) -> bool:
    """Does the day ``month_day`` ("--MM-DD") of some year, or one of the ``after`` days that
    follow it, fall in [lo, hi] (ISO days)?"""
    month, day = int(month_day[2:4]), int(month_day[5:7])
    first, last = date.fromisoformat(lo), date.fromisoformat(hi)
    for year in range(first.year - 1, last.year + 1):
        try:
            start = date(year, month, day)
        except ValueError:  # --02-29 in a common year
            continue
        if start <= last and start + timedelta(days=after) >= first:
            return True
    return False


def month_days_near(a: str, b: str, after: int = 0) -> bool:
    """Can two "--MM-DD" days be the same day, or ``b`` one of the ``after`` days after ``a``
    (or the other way round)?"""
    day_a, day_b = date(2000, int(a[2:4]), int(a[5:7])), date(2000, int(b[2:4]), int(b[5:7]))
    gap = abs((day_a - day_b).days)
    return min(gap, 366 - gap) <= after


def precision(value: str | None) -> str | None:
    if value is None:
        return None
    return PRECISIONS[value.count("-") + 1]


def interval(start: str | None, end: str | None = None) -> tuple[str | None, str | None]:
    """[lo, hi] covered by a date (and an optional end date) as ISO days."""
    if start is None:
        return None, None
    lo, hi = _bounds(start)
    if end is not None:
        end_hi = _bounds(end)[1]
        if end_hi > hi:
            hi = end_hi
    return lo, hi


def _bounds(value: str) -> tuple[str, str]:
    kind = precision(value)
    if kind == "day":
        return value, value
    if kind == "month":
        return f"{value}-01", f"{value}-31"
    return f"{value}-01-01", f"{value}-12-31"


def containers(value: str) -> list[str]:
    """The starts of the coarser periods (month, year) that contain a date."""
    kind = precision(value)
    if kind == "day":
        return [f"{value[:7]}-01", f"{value[:4]}-01-01"]
    if kind == "month":
        return [f"{value[:4]}-01-01"]
    return []


def shift(day: str, days: int) -> str:
    """An ISO day moved by ``days`` (a month start or year start also works)."""
    return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()


def overlaps(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    return a[0] is not None and b[0] is not None and a[0] <= b[1] and b[0] <= a[1]
