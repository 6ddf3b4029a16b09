"""People in a sentence: full name as written, title as written, state.

A person is a run of name-like tokens (name_candidates) that some evidence makes a person;
each step below is an ordered list of small named rules over the vocabularies in
attache/data (titles.txt, title_modifiers.txt, name_stopwords.txt):

- candidates: capitalized words, initials with or without a dot ("S. Jaishankar", "R Kumar",
  "K.P. Sharma Oli"), a surname in capitals ("TANAKA Kenji"), particles ("bin", "al-", "de",
  "van der"), hyphens, a quoted nickname, "Jr."; forms of address ("H.E. Mr.", "Dr.", "Hon.")
  and a possessive's tail ("X's Telephone Call") are left out;
- evidence: a title before ("Kazakh President Kassym-Jomart Tokayev") or after ("Ken Saito,
  the Minister of Economy ..."), someone named earlier ("Meredov", "M. Nurtleu"), a form of
  address, spaCy's PERSON span, "his X counterpart", "led by", "(Country)" after a name;
- the state: from the title ("of Japan", "X's Foreign Minister", "Ambassador of X to Y" is X,
  never the Y of "to Y"), a demonym before it, "(Algeria)" after the name, the delegation
  led by, "the X side"; nothing is guessed beyond that;
- not a participant: spokespeople, press officers, reporters, analysts, bylines and briefers
  stay in the output but carry ``not_participant_reason``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from attache import vocab
from attache.extract.dates import MONTHS, WEEKDAYS
from attache.extract.lexicon import find_countries, fold_text, role_pattern

_SP = r"[ \u00a0]"
_TOKEN = (r"(?:[“\"]\p{Lu}[\p{L}'’-]+[”\"]"  # a quoted nickname: Joko “Jokowi” Widodo
          r"|(?:\p{Lu}\.){2,3}"  # joint initials: K.P.
          r"|(?:Ma|Md|Mohd|Muhd)\."  # abbreviated given names: Ma. Teresita, Md. Hossain
          r"|(?:Jr|Sr)\.?"
          r"|\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{Lu}[\p{Ll}\p{M}]+)+(?:-\p{L}[\p{Ll}\p{M}]+)*"  # O'Sullivan, D'Souza
          r"|\p{Lu}[\p{Ll}\p{M}]*\p{Lu}[\p{Ll}\p{M}]+"  # McDonald, DeSantis
          r"|\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{L}[\p{Ll}\p{M}'’]+)*"
          r"|\p{Lu}{2,}(?:-\p{Lu}{2,})*(?![\p{Ll}\p{M}])"  # a surname in capitals: TANAKA
          r"|\p{Lu}\."  # an initial: S.
          rf"|\p{{Lu}}(?={_SP}\p{{Lu}}))")  # a bare initial: R Kumar
_PARTICLES = ("bin", "binti", "bint", "ibn", "al", "el", "ad", "as", "de", "da", "das", "do", "dos", "du", "di",
              "della", "dei", "van", "von", "der", "den", "del", "la", "le", "ter", "ten", "ul", "uddin", "y")
_PARTICLE = "(?:" + "|".join(_PARTICLES) + ")"
NAME = regex.compile(rf"(?<![\w.’'])(?:{_TOKEN})(?:{_SP}(?:(?:{_PARTICLE}|Al|Bin){_SP.replace(']', '-]')}){{0,2}}"
                     rf"(?:{_TOKEN})){{0,7}}(?:’s|'s|’)?(?![\w])")
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
_LOWER_TITLE_WORDS = ("foreign|affairs|defence|defense|economy|economic|finance|trade|interior|justice|energy|health|"
                      "education|culture|agriculture|transport|industry|investment|commerce|labour|labor|"
                      "development|international|cooperation|national|security|state|external|permanent|"
                      "senior|deputy|ministry|republic")
_COUNTERPART = regex.compile(r"\b(?:his|her|their|the)[ \u00a0]+(?:(\p{Lu}[\w-]+)[ \u00a0]+)?counterparts?,?[ \u00a0]+$")
_LED_BY = re.compile(r"\b(?:[A-Z][\w-]+\s+)?delegation\b[^.;]{0,160}?\b(?P<verb>led by|headed by)\b[^.;,]{0,120}$")
_LED_DIRECT = regex.compile(r"\b(?:headed|led|chaired|co-chaired|represented) by[ \u00a0]+$")
_SIDE = re.compile(r"\b(?:the|from the)\s+(\w+)\s+side\b", re.IGNORECASE)
_NOT_OWN_STATE = re.compile(r"(?:\bto|\bin|\bfor|\bwith|\bat|\bon|\bacross)\s+(?:the\s+)?$")
_WHO_WAS = (r"(?:who[ \u00a0]+(?:is|was|has[ \u00a0]+been)[ \u00a0]+(?:(?:recently|newly|just)[ \u00a0]+)?"
            r"(?:(?:appointed|named|designated)[ \u00a0]+)?(?:as[ \u00a0]+)?)?")
_BRIEFING = re.compile(r"\b(?:told|briefed)\s+(?:reporters|journalists|the\s+media|the\s+press|a\s+(?:\w+\s+)?"
                       r"(?:news|press)\s+(?:conference|briefing))|\bat\s+a\s+(?:\w+\s+)?(?:news|press|media)\s+"
                       r"(?:briefing|conference)", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:(?:written|reported|reporting|edited|editing|compiled)\s+by|by)\s+", re.IGNORECASE)


@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    title: str | None = None
    country: str | None = None
    why: list[str] = field(default_factory=list)
    title_end: int = 0  # where a title written after the name ends
    honorific: str | None = None  # the form of address written before the name and left out ("H.E. Mr.")
    # why this person reports, briefs or comments rather than takes part ("spokesperson",
    # "reporter", "author", "briefer", ...); None for a possible participant
    not_participant_reason: str | None = None

    @property
    def surname(self) -> str:
        return _surname(self.name.split())

    @property
    def is_participant(self) -> bool:
        return self.not_participant_reason is None


# ---- vocabularies ----


def _section(name: str, marker: str) -> tuple[str, ...]:
    """The lines of a data file after a '# [marker]' comment (up to the next '# [' one)."""
    out, inside = [], False
    for line in (vocab.DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("# ["):
            inside = line.startswith(f"# [{marker}]")
            continue
        if inside and line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def honorifics() -> tuple[str, ...]:
    """Forms of address, longest first ('His Royal Highness' before 'His Highness')."""
    return tuple(sorted(set(_section("name_stopwords.txt", "honorifics")), key=len, reverse=True))


@cache
def not_participant_roles() -> tuple[str, ...]:
    return tuple(sorted(set(_section("titles.txt", "not participants")), key=len, reverse=True))


@cache
def _honorific_run() -> regex.Pattern:
    """One or more forms of address ending right where a name starts."""
    alt = "|".join(re.escape(h).replace(r"\ ", "[ \u00a0]+") for h in honorifics())
    return regex.compile(rf"(?<![\w.])((?:(?:{alt})(?![\w])[ \u00a0,]*)+)$")


@cache
def _trailing_honorific() -> regex.Pattern:
    alt = "|".join(re.escape(h.rstrip(".")).replace(r"\ ", r"\s+") for h in honorifics())
    return regex.compile(rf"(?:,?\s+(?:{alt})\.?)+$")


HONORIFICS = frozenset(honorifics())


@cache
def stop_tokens() -> frozenset[str]:
    words = set(vocab.name_stopwords())
    for phrase in honorifics():
        words.update(phrase.split())
    for role in (*vocab.role_words(), *vocab.title_modifiers()):
        words.update(role.replace("-", " ").split())
        words.add(role)
    # one-word states only: the words of "Saint Martin" or "Tristan da Cunha" are names too
    # (a run is cut at a whole state name of several words, _split_at_states)
    words.update(name for name in (*vocab.country_names(), *vocab.demonyms()) if " " not in name)
    words.update(d + "s" for d in vocab.demonyms() if not d.endswith("s"))  # "Moroccans Abroad"
    for org in vocab.organizations():
        for form in (org.display, *org.aliases):
            if " " not in form:
                words.add(form)
    words.update(m.capitalize() for m in MONTHS)
    words.update(d.capitalize() for d in WEEKDAYS)
    return frozenset(words)


# ---- candidates ----


@lru_cache(maxsize=100_000)
def _bare(token: str) -> str:
    return re.sub(r"(?:'s|’s|’|\.)$", "", token)


@lru_cache(maxsize=100_000)
def _is_caps(token: str) -> bool:
    return len(_bare(token)) >= 2 and _bare(token).replace("-", "").isupper()


@lru_cache(maxsize=100_000)
def _is_stop(token: str) -> bool:
    stops = stop_tokens()
    if regex.fullmatch(r"\p{Lu}\.", token):  # an initial ("Bukar A. Ibrahim"), not the article "A"
        return False
    bare = _bare(token)
    if token in stops or bare in stops:
        return True
    if "-" in bare and all(part in stops or part.title() in stops or part in ("in", "of")
                           for part in bare.split("-") if part):  # "Vice-Chairman", "Chairperson-in-Office"
        return True
    if _is_caps(token):  # "PRESIDENT", "JAKARTA", "ASEAN"
        return bare.title() in stops or bare.title() in _places() or bare in _SUFFIXES
    return False


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    try:
        return frozenset(vocab.places())
    except Exception:  # pragma: no cover - place data missing
        return frozenset()


def _is_initial(token: str) -> bool:
    return bool(regex.fullmatch(r"\p{Lu}\.?|(?:\p{Lu}\.){2,3}|(?:Ma|Md|Mohd|Muhd)\.", token))


def _is_quoted(token: str) -> bool:
    return token[:1] in "“\""


def _surname(tokens: list[str]) -> str:
    """'TANAKA' in 'TANAKA Kenji'; else the last token that is no suffix ('Marcos' in 'Marcos Jr.')."""
    caps = [t for t in tokens if _is_caps(t) and t not in _SUFFIXES]
    if caps and len(caps) < len(tokens):
        return caps[0]
    core = [t for t in tokens if t not in _SUFFIXES and not _is_quoted(t)] or tokens
    return core[-1]


def _split_at_possessives(tokens: list[str]) -> list[tuple[int, int]]:
    """"Vivian Balakrishnan's Telephone Call", "Egypt's Foreign Minister Sameh Shokri": a run of
    capitalized words ends at a possessive; what follows is another run."""
    out, lo = [], 0
    for i, t in enumerate(tokens):
        if not _is_quoted(t) and re.search(r"(?:'s|’s|’)$", t):
            out.append((lo, i + 1))
            lo = i + 1
    if lo < len(tokens):
        out.append((lo, len(tokens)))
    return out


@cache
def _state_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word state names and demonyms by their first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for n in (*vocab.country_names(), *vocab.demonyms()):
        if " " in n:
            by_first.setdefault(n.split()[0], []).append(tuple(n.split()))
    return {w: tuple(sorted(set(ph), key=len, reverse=True)) for w, ph in by_first.items()}


def _split_at_states(tokens: list[str]) -> list[tuple[int, int]]:
    """'South Africa Cyril Ramaphosa': a run is cut where a state's name of several words stands."""
    out, lo, i = [], 0, 0
    bare = [fold_text(_bare(t) if j == len(tokens) - 1 else t) for j, t in enumerate(tokens)]  # 'Việt Nam'
    while i < len(tokens):
        hit = next((len(ph) for ph in _state_phrases().get(bare[i], ()) if tuple(bare[i:i + len(ph)]) == ph), 0)
        if hit:
            if lo < i:
                out.append((lo, i))
            i += hit
            lo = i
        else:
            i += 1
    if lo < len(tokens):
        out.append((lo, len(tokens)))
    return out


