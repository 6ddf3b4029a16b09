"""Country names, capitals and coordinates from attache/data/countries.tsv (read once)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """ISO code -> row (name, capital, lat, lon of the capital)."""
    with resources.files("attache.data").joinpath("countries.tsv").open(encoding="utf-8") as handle:
        return {row["code"]: row for row in csv.DictReader(handle, delimiter="\t")}


def country_name(code: str) -> str | None:
    row = countries().get(code)
    return row["name"] if row else None


def is_country_name(name: str, code: str | None) -> bool:
    """True when ``name`` names the country ``code`` itself rather than a place in it."""
    row = countries().get(code or "")
    if not row:
        return False
    forms = {row["name"].casefold()} | {alias.casefold() for alias in row.get("aliases", "").split("|") if alias}
    return name.casefold() in forms


@lru_cache(maxsize=1)
def _by_place_name() -> dict[str, str]:
    found: dict[str, str] = {}
    for code, row in countries().items():
        names = [row["name"], row["capital"]] + row.get("aliases", "").split("|") + row.get("capital_aliases", "").split("|")
        for name in names:
            if name:
                found.setdefault(name.casefold(), code)
    return found


def place_country(name: str) -> str | None:
    """The country a capital or country name belongs to ("Ashgabat" -> TM), if the vocabulary knows it."""
    return _by_place_name().get(name.casefold())


def coordinates(name: str, code: str | None) -> tuple[float | None, float | None]:
    """Coordinates of a capital (or of a country, given by its capital) when the vocabulary knows them."""
    row = countries().get(code or "")
    if not row or not row.get("lat"):
        return None, None
    capitals = {row["capital"].casefold()} | {a.casefold() for a in row.get("capital_aliases", "").split("|") if a}
    if name.casefold() in capitals or is_country_name(name, code):
        return float(row["lat"]), float(row["lon"])
    return None, None
