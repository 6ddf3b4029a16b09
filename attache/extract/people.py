"""People in a sentence: full name as written, title as written, state.

Rules for this genre, with spaCy's NER as a second opinion for names without a title:
- a title before the name: "the Deputy Prime Minister, Minister of Foreign Affairs of
  Turkmenistan, Rashid Meredov", "Kazakh President Kassym-Jomart Tokayev";
- a title after it: "Ken Saito, the Minister of Economy, Trade and Industry of Japan";
- the state from the title ("of Japan", "Japanese Foreign Ministry"), a demonym before it
  ("Turkmen Foreign Minister"), or "the X side" earlier in the sentence;
- a later "Meredov" or "M. Nurtleu" is the same person as an earlier "Rashid Meredov".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from attache import vocab
from attache.extract.dates import MONTHS, WEEKDAYS
from attache.extract.lexicon import find_countries, role_pattern

_TOKEN = (r"(?:\p{Lu}\p{Ll}*(?:['’]\p{Lu}\p{Ll}+)+(?:-\p{L}\p{Ll}+)*"  # O'Sullivan, D'Souza
          r"|\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)*|\p{Lu}\.|\p{Lu}\p{Ll}*\p{Lu}\p{Ll}+)")
_PARTICLE = r"(?:bin|ibn|binti|al|el|de|da|di|van|von|der|del|la|le|ul|uddin)"
NAME = regex.compile(rf"(?<![\w.])(?:{_TOKEN})(?:[ \u00a0](?:(?:{_PARTICLE}|Al|Bin)[ -])?(?:{_TOKEN})){{0,7}}(?:’s|'s)?(?![\w])")
# words before a name that are a form of address rather than an office
HONORIFICS = frozenset({"Sheikh", "Sheikha", "Prince", "Princess", "His Highness Sheikh", "Her Highness Sheikha",
                        "His Highness", "Her Highness", "His Excellency", "Her Excellency", "H.E.", "Dr.", "Mr.", "Ms."})
_TRAILING_HONORIFIC = re.compile(r"(?:,?\s+(?:Mr|Mrs|Ms|Dr|Madam|Mme|Sir|H\.E|Sheikh|Sheikha|Prince|Princess|"
                                 r"His Highness|Her Highness|His Excellency|Her Excellency)\.?)+$")
_LOWER_TITLE_WORDS = ("foreign|affairs|defence|defense|economy|economic|finance|trade|interior|justice|energy|health|"
                      "education|culture|agriculture|transport|industry|investment|commerce|labour|labor|"
                      "development|international|cooperation|national|security|state")
_STRETCH_FWD = regex.compile(r"^[ \u00a0]*,[ \u00a0]*(?:the[ \u00a0]+)?(?:(?:new|newly appointed|newly-appointed|incoming|outgoing|current|acting)[ \u00a0]+)?((?:(?:\p{Lu}[\w'’.]*(?:-\p{L}[\w'’]*)*|of|the|for|on|and(?=[ \u00a0]\p{Lu})|,(?=[ \u00a0]\p{Lu}))[ \u00a0]*)+)")
_COUNTERPART = regex.compile(r"\b(?:his|her|their|the)[ \u00a0]+(?:(\p{Lu}[\w-]+)[ \u00a0]+)?counterparts?,?[ \u00a0]+$")
_LED_BY = re.compile(r"\b(?:[A-Z][\w-]+\s+)?delegation\b[^.;]{0,160}?\b(?P<verb>led by|headed by)\b[^.;,]{0,120}$")
_LED_DIRECT = regex.compile(r"\b(?:headed|led|chaired|co-chaired|represented) by[ \u00a0]+$")
_SIDE = re.compile(r"\b(?:the|from the)\s+(\w+)\s+side\b", re.IGNORECASE)


@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    title: str | None = None
    country: str | None = None
    why: list[str] = field(default_factory=list)
    title_end: int = 0  # where a title written after the name ends

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@lru_cache(maxsize=None)
def stop_tokens() -> frozenset[str]:
    words = set(vocab.name_stopwords())
    for role in (*vocab.role_words(), *vocab.title_modifiers()):
        words.update(role.replace("-", " ").split())
        words.add(role)
    for name in (*vocab.country_names(), *vocab.demonyms()):
        words.update(name.split())
    words.update(m.capitalize() for m in MONTHS)
    words.update(d.capitalize() for d in WEEKDAYS)
    return frozenset(words)


def _clean_name(raw: str) -> str:
    name = re.sub(r"(?:’s|'s)$", "", raw)
    return name.strip()


def _bare(token: str) -> str:
    return re.sub(r"(?:'s|’s|\.)$", "", token)


def name_candidates(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of capitalized tokens that could be a person's name (not yet accepted)."""
    stops = stop_tokens()
    out = []
    for m in NAME.finditer(text, start, end):
        tokens = _clean_name(m.group(0)).split()
        # cut stop words off both ends ("Minister Rashid Meredov" -> "Rashid Meredov")
        lo, hi = 0, len(tokens)
        while lo < hi and (tokens[lo] in stops or _bare(tokens[lo]) in stops):
            lo += 1
        while hi > lo and tokens[hi - 1] in stops:
            hi -= 1
        if lo >= hi:
            continue
        kept = tokens[lo:hi]
        inner = [i for i, t in enumerate(kept) if t in stops or _bare(t) in stops]
        if inner:  # "Bilateral Relations Lourdes Manalo-Bautista": the name follows the last stop word
            lo += inner[-1] + 1
            kept = tokens[lo:hi]
            if not kept:
                continue
        if kept[-1].endswith(".") or kept[-1].lower() in (_PARTICLE.strip("(?:)").split("|")):
            continue
        s = m.start() + len(" ".join(tokens[:lo])) + (1 if lo else 0)
        name = " ".join(kept)
        out.append((s, s + len(name), name))
    return out


