"""What one sentence says: event cues, and the facts each cue brings with it.

A cue is a word that names an event (consultations, talks, visited, summit, phone call,
signed ...; see data/event_cues.tsv). For each cue this module reads whether it speaks of
something to come (planned), whether it refers back to an event already named ("the
talks", "this visit"), and which date, place and named event ("Sixth Caspian Summit") sit
nearest to it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from attache import vocab
from attache.extract.dates import DateMention
from attache.extract.lexicon import CountryMention, role_pattern
from attache.extract.places import LocationMention
from attache.extract.triggers import Mention

# a marker right before the cue, with at most five words between: "holding the first Summit"
_PLANNED_BEFORE = re.compile(
    r"\b(?:holding|to hold|organi[sz]ation of|organi[sz]ing|to organi[sz]e|preparations? for|"
    r"prepar(?:e|ing) for|upcoming|forthcoming|next|future|plans? to hold|to convene|to host|hosting|"
    r"will hold|will host|will pay|will visit|to visit|to pay|is to pay|invitation to|invited .{0,40}? to|"
    r"to meet|will meet|to attend|will attend|to participate in|will participate in|to take part in|"
    r"will take part in|(?:is|are) due to|due to travel|will travel|to travel|will witness|to witness|will also)"
    r"(?:[ \u00a0]+[\w“”\"'’+-]+){0,8}[ \u00a0]+$", re.IGNORECASE)
_PLANNED_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:will be held|will take place|will be organi[sz]ed|will open|is to be held|"
    r"are to be held|to be held|scheduled (?:to|for)|is scheduled|are scheduled|is planned|are planned|"
    r"is expected to (?:take place|be held)|will be hosted)\b", re.IGNORECASE)
_ANAPHORIC = re.compile(r"\b(?:the|this|these|that|those|such|its|their|both)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,1}$",
                        re.IGNORECASE)
_DEFINITE_NAMED = re.compile(r"^[ \u00a0]*(?:of|on)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]")
BACKREF = re.compile(
    r"^(?:During|In the course of|At|Following|After|Within the framework of|On the sidelines of)\s+the\s+"
    r"(?P<noun>meeting|meetings|talks|negotiations|consultations|visit|conversation|call|session|summit|forum)\b"
    r"|^(?:The|Both)\s+(?:parties|sides|ministers|foreign ministers|diplomats|interlocutors|delegations|leaders|presidents|heads of state)\b"
    r"|^(?:This|The)\s+(?P<noun2>meeting|visit|talks|negotiations|consultations|conversation|summit|forum)\b"
    r"|^(?:They|In this context|In this regard|In addition|Special attention|Special emphasis|Particular attention)\b",
    re.IGNORECASE)
DISCUSSION = re.compile(
    r"\b(?:discussed|discussing|noted|emphasi[sz]ed|highlighted|stressed|touched upon|considered|reviewed|"
    r"exchange of views|exchanged views|agreed|expressed|underlined|praised|welcomed|appreciated|"
    r"focused on|paid to|attention was|was paid|were paid|confirmed|reaffirmed|voiced|was placed|is placed)\b",
    re.IGNORECASE)
PARTICIPATION = re.compile(
    r"\b(?:headed by|led by|chaired by|co-chaired by|attended by|participated|took part|taking part|"
    r"accompanied by|was headed|were headed|side was|side -|side –|delegation|delegations|hosted|welcomed|"
    r"(?:was|were) represented by|co-chaired|chaired|attended|present at|were present|in attendance)\b",
    re.IGNORECASE)
FUTURE_SIGNING = re.compile(r"\b(?:will|shall|to be|expected to|plans? to|intends? to|ready to|set to|due to)\b[^.;]{0,50}?\bsign"
                            r"|\b(?:to|will) sign", re.IGNORECASE)

BACKREF_TYPES = {
    "meeting": "meeting", "meetings": "meeting", "talks": "talks", "negotiations": "talks",
    "consultations": "consultation", "visit": "visit", "conversation": "phone_call", "call": "phone_call",
    "session": "commission", "summit": "summit", "forum": "forum",
}


MAX_DATE_DISTANCE = 110  # characters between a cue and a date that belongs to it


@dataclass
class Cue:
    start: int
    end: int
    text: str
    type: str
    plover: str
    strength: str
    planned: bool = False
    planned_why: str = ""
    anaphoric: bool = False
    date: DateMention | None = None
    location: LocationMention | None = None
    what: str | None = None
    what_span: tuple[int, int] | None = None
    mention: Mention | None = None  # the trigger read from the parse, when the sentence was parsed


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Cues in text[start:end], longest first where they overlap, in text order."""
    found: list[Cue] = []
    for cue in vocab.event_cues():
        for m in cue.pattern.finditer(text, start, end):
            found.append(Cue(m.start(), m.end(), m.group(0), cue.type, cue.plover, cue.strength))
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Cue] = []
    for c in found:
        if not any(c.start < k.end and k.start < c.end for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def read_cue(cue: Cue, text: str, s_start: int, s_end: int, dates: list[DateMention],
             locations: list[LocationMention], published: str | None) -> Cue:
    """Fill in planned/anaphoric/date/location/what for one cue of a sentence."""
    before = text[max(s_start, cue.start - 70):cue.start]
    after = text[cue.end:min(s_end, cue.end + 90)]
    cue.what, cue.what_span = named_event(text, cue, s_start, s_end)
    if _PLANNED_BEFORE.search(before):
        cue.planned, cue.planned_why = True, "future marker before the cue"
    elif _PLANNED_AFTER.search(after):
        cue.planned, cue.planned_why = True, "future marker after the cue"
    cue.anaphoric = bool(_ANAPHORIC.search(before[-25:])) and not _DEFINITE_NAMED.match(after) \
        and not (cue.what and cue.what[:1].isupper())
    cue.date = _nearest(cue, dates, s_start)
    cue.location = _nearest_location(cue, locations)
    if cue.anaphoric and not cue.planned:
        return cue  # "the talks": refers back; its sentence's other dates are not its own
    if cue.date and cue.date.value and published and len(published) == 10:
        if cue.date.value[: len(published)] > published[: len(cue.date.value)]:
            cue.planned, cue.planned_why = True, f"date {cue.date.value} after publication {published}"
        elif cue.planned and cue.date.value < published[: len(cue.date.value)]:
            if cue.date.start < cue.start:  # "trade ... last year, and they agreed to hold a forum"
                cue.date = None
            else:
                cue.planned, cue.planned_why = False, f"date {cue.date.value} before publication"
    return cue


_OF_THE = re.compile(r"^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?[\w \u00a0'’+-]{0,50}$")
_FOR_EVENT = re.compile(r"^[^.;]{0,80}\b(?:for|at|during|within|in the framework of)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$",
                        re.IGNORECASE)
SPECIFIC_TYPES = ("commission", "summit", "forum", "consultation", "phone_call")


def merge_nested_cues(cues: list[Cue], text: str) -> list[Cue]:
    """'the ninth meeting of the Intergovernmental Commission' is one cue of type commission."""
    out: list[Cue] = []
    for cue in cues:
        verb = next((o for o in out if o.text.lower() in ("met", "met with", "held talks") and
                     _FOR_EVENT.search(text[o.end:cue.start]) and cue.type in SPECIFIC_TYPES), None)
        if verb is not None:
            verb.type, verb.plover, verb.what, verb.what_span = cue.type, cue.plover, cue.what, cue.what_span
            continue
        outer = next((o for o in out if o.what_span and o.what_span[0] <= cue.start < o.what_span[1]
                      or _OF_THE.match(text[o.end:cue.start])), None)
        if outer is None:
            out.append(cue)
            continue
        if outer.type in ("meeting", "talks", "other") and cue.type in SPECIFIC_TYPES or (
                outer.type == "other" and cue.type in ("talks", "meeting")):
            outer.type, outer.plover = cue.type, cue.plover
            if outer.strength == "planned":  # "a new round of consultations" is consultations
                outer.strength = cue.strength
    return out


def _nearest(cue: Cue, dates: list[DateMention], s_start: int) -> DateMention | None:
    best, best_distance = None, None
    for d in dates:
        if d.value is None and d.month_day is None:
            continue
        distance = d.start - cue.end if d.start >= cue.end else (cue.start - d.end) * 1.2
        if d.start - s_start <= 25 and d.start < cue.start:
            distance = min(distance, MAX_DATE_DISTANCE)  # "On Wednesday, ..." dates the sentence
        if distance > MAX_DATE_DISTANCE:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = d, distance
    return best


def _nearest_location(cue: Cue, locations: list[LocationMention]) -> LocationMention | None:
    right_after = [loc for loc in locations if 0 <= loc.start - cue.end <= 12]
    if right_after:  # "visit to India, ... with a stop in Bengaluru": India
        return right_after[0]
    after = [loc for loc in locations if loc.start >= cue.end and loc.start - cue.end < 120]
    if after:
        return min(after, key=lambda loc: (loc.kind == "country", loc.start))
    before = [loc for loc in locations if loc.end <= cue.start and cue.start - loc.end < 150]
    if before:
        return max(before, key=lambda loc: (loc.kind != "country", loc.start))
    cities = [loc for loc in locations if loc.kind != "country"]
    return cities[0] if len(cities) == 1 else None


VERB_CUES = frozenset({"met", "visited", "visits", "visiting", "received", "arrived", "signed", "signing",
                       "held", "spoke", "inked", "concluded"})
_TRAILING_DATE = re.compile(
    r"(?:[ \u00a0]+(?:on|in|of|from)[ \u00a0]+(?:the[ \u00a0]+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d+(?:st|nd|rd|th)?)"
    r"[ \u00a0,]*)+(?:(?:19|20)\d\d)?)$")
_NAME_WORD = r"(?:[A-Z0-9][\w'’.+-]*|[“\"«][^”\"»]{1,40}[”\"»]|\+|[-–](?=[ \u00a0]+[A-Z]))"
_LEFT = re.compile(rf"((?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|\d+(?:st|nd|rd|th)|{_NAME_WORD})[ \u00a0-]+)*)$")
_RIGHT = re.compile(rf"^((?:[ \u00a0]+(?:(?:of|on|for|and|the|in|between)[ \u00a0]+)*(?:{_NAME_WORD}|(?:countries|participating|states)\b))*)")


def named_event(text: str, cue: Cue, s_start: int, s_end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The event's name when it has one: 'Sixth Caspian Summit', 'World Exhibition EXPO 2025',
    'first Summit of the countries participating in the “Central Asia + Japan” Dialogue'."""
    left = _LEFT.search(text[max(s_start, cue.start - 80):cue.start])
    right = _RIGHT.match(text[cue.end:min(s_end, cue.end + 120)])
    lo = cue.start - len(left.group(1)) if left else cue.start
    hi = cue.end + (len(right.group(1)) if right else 0)
    if cue.text.lower().split()[0] in VERB_CUES:
        return None, None
    phrase = text[lo:hi].strip()
    lead = re.match(r"(?:the|a|an|this|these|that|its)[ \u00a0]+", phrase, re.IGNORECASE)
    if lead:
        lo += lead.end()
        phrase = phrase[lead.end():]
    phrase = re.sub(r"(?:[ \u00a0]+(?:of|on|for|and|the|in|between))+$", "", phrase).rstrip(".")
    phrase = _TRAILING_DATE.sub("", phrase)
    title = role_pattern().search(phrase, cue.end - lo)
    if title:  # "talks between the Minister of ...": what follows is who, not the event's name
        phrase = re.sub(r"(?:[ \u00a0]+(?:of|on|for|and|the|in|between|with))+$", "", phrase[: title.start()].rstrip())
    place = re.search(r"[ \u00a0]+in[ \u00a0]+([A-Z][\w'’-]+)$", phrase)
    if place and (place.group(1) in vocab.places() or place.group(1) in vocab.country_names()):
        phrase = phrase[: place.start()]
    capitalized = any(w[:1].isupper() for w in re.findall(r"[\w“\"]+", phrase[1:])) or (
        cue.text[:1].isupper() and cue.start > s_start)
    if not phrase or (not capitalized and phrase.lower() == cue.text.lower()):
        return None, None
    return phrase, (lo, lo + len(phrase))


def join_mentions(cues: list[Cue], mentions: list[Mention], rejected: list[tuple[int, int]]) -> list[Cue]:
    """Cues of a parsed sentence, each with the trigger read from the parse: a mention
    inside a cue's span is that cue's; a mention no cue covers is a cue of its own. A
    cue whose trigger word the parse read and rejected ('meeting challenges', 'received a
    letter', 'arrived at a consensus')
    (``rejected``: spans of trigger words whose arguments failed their rule) goes, as does a visit that is only the setting of what happened during it."""
    out = [c for c in cues if not (any(c.start <= s < c.end for s, _ in rejected)
                                   and not any(c.start <= m.token.start < c.end for m in mentions))]
    for m in mentions:
        tok = m.token
        holder = next((c for c in out if c.start <= tok.start < c.end), None)
        if holder is None:
            holder = next((c for c in out if c.what_span and c.what_span[0] <= tok.start < c.what_span[1]), None)
            if holder is not None:
                continue  # a word inside a named event ('the Foreign Ministers' Retreat')
            out.append(Cue(tok.start, tok.end, tok.text, m.type, m.trigger.plover, "strong", mention=m))
        elif holder.mention is None:
            holder.mention = m
    out = [c for c in out if not (c.mention is not None and c.mention.setting and c.type == "visit")]
    out.sort(key=lambda c: c.start)
    return out


def apply_parse_status(cue: Cue, published: str | None) -> None:
    """Tense, aspect and modality read from the parse decide planned or occurred where they
    say something; a date after publication still makes an event planned."""
    m = cue.mention
    if m is not None and (m.token.pos in ("VERB", "AUX") or any(
            g.role in ("of", "with", "between", "possessor", "modifier") for g in m.arguments)
            and cue.what is None):
        # 'the diplomats met with': a verb reports, it never refers back; nor does a noun
        # with its own arguments ('the credentials of nine new envoys')
        cue.anaphoric = False
    if m is None or m.planned is None:
        return
    if cue.planned_why.startswith("date "):
        return  # a date before or after publication outranks the verb's form
    if m.planned and not cue.planned:
        cue.planned, cue.planned_why = True, f"parse: {m.status_why}"
    elif not m.planned and cue.planned:
        cue.planned, cue.planned_why = False, f"parse: {m.status_why}"


def apply_parse_place(cue: Cue, locations: list[LocationMention], countries: list[CountryMention]) -> None:
    """A visit goes where its object or 'to' phrase says ('will visit Moscow', 'a visit to
    Hanoi', 'to visit Azerbaijan'): that place outranks the nearest one."""
    m = cue.mention
    if m is None or cue.type != "visit":
        return
    for arg in m.arguments:
        if arg.role in ("object", "to"):
            place = next((loc for loc in locations if arg.start <= loc.start < arg.end), None)
            state = next((c for c in countries if arg.start <= c.start < arg.end and c.kind == "name"), None)
            if place is None and state is not None:
                place = LocationMention(state.start, state.end, state.text, state.code, kind="country")
            if place is not None:
                cue.location = place
                return


_CONCLUDED = re.compile(r"\b(?:concluded|concludes|ended|ends|wrapped up|wraps up|winds up|wound up|completed|"
                        r"completes|rounded off|rounds off)\b[^.;]{0,40}?\b(?P<n>\d|one|two|three|four|five|six|seven)"
                        r"[- ]day\b", re.IGNORECASE)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def concluded_visit_dates(cue: Cue, text: str, s_start: int) -> None:
    """'concluded a three-day state visit on Wednesday': the visit began two days before the
    day it ended; the record dates an event by its first day and keeps the last."""
    if cue.type != "visit" or cue.date is None or not cue.date.value or len(cue.date.value) != 10 \
            or cue.date.end_value:
        return
    m = _CONCLUDED.search(text, s_start, cue.end)
    if m is None:
        return
    n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS[m.group("n").lower()]
    last = dt.date.fromisoformat(cue.date.value)
    first = last - dt.timedelta(days=n - 1)
    cue.date = replace(cue.date, value=first.isoformat(), end_value=last.isoformat(),
                       rule=f"{cue.date.rule}; the last day of a {n}-day visit ('{m.group(0)}')")
