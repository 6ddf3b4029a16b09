"""Events read from whole articles through ``attache.pipeline.process``: several events in one
text, planned vs occurred, background events, relative dates, demonym compounds,
boilerplate, and the record's invariants. The articles are our own, in the genre's style,
with invented people."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attache import vocab
from attache.ingest.raw import RawDocument
from attache.pipeline import process
from attache.schema import EVENT_TYPES as SCHEMA_TYPES
from attache.schema import TOPICS as SCHEMA_TOPICS

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

VISIT = """Kazakh Foreign Minister pays official visit to Japan
Astana, 7 February 2025
Minister of Foreign Affairs of Kazakhstan Daulet Zhaksybekov paid an official visit to Japan on 5-6 February 2025.
During the visit, Daulet Zhaksybekov met with the Minister of Foreign Affairs of Japan Haruto Mizuno in Tokyo. The ministers discussed trade, energy and transport corridors.
The same day, Zhaksybekov held a meeting with the Minister of Economy, Trade and Industry of Japan Sora Ishikawa. The parties discussed investment projects worth $7 billion.
The sides agreed to hold the next round of political consultations in Astana in the second half of 2025.
"""

FORUM_PLANNED = """Turkmenistan and Oman to hold business forum in Muscat
Ashgabat, 10 April 2025
On 9 April 2025, Deputy Minister of Foreign Affairs of Turkmenistan Batyr Amanov met with the Ambassador of Oman Salim Al-Harthy.
The diplomats discussed the preparations for the Turkmen-Omani business forum, which will be held in Muscat on 22 May 2025.
The sides noted the potential of cooperation in energy, logistics and tourism.
"""

CONSULTATIONS_THURSDAY = """Turkmen-Japanese consultations held in Ashgabat
Ashgabat, 14 March 2025
On Thursday, political consultations between the Ministries of Foreign Affairs of Turkmenistan and Japan were held at the MFA of Turkmenistan.
The Turkmen delegation was headed by Deputy Minister of Foreign Affairs Batyr Amanov, and the Japanese side was led by Kenta Morimoto, Director-General of the European Affairs Bureau.
The diplomats recalled the landmark visit of the Prime Minister of Japan Hiroshi Tanabe to Ashgabat in October 2015.
The sides discussed cooperation in energy, education and culture.
"""

COMPOUND_WITH_TEASERS = """Kazakh-Chinese talks held in Beijing
Beijing, 20 May 2024
Kazakh-Chinese talks took place in Beijing on 18 May 2024. President of Kazakhstan Arman Zhumabayev held talks with Premier of China Li Wenbo.
The parties discussed trade and logistics.

