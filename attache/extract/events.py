"""Assemble the events of one document from its sentences.

Reading order decides: the first event reported with a date, people, place or states is
the document's focus; sentences that refer back ("During the talks", "The parties
noted") add evidence, topics and people to it; a cue with a date unlike the focus's is a
separate, background event ("Abe's visit to Ashgabat in October 2015"); a cue that
speaks of the future is a planned event; a new "met with X" during a visit is a meeting
of its own with the visiting side. Each event keeps the sentences it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from attache import vocab
from attache.extract.dates import DateMention
from attache.extract.frames import BACKREF, BACKREF_TYPES, DISCUSSION, FUTURE_SIGNING, PARTICIPATION, Cue
from attache.extract.groups import GroupMention
from attache.extract.lexicon import CountryMention
from attache.extract.people import PersonMention
from attache.extract.places import LocationMention, fold
from attache.extract.sentences import Sentence

FRAMEWORK = re.compile(r"\b(?:framework of|within|format|platform of|auspices of|work of|activity of|"
                       r"activities of)\b[^,.;]*$", re.IGNORECASE)
PREVIOUS = re.compile(r"\b(?:previous|last|first|former|earlier|preceding|prior)\b[^.;]*$", re.IGNORECASE)
PAST_CONTEXT = re.compile(r"\b(?:during|following|after|since|in the course of|results of|outcomes of)\b", re.IGNORECASE)
ATTENDED = re.compile(r"\b(?:attended by|take part|took part|participated|participation of|participants)\b", re.IGNORECASE)
SAME_DAY = re.compile(r"\b(?:(?:on|earlier on|later on|later|earlier)?\s*the same day|later that day|later in the day|"
                      r"earlier that day|that same day)\b", re.IGNORECASE)
COLLECTIVE = re.compile(r"\b(?:the (?:two |both )?(?:ministers|sides|parties|diplomats|leaders|delegations|presidents|"
                        r"heads of (?:state|government)|officials)|they|both sides)\b", re.IGNORECASE)
FAMILY = {"consultation": "consult", "talks": "consult", "meeting": "consult", "visit": "consult",
          "phone_call": "consult", "commission": "consult", "summit": "multilateral",
          "forum": "multilateral", "signing": "agree", "other": "other"}


@dataclass
class SentenceFacts:
    sentence: Sentence
    cues: list[Cue]
    dates: list[DateMention]
    people: list[PersonMention]
    countries: list[CountryMention]
    locations: list[LocationMention]
    topics: list[tuple[int, int, str]]
    groups: list[GroupMention] = field(default_factory=list)


@dataclass
class Event:
    status: str
    type: str
    plover: str
    cue: Cue
    what: str | None = None
    date: DateMention | None = None
    location: LocationMention | None = None
    countries: list[str] = field(default_factory=list)
    participants: list[PersonMention] = field(default_factory=list)
    topics: set[str] = field(default_factory=set)
    agreements_signed: bool = False
    sentences: list[Sentence] = field(default_factory=list)
    background: bool = False
    inherited_date: str | None = None
    why: dict[str, str] = field(default_factory=dict)
    confidence: float = 0.0
    states_from_document: int = 0  # how many of ``countries`` came from the document, not the sentence
    absent: set[str] = field(default_factory=set)  # states its sentence names as absent ('except Georgia')

    def add_sentence(self, facts: SentenceFacts, topics: bool = True) -> None:
        if facts.sentence not in self.sentences:
            self.sentences.append(facts.sentence)
        if topics:
            self.topics.update(t for _, _, t in facts.topics)

    def add_people(self, people: list[PersonMention]) -> None:
        for p in people:
            if p.not_participant_reason is not None:  # spokespeople, briefers, reporters
                continue
            old = next((q for q in self.participants if q.surname == p.surname), None)
            if old is None:
                self.participants.append(p)
            else:
                old.title = old.title or p.title
                old.country = old.country or p.country
            if p.country:
                self.add_country(p.country)

    def add_country(self, code: str | None) -> None:
        if code and code not in self.countries and code not in self.absent:
            self.countries.append(code)

    def absorb(self, other: Event) -> None:
        """Take in another telling of the same happening: its sentences, people, states and
        topics, its date where more precise, its place where more precise (a city over a
        country)."""
        for sent in other.sentences:
            if sent not in self.sentences:
                self.sentences.append(sent)
        self.add_people(other.participants)
        for code in other.countries:
            self.add_country(code)
        self.topics.update(other.topics)
        if other.date is not None and other.date.value and (
                self.date is None or not self.date.value or len(other.date.value) > len(self.date.value)):
            self.date = other.date
            self.why["date"] = other.why.get("date", "")
        if self.location is None or (other.location is not None and self.location.kind == "country"
                                     and other.location.kind != "country"):
            self.location = other.location or self.location
        self.what = self.what or other.what
        self.agreements_signed = self.agreements_signed or other.agreements_signed


@dataclass(frozen=True)
class Dateline:
    location: LocationMention
    date: str | None  # the report's date when the dateline gives a full one


def _apply_dateline(events: list[Event], dateline: Dateline | None) -> None:
    """A wire report's events happen where it was filed unless the text says otherwise; its
    main event, when undated, on the dateline's day."""
    if dateline is None:
        return
    live = [e for e in events if e.status == "occurred" and not e.background]
    for e in live:
        if e.location is not None and e.location.kind == "country" and e.location.country == dateline.location.country:
            e.location = None  # "a working visit to the UAE" filed from Abu Dhabi: the city is more precise
        if e.location is None:
            e.location = dateline.location
            e.why["location"] = dateline.location.inferred or "dateline"
    if live and dateline.date and live[0].date is None and live[0].inherited_date is None:
        live[0].inherited_date = dateline.date
        live[0].why["date"] = "the dateline's date (a wire report of the day)"