# Each rule takes the candidate's tokens and returns the (lo, hi) slice to keep, or None to drop it.
def _cut_stop_ends(tokens: list[str]) -> tuple[int, int] | None:
    """'Minister Rashid Meredov' -> 'Rashid Meredov'; 'Meredov Foreign Ministry' -> 'Meredov'."""
    lo, hi = 0, len(tokens)
    while lo < hi and (_is_stop(tokens[lo]) or tokens[lo] in _SUFFIXES):
        lo += 1
    while hi > lo and _is_stop(tokens[hi - 1]):
        hi -= 1
    return (lo, hi) if lo < hi else None


def _after_last_inner_stop(tokens: list[str]) -> tuple[int, int] | None:
    """'Bilateral Relations Lourdes Manalo-Bautista': the name follows the last stop word."""
    inner = [i for i, t in enumerate(tokens) if _is_stop(t)]
    lo = inner[-1] + 1 if inner else 0
    return (lo, len(tokens)) if lo < len(tokens) else None


def _caps_only_with_a_name(tokens: list[str]) -> tuple[int, int] | None:
    """A word in capitals is a surname only beside a written name ('TANAKA Kenji'), never alone
    ('ASEAN', a headline in capitals)."""
    if all(_is_caps(t) or _is_initial(t) for t in tokens):
        return None
    return 0, len(tokens)


