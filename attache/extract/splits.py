"""One mention, several events.

- A head of state who receives the credentials of several new ambassadors in one ceremony
  meets each sending state: the record holds one meeting per sending state, with the
  host's people and that state's envoy, as analysts count credentials (who accredited
  whom, when).
- A visit to two places ("will visit Moscow and Tehran") is one visit per place.
- Calls or meetings "with his Jordanian, Saudi and Turkish counterparts" are one event per
  counterpart state, as the readouts that follow them usually tell each one apart; "separate
  meetings with A, then with B" one event per person named.
"""

from __future__ import annotations

import copy
import re

from attache import vocab
from attache.extract.events import Event, SentenceFacts
from attache.extract.people import PersonMention
from attache.extract.places import LocationMention

CREDENTIALS = re.compile(r"\b(?:credentials|credence)\b", re.IGNORECASE)
ENVOY_TITLE = re.compile(r"\b(?:ambassador|envoy|high commissioner|charg[ée] d'affaires|nuncio)", re.IGNORECASE)
ENVOY_CONTEXT = re.compile(r"\b(?:ambassadors?|envoys?|high commissioners?|diplomats|countries|nations|"
                           r"credentials|credence)\b", re.IGNORECASE)
FOLLOWING_SENTENCES = 3  # how far after the ceremony's sentence its list of envoys may stand


def _cue_sentence(e: Event, by_sentence: dict[int, SentenceFacts]) -> SentenceFacts | None:
    """The facts of the sentence that holds the event's cue."""
    return next((by_sentence[s.index] for s in e.sentences if s.start <= e.cue.start < s.end), None)


def _one_of(e: Event, countries: list[str], participants: list[PersonMention], why: dict[str, str]) -> Event:
    """A copy of ``e`` for one of the several events it stands for."""
    one = copy.copy(e)
    one.countries = countries
    one.participants = participants
    one.why = dict(e.why, **why)
    one.states_from_document = 0
    return one


def split_credentials(events: list[Event], facts: list[SentenceFacts]) -> list[Event]:
    """Each credentials ceremony with envoys of two or more states becomes one meeting per
    sending state; other events pass unchanged."""
    out: list[Event] = []
    for e in events:
        if e.status != "occurred" or e.background or not any(CREDENTIALS.search(s.text) for s in e.sentences):
            out.append(e)
            continue
        host = _host(e)
        envoys = _envoys(e, facts, host) if host else []
        if len(envoys) < 2:
            out.append(e)
            continue
        hosts = [p for p in e.participants if p.country in (host, None) and not ENVOY_TITLE.search(p.title or "")]
        for state, envoy in envoys:
            out.append(_one_of(e, [host, state], hosts + ([envoy] if envoy else []),
                               {"countries": f"{state}: one of {len(envoys)} states whose envoys presented "
                                             f"credentials in one ceremony"}))
    return out


_ACCREDITED_TO = re.compile(r"\b(?:ambassadors?|envoys?|high commissioners?|diplomats)\b[^.;]{0,40}?\bto\s+(?:the\s+)?"
                            r"(?P<state>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")


def split_destinations(events: list[Event], facts: list[SentenceFacts]) -> list[Event]:
    """A visit whose destination is coordinated places ('Moscow and Tehran') becomes one
    visit per place, each with that place and its state beside the visitor's."""
    by_sentence = {f.sentence.index: f for f in facts}
    out: list[Event] = []
    for e in events:
        places = _destinations(e, by_sentence)
        if len(places) < 2:
            out.append(e)
            continue
        home = {p.country for p in e.participants if p.country}
        for place in places:
            countries = [c for c in e.countries if c in home or c == place.country]
            if place.country and place.country not in countries:
                countries.append(place.country)
            one = _one_of(e, countries, e.participants,
                          {"location": f"'{place.name}': one of {len(places)} places the visit goes to"})
            one.location = place
            out.append(one)
    return out


def _destinations(e: Event, by_sentence: dict) -> list:
    if e.type != "visit" or e.cue.mention is None:
        return []
    facts = _cue_sentence(e, by_sentence)
    if facts is None:
        return []
    for arg in e.cue.mention.arguments:
        if arg.role not in ("object", "to") or len(arg.parts) < 2:
            continue
        places = []
        for lo, hi in arg.parts:
            place = next((loc for loc in facts.locations if lo <= loc.start < hi), None) or \
                _place_named(facts.sentence.text, facts.sentence.start, lo, hi)
            if place is None:
                return []
            places.append(place)
        return places
    return []


COUNTERPART_TYPES = ("phone_call", "meeting", "talks")


def split_counterparts(events: list[Event], facts: list[SentenceFacts]) -> list[Event]:
    """A call, meeting or talks whose 'with' phrase lists the states of several counterparts
    becomes one event per counterpart state, with the other side's people kept on each."""
    by_sentence = {f.sentence.index: f for f in facts}
    out: list[Event] = []
    for e in events:
        listed = _counterpart_states(e, by_sentence)
        if len(listed) < 2:
            out.append(e)
            continue
        home = _home_states(e, by_sentence, listed)
        if not home:
            out.append(e)
            continue
        for p in e.participants:
            if p.country is None and len(home) == 1:
                p.country = home[0]
                p.why.append(f"the side speaking with the {len(listed)} counterparts")
        for state in listed:
            out.append(_one_of(e, [*home, state], [p for p in e.participants if p.country in (*home, state)],
                               {"countries": f"{state}: one of {len(listed)} counterparts' states in one sentence"}))
    return out


