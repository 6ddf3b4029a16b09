"""extract_document(): the one entry point every caller (CLI, store, web, tests) uses."""

from __future__ import annotations

import re

from attache import __version__, vocab
from attache.clean.article import Article
from attache.extract import nlp
from attache.extract.dates import find_dates
from attache.extract.events import Dateline, Event, SentenceFacts, assemble_events
from attache.extract.facts import find_money, find_organizations, find_topics
from attache.extract.frames import find_cues, merge_nested_cues, read_cue
from attache.extract.lexicon import find_countries
from attache.extract.people import PersonMention, find_people, name_candidates
from attache.extract.places import LocationMention, find_locations
from attache.extract.sentences import Sentence, split_sentences

_PAST = re.compile(r"\b(?:met|was held|were held|took place|visited|arrived|held talks|held a meeting|"
                   r"held consultations|signed|concluded|endorsed|received)\b", re.IGNORECASE)
EXTRACTOR = f"attache.extract/{__version__}"
_FUTURE = re.compile(r"\b(?:will|shall|scheduled|to be held|upcoming|forthcoming|is set to|are set to|next|plans? to|"
                     r"(?:is|are) due to|(?:is|are) expected to)\b",
                     re.IGNORECASE)


def extract_document(article: Article) -> dict:
    """Return the extraction record for ``article`` (schema/README.md), plus provenance."""
    text, published = article.text, article.published
    sentences = split_sentences(text, article.body)
    people_by_sentence = _people(text, sentences)
    facts = []
    for sent, people in zip(sentences, people_by_sentence):
        future = True if _FUTURE.search(sent.text) and not _PAST.search(sent.text) else None
        dates = find_dates(text, sent.start, sent.end, published, future)
        locations = find_locations(text, sent.start, sent.end)
        cues = merge_nested_cues([read_cue(c, text, sent.start, sent.end, dates, locations, published)
                                  for c in find_cues(text, sent.start, sent.end)], text)
        facts.append(SentenceFacts(sent, cues, dates, people, find_countries(text, sent.start, sent.end),
                                   locations, find_topics(text, sent.start, sent.end)))
    events = assemble_events(facts, _dateline(article))
    organizations, money = [], []
    for sent in sentences:
        for _, _, org in find_organizations(text, sent.start, sent.end):
            if org not in organizations:
                organizations.append(org)
        for _, _, amount in find_money(text, sent.start, sent.end):
            if amount not in money:
                money.append(amount)
    record = {
        "doc": article.doc,
        "published": published,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "events": [event_record(e, text) for e in events],
        "organizations": organizations,
        "money": money,
        "extractor": EXTRACTOR,
    }
    if article.meta.get("truncated"):  # the cleaner read only the start of an over-long body
        record["truncated"] = article.meta["truncated"]
    return record


def _people(text: str, sentences: list[Sentence]) -> list[list[PersonMention]]:
    """People per sentence: rules first; spaCy NER only for sentences that still hold a
    capitalized name-like run no rule explained (the expensive model runs where needed)."""
    known: list[PersonMention] = []
    first_pass: list[list[PersonMention]] = []
    for sent in sentences:
        found = find_people(text, sent.start, sent.end, known)
        known.extend(found)
        first_pass.append(found)
    windows: list[tuple[int, int, int]] = []  # (sentence index, start, end) around unexplained names
    for i, sent in enumerate(sentences):
        for s, e, name in name_candidates(text, sent.start, sent.end):
            if len(name.split()) >= 2 and not any(p.start <= s < p.end for p in first_pass[i]):
                lo, hi = _word_window(text, sent, s, e)
                if windows and windows[-1][0] == i and lo <= windows[-1][2]:
                    windows[-1] = (i, windows[-1][1], hi)
                else:
                    windows.append((i, lo, hi))
    if not windows:
        return first_pass
    ner = nlp.person_spans([text[lo:hi] for _, lo, hi in windows])
    spans_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for (i, lo, _), spans in zip(windows, ner):
        spans_by_sentence.setdefault(i, []).extend((lo + s, lo + e) for s, e in spans)
    known = []
    out = []
    for i, sent in enumerate(sentences):
        found = find_people(text, sent.start, sent.end, known, spans_by_sentence.get(i))
        known.extend(found)
        out.append(found)
    return out


def _dateline(article: Article) -> Dateline | None:
    """'TASHKENT, 14 March 2024 (UzA) -': where and when the report was filed."""
    place_name = article.meta.get("dateline_place")
    if not place_name:
        return None
    name = place_name.strip().title() if place_name.isupper() else place_name.strip()
    place = vocab.places().get(name)
    code = vocab.country_names().get(name)
    if place is None and code and vocab.countries()[code].capital:  # "KUWAIT, Oct 14 (KNA)": the capital
        country = vocab.countries()[code]
        place = vocab.places().get(country.capital)
        name = country.capital
    if place is None:
        return None
    location = LocationMention(0, 0, name, place.country, place.lat, place.lon,
                               inferred=f"dateline '{place_name}'", kind="city")
    date = article.published if article.published and len(article.published) == 10 else None
    return Dateline(location, date)


NER_CONTEXT = (60, 40)  # characters of context before / after a name given to the NER model


def _word_window(text: str, sent: Sentence, s: int, e: int) -> tuple[int, int]:
    lo = max(sent.start, s - NER_CONTEXT[0])
    hi = min(sent.end, e + NER_CONTEXT[1])
    while lo > sent.start and not text[lo - 1].isspace():
        lo -= 1
    while hi < sent.end and not text[hi].isspace():
        hi += 1
    return lo, hi


def event_record(e: Event, text: str) -> dict:
    date = e.date.value if e.date else None
    record = {
        "status": e.status,
        "type": e.type,
        "plover": e.plover,
        "what": e.what,
        "date": date or e.inherited_date,
        "date_end": e.date.end_value if e.date else None,
        "location": _location(e),
        "countries": e.countries,
        "participants": [{"name": p.name, "title": p.title, "country": p.country} for p in e.participants],
        "topics": sorted(e.topics),
        "agreements_signed": e.agreements_signed,
        "evidence": [{"start": s.start, "end": s.end, "text": text[s.start:s.end]} for s in e.sentences],
        "why": dict(e.why, participants="; ".join(f"{p.name}: {', '.join(p.why)}" for p in e.participants)),
    }
    if e.date and e.date.value is None and e.date.month_day:
        record["month_day"] = e.date.month_day
    if e.background:
        record["background"] = True
    return record


def _location(e: Event) -> dict | None:
    loc = e.location
    if loc is None:
        return None
    out = {"name": loc.name, "country": loc.country}
    if loc.lat is not None:
        out["lat"], out["lon"] = round(loc.lat, 4), round(loc.lon, 4)
    if loc.inferred:
        out["inferred"] = loc.inferred
    return out