def _date_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return True
    # a few days apart still reads as the same visit ("arrived on Monday ... talks on Tuesday")
    if len(a) == len(b) == 10 and a[:7] == b[:7]:
        return abs(int(a[8:]) - int(b[8:])) <= 3
    return False


def assemble_events(sentences: list[SentenceFacts], dateline: Dateline | None = None,
                    document_states: list[str] | None = None, published: str | None = None) -> list[Event]:
    events: list[Event] = []
    focus: Event | None = None  # the main occurred event the article reports
    current: Event | None = None  # the occurred, non-background event read last

    roll: Event | None = None  # the event whose list of those present is being read
    for facts in sentences:
        text = facts.sentence.text
        touched: list[Event] = []
        sentence_people = list(facts.people)
        if roll is not None and not facts.cues and _list_item(facts):
            roll.add_sentence(facts, topics=False)
            roll.add_people(sentence_people)
            continue
        roll = None
        for cue in facts.cues:
            if cue.strength == "weak":  # signing: belongs to the event around it
                future = FUTURE_SIGNING.search(text) is not None or cue.planned
                target = current or focus
                if target is not None and not future:
                    target.agreements_signed = True
                    target.why["agreements_signed"] = f"'{cue.text}' in: {text[:80]}"
                    target.add_sentence(facts)
                    touched.append(target)
                elif target is None and not future and (facts.countries or sentence_people):
                    ev = _new_event(cue, facts, "occurred", sentence_people)
                    ev.type, ev.plover, ev.agreements_signed = "signing", "AGREE", True
                    events.append(ev)
                    focus = current = ev
                    touched.append(ev)
                continue
            if cue.planned and cue.type == "other" and "round" in cue.text.lower():
                cue.type = (focus or current).type if (focus or current) else "talks"  # "the next round"
            if cue.planned:
                same = _same_planned(cue, events, touched)
                if same is not None:
                    same.add_sentence(facts, topics=False)
                    touched.append(same)
                    continue
                ev = _new_event(cue, facts, "planned", _near(sentence_people, cue))
                ev.why["status"] = cue.planned_why
                events.append(ev)
                touched.append(ev)
                continue
            if cue.strength == "planned":
                continue
            date_value = cue.date.value if cue.date else None
            if cue.anaphoric and focus is None:
                earlier = next((e for e in reversed(events) if e.type == cue.type), None)
                if earlier is not None:
                    earlier.add_sentence(facts, topics=earlier.status == "occurred")
                    touched.append(earlier)
                    continue
            if focus is not None and _held_as_named(cue, text, facts.sentence.start):
                same = next((e for e in events if e.what and _same_format(e.what, cue.what)), None)
                if same is not None:  # named before as the setting of another event
                    same.add_sentence(facts)
                    same.absent |= {c.code for c in facts.countries if _excepted(c, facts)}
                    same.countries = [c for c in same.countries if c not in same.absent]
                    for code in _event_countries(cue, facts):
                        same.add_country(code)
                    if same.date is None or same.date.kind in ("weekday", "relative") and cue.date.kind not in (
                            "weekday", "relative"):
                        same.date = cue.date  # a later explicit date wins over a relative one
                        same.why["date"] = f"'{cue.date.text}' where the text reports it held: {cue.date.rule}"
                    touched.append(same)
                    continue
                ev = _new_event(cue, facts, "occurred", _near(sentence_people, cue))
                ev.why["type"] = f"'{cue.what}' reported as held in its own sentence"
                events.append(ev)
                touched.append(ev)
                continue
            if cue.anaphoric and focus is not None and date_value and focus.date and focus.date.value \
                    and not _date_compatible(date_value, focus.date.value) and PREVIOUS.search(
                        text[max(0, cue.start - facts.sentence.start - 30):cue.start - facts.sentence.start]):
                ev = _new_event(cue, facts, "occurred", _near(sentence_people, cue))
                ev.background = True
                ev.why["background"] = f"'{cue.text}' of {date_value}, an earlier one"
                for c in focus.countries:
                    ev.add_country(c)
                events.append(ev)
                touched.append(ev)
                continue
            if cue.anaphoric and focus is not None:
                target = _backref_target(cue.type, events) or focus
                target.add_sentence(facts)
                target.add_people(sentence_people)
                _date_from_later_sentence(target, cue.date, facts)
                touched.append(target)
                continue
            if focus is None:
                if date_value or sentence_people or cue.location or len({c.code for c in facts.countries}) >= 1:
                    ev = _new_event(cue, facts, "occurred", sentence_people)
                    if ev.date is None:  # the report's lead: its one date dates the event, however far
                        dated = [d for d in facts.dates if d.value]
                        if len(dated) == 1 and not (published_after(dated[0].value, facts)):
                            ev.date = dated[0]
                            ev.why["date"] = f"'{dated[0].text}': the only date of the sentence that reports it"
                    events.append(ev)
                    focus = current = ev
                    touched.append(ev)
                continue
            if date_value and focus.date and focus.date.value and not _date_compatible(date_value, focus.date.value):
                ev = _new_event(cue, facts, "occurred", _near(sentence_people, cue))
                ev.background = True
                ev.why["background"] = f"date {date_value} differs from the report's {focus.date.value}"
                events.append(ev)
                touched.append(ev)
                continue
            known = {p.surname for e in events for p in e.participants}
            new_people = [p for p in sentence_people if p.surname not in known]
            visitors = [p for p in _near(sentence_people, cue)]
            if cue.type == "visit" and focus.type != "visit" and visitors:
                ev = _new_event(cue, facts, "occurred", visitors)  # "during President X's state visit"
                if PAST_CONTEXT.search(text[max(0, cue.start - facts.sentence.start - 60):cue.start - facts.sentence.start]):
                    ev.background = True
                    ev.why["background"] = "a visit the report looks back on"
                events.append(ev)
                touched.append(ev)
                continue
            target = _backref_target(cue.type, events) if cue.anaphoric else None
            within = (focus.type in ("visit", "summit", "forum") and cue.type in ("talks", "meeting", "phone_call")
                       and bool(sentence_people) and cue.start - facts.sentence.start < 200
                       and not cue.text.lower().startswith("meeting"))
            named_other = within or (bool(cue.what) and cue.type != (current or focus).type and cue.type != "visit"
                           and (bool(date_value) or SAME_DAY.search(text) is not None)
                           and not FRAMEWORK.search(text[max(0, cue.start - facts.sentence.start - 45):
                                                         cue.start - facts.sentence.start]))
            if (new_people and not focus.participants and FAMILY.get(cue.type) == FAMILY.get(focus.type)
                    and focus is (current or focus) and (not date_value or _date_compatible(date_value, focus.date.value
                                                                                            if focus.date else None))):
                focus.add_sentence(facts)  # "Kazakh-Chinese talks took place ... President X held talks with ..."
                focus.add_people(sentence_people)
                if focus.date is None and cue.date is not None and cue.date.value:
                    focus.date = cue.date
                    focus.why["date"] = f"'{cue.date.text}': {cue.date.rule}"
                focus.location = focus.location or cue.location
                touched.append(focus)
                continue
            retold = None if named_other else _same_cast(cue, sentence_people, events, date_value)
            if retold is not None:  # 'X and Y ... in what they described as a historic meeting'
                target = retold
            elif new_people and cue.type in ("meeting", "talks", "phone_call", "consultation") or named_other:
                ev = _new_event(cue, facts, "occurred", sentence_people)
                previous = current or focus
                if ev.date is None and SAME_DAY.search(text) and previous.date is not None:
                    ev.inherited_date = previous.date.value
                    ev.why["date"] = "'the same day' as the event before"
                if not sentence_people or COLLECTIVE.search(text):
                    ev.add_people(previous.participants)
                    for c in previous.countries:
                        ev.add_country(c)
                if ev.location is None and previous.location is not None and previous.location.kind != "country":
                    ev.location = previous.location
                visit = next((e for e in reversed(events) if e.type == "visit" and not e.background
                              and e.status == "occurred"), None)
                if visit is not None:
                    ev.add_people(_visitors(visit))
                    for c in visit.countries:
                        ev.add_country(c)
                    ev.location = ev.location or visit.location
                    if ev.date is None and ev.inherited_date is None and visit.date is not None and visit.date.value:
                        ev.inherited_date = visit.date.value[:7]
                        ev.why["date"] = "month of the visit it took place during"
                events.append(ev)
                current = ev
                touched.append(ev)
                continue
            target = target or current or focus
            target.add_sentence(facts)
            target.add_people(sentence_people)
            if target.location is None and cue.location is not None and not cue.anaphoric and cue.type != "visit" \
                    and FAMILY.get(cue.type) == FAMILY.get(target.type):
                target.location = cue.location  # 'X and Y met in Z': the place of the event told again
                target.why["location"] = cue.location.inferred or f"'{cue.location.name}' near '{cue.text}'"
            _date_from_later_sentence(target, cue.date, facts)
            touched.append(target)

        if touched:
            if PARTICIPATION.search(text) and text.rstrip().endswith(":"):
                roll = touched[-1]  # 'Present at the meeting were:' and a list of people follows
            continue
        # no cue of its own: refers back, discusses, or names who took part
        target = None
        m = BACKREF.match(text)
        if m:
            noun = (m.group("noun") or m.group("noun2") or "").lower()
            target = _backref_target(BACKREF_TYPES.get(noun), events) if noun else (current or focus)
        elif DISCUSSION.search(text) or PARTICIPATION.search(text):
            target = current or focus
        if target is None:
            continue
        target.add_sentence(facts)
        if PARTICIPATION.search(text) and text.rstrip().endswith(":"):
            roll = target  # 'Present at the meeting were:' and a list of people follows
        if PARTICIPATION.search(text) or facts.people and all(
                any(p.surname == q.surname for q in target.participants) for p in facts.people):
            target.add_people(facts.people)
        for c in facts.countries:
            if c.kind == "demonym" and _side_word_after(text, c, facts.sentence.start) \
                    and c.start - facts.sentence.start < 40:  # 'The Turkmen side noted': a party speaking
                target.add_country(c.code)
            elif c.kind == "name" and ATTENDED.search(text):
                target.add_country(c.code)
    events = _merge_same_place(events)
    _date_from_lead(events, sentences, published)
    _apply_dateline(events, dateline)
    _topics_of_the_report(events, sentences)
    events = _merge_planned_retellings(events)
    for i, e in enumerate(events):
        _inherit_format(e, events[:i])
        _place_of_the_visit(e, events)
        _complete(e)
        _fill_states(e, document_states or [])
        e.confidence = _confidence(e)
    return [e for e in _merge_same_sentence(events) if _keep(e)]