@lru_cache(maxsize=None)
def _stretch_back() -> regex.Pattern:
    """Words a title is made of, read backwards from a name: capitalized words, connectors,
    and title words in lower case ('Kazakh foreign minister Murat ...')."""
    lower = "|".join(sorted({w.lower() for r in (*vocab.role_words(), *vocab.title_modifiers())
                             for w in r.replace("-", " ").split() if w.isalpha()}, key=len, reverse=True))
    word = rf"(?:\p{{Lu}}[\w'’.]*(?:-\p{{L}}[\w'’]*)*|(?:{lower}|{_LOWER_TITLE_WORDS})(?:-\w+)?(?![\w'’]))"
    return regex.compile(rf"((?:(?:{word}|of|the|for|and|on|de|at(?= the)|to(?=[ \u00a0]+(?:the[ \u00a0]+)?\p{{Lu}})|,|-|–|—)[ \u00a0]*)+)$")


@lru_cache(maxsize=None)
def _role_any_case() -> regex.Pattern:
    return regex.compile(role_pattern().pattern, regex.IGNORECASE)


def _ends_with_role(title: str) -> bool:
    """'Deputy Foreign Minister' (then a surname) rather than '... Cabinet of' (then 'Ministers')."""
    return bool(regex.search(rf"(?:{role_pattern().pattern})$", title, regex.IGNORECASE))


def title_before(text: str, lo: int, name_start: int) -> tuple[str, int] | None:
    """The title written right before a name, and where it starts."""
    m = _stretch_back().search(text[lo:name_start])
    if not m:
        return None
    stretch_start = lo + m.start(1)
    stretch = text[stretch_start:name_start]
    joint = stretch.rfind(", and ")
    if joint >= 0:  # "X, Deputy Minister of A, and Y": Y's title starts after the list's "and"
        stretch_start += joint + len(", and ")
        stretch = text[stretch_start:name_start]
    role = _role_any_case().search(stretch)
    if not role:
        return None
    title = stretch[role.start():].rstrip(" ,-–—\u00a0")
    title = _TRAILING_HONORIFIC.sub("", title)
    if not title or len(title) > 200:
        return None
    return title, stretch_start + role.start()


def title_after(text: str, name_end: int, hi: int) -> tuple[str, int] | None:
    m = _STRETCH_FWD.match(text[name_end:hi])
    if not m:
        return None
    stretch = m.group(1)
    role = role_pattern().match(stretch)
    if not role:
        return None
    title = stretch.rstrip(" ,.\u00a0")
    title = re.sub(r"\s+(?:and|the|of|for|on)$", "", title)
    return title, name_end + m.start(1)


def split_title_country(text: str, title: str, title_start: int) -> tuple[str, str | None, str]:
    """Take the state out of a title: ('Minister of Foreign Affairs of Turkmenistan') ->
    ('Minister of Foreign Affairs', 'TM'); a demonym just before the title counts too."""
    countries = find_countries(text, title_start, title_start + len(title))
    code = countries[0].code if countries else None
    why = f"title names '{countries[0].text}'" if countries else ""
    # strip a trailing "of (the) <country>" and a leading demonym
    for c in reversed(countries):
        tail = re.search(rf"\s+of\s+(?:the\s+)?{re.escape(c.text)}$", title)
        if tail:
            title = title[: tail.start()]
            break
    lead = re.match(r"^(?:\w+[ -])?", title)
    if countries and countries[0].start == title_start and countries[0].kind == "demonym" and lead:
        title = title[len(countries[0].text):].lstrip(" -")
    return title.strip(" ,"), code, why


