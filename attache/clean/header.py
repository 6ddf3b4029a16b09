"""Header lines of news pages saved as text: publication date lines, counters, datelines.

Each function reads one line (without its newline) and says what it is, with offsets into
that line; nothing is rewritten. Forms read (leading spaces allowed):

- ``date 2024-05-17 Submit Release`` / ``Published: 17 May 2024`` -> a labelled date; what
  follows on the line may be navigation words or the start of the article.
- ``22:14 02.04.2021 6912`` -> time, day-first date, view counter (each optional but the date).
- ``17 May 2024`` / ``Friday, May 17, 2024, 10:05`` alone on a line -> a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attache.clean.dates import DATE, TIME, WEEKDAY, iso_from_match

_LABEL = r"(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|publication\s+date|release\s+date)"
_LABELLED = re.compile(rf"\s*(?P<label>{_LABEL})\s*:?\s*{DATE}(?:,?\s+{TIME})?(?=\s|$|[,;|])", re.I)
_STAMP = re.compile(
    rf"\s*(?:(?P<time_before>{TIME})\s*[,|]?\s+)?{DATE}(?:\s*[,|]?\s+(?P<time_after>{TIME}))?"
    r"(?:\s*[,|]?\s+(?:views?:?\s*)?(?P<views>\d{1,9})(?:\s+views?)?)?\s*",
    re.I,
)
_DATELINE = re.compile(rf"\s*(?:{WEEKDAY},?\s+)?{DATE}(?:\s*[,|-]?\s*{TIME})?\s*[|]?\s*", re.I)
_VIEWS = re.compile(r"\s*(?:views?\s*:?\s*\d{1,9}|\d{1,9}\s+views?|\d{1,9})\s*", re.I)


@dataclass(frozen=True)
class HeaderLine:
    """What a header line gave: ``date`` (ISO), ``end`` (offset in the line where the header
    stops and the rest begins), ``kind`` (``labelled``, ``stamp``, ``dateline``) and
    ``views`` (a view counter, when the line carries one)."""

    date: str
    end: int
    kind: str
    views: int | None = None


def parse_header_line(line: str) -> HeaderLine | None:
    """The header a line starts with, or None. Only ``labelled`` headers may leave a rest."""
    match = _LABELLED.match(line)
    if match:
        date = iso_from_match(match)
        return HeaderLine(date, match.end(), "labelled") if date else None
    match = _STAMP.fullmatch(line)
    if match and (match.group("time_before") or match.group("time_after") or match.group("views")):
        date = iso_from_match(match)
        views = int(match.group("views")) if match.group("views") else None
        return HeaderLine(date, len(line), "stamp", views) if date else None
    match = _DATELINE.fullmatch(line)
    if match:
        date = iso_from_match(match)
        return HeaderLine(date, len(line), "dateline") if date else None
    return None


def parse_view_counter(line: str) -> int | None:
    """A line that is only a view counter (``6912``, ``Views: 6912``, ``6912 views``)."""
    match = _VIEWS.fullmatch(line)
    if not match:
        return None
    digits = re.search(r"\d+", line)
    return int(digits.group()) if digits else None