Other articles
Uzbek-Korean consultations held in Seoul
Minister of Foreign Affairs of Uzbekistan Sardor Yusupov met with his Korean counterpart Min-jun Choi in Seoul.
"""

SIGNING_WITH_BIO = """Kyrgyzstan and Qatar sign agreements
Bishkek, 3 October 2024
On 2 October 2024, talks between the Minister of Foreign Affairs of Kyrgyzstan Nurlan Abdykadyrov and the Minister of State for Foreign Affairs of Qatar Hamad Al-Kuwari took place in Bishkek.
Following the talks, the sides signed a memorandum on cooperation in agriculture and a programme of cultural exchanges.
Ulan Mamytov is a journalist who covers diplomacy for our agency. He met with President Kenesh Osmonov in 2019.
"""

PHONE_CALL = """Mongolia and Hungary discuss trade by phone
Ulaanbaatar, 21 November 2024
Minister of Foreign Affairs of Mongolia Bat-Erdene Ganbold had a phone conversation with Minister of Foreign Affairs and Trade of Hungary Gergely Halasz yesterday.
The ministers discussed trade, agriculture and education.
"""

ARTICLES = {
    "visit.txt": VISIT,
    "forum_planned.txt": FORUM_PLANNED,
    "consultations_thursday.txt": CONSULTATIONS_THURSDAY,
    "compound_teasers.txt": COMPOUND_WITH_TEASERS,
    "signing_bio.txt": SIGNING_WITH_BIO,
    "phone_call.txt": PHONE_CALL,
}


@cache
def record_of(doc: str, published: str | None = None) -> dict:
    outcome = process(RawDocument(doc=doc, origin=doc, text=ARTICLES[doc], published=published))
    assert outcome.ok, outcome.error
    return outcome.record


def occurred(record: dict) -> list[dict]:
    return [e for e in record["events"] if e["status"] == "occurred"]


def planned(record: dict) -> list[dict]:
    return [e for e in record["events"] if e["status"] == "planned"]


def names(event: dict) -> set[str]:
    return {p["name"] for p in event["participants"]}


def everyone(record: dict) -> set[str]:
    return {name for e in record["events"] for name in names(e)}


def event_with(record: dict, person: str) -> list[dict]:
    return [e for e in record["events"] if person in names(e)]


# ---- several events in one text ----


def test_a_visit_and_the_meetings_it_held_are_separate_events():
    record = record_of("visit.txt")
    events = occurred(record)
    (visit,) = [e for e in events if e["type"] == "visit"]
    assert (visit["date"], visit["date_end"]) == ("2025-02-05", "2025-02-06")
    assert set(visit["countries"]) == {"KZ", "JP"}
    assert {"Daulet Zhaksybekov"} <= names(visit)
    meetings = [e for e in events if e["type"] == "meeting"]
    assert meetings, "the meeting held 'the same day' is an event of its own"
    (with_ishikawa,) = event_with(record, "Sora Ishikawa")
    assert with_ishikawa["type"] == "meeting"
    assert {"Daulet Zhaksybekov", "Sora Ishikawa"} <= names(with_ishikawa)
    assert with_ishikawa["date"] in ("2025-02", "2025-02-05", "2025-02-06")  # during the 5-6 February visit
    assert set(with_ishikawa["countries"]) == {"KZ", "JP"}
    assert {p["name"]: (p["title"], p["country"]) for p in with_ishikawa["participants"]}[
        "Sora Ishikawa"
    ] == ("Minister of Economy, Trade and Industry", "JP")


def test_each_meeting_of_a_visit_has_only_its_own_counterpart():
    record = record_of("visit.txt")
    meetings = [e for e in occurred(record) if e["type"] == "meeting"]
    assert sorted(sorted(names(m) - {"Daulet Zhaksybekov"}) for m in meetings) == [
        ["Haruto Mizuno"],
        ["Sora Ishikawa"],
    ]


def test_a_visit_announces_the_next_round_as_a_planned_event():
    record = record_of("visit.txt")
    (next_round,) = planned(record)
    assert next_round["type"] == "consultation"
    assert next_round["location"]["name"] == "Astana"
    assert next_round["location"]["country"] == "KZ"
    assert next_round["participants"] == []


# ---- planned vs occurred ----


def test_a_meeting_before_publication_occurred_and_a_forum_after_it_is_planned():
    record = record_of("forum_planned.txt")
    (meeting,) = occurred(record)
    assert (meeting["type"], meeting["date"]) == ("meeting", "2025-04-09")
    assert names(meeting) == {"Batyr Amanov", "Salim Al-Harthy"}
    assert set(meeting["countries"]) == {"TM", "OM"}
    (forum,) = planned(record)
    assert forum["type"] == "forum"
    assert forum["date"] == "2025-05-22"
    assert forum["location"]["name"] == "Muscat" and forum["location"]["country"] == "OM"
    assert set(forum["countries"]) == {"TM", "OM"}  # the demonym compound 'Turkmen-Omani'
    assert "business forum" in (forum["what"] or "")


def test_a_dated_event_becomes_planned_when_publication_is_moved_before_it():
    record = record_of("forum_planned.txt", published="2025-04-01")
    assert occurred(record) == []
    assert sorted((e["type"], e["date"]) for e in planned(record)) == [
        ("forum", "2025-05-22"),
        ("meeting", "2025-04-09"),
    ]


# ---- relative dates and background ----


def test_on_thursday_is_the_day_before_a_friday_report():
    record = record_of("consultations_thursday.txt")
    assert dt.date.fromisoformat(record["published"]).weekday() == 4
    (consultations,) = [e for e in occurred(record) if e["type"] == "consultation"]
    assert consultations["date"] == "2025-03-13"
    assert consultations["location"]["name"] == "Ashgabat"
    assert consultations["location"].get("inferred"), "the ministry's seat is a convention, said so"
    assert set(consultations["countries"]) == {"TM", "JP"}
    people = {p["name"]: (p["title"], p["country"]) for p in consultations["participants"]}
    assert people == {
        "Batyr Amanov": ("Deputy Minister of Foreign Affairs", "TM"),
        "Kenta Morimoto": ("Director-General of the European Affairs Bureau", "JP"),
    }
    assert {"energy", "education", "culture"} <= set(consultations["topics"])


def test_a_recalled_visit_is_a_background_event_with_its_own_month_date():
    record = record_of("consultations_thursday.txt")
    (past_visit,) = [e for e in occurred(record) if e["type"] == "visit"]
    assert past_visit["date"] == "2015-10"
    assert past_visit.get("background") is True
    assert names(past_visit) == {"Hiroshi Tanabe"}
    assert past_visit["location"]["name"] == "Ashgabat"
    assert "Hiroshi Tanabe" not in names(next(e for e in record["events"] if e["type"] == "consultation"))


def test_yesterday_is_the_day_before_publication():
    record = record_of("phone_call.txt")
    (call,) = record["events"]
    assert (call["type"], call["status"], call["date"]) == ("phone_call", "occurred", "2024-11-20")
    assert names(call) == {"Bat-Erdene Ganbold", "Gergely Halasz"}
    assert set(call["countries"]) == {"MN", "HU"}


# ---- countries from demonyms, signing ----


def test_a_demonym_compound_gives_both_countries():
    record = record_of("compound_teasers.txt")
    talks = [e for e in occurred(record) if e["type"] == "talks"]
    assert talks
    assert all(set(e["countries"]) == {"KZ", "CN"} for e in talks)
    assert talks[0]["date"] == "2024-05-18"
    assert talks[0]["location"]["name"] == "Beijing"


def test_the_people_of_the_talks_are_on_the_dated_talks():
    record = record_of("compound_teasers.txt")
    (talks,) = [e for e in occurred(record) if e["type"] == "talks"]
    assert talks["date"] == "2024-05-18"
    assert names(talks) == {"Arman Zhumabayev", "Li Wenbo"}


def test_signed_documents_mark_the_talks_they_followed():
    record = record_of("signing_bio.txt")
    (talks,) = occurred(record)
    assert (talks["type"], talks["date"], talks["agreements_signed"]) == ("talks", "2024-10-02", True)
    assert names(talks) == {"Nurlan Abdykadyrov", "Hamad Al-Kuwari"}
    assert set(talks["countries"]) == {"KG", "QA"}
    assert {"agriculture", "culture"} <= set(talks["topics"])


def test_what_never_holds_a_participants_name():
    for doc in ARTICLES:
        for event in record_of(doc)["events"]:
            for person in names(event):
                assert person not in (event["what"] or ""), (doc, event["what"])


# ---- boilerplate ----


def test_teasers_yield_no_people_and_no_events():
    record = record_of("compound_teasers.txt")
    assert not {"Sardor Yusupov", "Min-jun Choi"} & everyone(record)
    assert all("UZ" not in e["countries"] and "KR" not in e["countries"] for e in record["events"])
    teaser_start = COMPOUND_WITH_TEASERS.index("Other articles")
    assert all(ev["start"] < teaser_start for e in record["events"] for ev in e["evidence"])


def test_an_author_biography_yields_no_people_and_no_events():
    record = record_of("signing_bio.txt")
    assert not {"Ulan Mamytov", "Kenesh Osmonov"} & everyone(record)
    bio_start = SIGNING_WITH_BIO.index("Ulan Mamytov")
    assert all(ev["start"] < bio_start for e in record["events"] for ev in e["evidence"])
    assert all(e["date"] != "2019" for e in record["events"])


# ---- invariants over every article ----


@pytest.mark.parametrize("doc", sorted(ARTICLES))
def test_every_event_satisfies_the_schema(doc):
    record = record_of(doc)
    text = ARTICLES[doc]
    assert record["doc"] == doc
    assert record["published"] and DATE.match(record["published"])
    countries = vocab.countries()
    for event in record["events"]:
        assert event["status"] in {"occurred", "planned"}
        assert event["type"] in SCHEMA_TYPES
        assert event["plover"] and event["plover"].isupper()
        assert event["evidence"], "every event names the sentences it was read from"
        for evidence in event["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        assert all(code in countries for code in event["countries"])
        assert all(p["country"] is None or p["country"] in countries for p in event["participants"])
        if event["location"] and event["location"]["country"]:
            assert event["location"]["country"] in countries
        assert set(event["topics"]) <= SCHEMA_TOPICS
        for key in ("date", "date_end"):
            assert event[key] is None or DATE.match(event[key]), (key, event[key])
        if event["date"] and event["date_end"]:
            assert event["date_end"] >= event["date"]
        if event["status"] == "occurred" and event["date"]:
            assert event["date"][:10] <= record["published"]


@pytest.mark.parametrize("doc", sorted(ARTICLES))
def test_every_participant_is_named_in_the_records_evidence(doc):
    record = record_of(doc)
    evidence = " ".join(ev["text"] for e in record["events"] for ev in e["evidence"])
    for event in record["events"]:
        for person in event["participants"]:
            assert person["name"].split()[-1] in evidence, (doc, person["name"])
            if person["title"]:
                assert person["title"] in evidence, (doc, person["title"])


@settings(max_examples=25, deadline=None)
@given(
    doc=st.sampled_from(sorted(ARTICLES)),
    published=st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2027, 12, 31)),
)
def test_an_occurred_event_is_never_dated_after_publication_whatever_the_publication_date(doc, published):
    record = record_of(doc, published.isoformat())
    assert record["published"] == published.isoformat()
    for event in occurred(record):
        if event["date"]:
            assert event["date"] <= published.isoformat()[: len(event["date"])], event