_HELD = re.compile(r"[ \u00a0]+(?:was|were|had been|has been)[ \u00a0]+(?:held|convened|hosted|organi[sz]ed)\b"
                   r"|[ \u00a0]+(?:took place|opened|convened)\b")


def _held_as_named(cue: Cue, text: str, offset: int) -> bool:
    """'The third meeting of the Platform was held in Istanbul on October 18': a named
    gathering that its sentence reports as held, with a date of its own, is an event of its
    own, never only a date for the event read before it."""
    if not cue.what or not re.search(r"[A-Z0-9]", cue.what) or cue.what_span is None:
        return False
    if cue.date is None or not cue.date.value:
        return False
    return _HELD.match(text[cue.what_span[1] - offset:]) is not None


def _same_format(a: str, b: str) -> bool:
    """'meeting of the 3+3 Platform' and 'third meeting of the 3+3 Platform': one gathering."""
    def key(what: str) -> str:
        return what[what.find(" of ") + 4:].lower() if " of " in what else what.lower()
    return key(a) == key(b)


def _date_from_lead(events: list[Event], sentences: list[SentenceFacts], published: str | None) -> None:
    """'X and Y agreed this Thursday to ...' ... 'X and Y met in ...': the report's main
    event, when no sentence of its own dates it, happened on the day an earlier sentence
    on the same people gives ('this Thursday', 'yesterday'; else its one day-precise date),
    never a day after publication."""
    live = [e for e in events if e.status == "occurred" and not e.background]
    if not live or live[0].date is not None or live[0].inherited_date:
        return
    e = live[0]
    first = min(s.index for s in e.sentences)
    for facts in sentences:
        if facts.sentence.index >= first:
            return
        if not any(_same_person(p, q) for p in facts.people for q in e.participants):
            continue
        dated = [d for d in facts.dates if d.value and len(d.value) == 10 and not published_after(d.value, facts)
                 and (published is None or d.value <= published)]
        relative = [d for d in dated if d.kind in ("weekday", "relative")]
        chosen = relative if relative else dated
        if not chosen:
            continue
        if len(chosen) == 1:
            e.date = chosen[0]
            e.why["date"] = f"'{chosen[0].text}' in an earlier sentence on the same people: {chosen[0].rule}"
        return


