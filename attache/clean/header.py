"""Header lines of news pages saved as text: publication date lines, counters, datelines.

Each function reads one line (without its newline) and says what it is, with offsets into
that line; nothing is rewritten. Forms read (leading spaces allowed):

- ``date 2024-05-17 Submit Release`` / ``Published: 17 May 2024`` -> a labelled date; what
  follows on the line may be navigation words or the start of the article.
- ``22:14 02.04.2021 6912`` -> time, day-first date, view counter (each optional but the date).
- ``17 May 2024`` / ``Friday, May 17, 2024, 10:05`` alone on a line -> a dateline.
- ``Tbilisi, 9 February 2024`` alone, or ``ASTANA, 17 May 2024 (Kazinform) - The ...`` opening
  the first paragraph -> a dateline with a place (and an agency); the article follows the dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attache.clean.bounds import fullmatch_short, match_head
from attache.clean.dates import DATE, MONTH, TIME, WEEKDAY, iso_from_match

HEADER_MAX_CHARS = 200  # a header read from a longer line is read from its first characters

_LABEL = (
    r"(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|publication\s+date|release\s+date)"
)
_LABELLED = re.compile(rf"\s*(?P<label>{_LABEL})\s*:?\s*{DATE}(?:,?\s+{TIME})?(?=\s|$|[,;|])", re.I)
_STAMP = re.compile(
    rf"\s*(?:(?P<time_before>{TIME})\s*[,|]?\s+)?{DATE}(?:\s*[,|]?\s+(?P<time_after>{TIME}))?"
    r"(?:\s*[,|]?\s+(?:views?:?\s*)?(?P<views>\d{1,9})(?:\s+views?)?)?\s*",
    re.I,
)
_DATELINE = re.compile(rf"\s*(?:{WEEKDAY},?\s+)?{DATE}(?:\s*[,|-]?\s*{TIME})?\s*[|]?\s*", re.I)
# "Tbilisi, 9 February 2024" alone, or opening the first paragraph: "ASTANA, 17 May 2024 (Agency) - The ..."
# Words are joined by spaces only: a hyphen is part of a word already ("Ulan-Ude"), and a
# separator that a word may also hold made "A-A-A-..." split in as many ways as it has hyphens.
_PLACE = r"(?P<place>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3})"
_PLACE_DATELINE = re.compile(
    rf"\s*{_PLACE},\s+(?:{WEEKDAY},?\s+)?{DATE}(?:,?\s+{TIME})?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?(?P<dash>\s*[-–—:]\s+|\s*$)",
    re.I,
)
# The same opening without a year: "KUALA LUMPUR, 26 April - The ..." (place only, no date).
_PLACE_OPENING = re.compile(
    rf"\s*{_PLACE},\s+(?:{WEEKDAY},?\s+)?(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?\s*[-–—]\s+",
    re.I,
)
_VIEWS = re.compile(r"\s*(?:views?\s*:?\s*\d{1,9}|\d{1,9}\s+views?|\d{1,9})\s*", re.I)


@dataclass(frozen=True)
class HeaderLine:
    """What a header line gave: ``date`` (ISO), ``end`` (offset in the line where the header
    stops and the rest begins), ``kind`` (``labelled``, ``stamp``, ``dateline``) and
    ``views`` (a view counter, when the line carries one)."""

    date: str | None  # None only for a place opening without a year
    end: int
    kind: str
    views: int | None = None
    place: str | None = None  # the city a dateline names
    agency: str | None = None  # the agency a dateline names in brackets: "(Kazinform)"


def parse_header_line(line: str) -> HeaderLine | None:
    """The header a line starts with, or None. Labelled headers and datelines with a place may
    leave a rest (the article, or navigation words)."""
    match = match_head(_LABELLED, line, HEADER_MAX_CHARS)
    if match:
        date = iso_from_match(match)
        return HeaderLine(date, match.end(), "labelled") if date else None
    match = fullmatch_short(_STAMP, line, HEADER_MAX_CHARS)
    if match and (match.group("time_before") or match.group("time_after") or match.group("views")):
        date = iso_from_match(match)
        views = int(match.group("views")) if match.group("views") else None
        return HeaderLine(date, len(line), "stamp", views) if date else None
    match = fullmatch_short(_DATELINE, line, HEADER_MAX_CHARS)
    if match:
        date = iso_from_match(match)
        return HeaderLine(date, len(line), "dateline") if date else None
    match = match_head(_PLACE_DATELINE, line, HEADER_MAX_CHARS)
    if match and match.group("place")[:1].isupper():
        date = iso_from_match(match)
        if date is None:
            return None
        agency = match.group("agency").strip() if match.group("agency") else None
        end = match.end() if match.group("dash").strip() else len(line)
        return HeaderLine(date, end, "dateline", place=match.group("place"), agency=agency)
    return None


def parse_place_opening(line: str) -> HeaderLine | None:
    """``KUALA LUMPUR, 26 April - ...``: a dateline without a year opening a paragraph.

    The place (and agency) are kept; the day is not a publication date without its year, so
    ``date`` is None. ``end`` is where the paragraph proper starts.
    """
    match = match_head(_PLACE_OPENING, line, HEADER_MAX_CHARS)
    if not match or not match.group("place")[:1].isupper():
        return None
    agency = match.group("agency").strip() if match.group("agency") else None
    return HeaderLine(None, match.end(), "dateline", place=match.group("place"), agency=agency)


def parse_view_counter(line: str) -> int | None:
    """A line that is only a view counter (``6912``, ``Views: 6912``, ``6912 views``)."""
    match = fullmatch_short(_VIEWS, line, HEADER_MAX_CHARS)
    if not match:
        return None
    digits = re.search(r"\d+", line)
    return int(digits.group()) if digits else None
