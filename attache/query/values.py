"""What a user typed, read the same way for every caller (CLI, web pages, Python API).

Each function returns the value the queries use or raises ``BadValue`` with a message that
says what is accepted and, for a word from a vocabulary, the nearest valid one.
"""

from __future__ import annotations

import difflib
import re

from attache.errors import BadValue
from attache.resolve.dates import interval, parse_date

SQL_INT_MAX = 2**63 - 1  # the largest integer SQLite stores
MAX_OFFSET = 10**12  # far past any store, and far from overflowing offset + limit arithmetic
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,30}")  # ASCII digits only: int() also takes "١٢" and "1_000"


def whole_number(value, name: str, lowest: int = 0, highest: int = SQL_INT_MAX) -> int:
    """``value`` (an int, or its decimal digits as text) as an int in [lowest, highest]."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if not _WHOLE_NUMBER.fullmatch(text):
            raise BadValue(f"{name} must be a whole number, got {_shown(text)}")
        number = int(text)
    if not lowest <= number <= highest:
        raise BadValue(f"{name} must be between {lowest} and {highest}, got {_shown(str(number))}")
    return number


def one_of(value: str, name: str, valid) -> str:
    """``value`` if it is in ``valid``; else BadValue naming the valid values and the nearest
    (``unknown type 'vist'; did you mean 'visit'? (valid: commission, consultation, ...)``)."""
    if value in valid:
        return value
    choices = sorted(valid)
    nearest = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.6)
    hint = _did_you_mean(repr(nearest[0])) if nearest else ""
    raise BadValue(f"unknown {name} {_shown(str(value))}{hint} (valid: {', '.join(choices)})")


def known(value: str | None, name: str, vocabulary) -> str | None:
    """A filter's value if it is in ``vocabulary``, None for no value; else BadValue (``one_of``)."""
    return one_of(value, name, vocabulary) if value else None


def country_code(code: str) -> str:
    """An ISO 3166-1 alpha-2 code known to the vocabulary, upper-cased; else BadValue with
    the code of the nearest country name (``'Japan'`` or ``'japn'`` -> ``'JP' (Japan)``)."""
    normalized = (code or "").strip().upper()
    if normalized in _country_names():
        return normalized
    nearest = _nearest_country(str(code or ""))
    hint = _did_you_mean(f"{nearest!r} ({_country_names()[nearest][0]})") if nearest else ""
    raise BadValue(f"unknown country code {_shown(str(code))}{hint} "
                   "(valid: ISO 3166-1 alpha-2 codes such as KZ, TM, UZ)")


def _nearest_country(written: str) -> str | None:
    """The code of the country whose name (or other name) is nearest to ``written``."""
    by_name = {}
    for code, names in _country_names().items():
        for name in names:
            by_name.setdefault(name.casefold(), code)
    found = difflib.get_close_matches(written.strip().casefold(), list(by_name), n=1, cutoff=0.75)
    return by_name[found[0]] if found else None


def _country_names() -> dict[str, tuple[str, ...]]:
    from attache import vocab

    return {code: country.names for code, country in vocab.countries().items()}


def date_bound(value: str | None, name: str, end: bool) -> str | None:
    """``2024`` / ``2024-05`` / ``2024-05-17`` as the first (or, with ``end``, last) day it
    covers; None for no value."""
    if value is None or value == "":
        return None
    parsed = parse_date(str(value))
    if parsed is None:
        raise BadValue(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got {_shown(str(value))}")
    first, last = interval(parsed)
    return last if end else first


def date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The first day of ``date_from`` and the last of ``date_to``; BadValue when the range is empty."""
    first, last = date_bound(date_from, "from", end=False), date_bound(date_to, "to", end=True)
    if first and last and first > last:
        raise BadValue(f"from ({date_from}) is after to ({date_to})")
    return first, last


def _did_you_mean(suggestion: str) -> str:
    return f"; did you mean {suggestion}?"


def _shown(text: str, width: int = 40) -> str:
    """``text`` quoted for a message, cut to ``width`` characters."""
    return repr(text if len(text) <= width else text[: width - 1] + "…")