def _same_person(a: PersonMention, b: PersonMention) -> bool:
    """'Carlos Faría' and 'Carlos Faría Tortosa': one surname, or one's surname among the
    other's names after the first."""
    return a.surname == b.surname or a.surname in b.name.split()[1:] or b.surname in a.name.split()[1:]


def _merge_same_place(events: list[Event]) -> list[Event]:
    """'the bilateral meeting, held in San Cristobal, hosted by the governor' ... 'the
    ministers met in San Cristóbal': two reported events of one type in the same city,
    the states of one among the other's, at compatible dates, are one when the first told
    names nobody who acts for a state (only a host, or no one) and the later one names other
    people: no named side tells them apart. (A later sentence on someone else's meeting,
    'the previous day, the Ambassador had met the Minister', is another event.) (Two events of the same people stay two: 'held talks' ... 'held a
    meeting with business circles'.)"""
    out: list[Event] = []
    for e in events:
        same = next((o for o in out if o.status == e.status == "occurred" and not o.background and not e.background
                     and o.type == e.type and o.type != "visit"
                     and (set(o.countries) <= set(e.countries) or set(e.countries) <= set(o.countries))
                     and o.location is not None and e.location is not None and o.location.kind == e.location.kind
                     == "city" and o.location.country == e.location.country
                     and fold(o.location.name) == fold(e.location.name)
                     and _date_compatible(o.date.value if o.date else None, e.date.value if e.date else None)
                     and not any(p.country for p in o.participants)
                     and not any(_same_person(p, q) for p in o.participants for q in e.participants)),
                    None)
        if same is None:
            out.append(e)
            continue
        same.absorb(e)
    return out


