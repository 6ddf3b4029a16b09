"""extract_document(): the one entry point every caller (CLI, store, web, tests) uses."""

from __future__ import annotations

import re

from attache import __version__, vocab
from attache.clean.article import Article
from attache.extract import nlp, triggers
from attache.extract.dates import document_year, find_dates
from attache.extract.events import Dateline, Event, SentenceFacts, assemble_events
from attache.extract.facts import find_money, find_organizations, find_topics
from attache.extract.frames import (
    apply_parse_place,
    apply_parse_status,
    concluded_visit_dates,
    find_cues,
    join_mentions,
    merge_nested_cues,
    read_cue,
)
from attache.extract.groups import find_groups
from attache.extract.lexicon import find_countries
from attache.extract.people import PersonMention, find_people, name_candidates
from attache.extract.places import LocationMention, entity_locations, find_locations, prefer_homonyms
from attache.extract.sentences import Sentence, split_sentences
from attache.extract.splits import split_counterparts, split_credentials, split_destinations, split_separate_meetings

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
    parse = [bool(triggers.candidate_pattern().search(s.text)) for s in sentences]
    analyses = nlp.analyze(text, [(s.start, s.end) for s in sentences], parse,
                           [p or _unexplained_name(text, s) for p, s in zip(parse, sentences)])
    people_by_sentence = _people(text, sentences, analyses)
    year_of_text = None if published else document_year(text)
    countries_by_sentence = [find_countries(text, s.start, s.end) for s in sentences]
    about = _states_named(article.title or "", countries_by_sentence)
    facts = []
    for sent, people, analysis, countries in zip(sentences, people_by_sentence, analyses, countries_by_sentence):
        future = True if _FUTURE.search(sent.text) and not _PAST.search(sent.text) else None
        dates = find_dates(text, sent.start, sent.end, published, future, year_of_text)
        locations = find_locations(text, sent.start, sent.end)
        locations = sorted(locations + entity_locations(text, analysis.entities, locations), key=lambda loc: loc.start)
        locations = prefer_homonyms(locations, [c.code for c in countries], about)
        groups = find_groups(text, sent.start, sent.end)
        cues = merge_nested_cues([read_cue(c, text, sent.start, sent.end, dates, locations, published)
                                  for c in find_cues(text, sent.start, sent.end)], text)
        if analysis.parsed:
            parties = [(p.start, p.end) for p in people] + [(c.start, c.end) for c in countries] + \
                      [(g.start, g.end) for g in groups]
            mentions = triggers.read_mentions(analysis, parties)
            rejected = [(t.start, t.end) for t in analysis.tokens if triggers.is_trigger_word(t)]
            joined = join_mentions(cues, mentions, rejected)
            cues = [c if c in cues else read_cue(c, text, sent.start, sent.end, dates, locations, published)
                    for c in joined]
            for c in cues:
                apply_parse_status(c, published)
                apply_parse_place(c, locations, countries)
        for c in cues:
            concluded_visit_dates(c, text, sent.start)
        facts.append(SentenceFacts(sent, cues, dates, people, countries, locations,
                                   find_topics(text, sent.start, sent.end), groups))
    events = assemble_events(facts, _dateline(article), _document_states(article, facts), published)
    for split in (split_credentials, split_destinations, split_counterparts, split_separate_meetings):
        events = split(events, facts)
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


def _people(text: str, sentences: list[Sentence], analyses: list[nlp.SentenceAnalysis]) -> list[list[PersonMention]]:
    """People per sentence, with spaCy's PERSON entities (read over every sentence) as
    evidence beside the title rules."""
    known: list[PersonMention] = []
    out = []
    for sent, analysis in zip(sentences, analyses):
        spans = [(e.start, e.end) for e in analysis.entities if e.label == "PERSON"]
        found = find_people(text, sent.start, sent.end, known, spans)
        known.extend(found)
        out.append(found)
    return out


def _unexplained_name(text: str, sent: Sentence) -> bool:
    """A name of two or more words that no title rule read: the sentence needs the NER model
    (sentences that may hold an event are read by the model anyway)."""
    found = None
    for s, _, name in name_candidates(text, sent.start, sent.end):
        if len(name.split()) < 2:
            continue
        if found is None:
            found = find_people(text, sent.start, sent.end, [])
        if not any(p.start <= s < p.end for p in found):
            return True
    return False


def _states_named(title: str, countries_by_sentence: list[list]) -> list[str]:
    """The states a report names, the headline's first, then by how often the text names them."""
    count: dict[str, float] = {}
    for c in find_countries(title, 0, len(title)):
        count[c.code] = count.get(c.code, 0) + 3
    for found in countries_by_sentence:
        for c in found:
            count[c.code] = count.get(c.code, 0) + 1
    return [code for code, _ in sorted(count.items(), key=lambda kv: -kv[1])]


def _document_states(article: Article, facts: list[SentenceFacts]) -> list[str]:
    """The states the report is about, most prominent first: the headline's and lead's
    states and demonyms, then the states of the people it names."""
    weight: dict[str, float] = {}
    title = article.title or ""
    for c in find_countries(title, 0, len(title)):
        weight[c.code] = weight.get(c.code, 0) + 3
    for i, f in enumerate(facts):
        lead = 2 if i < 3 else 1
        for c in f.countries:
            weight[c.code] = weight.get(c.code, 0) + (0.5 * lead)
        for p in f.people:
            if p.country and p.title and p.not_participant_reason is None:
                weight[p.country] = weight.get(p.country, 0) + 1.5 * lead
    return [code for code, w in sorted(weight.items(), key=lambda kv: -kv[1]) if w >= 2]


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
        "participants": [{"name": p.name, "title": p.title, "country": p.country,
                          "confidence": participant_confidence(p)} for p in e.participants],
        "topics": sorted(e.topics),
        "agreements_signed": e.agreements_signed,
        "confidence": e.confidence,
        "evidence": [{"start": s.start, "end": s.end, "text": text[s.start:s.end]} for s in e.sentences],
        "why": dict(e.why, participants="; ".join(f"{p.name}: {', '.join(p.why)}" for p in e.participants)),
    }
    if e.date and e.date.value is None and e.date.month_day:
        record["month_day"] = e.date.month_day
    if e.background:
        record["background"] = True
    return record


def participant_confidence(p: PersonMention) -> float:
    """A name with a title and a state is surer than a bare name the model proposed."""
    score = 0.5 + (0.25 if p.title else 0.0) + (0.15 if p.country else 0.0)
    return round(min(1.0, score), 2)


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