def _ends_on_a_name_word(tokens: list[str]) -> tuple[int, int] | None:
    """A name does not end on an initial or a particle ('Retno L.' is cut, not a name)."""
    last = tokens[-1]
    if last in _SUFFIXES:
        return (0, len(tokens)) if len(tokens) > 1 and not _is_initial(tokens[-2]) else None
    if _is_initial(last) or last.lower() in _PARTICLES or _is_quoted(last):
        return None
    if _is_quoted(tokens[0]):
        return None
    return 0, len(tokens)


CANDIDATE_RULES: list[Callable[[list[str]], tuple[int, int] | None]] = [
    _cut_stop_ends, _after_last_inner_stop, _caps_only_with_a_name, _ends_on_a_name_word,
]


def name_candidates(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of name-like tokens that could be a person's name (not yet accepted), with their
    offsets: text[s:e] == name."""
    out = []
    for m in NAME.finditer(text, start, end):
        all_spans = [(t.start(), t.end()) for t in re.finditer(r"[^ \u00a0]+", m.group(0))]
        all_tokens = [m.group(0)[a:b] for a, b in all_spans]
        for seg_lo, seg_hi in _split_at_possessives(all_tokens):
            for lo, hi in _split_at_states(all_tokens[seg_lo:seg_hi]):
                found = _candidate(text, m.start(), all_spans[seg_lo + lo:seg_lo + hi],
                                   all_tokens[seg_lo + lo:seg_lo + hi])
                if found:
                    out.append(found)
    return out


def _candidate(text: str, base: int, spans: list[tuple[int, int]], tokens: list[str]) -> tuple[int, int, str] | None:
    """The part of one run of tokens the candidate rules keep, with its offsets."""
    for rule in CANDIDATE_RULES:
        kept = rule(tokens)
        if kept is None:
            return None
        lo, hi = kept
        spans, tokens = spans[lo:hi], tokens[lo:hi]
        if not tokens:
            return None
    s = base + spans[0][0]
    e = base + spans[-1][1]
    last = text[s:e]
    e -= len(last) - len(re.sub(r"(?:'s|’s|’)$", "", last))
    return (s, e, text[s:e]) if e > s else None


# ---- titles ----


@cache
def _lower_title_words() -> str:
    lower = {w.lower() for r in (*vocab.role_words(), *vocab.title_modifiers())
             for w in r.replace("-", " ").split() if w.isalpha()}
    return "|".join(sorted(lower | set(_LOWER_TITLE_WORDS.split("|")), key=len, reverse=True))


@cache
def _stretch_back() -> regex.Pattern:
    """Words a title is made of, read backwards from a name: capitalized words, connectors,
    title words in lower case ('Kazakh foreign minister Murat ...'), an acronym in brackets."""
    word = rf"(?:\p{{Lu}}[\w'’.]*(?:-\p{{L}}[\w'’]*)*|(?:{_lower_title_words()})(?:-\w+)?(?![\w'’])|\(\p{{Lu}}{{2,8}}\))"
    return regex.compile(rf"((?:(?:{word}|of|the|for|and|on|de|at(?= the)|to(?=[ \u00a0]+(?:the[ \u00a0]+)?\p{{Lu}})|,|-|–|—)[ \u00a0]*)+)$")


@cache
def _stretch_fwd() -> regex.Pattern:
    """A title written after a name and a comma: ', the Minister of ...', ', Egypt's Foreign
    Minister', ', permanent deputy minister of foreign affairs', ', who was appointed as the ...'."""
    word = rf"(?:\p{{Lu}}[\w'’.]*(?:-\p{{L}}[\w'’]*)*|(?:{_lower_title_words()})(?:-\w+)?(?![\w'’]))"
    return regex.compile(
        rf"^[ \u00a0]*,[ \u00a0]*{_WHO_WAS}(?:the[ \u00a0]+)?(?:(?:new|newly appointed|newly-appointed|incoming|outgoing|"
        rf"current|acting)[ \u00a0]+)?((?:(?:{word}|of|the|for|on|to|and(?=[ \u00a0]\p{{Lu}})|,(?=[ \u00a0]\p{{Lu}}))[ \u00a0]*)+)")


@cache
def _role_any_case() -> regex.Pattern:
    return regex.compile(role_pattern().pattern, regex.IGNORECASE)


def _ends_with_role(title: str) -> bool:
    """'Deputy Foreign Minister' (then a surname) rather than '... Cabinet of' (then 'Ministers')."""
    return bool(regex.search(rf"(?:{role_pattern().pattern})$", title, regex.IGNORECASE))


def _cut_at_honorific(title: str) -> str:
    """'Minister of Foreign Affairs of Armenia, H.E. Mr. X': a title ends before the next form of address."""
    alt = "|".join(re.escape(h) for h in honorifics() if h[:1].isupper())
    m = re.search(rf"(?:,\s*|\s+)(?:{alt})(?!\w)", title)
    return title[:m.start()] if m else title


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
    title = _trailing_honorific().sub("", title)
    title = re.sub(r"\s*\(\w+\)$", "", title).rstrip(" ,")  # "External Affairs Minister (EAM)"
    title = _strip_connectors(title)
    if not title or len(title) > 200 or title in HONORIFICS:
        return None
    return title, stretch_start + role.start()


def title_after(text: str, name_end: int, hi: int, ner=None) -> tuple[str, int] | None:
    m = _stretch_fwd().match(text[name_end:hi])
    if not m:
        return None
    stretch = _cut_at_honorific(m.group(1))
    # "Egypt's Foreign Minister", "AAP Economics and Business Correspondent": a few words before the role
    lead = re.match(r"^(?:[A-Z][\w-]*(?: [A-Z][\w-]*)?(?:'s|’s) |(?:[A-Z][\w-]* (?:and )?){1,4}(?=[A-Z]))", stretch)
    role = _role_any_case().match(stretch, len(lead.group(0)) if lead else 0) or _role_any_case().match(stretch)
    if not role or (not role.group(0)[:1].isupper() and not re.search(_lower_title_words(), role.group(0))):
        return None
    title = stretch.rstrip(" ,.\u00a0")
    if not _SERVES_IN.search(title):  # "President of X to the U.S." (a visit), not "Ambassador of X to Y"
        title = re.sub(r"\s+to\s+.*$", "", title)
    title = _cut_at_next_person(text, name_end + m.start(1), title, ner)
    title = _strip_connectors(title)
    return (title, name_end + m.start(1)) if title else None


_SERVES_IN = re.compile(r"Ambassador|Representative|Envoy|Commissioner|Consul|Charg|Attach|Delegate", re.IGNORECASE)


def _strip_connectors(title: str) -> str:
    while True:
        cut = re.sub(r"(?:\s+|,)(?:and|the|of|for|on|to|at|in|with)$", "", title).rstrip(" ,-–—")
        if cut == title:
            return title
        title = cut


def _cut_at_next_person(text: str, tstart: int, title: str, ner) -> str:
    """'Minister of X of Nigeria Khadija Bukar A. Ibrahim, ...': a title after a name ends where
    the next person's name begins (a spaCy PERSON span, or a name right after a role)."""
    for s, e, name in name_candidates(text, tstart, tstart + len(title)):
        if len(name.split()) < 2:
            continue
        on_ner = any(a <= s and e <= b for a, b in ner or ())
        if on_ner or _ends_with_role(text[tstart:s].rstrip(" ,")):
            return title[: s - tstart].rstrip(" ,")
    return title


def split_title_country(text: str, title: str, title_start: int) -> tuple[str, str | None, str]:
    """Take the state out of a title: ('Minister of Foreign Affairs of Turkmenistan') ->
    ('Minister of Foreign Affairs', 'TM'); "Egypt's Foreign Minister" -> ('Foreign Minister',
    'EG'). A state after 'to', 'in', 'for' ('Ambassador to Kenya') is where the person serves,
    not whom they act for."""
    found = find_countries(text, title_start, title_start + len(title))
    countries = [c for c in found if not _NOT_OWN_STATE.search(text[title_start:c.start])]
    code = countries[0].code if countries else None
    why = f"title names '{countries[0].text}'" if countries else ""
    for c in reversed(countries):
        tail = re.search(rf"\s+of\s+(?:the\s+)?{re.escape(c.text)}$", title)
        if tail:
            title = title[: tail.start()]
            break
    if countries and countries[0].start == title_start:
        rest = title[len(countries[0].text):]
        rest = re.sub(r"^(?:'s|’s)", "", rest)
        if countries[0].kind == "demonym" or rest != title[len(countries[0].text):]:
            title = rest.lstrip(" -")
    return title.strip(" ,"), code, why


def demonym_before(text: str, lo: int, pos: int) -> tuple[str, str] | None:
    """'Turkmen' in 'Turkmen Foreign Minister', "Kenya's Permanent Representative", 'US Secretary'."""
    m = re.search(r"([A-Z][\w-]+)(?:'s|’s)?[ \u00a0]+$", text[lo:pos])
    if not m:
        return None
    word = m.group(1)
    code = vocab.demonyms().get(word) or vocab.country_names().get(word)
    if code is None:  # two-word states: "Sri Lankan", "South Korea's"
        m2 = re.search(r"([A-Z][\w-]+[ \u00a0][A-Z][\w-]+)(?:'s|’s)?[ \u00a0]+$", text[lo:pos])
        if m2:
            word = m2.group(1)
            code = vocab.demonyms().get(word) or vocab.country_names().get(word)
    return (code, word) if code else None


# ---- finding people ----


@dataclass
class _Context:
    """What the rules see about one candidate."""

    text: str
    lo: int
    hi: int
    s: int
    e: int
    name: str
    last_end: int
    known: list[PersonMention]
    ner: list[tuple[int, int]]
    before: tuple[str, int] | None = None
    after: tuple[str, int] | None = None
    previous: PersonMention | None = None
    honorific: str | None = None

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


def find_people(text: str, start: int, end: int, known: list[PersonMention],
                ner_spans: list[tuple[int, int]] | None = None, *,
                ner_people: list[tuple[int, int]] | None = None) -> list[PersonMention]:
    """People mentioned in text[start:end]. ``known`` are people already accepted earlier in
    the document (for surname-only and initial references); ``ner_spans`` are spaCy PERSON
    spans (for this sentence or for the whole text: those outside it are ignored)."""
    spans = [(a, b) for a, b in (ner_spans if ner_spans is not None else ner_people or [])
             if a < end and b > start]
    out: list[PersonMention] = []
    last_end = start
    for s, e, name in name_candidates(text, start, end):
        if name in _organization_names():  # 'the United Nations': a body, not a person
            continue
        mention = _read_person(_Context(text, start, end, s, e, name, last_end, known + out, spans))
        if mention is not None:
            out.append(mention)
            last_end = max(mention.end, mention.title_end)
    return out


@lru_cache(maxsize=1)
def _organization_names() -> frozenset[str]:
    return frozenset(form for org in vocab.organizations() for form in (org.display, org.name, *org.aliases))


def _same(a: str, b: str) -> bool:
    """'Nurlanov' / 'R. Nurlanov' / 'Ruslan Nurlanov'; 'Tanaka' / 'TANAKA Kenji'; 'Lula' /
    'Luiz Inácio Lula da Silva'; 'Sheikh Mohamed bin Zayed' / 'Sheikh Mohamed bin Zayed Al Nahyan'."""
    ta, tb = a.replace(".", ". ").split(), b.replace(".", ". ").split()
    ta = [t for t in ta if not _is_quoted(t)] or ta
    tb = [t for t in tb if not _is_quoted(t)] or tb
    for short, long in ((ta, tb), (tb, ta)):  # the rest is a family name of several words ("Al Nahyan")
        if len(short) >= 2 and len(long) >= len(short) + 2 and long[:len(short)] == short:
            return True
    sa, sb = _surname(ta).casefold(), _surname(tb).casefold()
    if len(ta) == 1 or len(tb) == 1:
        one, many = (ta, tb) if len(ta) == 1 else (tb, ta)
        word = _bare(one[0]).casefold()
        return word == _surname(many).casefold() or (len(many) >= 3 and word in {
            t.casefold() for t in many[1:] if t.lower() not in _PARTICLES and not _is_initial(t)})
    if sa != sb:
        return False
    first_a = next(t for t in ta if t != _surname(ta))
    first_b = next(t for t in tb if t != _surname(tb))
    return first_a[0].casefold() == first_b[0].casefold()


# evidence that a candidate is a person: each rule returns a reason or None
def _by_previous(c: _Context) -> str | None:
    return f"'{c.name}' refers to {c.previous.name}" if c.previous else None


def _by_title(c: _Context) -> str | None:
    """A title before or after a name; a lone word needs a title that ends right before it
    ('Foreign Minister Lavrov'), not one after it ('Meanwhile, the general ...')."""
    title = c.before or c.after
    if title is None:
        return None
    if len(c.tokens) == 1:
        return "title" if c.before and _role_right_before(c) else None
    if _is_initial(c.tokens[0]):
        return "title" if c.after or _role_right_before(c) or c.honorific else None
    return "title"


def _role_right_before(c: _Context) -> bool:
    """'Foreign Minister Lavrov', not 'governor of Táchira' or 'Sultan and Yang'."""
    raw = _trailing_honorific().sub("", c.text[c.before[1]:c.s].rstrip(" ,\u00a0"))
    raw = re.sub(r"\s*\(\w+\)$", "", raw)
    return _ends_with_role(raw)


def _by_honorific(c: _Context) -> str | None:
    return f"'{c.honorific}' before the name" if c.honorific else None


def _by_ner(c: _Context) -> str | None:
    for a, b in c.ner:
        overlap = min(b, c.e) - max(a, c.s)
        if overlap > 0 and (a <= c.s and c.e <= b or overlap >= 0.6 * (c.e - c.s)):
            if len(c.tokens) == 1:
                return None  # a lone surname needs more than the model's word
            if _all_common_words(c):
                return None
            return "spaCy PERSON"
    return None


def _by_counterpart(c: _Context) -> str | None:
    if len(c.tokens) == 1:
        return None
    window = max(c.lo, c.last_end, c.s - 60)
    m = _COUNTERPART.search(c.text, window, c.s) or _LED_DIRECT.search(c.text, max(c.lo, c.last_end, c.s - 40), c.s)
    return f"'{m.group(0).strip()}' before the name" if m else None


def _by_state_in_brackets(c: _Context) -> str | None:
    if len(c.tokens) == 1:
        return None
    return "a state in brackets after the name" if _bracket_state(c) else None


EVIDENCE_RULES: list[Callable[[_Context], str | None]] = [
    _by_previous, _by_title, _by_honorific, _by_ner, _by_counterpart, _by_state_in_brackets,
]


def _all_common_words(c: _Context) -> bool:
    """'Related Fields' when the text also writes 'related fields': words, not a name."""
    lower = _lower_words(c.text)
    return all(_bare(t).lower() in lower for t in c.tokens)


@lru_cache(maxsize=16)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", text))


def _bracket_state(c: _Context) -> tuple[str, str] | None:
    m = re.match(r"[ \u00a0]*\(([^()]{2,40})\)", c.text[c.e:c.hi])
    if not m:
        return None
    word = m.group(1).strip()
    code = vocab.country_names().get(word)
    return (code, word) if code else None


# the state a person acts for: each rule sets mention.country or leaves it
def _state_from_title(c: _Context, m: PersonMention, title_info) -> None:
    if not title_info:
        return
    title, tstart = title_info
    title, code, why = split_title_country(c.text, title, tstart)
    m.title = title or None
    if code:
        m.country = code
        m.why.append(why)
    if m.country is None:
        d = demonym_before(c.text, max(c.lo, c.last_end), tstart)
        if d:
            m.country, word = d
            m.why.append(f"demonym '{word}' before the title")


def _state_in_brackets(c: _Context, m: PersonMention, title_info) -> None:
    if m.country is None:
        found = _bracket_state(c)
        if found:
            m.country = found[0]
            m.why.append(f"'({found[1]})' after the name")


def _state_of_after_name(c: _Context, m: PersonMention, title_info) -> None:
    """'Ambassador Jane Doe of Peru': the state right after the name."""
    if m.country is not None:
        return
    after = re.match(r"[ \u00a0]*,?[ \u00a0]*of[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w'’. -]{1,40}?)(?=[,.;)]|[ \u00a0]+[a-z]|$)",
                     c.text[c.e:c.hi])
    if after:
        code = vocab.country_names().get(after.group(1).strip())
        if code:
            m.country = code
            m.why.append(f"'of {after.group(1).strip()}' after the name")


def _state_from_counterpart(c: _Context, m: PersonMention, title_info) -> None:
    if m.country is not None:
        return
    cp = _COUNTERPART.search(c.text, max(c.lo, c.last_end, c.s - 60), c.s)
    if cp and cp.group(1):
        code = vocab.demonyms().get(cp.group(1)) or vocab.country_names().get(cp.group(1))
        if code:
            m.country = code
            m.why.append(f"'{cp.group(0).strip()}' before the name")


def _state_from_delegation(c: _Context, m: PersonMention, title_info) -> None:
    if m.country is not None:
        return
    led = _LED_BY.search(c.text, max(c.lo, c.last_end, c.s - 250), c.s)
    if led:
        found = find_countries(c.text, max(c.lo, c.last_end, led.start() - 30), led.start("verb"))
        if found:
            m.country = found[-1].code
            m.why.append(f"'{found[-1].text}' delegation {led.group('verb')}")


def _state_from_side(c: _Context, m: PersonMention, title_info) -> None:
    if m.country is not None:
        return
    sides = list(_SIDE.finditer(c.text, c.lo, c.s))
    if sides:
        word = sides[-1].group(1)
        code = vocab.demonyms().get(word) or vocab.country_names().get(word)
        if code:
            m.country = code
            m.why.append(f"'the {word} side'")


STATE_RULES = [_state_from_title, _state_in_brackets, _state_of_after_name, _state_from_counterpart, _state_from_delegation,
               _state_from_side]


# reasons a person is not a participant: each returns a reason or None
def _reporting_title(c: _Context, m: PersonMention) -> str | None:
    title = (m.title or "").lower()
    for role in not_participant_roles():
        if re.search(rf"(?<!\w){re.escape(role.lower())}(?!\w)", title):
            return role.lower()
    return None


def _byline(c: _Context, m: PersonMention) -> str | None:
    """A name alone on its line, 'By X', or 'X, AAP Economics Correspondent': the author."""
    line_start = c.text.rfind("\n", 0, m.start) + 1
    line_end = c.text.find("\n", m.end)
    line_end = len(c.text) if line_end < 0 else line_end
    before = c.text[line_start:m.start].strip()
    after = c.text[m.end:line_end].strip()
    if (not before or _BYLINE.fullmatch(before + " ")) and (not after or re.fullmatch(r"[,|–—-].{0,80}", after)
                                                              and not re.search(r"[.!?]$", after)):
        return "author"
    return None


def _briefer(c: _Context, m: PersonMention) -> str | None:
    """'X told reporters', 'X said at a press briefing' by someone without an office."""
    if m.title:
        return None
    return "briefer" if _BRIEFING.search(c.text, c.lo, c.hi) else None


def _as_before(c: _Context, m: PersonMention) -> str | None:
    return c.previous.not_participant_reason if c.previous else None


NOT_PARTICIPANT_RULES = [_reporting_title, _as_before, _byline, _briefer]


def _read_person(c: _Context) -> PersonMention | None:
    c.previous = next((k for k in reversed(c.known) if _same(k.name, c.name)), None)
    hon = _honorific_run().search(c.text, max(c.lo, c.s - 60), c.s)
    c.before = title_before(c.text, max(c.lo, c.last_end), c.s)
    if hon is None and c.before:  # "H.E. Ambassador Rosa Valdivia"
        hon = _honorific_run().search(c.text, max(c.lo, c.before[1] - 60), c.before[1])
    c.honorific = re.sub(r"[\s,]+", " ", hon.group(1)).strip() if hon else None
    c.before = title_before(c.text, max(c.lo, c.last_end), c.s)
    c.after = None if c.before else title_after(c.text, c.e, c.hi, c.ner)
    reasons = [r for r in (rule(c) for rule in EVIDENCE_RULES) if r]
    if not reasons:
        return None
    full = c.previous.name if c.previous and len(c.previous.name) > len(c.name) else c.name
    mention = PersonMention(full, c.s, c.e, honorific=c.honorific)
    if c.previous and full != c.name:
        mention.why.append(f"'{c.name}' refers to {c.previous.name}")
    title_info = c.before or c.after
    if c.after:
        mention.title_end = c.after[1] + len(c.after[0])
    for rule in STATE_RULES:
        rule(c, mention, title_info)
    if title_info:
        mention.why.append(f"title '{mention.title}' {'before' if c.before else 'after'} the name")
    else:
        mention.why.extend(r for r in reasons if r not in mention.why and r != "title")
    if c.previous is not None:
        mention.title = mention.title or c.previous.title
        mention.country = mention.country or c.previous.country
    for rule in NOT_PARTICIPANT_RULES:
        reason = rule(c, mention)
        if reason:
            mention.not_participant_reason = reason
            mention.why.append(f"not a participant: {reason}")
            break
    return mention