def demonym_before(text: str, lo: int, pos: int) -> tuple[str, str] | None:
    """'Turkmen' in 'Turkmen Foreign Minister' or "Kazakh President" right before a title."""
    m = re.search(r"([A-Z][\w-]+)(?:'s|’s)?[ \u00a0]+$", text[lo:pos])
    if not m:
        return None
    word = m.group(1)
    code = vocab.demonyms().get(word) or vocab.country_names().get(word)
    return (code, word) if code else None


def find_people(text: str, start: int, end: int, known: list[PersonMention],
                ner_people: list[tuple[int, int]] | None = None) -> list[PersonMention]:
    """People mentioned in text[start:end]. ``known`` are people already accepted earlier in
    the document (for surname-only and initial references); ``ner_people`` are spaCy PERSON
    spans for this sentence when NER was run."""
    out: list[PersonMention] = []
    last_end = start
    for s, e, name in name_candidates(text, start, end):
        mention = _read_person(text, start, end, s, e, name, last_end, known + out, ner_people)
        if mention is not None:
            out.append(mention)
            last_end = max(mention.end, mention.title_end)
    return out


def _same(a: str, b: str) -> bool:
    ta, tb = a.replace(".", " ").split(), b.replace(".", " ").split()
    if ta[-1] != tb[-1]:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    return ta[0][0] == tb[0][0]


def _read_person(text, lo, hi, s, e, name, last_end, known, ner_people) -> PersonMention | None:
    tokens = name.split()
    previous = next((k for k in reversed(known) if _same(k.name, name)), None)
    before = title_before(text, max(lo, last_end), s)
    after = None if before and before[0] not in HONORIFICS else title_after(text, e, hi)
    if after:
        before = None
    on_ner = bool(ner_people) and any(ns <= s and e <= ne for ns, ne in ner_people)
    counterpart = _COUNTERPART.search(text, max(lo, last_end, s - 60), s) or _LED_DIRECT.search(
        text, max(lo, last_end, s - 40), s)
    if len(tokens) == 1 or tokens[0].endswith("."):
        if previous is None and not (before and _ends_with_role(before[0])):
            return None  # a lone surname or initial form names someone already met, or follows a title
    elif not (before or after or on_ner or previous or counterpart):
        return None
    full = previous.name if previous and len(previous.name) > len(name) else name
    mention = PersonMention(full, s, e)
    if previous and full != name:
        mention.why.append(f"'{name}' refers to {previous.name}")
    title_info = before or after
    if title_info:
        title, tstart = title_info
        if after:
            mention.title_end = tstart + len(title)
        title, code, why = split_title_country(text, title, tstart)
        mention.title = title or None
        if code:
            mention.country = code
            mention.why.append(why)
        if mention.country is None:
            d = demonym_before(text, max(lo, last_end), tstart)
            if d:
                mention.country, word = d
                mention.why.append(f"demonym '{word}' before the title")
        mention.why.append(f"title '{title}' {'before' if before else 'after'} the name")
    elif counterpart:
        word = counterpart.group(1) if counterpart.re is _COUNTERPART else None
        code = vocab.demonyms().get(word or "") or vocab.country_names().get(word or "")
        if code:
            mention.country = code
        mention.why.append(f"'{counterpart.group(0).strip()}' before the name")
    else:
        mention.why.append("spaCy PERSON" if on_ner else "named earlier")
    if mention.country is None:
        led = _LED_BY.search(text, max(lo, last_end, s - 250), s)
        if led:
            verb = "verb"
            found = find_countries(text, led.start(), led.start(verb))
            if found:
                mention.country = found[-1].code
                mention.why.append(f"'{found[-1].text}' delegation {led.group(verb)}")
    if mention.country is None:
        sides = [m for m in _SIDE.finditer(text, lo, s)]
        if sides:
            word = sides[-1].group(1)
            code = vocab.demonyms().get(word) or vocab.country_names().get(word)
            if code:
                mention.country = code
                mention.why.append(f"'the {word} side'")
    if previous is not None:
        mention.title = mention.title or previous.title
        mention.country = mention.country or previous.country
    return mention
