"""Date expressions in a sentence, resolved against the publication date.

Finds explicit dates ("3 February 2025", "May 17, 2024", "02.04.2021"), ranges ("from
January 22nd to 23rd", "22-23 January 2025"), month and year precision ("in October 2015",
"in 2019"), weekdays ("on Thursday") and relative expressions ("last year", "the current
year", "yesterday"). A date without a year is resolved only when a publication date is
known (or a year stands in the same sentence); otherwise its value stays None: a day is
never guessed.

Values are ISO strings at their precision: "YYYY-MM-DD", "YYYY-MM" or "YYYY".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"


def _p(template: str) -> str:
    """Fill {month1}, {day1}, {year1} ... placeholders with named groups."""
    def sub(m: re.Match) -> str:
        kind, n = m.group(1), m.group(2)
        base = {"month": _MONTH, "day": _DAY, "year": _YEAR}[kind]
        return base.format(name=f"{kind}{n}")
    return re.sub(r"\{(month|day|year)(\d)\}", sub, template)


# Order matters: ranges before single dates, longer forms before shorter ones.
PATTERNS: list[tuple[str, re.Pattern]] = [(kind, re.compile(_p(p), re.IGNORECASE | re.ASCII)) for kind, p in [
    ("range", r"\b(?:from\s+)?{day1}\s+(?:of\s+)?{month1}\s*(?:to|till|until|through|-|–|—)\s*{day2}\s+(?:of\s+)?{month2}(?:,?\s+{year1})?\b"),
    ("range", r"\b(?:from\s+)?{month1}\s+{day1}\s*(?:to|till|until|through|-|–|—)\s*{month2}\s+{day2}(?:,?\s+{year1})?\b"),
    ("range", r"\b(?:from\s+)?{day1}\s*(?:to|-|–|—|and)\s*{day2}\s+(?:of\s+)?{month1}(?:,?\s+{year1})?\b"),
    ("range", r"\b(?:from\s+)?{month1}\s+{day1}\s*(?:to|-|–|—|and)\s*{day2}(?:,?\s+{year1})?\b"),
    ("day", r"\b{day1}\s+(?:of\s+)?{month1},?\s+{year1}\b"),
    ("day", r"\b{month1}\s+{day1},?\s+{year1}\b"),
    ("numeric", r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b"),
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("month", r"\b{month1},?\s+(?:of\s+)?{year1}\b"),
    ("day", r"\b{day1}\s+(?:of\s+)?{month1}\b"),
    ("day", r"\b{month1}\s+{day1}\b(?!\s*(?:%|percent|million|billion))"),
    ("month_only", r"\b(?:in|since|during|until|by|for)\s+(?:early\s+|late\s+|mid-|the\s+(?:end|beginning|middle)\s+of\s+)?{month1}\b(?!\s+\d)"),
    ("near_month", r"\b(?P<rel>last|this past|past|next|this coming|coming)\s+{month1}\b(?!\s+\d)"),
    ("weekday", r"\b(?P<rel>last|this|next|on|past)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    # a bare weekday, capitalized, as wires write it: "arrived Tuesday afternoon", "Monday (01/09)"
    ("weekday", r"(?<![\w-])(?P<rel>)(?-i:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"),
    ("relative", r"\b(?P<rel>in the coming days|in the coming weeks|in the next few days|yesterday|today|tomorrow|last year|this year|the current year|current year|next year|last month|this month|next month|the previous year|the past year|earlier this year|later this year|earlier this month|later this month|later this week|earlier this week|this week|next week|last week)\b"),
    ("year", r"\b(?:in|since|during|of|for)\s+(?:early\s+|late\s+|mid-)?{year1}\b"),
    ("year", r"(?<=[A-Za-z] ){year1}\b(?!\s*(?:%|percent|tons|million|billion|-))"),
]]


# a cheap first look: a sentence with none of these holds no date expression
_ANY_DATE = re.compile(r"\d|day|year|month|" + "|".join(m for m in MONTHS if len(m) > 3) + r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the document text
    end: int
    text: str
    kind: str  # range, day, month, year, weekday, relative, numeric, iso
    value: str | None  # ISO at its precision, or None when the year cannot be known
    end_value: str | None = None  # the last day of a range
    month_day: str | None = None  # "--MM-DD" kept when the year is unknown
    rule: str = ""  # why this value, for --explain

    @property
    def precision(self) -> str | None:
        if not self.value:
            return None
        return {10: "day", 7: "month", 4: "year"}.get(len(self.value))


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if d is not None else dt.date(y, m, 1).strftime("%Y-%m")
    except ValueError:
        return None


def _year_for(month: int, day: int, published: dt.date | None, hint_year: int | None,
              future: bool | None) -> tuple[int | None, str]:
    """The year of a year-less day: a year named in the sentence, else the one that puts
    the day on the right side of the publication date."""
    if hint_year:
        return hint_year, "year named in the text"
    if published is None:
        return None, "no year and no publication date"
    y = published.year
    try:
        candidate = dt.date(y, month, day)
    except ValueError:
        return None, "invalid day"
    if future is True and candidate < published - dt.timedelta(days=3):
        return y + 1, "planned: next such day after publication"
    if future is not True and candidate > published + dt.timedelta(days=3):
        return y - 1, "occurred: last such day before publication"
    return y, "year of publication"


def find_dates(text: str, start: int, end: int, published: str | None,
               future: bool | None = None, document_year: int | None = None) -> list[DateMention]:
    """Date mentions in text[start:end], non-overlapping, in order.

    ``future`` says whether the sentence speaks of something to come (True), past (False)
    or unknown (None); it decides the direction of weekdays and year-less days.
    ``document_year``: the year the text itself names last, for year-less days when the
    publication date is unknown.
    """
    segment = text[start:end]
    if not _ANY_DATE.search(segment):
        return []
    pub = _parse_iso(published)
    hint = _year_hint(segment, pub) or (document_year if pub is None else None)
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(segment):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            mention = _resolve(kind, m, pub, hint, future)
            if mention is None:
                continue
            value, end_value, month_day, rule = mention
            taken.append((s, e))
            out.append(DateMention(start + s, start + e, m.group(0), kind, value, end_value, month_day, rule))
    out.sort(key=lambda d: d.start)
    return _check_weekdays(out, text)


def _check_weekdays(dates: list[DateMention], text: str) -> list[DateMention]:
    """'Wednesday, September 3': a weekday written right before a day is one date. When
    they agree the day stands alone; when they disagree the text is wrong somewhere: the
    weekday, read against the publication date as news copy writes it, is kept and the day
    dropped (the weekday's rule says so)."""
    out: list[DateMention] = []
    skip: set[int] = set()
    for i, d in enumerate(dates):
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if d.kind == "weekday" and nxt is not None and nxt.kind == "day" and \
                re.fullmatch(r"[ \u00a0]*,?[ \u00a0]*(?:the[ \u00a0]+)?", text[d.end:nxt.start]):
            named = WEEKDAYS[d.text.split()[-1].lower()]
            if nxt.value and len(nxt.value) == 10 and dt.date.fromisoformat(nxt.value).weekday() != named:
                skip.add(i + 1)
                if d.value:
                    out.append(replace(d, rule=f"{d.rule}; the day written after it, '{nxt.text}', "
                                              f"is not a {d.text.split()[-1]}"))
            continue
        if i not in skip:
            out.append(d)
    return out


def _parse_iso(value: str | None) -> dt.date | None:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
# a year written as part of a date: "12 December 2024", "December 12, 2024", "December 2024", "2024-12-12"
_DATED_YEAR = re.compile(rf"(?i:\b(?:{_MONTH_WORDS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+((?:19[5-9]|20\d)\d)\b"
                         rf"|\b((?:19[5-9]|20\d)\d)-\d\d-\d\d\b)")


def document_year(text: str, body: list[tuple[int, int]] | None = None) -> int | None:
    """The latest year the text writes as part of a date ("12 December 2024", "December
    2024", "2024-12-12"), or None. A bare year names a plan or a programme as often as the
    present ("Expo 2025", "Vision 2030"), so it does not date a text."""
    years = [int(found.group(1) or found.group(2)) for start, end in body or [(0, len(text))]
             for found in _DATED_YEAR.finditer(text, start, end)]
    return max(years) if years else None


def _year_hint(segment: str, pub: dt.date | None) -> int | None:
    """A single year written in the sentence near the publication year ('EXPO 2025')."""
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", segment)}
    if len(years) != 1:
        return None
    (year,) = years
    if pub is not None and abs(year - pub.year) > 1:
        return None
    return year


def _resolve(kind: str, m: re.Match, pub: dt.date | None, hint: int | None, future: bool | None):
    g = m.groupdict()
    if kind in ("numeric", "iso"):
        value = _iso(int(g["y"]), int(g["m"]), int(g["d"]))
        return (value, None, None, f"{kind} date") if value else None
    if kind == "month":
        return _iso(int(g["year1"]), MONTHS[g["month1"].lower()]), None, None, "month and year"
    if kind == "year":
        return g["year1"], None, None, "year"
    if kind == "near_month":
        if pub is None:
            return None, None, None, "month without year or publication date"
        month = MONTHS[g["month1"].lower()]
        forward = g["rel"].lower() in ("next", "this coming", "coming")
        year = pub.year + (month <= pub.month) if forward else pub.year - (month >= pub.month)
        return _iso(year, month), None, None, f"'{m.group(0)}' from publication {pub.isoformat()}"
    if kind == "month_only":
        month = MONTHS[g["month1"].lower()]
        if hint:
            return _iso(hint, month), None, None, "month; year named in the sentence"
        if pub is None:
            return None, None, None, "month without year or publication date"
        year = pub.year
        if future is True and month < pub.month:
            year += 1
        elif future is not True and month > pub.month:
            year -= 1
        return _iso(year, month), None, None, f"month resolved against publication {pub.isoformat()}"
    if kind in ("day", "range"):
        month1 = MONTHS[g["month1"].lower()]
        month2 = MONTHS[(g.get("month2") or g["month1"]).lower()]
        day1 = int(g["day1"])
        day2 = int(g["day2"]) if g.get("day2") else None
        if not 1 <= day1 <= 31 or (day2 is not None and not 1 <= day2 <= 31):
            return None
        if g.get("year1"):
            year, rule = int(g["year1"]), "explicit date"
        else:
            year, rule = _year_for(month1, day1, pub, hint, future)
        month_day = f"--{month1:02d}-{day1:02d}"
        if year is None:
            return None, None, month_day, rule
        value = _iso(year, month1, day1)
        if value is None:
            if g.get("year1"):
                return None
            return None, None, month_day, f"no {month_day[2:]} in {year}"
        end_value = None
        if day2 is not None:
            end_year = year + 1 if month2 < month1 else year
            end_value = _iso(end_year, month2, day2)
        return value, end_value, month_day, rule
    if kind == "weekday":
        if pub is None:
            return None, None, None, "weekday without publication date"
        target = WEEKDAYS[g["wd"].lower()]
        rel = g["rel"].lower() or "on"
        forward = rel == "next" or (rel in ("on", "this") and future is True)
        if forward:
            delta = (target - pub.weekday()) % 7 or (7 if rel == "next" else 0)
            day = pub + dt.timedelta(days=delta)
        else:
            delta = (pub.weekday() - target) % 7
            if rel == "last" and delta == 0:
                delta = 7
            day = pub - dt.timedelta(days=delta)
        return day.isoformat(), None, None, f"'{m.group(0)}' from publication {pub.isoformat()}"
    if kind == "relative":
        if pub is None:
            return None, None, None, "relative date without publication date"
        rel = g["rel"].lower()
        table = {
            "in the coming days": str(pub.year) if pub.month < 12 else None,
            "in the next few days": str(pub.year) if pub.month < 12 else None,
            "in the coming weeks": str(pub.year) if pub.month < 12 else None,
            "yesterday": (pub - dt.timedelta(days=1)).isoformat(),
            "today": pub.isoformat(),
            "tomorrow": (pub + dt.timedelta(days=1)).isoformat(),
            "last year": str(pub.year - 1), "the previous year": str(pub.year - 1),
            "the past year": str(pub.year - 1),
            "this year": str(pub.year), "the current year": str(pub.year),
            "current year": str(pub.year), "earlier this year": str(pub.year),
            "later this year": str(pub.year), "next year": str(pub.year + 1),
            "this month": pub.strftime("%Y-%m"), "earlier this month": pub.strftime("%Y-%m"),
            "last month": (pub.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m"),
            "next month": (pub.replace(day=28) + dt.timedelta(days=4)).strftime("%Y-%m"),
            "later this month": pub.strftime("%Y-%m"),
            "this week": pub.strftime("%Y-%m") if (pub - dt.timedelta(days=pub.weekday())).month == pub.month else None,
            "later this week": (pub + dt.timedelta(days=6 - pub.weekday())).strftime("%Y-%m"),
            "earlier this week": (pub - dt.timedelta(days=pub.weekday())).strftime("%Y-%m")
            if (pub - dt.timedelta(days=pub.weekday())).month == pub.month else None,
            "next week": (pub + dt.timedelta(days=7)).strftime("%Y-%m")
            if (pub + dt.timedelta(days=7 - pub.weekday())).month == (pub + dt.timedelta(days=13 - pub.weekday())).month
            else None,
            "last week": (pub - dt.timedelta(days=7)).strftime("%Y-%m")
            if (pub - dt.timedelta(days=7 + pub.weekday())).month == (pub - dt.timedelta(days=1 + pub.weekday())).month
            else None,
        }
        if table[rel] is None:
            return None, None, None, f"'{rel}' spans two months"
        return table[rel], None, None, f"'{rel}' from publication {pub.isoformat()}"
    return None