SEPARATE = re.compile(r"\bseparate(?:ly)?\b", re.IGNORECASE)


def split_separate_meetings(events: list[Event], facts: list[SentenceFacts]) -> list[Event]:
    """'will hold separate meetings with A, then with B and C': one event per counterpart
    named after the trigger in its sentence, each with the side that holds them."""
    by_sentence = {f.sentence.index: f for f in facts}
    out: list[Event] = []
    for e in events:
        f = _cue_sentence(e, by_sentence)
        if e.type not in COUNTERPART_TYPES or f is None or not SEPARATE.search(
                f.sentence.text[:e.cue.end - f.sentence.start]):
            out.append(e)
            continue
        others = [p for p in f.people if p.start > e.cue.start and p.is_participant]
        if len(others) < 2:
            out.append(e)
            continue
        side = [p for p in e.participants if p not in others]
        theirs = {p.country for p in others if p.country}
        home = [c for c in e.countries if c not in theirs] or [p.country for p in side if p.country]
        for person in others:
            countries = list(dict.fromkeys([*home, *([person.country] if person.country else [])]))
            out.append(_one_of(e, countries, [*side, person],
                               {"participants": f"{person.name}: one of {len(others)} separate meetings"}))
    return out


def _home_states(e: Event, by_sentence: dict, listed: list[str]) -> list[str]:
    """The side that spoke with the listed counterparts: its people's states, else the
    states in the trigger's subject."""
    home = [c for c in e.countries if c not in listed and any(p.country == c for p in e.participants)]
    if home:
        return home
    f = _cue_sentence(e, by_sentence)
    subjects = [g for g in e.cue.mention.arguments if g.role.removeprefix("governor_") == "subject"]
    found = [c.code for c in (f.countries if f else []) for g in subjects if g.start <= c.start < g.end]
    return [c for c in dict.fromkeys(found) if c not in listed]


def _counterpart_states(e: Event, by_sentence: dict) -> list[str]:
    if e.type not in COUNTERPART_TYPES or e.cue.mention is None or e.status != "occurred":
        return []
    f = _cue_sentence(e, by_sentence)
    if f is None:
        return []
    for arg in e.cue.mention.arguments:
        if arg.role.removeprefix("governor_") != "with":
            continue
        inside = [c for c in f.countries if arg.start <= c.start < arg.end]
        text, offset = f.sentence.text, f.sentence.start
        run = inside[:1]  # the first list of states the phrase opens with
        for a, b in zip(inside, inside[1:]):
            if not _LIST_GAP.match(text[a.end - offset:b.start - offset]):
                break
            run.append(b)
        if len(run) >= 2:
            return list(dict.fromkeys(c.code for c in run))
    return []


def _place_named(text: str, offset: int, lo: int, hi: int) -> LocationMention | None:
    """The part of a coordination that is a place's name alone ('... and Tehran')."""
    name = text[lo - offset:hi - offset].strip()
    place = vocab.places().get(name)
    if place is not None:
        return LocationMention(lo, hi, name, place.country, place.lat, place.lon)
    code = vocab.country_names().get(name)
    return LocationMention(lo, hi, name, code, kind="country") if code else None


def _host(e: Event) -> str | None:
    """The receiving state: 'ambassadors to X', else its people's state, else the place of
    the ceremony."""
    for s in e.sentences:
        for m in _ACCREDITED_TO.finditer(s.text):
            code = vocab.country_names().get(m.group("state")) or vocab.country_names().get(m.group("state").split()[0])
            if code:
                return code
    for p in e.participants:
        if p.country and not ENVOY_TITLE.search(p.title or ""):
            return p.country
    if e.location is not None and e.location.country:
        return e.location.country
    return e.countries[0] if e.countries else None


def _envoys(e: Event, facts: list[SentenceFacts], host: str) -> list[tuple[str, PersonMention | None]]:
    """(sending state, its envoy when named) from the ceremony's sentence and the few after
    it: ambassadors with their state, or states listed beside words for envoys."""
    first = min(s.index for s in e.sentences)
    window = [f for f in facts if first <= f.sentence.index <= first + FOLLOWING_SENTENCES]
    found: dict[str, PersonMention | None] = {}
    for f in window:
        for p in f.people:
            if p.country and p.country != host and (ENVOY_TITLE.search(p.title or "") or
                                                    ENVOY_CONTEXT.search(f.sentence.text)):
                found.setdefault(p.country, p)
    for f in window:
        if not ENVOY_CONTEXT.search(f.sentence.text):
            continue
        for code in _listed_states(f, host):
            found.setdefault(code, None)
    return list(found.items())


_LIST_GAP = re.compile(r"^[ \u00a0]*(?:,|and|as well as|the|,[ \u00a0]*and)?[ \u00a0]*(?:the[ \u00a0]+)?$")


def _listed_states(f: SentenceFacts, host: str) -> list[str]:
    """States written as a list ('Canada, Finland, Israel and Spain'): runs of two or more
    state names with only commas and 'and' between them."""
    names = [c for c in f.countries if c.kind == "name"]
    text, offset = f.sentence.text, f.sentence.start
    out: list[str] = []
    run = names[:1]
    for prev, c in zip(names, names[1:]):
        if _LIST_GAP.match(text[prev.end - offset:c.start - offset]):
            run.append(c)
            continue
        if len(run) >= 2:
            out += [x.code for x in run]
        run = [c]
    if len(run) >= 2:
        out += [x.code for x in run]
    return [code for code in dict.fromkeys(out) if code != host]
