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
# month names of header stamps on sites whose pages are otherwise in English (Indonesian and
# Malay, Spanish, Portuguese, French, German), where they differ from the English ones
_MONTHS.update({"januari": 1, "februari": 2, "maret": 3, "mac": 3, "mei": 5, "juni": 6, "juli": 7,
                "agustus": 8, "ogos": 8, "oktober": 10, "desember": 12, "disember": 12,
                "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
                "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
                "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
                "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
                "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
                "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
                "januar": 1, "februar": 2, "märz": 3, "dezember": 12})

MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
WEEKDAY = r"(?:" + "|".join(name for name in calendar.day_name) + "|" + "|".join(calendar.day_abbr) + r")\.?"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"

# One date, any supported form; named groups say which parts were found.
DATE = (
    r"(?:(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})"
    r"|(?P<dot_d>\d{1,2})\.(?P<dot_m>\d{1,2})\.(?P<dot_y>\d{4})"
    rf"|(?P<dmy_d>\d{{1,2}}){_ORDINAL}\.?\s+(?:de\s+)?(?P<dmy_m>{MONTH}),?\s+(?:de\s+)?(?P<dmy_y>\d{{4}})"
    rf"|(?P<mdy_m>{MONTH})\s+(?P<mdy_d>\d{{1,2}}){_ORDINAL},?\s+(?P<mdy_y>\d{{4}}))"
)
_DATE_ONLY = re.compile(rf"\s*{DATE}\s*", re.I)
DATE_MAX_CHARS = 100  # a text longer than this is not one date


def parse_date(text: str) -> str | None:
    """ISO ``YYYY-MM-DD`` when ``text`` is exactly one date in a supported form, else None."""
    match = _DATE_ONLY.fullmatch(text) if len(text) <= DATE_MAX_CHARS else None
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


_DATE_IN_LINE = re.compile(
    rf"(?<![\w.]){DATE}(?![\w])|(?<![\d/])(?P<sl_a>\d{{1,2}})/(?P<sl_b>\d{{1,2}})/(?P<sl_y>\d{{4}})(?![\d/])", re.I)
DATE_LINE_MAX_CHARS = 120
DATE_LINE_WINDOW = (10, 3)  # lines read at the top and at the bottom of a text


def find_date_line(text: str) -> tuple[str, str] | None:
    """(ISO date, line) of the first short line near the top or bottom of ``text`` that holds
    a complete date: bylines ('By A. Writer  May 17, 2024, 6:42 pm'), stamps ('14/10/2024
    15:30', 'Last updated: Wednesday, February 21, 2024'), closing places ('Santiago, August
    8, 2024'). Slashed dates are read day first unless that cannot be a date."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    top, bottom = DATE_LINE_WINDOW
    for line in lines[:top] + lines[-bottom:]:
        if len(line) > DATE_LINE_MAX_CHARS:
            continue
        for match in _DATE_IN_LINE.finditer(line):
            if match.group("sl_y"):
                a, b, year = int(match.group("sl_a")), int(match.group("sl_b")), int(match.group("sl_y"))
                day, month = (a, b) if b <= 12 else (b, a)
                value = _iso(year, month, day)
            else:
                value = iso_from_match(match)
            if value:
                return value, line
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
