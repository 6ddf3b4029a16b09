"""The few fixed date forms of news headers and tags -> ISO dates.

Only complete, unambiguous forms are read: ``2024-05-17``, ``17.05.2024`` (day first),
``17 May 2024``, ``May 17, 2024`` (with ordinals and month abbreviations). Free-text dates
inside sentences are the extractor's job (dateparser), not this module's.
"""

from __future__ import annotations

import calendar
import datetime
import re

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
WEEKDAY = r"(?:" + "|".join(name for name in calendar.day_name) + "|" + "|".join(calendar.day_abbr) + r")\.?"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"

# One date, any supported form; named groups say which parts were found.
DATE = (
    r"(?:(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})"
    r"|(?P<dot_d>\d{1,2})\.(?P<dot_m>\d{1,2})\.(?P<dot_y>\d{4})"
    rf"|(?P<dmy_d>\d{{1,2}}){_ORDINAL}\s+(?P<dmy_m>{MONTH}),?\s+(?P<dmy_y>\d{{4}})"
    rf"|(?P<mdy_m>{MONTH})\s+(?P<mdy_d>\d{{1,2}}){_ORDINAL},?\s+(?P<mdy_y>\d{{4}}))"
)
_DATE_ONLY = re.compile(rf"\s*{DATE}\s*", re.I)


def parse_date(text: str) -> str | None:
    """ISO ``YYYY-MM-DD`` when ``text`` is exactly one date in a supported form, else None."""
    match = _DATE_ONLY.fullmatch(text)
    return iso_from_match(match) if match else None


def iso_from_match(match: re.Match) -> str | None:
    """ISO date from a match of a pattern that embeds ``DATE`` once; None if not a real day."""
    parts = match.groupdict()
    for prefix in ("iso", "dot", "dmy", "mdy"):
        year = parts.get(f"{prefix}_y")
        if year is None:
            continue
        month = parts[f"{prefix}_m"]
        month_number = int(month) if month.isdigit() else _MONTHS[month.rstrip(".").lower()]
        return _iso(int(year), month_number, int(parts[f"{prefix}_d"]))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
