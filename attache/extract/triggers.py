"""Event mentions from sentence structure: trigger tokens, their arguments, their status.

A trigger is a token whose lemma and part of speech are a row of data/event_triggers.tsv
("spoke", "hosted", "talks", "dialogue" ...). Its arguments come from the dependency
parse: the subject, the object, a "with", "between", "to" or "on" phrase, possessives and
modifiers of a noun ("Turkmen-Kazakh consultations", "Japan's visit"), and, for a noun,
the subject of the verb that governs it ("X held talks with Y"). Its status (planned or
occurred) comes from tense, aspect and modality: "will", "is to", "plans to", "is
scheduled", "agreed to hold" and kin, read on the trigger and the verbs above it.

Each check a trigger's arguments must pass is a small named rule in ``RULES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from attache import vocab
from attache.extract.nlp import SentenceAnalysis, Token

PARTY_ENTITIES = frozenset({"PERSON", "GPE", "NORP", "ORG"})
PHONE_WORDS = frozenset({"phone", "telephone", "telephonic", "video", "videoconference", "virtual", "online"})
# lemmas of verbs above a trigger that put it in the future ("plans to visit", "agreed to hold")
FUTURE_GOVERNORS = frozenset({"plan", "expect", "schedule", "intend", "agree", "decide", "propose", "invite",
                              "prepare", "aim", "hope", "set", "due", "look", "want", "wish", "seek",
                              "arrange", "consider", "urge", "envisage", "envision", "suppose", "slate"})
FUTURE_MODIFIERS = frozenset({"upcoming", "forthcoming", "next", "future", "planned", "proposed", "expected",
                              "scheduled", "anticipated", "prospective"})
PAST_MODIFIERS = frozenset({"previous", "last", "past", "former", "earlier", "recent", "prior", "preceding"})
# verbs that make a noun trigger an aim, not a happening: "to enhance dialogue", "strengthen consultations"
ABSTRACT_GOVERNORS = frozenset({"enhance", "strengthen", "promote", "deepen", "develop", "expand", "boost",
                                "intensify", "institutionalize", "institutionalise", "improve", "advance",
                                "increase", "facilitate", "encourage", "foster", "support", "value", "stress",
                                "emphasize", "emphasise", "need", "require"})
# prepositions that make a visit the setting of what happened during it, not an event of its own
SETTING_PREPS = frozenset({"during", "as", "within", "amid", "throughout", "prior", "ahead", "in", "on"})
SETTING_OF_VERB = frozenset({"at", "during", "following", "after", "on", "in", "amid", "throughout"})
ARGUMENT_PREPS = frozenset({"with", "between", "among", "to", "on", "by", "of", "from"})


@dataclass(frozen=True)
class Argument:
    role: str  # subject, object, with, between, to, on, by, of, modifier, possessor, governor_subject ...
    start: int  # character span of the argument's subtree
    end: int
    parts: tuple[tuple[int, int], ...] = ()  # spans of coordinated parts: 'A, B and C' -> A, B, C


@dataclass(frozen=True)
class Mention:
    """One trigger read from a parsed sentence."""

    token: Token
    trigger: vocab.Trigger
    type: str
    arguments: tuple[Argument, ...]
    planned: bool | None  # None when the parse does not say
    status_why: str
    setting: bool = False  # a visit named as the setting of another happening ("during his visit, ...")


@cache
def _by_lemma() -> dict[tuple[str, str], vocab.Trigger]:
    return {(t.lemma, t.pos): t for t in vocab.event_triggers()}


@cache
def candidate_pattern() -> re.Pattern:
    """Any surface form of a trigger: a sentence without one is not worth parsing."""
    forms = sorted({f for t in vocab.event_triggers() for f in t.forms}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b", re.IGNORECASE)


@cache
def _role_heads() -> frozenset[str]:
    words = {r.split()[-1].lower() for r in vocab.role_words()}
    return frozenset(words | {"counterpart", "counterparts", "delegation", "side", "leader", "leaders", "envoy",
                              "official", "officials", "government", "ministry", "head", "heads", "king",
                              "queen", "emir", "sultan", "premier", "chancellor", "ambassador", "ambassadors"})


def _pos(token: Token) -> str:
    return "VERB" if token.pos in ("VERB", "AUX") else "NOUN" if token.pos in ("NOUN", "PROPN") else token.pos


def arguments(a: SentenceAnalysis, tok: Token) -> tuple[Argument, ...]:
    """The phrases that say who took part (and where to), read from the parse."""
    out: list[Argument] = []

    def add(role: str, head: Token) -> None:
        sub = a.subtree(head.i)
        out.append(Argument(role, sub[0].start, sub[-1].end, conjuncts(a, head)))

    def from_children(node: Token, prefix: str = "") -> None:
        for c in a.children(node.i):
            if c.dep in ("nsubj", "nsubjpass", "csubj"):
                add(prefix + "subject", c)
            elif c.dep in ("dobj", "dative", "attr", "oprd"):
                add(prefix + "object", c)
            elif c.dep in ("poss",):
                add(prefix + "possessor", c)
            elif c.dep in ("amod", "compound", "nmod", "npadvmod") and c.i < node.i and node.pos != "VERB":
                add(prefix + "modifier", c)
            elif c.dep in ("prep", "agent") and c.lemma in ARGUMENT_PREPS:
                for p in a.children(c.i):
                    if p.dep == "pobj":
                        add(prefix + c.lemma, p)
            elif c.dep == "conj" and c.pos in ("NOUN", "PROPN") and node.pos != "VERB":
                from_children(c, prefix)

    from_children(tok)
    # a noun's arguments also hang on the verb that governs it: "X held talks with Y"
    node, hops = tok, 0
    while hops < 3 and node.dep in ("dobj", "nsubjpass", "pobj", "prep", "conj", "appos", "attr", "nsubj") \
            and node.head != node.i:
        node = a.tokens[node.head]
        hops += 1
        if node.pos in ("VERB", "AUX"):
            from_children(node, "governor_")
            break
    return tuple(g for g in out if not g.start <= tok.start < g.end)  # not a phrase holding the trigger


def conjuncts(a: SentenceAnalysis, head: Token) -> tuple[tuple[int, int], ...]:
    """Character spans of the coordinated parts of a phrase ('his Armenian counterpart,
    President X, and the ministers'): each conjunct's subtree without the conjuncts below it."""
    chain = [head]
    for tok in chain:
        chain.extend(c for c in a.children(tok.i) if c.dep == "conj" and c not in chain)
    if len(chain) < 2:
        return ()
    spans = []
    for part in chain:
        others = {t.i for c in a.children(part.i) if c.dep in ("conj", "cc", "punct") and c in chain or c.dep == "cc"
                  for t in a.subtree(c.i)}
        own = [t for t in a.subtree(part.i) if t.i not in others and t.dep not in ("cc",)
               and not (t.dep == "punct" and t.i > part.i)]
        own = [t for t in own if not any(t.i in {x.i for x in a.subtree(c.i)} for c in chain if c is not part
                                           and c.head == part.i)]
        if own:
            spans.append((own[0].start, own[-1].end))
    return tuple(sorted(spans))


def _span_has_party(a: SentenceAnalysis, arg: Argument, parties: list[tuple[int, int]]) -> bool:
    if any(arg.start <= s < arg.end or s <= arg.start < e for s, e in parties):
        return True
    if any(arg.start <= e.start < arg.end and e.label in PARTY_ENTITIES for e in a.entities):
        return True
    return any(arg.start <= t.start < arg.end and t.text.lower() in _role_heads() for t in a.tokens)


def _party_args(a, args, parties, roles) -> list[Argument]:
    return [g for g in args if g.role.removeprefix("governor_") in roles and _span_has_party(a, g, parties)]


def _has_phone_word(a: SentenceAnalysis, tok: Token) -> bool:
    near = [t for t in a.tokens if abs(t.i - tok.i) <= 4]
    return any(t.lemma in PHONE_WORDS for t in near)


# ---- the rules a trigger's arguments must pass; each returns the event type or None ----

def rule_with_party(a, tok, args, parties, trigger):
    """'spoke with X', 'talked by phone with X', 'negotiated with X'."""
    if _party_args(a, args, parties, {"with", "between", "among"}) or (
            trigger.lemma == "speak" and _party_args(a, args, parties, {"to"}) and _has_phone_word(a, tok)):
        if trigger.lemma == "talk":
            return "phone_call" if _has_phone_word(a, tok) else "talks"
        if trigger.lemma == "conversation":
            return "phone_call" if _has_phone_word(a, tok) else "talks"
        return trigger.type
    if trigger.lemma == "conversation" and _has_phone_word(a, tok):
        return "phone_call"
    return None


def rule_party(a, tok, args, parties, trigger):
    """'met X', 'X and Y met', 'phoned X'."""
    found = _party_args(a, args, parties, {"subject", "object", "with", "between"})
    return trigger.type if found else None


def rule_call_verb(a, tok, args, parties, trigger):
    """'called on the President' is a courtesy call; 'called his counterpart' a phone call."""
    if _party_args(a, args, parties, {"on"}):
        return "meeting"
    if any(c.dep in ("prep",) and c.lemma in ("for", "upon") for c in a.children(tok.i)):
        return None
    if _party_args(a, args, parties, {"object"}) and not any(c.dep in ("oprd", "xcomp", "ccomp") for c in a.children(tok.i)):
        return "phone_call"
    return None


def rule_call_noun(a, tok, args, parties, trigger):
    """'a phone call with X', 'separate calls with his counterparts', 'a courtesy call on X'."""
    if any(t.lemma == "courtesy" for t in a.children(tok.i)):
        return "meeting"
    if _has_phone_word(a, tok) or _party_args(a, args, parties, {"with", "between"}):
        return "phone_call"
    return None


def rule_phone_word(a, tok, args, parties, trigger):
    """'made a phone contact with X'."""
    return "phone_call" if _has_phone_word(a, tok) else None


def rule_person_object(a, tok, args, parties, trigger):
    """'received the Ambassador', 'hosted his counterpart' (not 'received a letter')."""
    return trigger.type if _party_args(a, args, parties, {"object"}) else None


def rule_visitor_object(a, tok, args, parties, trigger):
    return rule_person_object(a, tok, args, parties, trigger)


def rule_named_dialogue(a, tok, args, parties, trigger):
    """'the Strategic Partnership Dialogue', 'a strategic dialogue between X and Y' (not
    'dialogue and cooperation' in the abstract)."""
    if tok.text[:1].isupper() and tok.i > 0:
        return trigger.type
    mods = {c.lemma for c in a.children(tok.i) if c.dep in ("amod", "compound")}
    if mods & {"strategic", "bilateral", "political", "security", "economic", "ministerial", "round"}:
        return trigger.type
    return trigger.type if _party_args(a, args, parties, {"between", "with"}) else None


def rule_place_or_party(a, tok, args, parties, trigger):
    """'visited Japan', 'X visits Y'."""
    if _party_args(a, args, parties, {"object", "to"}) or any(
            g.role == "object" and any(g.start <= e.start < g.end and e.label in ("GPE", "LOC", "FAC")
                                       for e in a.entities) for g in args):
        return trigger.type
    return None


def rule_plural(a, tok, args, parties, trigger):
    """'talks' (the plural noun), not 'a talk'."""
    return trigger.type if tok.text.lower().endswith("s") else None


def rule_trip(a, tok, args, parties, trigger):
    return trigger.type if any(g.role in ("to",) for g in args) else None


def rule_arrival(a, tok, args, parties, trigger):
    """'arrived in Brasília' (a visit's start); not 'arrived at a consensus'."""
    for c in a.children(tok.i):
        if c.dep == "prep" and c.lemma in ("in", "at"):
            objs = [p for p in a.children(c.i) if p.dep == "pobj"]
            if any(any(p.start <= e.start < p.end + 40 and e.label in ("GPE", "LOC") for e in a.entities)
                   for p in objs):
                return trigger.type
    return None


def rule_travel(a, tok, args, parties, trigger):
    return trigger.type if _party_args(a, args, parties, {"to"}) else None


def rule_named_meeting(a, tok, args, parties, trigger):
    """'the Foreign Ministers' Retreat': a retreat of officials, named."""
    return trigger.type if tok.text[:1].isupper() or _party_args(a, args, parties, {"modifier", "possessor", "of"}) else None


def rule_commission_session(a, tok, args, parties, trigger):
    """'the 7th session of the Joint Commission', 'the Joint Committee met' (not 'the
    European Commission said')."""
    if tok.lemma == "session":
        return trigger.type if any(t.lemma in ("commission", "committee", "council") for t in a.subtree(tok.i)) \
            else None
    mods = {c.lemma for c in a.children(tok.i) if c.dep in ("amod", "compound")}
    if mods & {"joint", "intergovernmental", "bilateral", "permanent", "cooperation", "coordination", "mixed"}:
        return trigger.type
    return None


RULES = {
    "with_party": rule_with_party, "party": rule_party, "call_verb": rule_call_verb, "call_noun": rule_call_noun,
    "phone_word": rule_phone_word, "person_object": rule_person_object, "visitor_object": rule_visitor_object,
    "named_dialogue": rule_named_dialogue, "place_or_party": rule_place_or_party, "trip": rule_trip,
    "arrival": rule_arrival, "travel": rule_travel, "named_meeting": rule_named_meeting,
    "commission_session": rule_commission_session, "plural": rule_plural,
}


def read_mentions(a: SentenceAnalysis, parties: list[tuple[int, int]]) -> list[Mention]:
    """Every trigger token of a parsed sentence whose arguments pass its rule.
    ``parties``: character spans of people, states and groups found in the sentence."""
    out = []
    for tok in a.tokens:
        trigger = _by_lemma().get((tok.lemma, _pos(tok)))
        if trigger is None:
            continue
        args = arguments(a, tok)
        type_ = RULES[trigger.rule](a, tok, args, parties, trigger) if trigger.rule else trigger.type
        if type_ is None or _aim_not_happening(a, tok) or _apposition_of_trigger(a, tok):
            continue
        planned, why = status(a, tok)
        out.append(Mention(tok, trigger, type_, args, planned, why, setting=_is_setting(a, tok)))
    return out


def _apposition_of_trigger(a: SentenceAnalysis, tok: Token) -> bool:
    """'a state visit, his first bilateral meeting of the year': the second noun renames the
    first, it is no second event."""
    if tok.dep != "appos" or tok.head == tok.i:
        return False
    return is_trigger_word(a.tokens[tok.head])


def _aim_not_happening(a: SentenceAnalysis, tok: Token) -> bool:
    """'agreed to enhance bilateral dialogue': the noun is what they want more of."""
    if _pos(tok) != "NOUN" or tok.dep not in ("dobj", "conj"):
        return False
    node = tok
    while node.dep == "conj" and node.head != node.i:
        node = a.tokens[node.head]
    gov = a.tokens[node.head]
    return gov.lemma in ABSTRACT_GOVERNORS


@cache
def _happening_verbs() -> frozenset[str]:
    """Verbs that report a happening of their own, so a visit around them is its setting."""
    return frozenset({t.lemma for t in vocab.event_triggers() if t.pos == "VERB"} |
                     {"discuss", "hold", "attend", "chair", "co-chair", "engage", "exchange", "conclude", "agree",
                      "address", "lay", "tour", "open", "inaugurate"})


@cache
def _holding_verbs() -> frozenset[str]:
    """Verbs whose subject, an event noun, takes place: 'the talks will take place', 'the
    summit will open', 'the meeting will be held', 'the visit will last two days'."""
    return _happening_verbs() | {"take", "be", "convene", "open", "begin", "start", "close", "resume", "last",
                                 "run", "continue", "follow", "come", "gather", "bring", "focus", "feature",
                                 "see", "mark", "coincide"}


def is_trigger_word(tok: Token) -> bool:
    """True when the token's lemma and part of speech are a row of the trigger table."""
    return (tok.lemma, _pos(tok)) in _by_lemma()


def _is_setting(a: SentenceAnalysis, tok: Token) -> bool:
    """A visit or trip reached from a verb through 'during', 'as part of', 'on the second
    day of', 'prior to', 'ahead of', 'in the course of': the setting of that verb's event."""
    if tok.lemma not in ("visit", "trip") or _pos(tok) != "NOUN":
        return False
    node, preps, hops = tok, [], 0
    while node.head != node.i and hops < 5:
        parent = a.tokens[node.head]
        if node.dep == "pobj" and parent.dep in ("prep", "advmod", "pcomp") or parent.dep == "prep":
            preps.append(parent.lemma)
        node = parent
        hops += 1
        if node.pos in ("VERB", "AUX"):
            break
    if not preps or node.pos not in ("VERB", "AUX") or node.lemma not in _happening_verbs():
        return False
    outer = preps[-1]
    if outer in ("in", "on"):  # 'in the course of', 'on the second day of', 'on the sidelines of'
        return len(preps) >= 2 and preps[-2] == "of"
    return outer in SETTING_PREPS


# ---- status from tense, aspect and modality ----

def _aux(a: SentenceAnalysis, verb: Token) -> list[Token]:
    return [c for c in a.children(verb.i) if c.dep in ("aux", "auxpass")]


def _verb_status(a: SentenceAnalysis, verb: Token) -> tuple[bool | None, str]:
    auxes = _aux(a, verb)
    lemmas = {x.lemma for x in auxes}
    if lemmas & {"will", "shall"}:
        return True, f"'{' '.join(x.text for x in auxes)} {verb.text}': future"
    if lemmas & {"would", "may", "might", "could"} and verb.tag == "VB":
        modal = next(x.text for x in auxes if x.lemma in ("would", "may", "might", "could"))
        return True, f"'{modal} {verb.text}': future or possible"
    if "to" in lemmas and verb.head != verb.i:
        gov = a.tokens[verb.head]
        if gov.lemma in FUTURE_GOVERNORS or gov.lemma == "be" and gov.tag in ("VBZ", "VBP", "VB"):
            return True, f"'{gov.text} to {verb.text}': intended"
        if gov.tag in ("VBD", "VBN") and gov.lemma not in FUTURE_GOVERNORS:
            return False, f"'{gov.text} to {verb.text}': done"
    if verb.lemma in FUTURE_GOVERNORS and verb.lemma not in ("look", "hope", "wish", "urge", "seek") \
            and verb.tag in ("VBN",) and lemmas & {"be", "is", "are"}:
        return True, f"'{verb.text}': scheduled"
    if verb.tag in ("VBD",) or verb.tag == "VBN" and lemmas & {"have", "be"} and not lemmas & {"will", "to"}:
        return False, f"'{verb.text}': past tense"
    if verb.tag == "VBZ" and verb.dep == "ROOT" and a.start == 0:
        return None, ""
    return None, ""


def status(a: SentenceAnalysis, tok: Token) -> tuple[bool | None, str]:
    """(planned?, why) for a trigger token; None when tense and modality do not say."""
    for c in a.children(tok.i):
        if c.dep in ("amod", "compound") and c.lemma in FUTURE_MODIFIERS:
            return True, f"'{c.text} {tok.text}'"
        if c.dep in ("amod",) and c.lemma in PAST_MODIFIERS:
            return False, f"'{c.text} {tok.text}'"
    if _pos(tok) == "VERB":
        planned, why = _verb_status(a, tok)
        if planned is not None:
            return planned, why
    node, hops, through_setting = tok, 0, False
    while node.head != node.i and hops < 4:
        prev, node = node, a.tokens[node.head]
        hops += 1
        if node.dep == "prep" and node.lemma in SETTING_OF_VERB and _pos(tok) == "NOUN":
            through_setting = True
        if node.pos in ("VERB", "AUX") and through_setting and node.lemma not in _happening_verbs():
            return None, ""  # 'agreed to cooperate at the Dialogue': the event is the setting, not the aim
        if node.pos in ("VERB", "AUX") and prev.dep in ("nsubj", "nsubjpass") and prev.i == tok.i \
                and node.lemma not in _holding_verbs():
            return None, ""  # 'the Commission will serve as ...': what it will do, not that it takes place
        if node.pos in ("VERB", "AUX"):
            planned, why = _verb_status(a, node)
            if planned is not None:
                return planned, why
            if node.lemma in FUTURE_GOVERNORS and node.lemma not in ("agree",) and node.tag != "VBD":
                return True, f"'{node.text} ... {tok.text}'"
            if node.dep in ("ROOT",):
                break
    return None, ""