def _same_cast(cue: Cue, people: list[PersonMention], events: list[Event], date_value: str | None) -> Event | None:
    """The reported event a later cue of its kind names again: two or more of the people
    it names are among the event's participants ('X and Y met ...' ... 'X and Y described
    it as a first meeting'), or all of them when the event was first named only as 'the
    meeting' ('X said after the meeting' ... 'X and Y met in Z'), at a compatible date."""
    surnames = {p.surname for p in people if p.not_participant_reason is None}
    for e in reversed(events):
        if e.status != "occurred" or e.background or FAMILY.get(e.type) != FAMILY.get(cue.type) \
                or "visit" in (e.type, cue.type):
            continue
        theirs = {p.surname for p in e.participants}
        shared = len(surnames & theirs)
        if (shared >= 2 or e.cue.anaphoric and shared == len(theirs) >= 1) and \
                _date_compatible(date_value, e.date.value if e.date else None):
            return e
    return None


def _merge_same_sentence(events: list[Event]) -> list[Event]:
    """'The President received the credentials of the Ambassador': two triggers of one
    sentence, the same kind of happening between the same states on the same day, are one
    event."""
    out: list[Event] = []
    for e in events:
        same = next((o for o in out if o.status == e.status == "occurred" and not o.background and not e.background
                     and FAMILY.get(o.type) == FAMILY.get(e.type) and o.type != "visit" and e.type != "visit"
                     and set(o.countries) == set(e.countries) and o.sentences[0] is e.sentences[0]
                     and _date_compatible(o.date.value if o.date else None, e.date.value if e.date else None)),
                    None)
        if same is None:
            out.append(e)
            continue
        same.absorb(e)
    return out


