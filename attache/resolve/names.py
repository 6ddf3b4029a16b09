"""Personal names reduced to keys for matching: surname, first name or initial."""

from __future__ import annotations

import re
import unicodedata

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "h.e", "he", "his", "her", "excellency", "sir", "madam",
               "prof", "professor", "mme", "m", "herr", "frau"}
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


def fold(value: str) -> str:
    """Casefolded, without diacritics or trailing dots."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip(".")


def name_key(name: str) -> dict | None:
    """``{"surname", "first", "initial"}`` for a name as written; None when it holds no name.

    "Rashid Meredov" -> surname meredov, first rashid, initial r; "R. Meredov" -> first None,
    initial r; "Meredov" -> surname only.
    """
    tokens = [t for t in _TOKEN.findall(name or "") if fold(t) not in _HONORIFICS]
    if not tokens:
        return None
    surname = fold(tokens[-1])
    if len(tokens) == 1:
        return {"surname": surname, "first": None, "initial": None}
    first = fold(tokens[0])
    is_initial = len(first.replace(".", "")) == 1
    return {"surname": surname, "first": None if is_initial else first, "initial": first[0]}


def reversed_key(name: str) -> dict | None:
    """The key of a two-word name read surname first ("Funakoshi Takehiro" -> surname
    funakoshi, first takehiro); None unless both words are full names. Outlets write East
    Asian names in either order."""
    tokens = [t for t in _TOKEN.findall(name or "") if fold(t) not in _HONORIFICS]
    if len(tokens) != 2 or any(len(fold(t).replace(".", "")) < 2 for t in tokens):
        return None
    return {"surname": fold(tokens[0]), "first": fold(tokens[1]), "initial": fold(tokens[1])[0]}


def first_key(key: dict) -> str | None:
    """What a person row stores of the first name: the name, ``"r."`` for an initial, or None."""
    if key["first"]:
        return key["first"]
    return f"{key['initial']}." if key["initial"] else None


def compatible(key: dict, person: dict) -> bool:
    """Can a name with ``key`` belong to ``person`` (row with surname_key, first_key)?

    Two different full first names never match; an initial matches a first name starting
    with it; a bare surname matches anyone with that surname.
    """
    if key["surname"] != person["surname_key"]:
        return False
    known = person.get("first_key")
    if not known or not key["initial"]:
        return True
    if key["first"] and not known.endswith("."):
        return key["first"] == known
    return known[0] == key["initial"]


def more_specific(key: dict, person: dict) -> bool:
    """True when ``key`` knows more of the first name than the person row does."""
    known = person.get("first_key")
    if key["first"]:
        return not known or known.endswith(".")
    return bool(key["initial"]) and not known