def _merge_planned_retellings(events: list[Event]) -> list[Event]:
    """'X will fly to Vietnam for a state visit' ... 'the state visit will be from January
    29 to 30': one announced happening told twice is one planned event, with the most
    precise date and place either telling gives."""
    out: list[Event] = []
    for e in events:
        same = None
        if e.status == "planned" and e.type == "visit":
            same = next((o for o in out if o.status == "planned" and o.type == e.type and _same_place(o, e)
                         and _date_compatible(o.date.value if o.date else None, e.date.value if e.date else None)
                         and _same_people(o, e)), None)
        if same is None:
            out.append(e)
            continue
        same.absorb(e)
    return out


def _same_place(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True
    return a.location.country == b.location.country


def _same_people(a: Event, b: Event) -> bool:
    if not a.participants or not b.participants:
        return True
    return bool({p.surname for p in a.participants} & {p.surname for p in b.participants})


_VISIT_WORD = re.compile(r"\b(?:visit|trip|tour|stay)\b", re.IGNORECASE)


def _list_item(facts: SentenceFacts) -> bool:
    """A short line that names one person: an item of a list of those present."""
    return len(facts.people) == 1 and len(facts.sentence.text.split()) <= 25


def _unnamed_subject(e: Event) -> bool:
    """'The head of state will hold ...', 'He will meet ...': the trigger's subject names
    nobody, so it is the report's main actor."""
    m = e.cue.mention
    if m is None:
        return False
    subjects = [g for g in m.arguments if g.role.removeprefix("governor_") == "subject"]
    return bool(subjects) and not any(g.start <= p.start < g.end for g in subjects for p in e.participants)


def _place_of_the_visit(e: Event, events: list[Event]) -> None:
    """A meeting, talks or signing without a place of its own, announced or reported in a
    report on a visit, is held where the visit goes (and, announced, in its month)."""
    if e.location is not None or e.type not in ("meeting", "talks", "signing", "phone_call") or e.background:
        return
    if e.type == "phone_call":
        return
    visits = [v for v in events if v.type == "visit" and v is not e and not v.background
              and v.location is not None and v.status in (e.status, "occurred")]
    if e.status == "planned":  # an announced meeting belongs to a visit its sentence names or its visitor holds
        visitors = {p.surname for v in visits for p in v.participants}
        if not any(_VISIT_WORD.search(s.text) for s in e.sentences) and \
                not any(p.surname in visitors for p in e.participants) and not _unnamed_subject(e):
            return
    visits.sort(key=lambda v: v.status != e.status)  # an announced meeting: the announced visit first
    visit = visits[0] if visits else None
    if visit is None:
        return
    e.location = visit.location
    e.why["location"] = f"the place of the visit it belongs to ({visit.location.name})"
    for code in visit.countries:
        if e.status == "planned":
            e.add_country(code)
    if e.status == "planned" and e.date is None and visit.date is not None and visit.date.value:
        e.inherited_date = visit.date.value[:7]
        e.why["date"] = "month of the visit it belongs to"


def _date_from_later_sentence(e: Event, date: DateMention | None, facts: SentenceFacts) -> None:
    """'The talks were held ... on Saturday': a sentence that refers back to an undated
    event dates it, when the date is the one its cue reads (or the sentence's only date)
    and lies on or before publication."""
    if e.status != "occurred" or e.date is not None or e.inherited_date or e.background:
        return
    dated = [d for d in facts.dates if d.value]
    if date is None or not date.value:
        date = dated[0] if len(dated) == 1 else None
    if date is None or published_after(date.value, facts):
        return
    if any(c.date is date and c.type != e.type and not c.anaphoric for c in facts.cues):
        return  # the date of another event named in the same sentence
    e.date = date
    e.why["date"] = f"'{date.text}' in a later sentence on the same event: {date.rule}"


def _inherit_format(e: Event, earlier: list[Event]) -> None:
    """'the fourth meeting of the Dialogue' names a format met earlier in the text
    ('the Central Asia - India Dialogue'): it has that format's states."""
    if not e.what or len(e.countries) >= 2:
        return
    head = re.findall(r"[A-Z][\w-]+", e.what)
    if not head:
        return
    for other in reversed(earlier):
        if other.what and re.search(rf"\b{re.escape(head[-1])}\b", other.what) and len(other.countries) >= 2:
            for code in other.countries:
                e.add_country(code)
            e.why["countries"] = f"'{head[-1]}' is the format of '{other.what}'"
            return


def _complete(e: Event) -> None:
    """Last touches once all sentences are read: states of a named regional format
    ('Central Asia - India Dialogue'), and the other side of a two-state meeting for a
    participant whose state no rule found."""
    if e.what:
        for region, members in vocab.regions().items():
            if region in e.what:
                for code in members:
                    e.add_country(code)
    if len(e.countries) == 2:
        known = {p.country for p in e.participants if p.country}
        if len(known) == 1:
            (side,) = known
            other = next(c for c in e.countries if c != side) if side in e.countries else None
            for p in e.participants:
                if p.country is None and other:
                    p.country = other
                    p.why.append("the other side of a two-state meeting")
    host = e.location.country if e.location else None
    guests = {p.country for p in e.participants if p.country}
    if e.type == "visit" and host and len(e.countries) == 2 and host in e.countries and not guests:
        visitor = next(c for c in e.countries if c != host)
        for p in e.participants:
            if p.country is None:
                p.country = visitor
                p.why.append(f"a visitor to {e.location.name}")
        return
    if host and guests and host not in guests:
        for p in e.participants:
            if p.country is None:
                p.country = host
                p.why.append(f"host: the meeting took place in {e.location.name}")
                e.add_country(host)


def published_after(value: str, facts: SentenceFacts) -> bool:
    """True when a date lies after the article's publication (kept on the sentence's cues)."""
    return any(c.planned and c.date is not None and c.date.value == value for c in facts.cues)


def _same_planned(cue: Cue, events: list[Event], touched: list[Event]) -> Event | None:
    """A planned event this cue only names again: inside its name ('World Exhibition EXPO'),
    'the exhibition' later in the same sentence, or the same name elsewhere."""
    for e in reversed(events):
        if e.status != "planned":
            continue
        span = e.cue.what_span
        if e in touched and (cue.anaphoric and e.type == cue.type or span and span[0] <= cue.start < span[1]):
            return e
        if cue.what and e.what and cue.what.lower() == e.what.lower():
            return e
        if e.type == cue.type and cue.date and e.date and cue.date.value and cue.date.value == e.date.value and (
                cue.location is None or e.location is None or cue.location.name == e.location.name):
            return e
    return None


def _side_word_after(text: str, c: CountryMention, offset: int) -> bool:
    rest = text[c.end - offset: c.end - offset + 12].lower()
    return rest.startswith((" side", " delegation", " party"))


def _topics_of_the_report(events: list[Event], sentences: list[SentenceFacts]) -> None:
    """A report's main event is what the whole text is about: the topics of sentences no
    other event claims ("X said Finland backed ... clean energy") are its topics too."""
    live = [e for e in events if e.status == "occurred" and not e.background]
    if not live or live[0] is not events[0]:
        return  # a report that leads with an announcement is about what is to come
    claimed = {id(s) for e in events if e is not live[0] for s in e.sentences}
    for facts in sentences:
        if id(facts.sentence) not in claimed:
            live[0].topics.update(t for _, _, t in facts.topics)


def _visitors(visit: Event) -> list[PersonMention]:
    """The visiting side of a visit: its participants not from the host state (the lead
    alone when the host is unknown)."""
    host = visit.location.country if visit.location else None
    if host is None:
        return visit.participants[:1]
    return [p for p in visit.participants if p.country != host]


def _near(people: list[PersonMention], cue: Cue) -> list[PersonMention]:
    """People close to a background cue ("President X's visit", "the visit of President X")."""
    return [p for p in people if abs(p.start - cue.start) < 90 or abs(cue.end - p.end) < 90]


def _backref_target(type_: str | None, events: list[Event]) -> Event | None:
    live = [e for e in events if e.status == "occurred" and not e.background]
    if type_:
        for e in reversed(live):
            if e.type == type_ or FAMILY.get(e.type) == FAMILY.get(type_) and type_ not in ("visit",):
                return e
    return live[-1] if live else None


def _new_event(cue: Cue, facts: SentenceFacts, status: str, people: list[PersonMention]) -> Event:
    ev = Event(status=status, type=cue.type, plover=cue.plover, cue=cue, what=cue.what,
               date=cue.date, location=cue.location)
    ev.why["type"] = f"cue '{cue.text}'"
    ev.absent = {c.code for c in facts.countries if _excepted(c, facts)}
    if cue.date:
        ev.why["date"] = f"'{cue.date.text}': {cue.date.rule}"
    if cue.location:
        ev.why["location"] = cue.location.inferred or f"'{cue.location.name}' near the cue"
    ev.add_sentence(facts, topics=status == "occurred")
    ev.add_people(_event_people(cue, people))
    if status == "occurred":
        for c in _event_countries(cue, facts):
            ev.add_country(c)
    else:
        for c in facts.countries:
            if cue.what and c.text in cue.what:
                ev.add_country(c.code)
    if cue.location and cue.location.country and (status == "planned" or cue.type in ("visit", "summit", "forum")
                                                  or ev.countries):
        ev.add_country(cue.location.country)
    return ev


def _in_arguments(cue: Cue, start: int, end: int) -> bool:
    return cue.mention is not None and any(g.start <= start and end <= g.end for g in cue.mention.arguments)


_EXCEPT = re.compile(r"\b(?:except(?: for)?|excluding|apart from|with the exception of|but not|other than|without)"
                     r"[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)


def _excepted(c: CountryMention, facts: SentenceFacts) -> bool:
    """'the ministers of A, B and C, except D': D is named as absent."""
    s = facts.sentence
    return _EXCEPT.search(s.text[max(0, c.start - s.start - 40):c.start - s.start]) is not None


def _event_countries(cue: Cue, facts: SentenceFacts) -> list[str]:
    """States taking part, read from the cue's sentence: from the trigger's arguments in
    the parse when it has some (subject, object, 'with', 'between A and B', 'the X side',
    'Turkmen-Kazakh', a group's members); else demonym compounds, 'the X side', 'delegation
    of X', 'between X and Y' and names around the cue."""
    absent = {c.code for c in facts.countries if _excepted(c, facts)}
    return [code for code in _named_countries(cue, replace(facts, countries=[c for c in facts.countries
                                                                          if c.code not in absent]))
            if code not in absent]


def _named_countries(cue: Cue, facts: SentenceFacts) -> list[str]:
    if cue.mention is not None and cue.mention.arguments:
        codes = [c.code for c in facts.countries if _in_arguments(cue, c.start, c.end)]
        codes += [p.country for p in facts.people if p.country and _in_arguments(cue, p.start, p.end)]
        for g in facts.groups:
            if _in_arguments(cue, g.start, g.end) or abs(g.start - cue.start) < 80:
                codes += list(g.members)
        if codes:
            return list(dict.fromkeys(codes))
    codes = []
    for c in facts.countries:
        inside_person_title = any(p.start - 200 < c.start < p.start and p.country == c.code for p in facts.people)
        if inside_person_title or abs(c.start - cue.start) < 160:
            codes.append(c.code)
    for g in facts.groups:
        if abs(g.start - cue.start) < 160:
            codes += list(g.members)
    return list(dict.fromkeys(codes))


def _event_people(cue: Cue, people: list[PersonMention]) -> list[PersonMention]:
    """The people the trigger's arguments name, when the parse gives any; else all given."""
    if cue.mention is None:
        return people
    named = [p for p in people if _in_arguments(cue, p.start, p.end)]
    return named or people


def _fill_states(e: Event, document_states: list[str]) -> None:
    """An occurred event whose sentence names fewer than two states takes the report's
    states (headline, lead, the people's titles): 'the two ministers met' in a report on
    Japan and Vietnam is a Japan-Vietnam meeting. Marked in ``why`` and in the confidence."""
    if e.status != "occurred" or len(e.countries) >= 2:
        return
    host = e.location.country if e.location is not None and e.location.kind != "country" else None
    if host and host not in e.countries and e.type != "phone_call":
        e.add_country(host)
        e.why["countries"] = f"{host}: the state of {e.location.name}, where it took place"
        if len(e.countries) >= 2:
            return
    added = []
    for code in document_states:
        if len(e.countries) >= 2:
            break
        if code not in e.countries:
            e.add_country(code)
            added.append(code)
    if added:
        e.states_from_document = len(added)
        e.why["countries"] = f"{', '.join(added)} from the report's headline, lead and people (not the event's sentence)"


def _confidence(e: Event) -> float:
    """How sure the reading is, in [0, 1]: a trigger confirmed by the parse, states and
    people read in the event's own sentences, a date and a place raise it; states taken
    from the rest of the document lower it."""
    score = 0.55 if e.cue.mention is not None else 0.45
    score += 0.15 if len(e.countries) - e.states_from_document >= 2 else 0.0
    score += 0.1 if e.participants else 0.0
    score += 0.05 if e.date is not None or e.inherited_date else 0.0
    score += 0.05 if e.location is not None else 0.0
    score -= 0.1 * e.states_from_document
    return round(min(1.0, max(0.05, score)), 2)


def _keep(e: Event) -> bool:
    """A planned event needs a time, a place or a name (mere hopes stay out); an occurred
    one a state taking part, read or filled."""
    if e.status == "planned":
        return bool(e.date or e.location or (e.what and any(w[:1].isupper() for w in e.what.split())))
    return bool(e.countries)
