"""Whole documents through ``attache.pipeline.process`` (clean + ``extract_document``):
a call readout, states filled from the document when the event's sentence names fewer
than two, the confidence of events and participants, spokespeople, and an article with
no event. The articles are our own, with invented officials and real states.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pipeline_records import record

READOUT = """Secretary Holloway's Call with Indian Foreign Minister Kumar
WASHINGTON, March 4, 2025
Secretary of State Mark Holloway spoke today with Indian Foreign Minister Ravi Kumar. The Secretary and the Foreign Minister discussed trade, energy security and regional stability.
"""

ONE_STATE_IN_SENTENCE = """Ghana and Portugal strengthen ties
Accra, 8 July 2025
Foreign Minister of Ghana Kofi Mensah held talks with the visiting delegation in Accra on 7 July 2025.

The two sides discussed cooperation in education, health and renewable energy.
"""

BOTH_STATES_IN_SENTENCE = """Norway and Kenya discuss trade
Oslo, 3 June 2025
Foreign Minister of Norway Ingrid Solheim received the Ambassador of Kenya Daniel Mwangi on 2 June 2025.

The sides discussed trade and renewable energy.
"""

SPOKESPERSON = """Norway and Kenya discuss trade
Oslo, 3 June 2025
Foreign Minister of Norway Ingrid Solheim received the Ambassador of Kenya Daniel Mwangi on 2 June 2025.
"The meeting confirmed our shared interest in renewable energy," ministry spokesperson Lars Haugen said after the talks.
"""

SPOKESPERSON_SAME_SENTENCE = """Norway and Kenya discuss trade
Oslo, 3 June 2025
Foreign Minister of Norway Ingrid Solheim received the Ambassador of Kenya Daniel Mwangi on 2 June 2025, spokesperson Lars Haugen said.
"""

TRADE_STATISTICS = """Exports rise in the first quarter
Canberra, 5 April 2025
Australia's exports of wheat rose by 12 percent in the first quarter of 2025, according to figures released by the statistics office. Imports of machinery fell by 3 percent. The trade surplus widened to $8 billion.
"""




def only_event(text: str) -> dict:
    events = record(text)["events"]
    assert len(events) == 1, [(e["type"], e["what"]) for e in events]
    return events[0]


def names(event: dict) -> list[str]:
    return [p["name"] for p in event["participants"]]


# ---- a call readout ----

def test_readout_gives_one_phone_call():
    event = only_event(READOUT)
    assert event["type"] == "phone_call"
    assert event["status"] == "occurred"


def test_readout_phone_call_has_both_states():
    assert sorted(only_event(READOUT)["countries"]) == ["IN", "US"]


def test_readout_phone_call_has_both_people_with_their_titles_and_states():
    people = {p["name"]: (p["title"], p["country"]) for p in only_event(READOUT)["participants"]}
    assert people == {"Mark Holloway": ("Secretary of State", "US"), "Ravi Kumar": ("Foreign Minister", "IN")}


def test_readout_today_is_the_dateline_date():
    assert record(READOUT)["published"] == "2025-03-04"
    assert only_event(READOUT)["date"] == "2025-03-04"


def test_readout_states_come_from_its_sentence_not_the_document():
    assert "countries" not in only_event(READOUT)["why"]


# ---- states filled from the document ----

def test_sentence_naming_one_state_gets_the_other_from_the_headline():
    event = only_event(ONE_STATE_IN_SENTENCE)
    assert event["type"] == "talks"
    assert event["countries"] == ["GH", "PT"]


def test_why_countries_says_the_filled_state_came_from_the_document():
    why = only_event(ONE_STATE_IN_SENTENCE)["why"]["countries"]
    assert why.startswith("PT ")
    assert "not the event's sentence" in why


def test_filled_states_lower_the_event_confidence():
    filled = only_event(ONE_STATE_IN_SENTENCE)
    read = only_event(BOTH_STATES_IN_SENTENCE)
    assert "countries" not in read["why"]
    assert filled["confidence"] < read["confidence"]


def test_the_filled_state_is_not_given_to_a_participant():
    event = only_event(ONE_STATE_IN_SENTENCE)
    assert [(p["name"], p["country"]) for p in event["participants"]] == [("Kofi Mensah", "GH")]


PLANNED_ONE_STATE = """Ghana and Portugal strengthen ties
Accra, 8 July 2025
Foreign Minister of Ghana Kofi Mensah will hold talks with the visiting delegation in Accra on 10 July 2025.
"""


def test_a_planned_event_is_not_given_states_from_the_document():
    event = only_event(PLANNED_ONE_STATE)
    assert event["status"] == "planned"
    assert event["countries"] == ["GH"]
    assert "countries" not in event["why"]


# ---- confidence ----

def test_participant_confidence_is_higher_with_title_and_state():
    event = only_event(BOTH_STATES_IN_SENTENCE)
    assert [p["confidence"] for p in event["participants"]] == [0.9, 0.9]


def test_every_confidence_is_in_the_unit_interval_on_the_fixed_articles():
    for text in (READOUT, ONE_STATE_IN_SENTENCE, BOTH_STATES_IN_SENTENCE, SPOKESPERSON):
        for event in record(text)["events"]:
            assert 0.0 <= event["confidence"] <= 1.0
            for p in event["participants"]:
                assert 0.0 <= p["confidence"] <= 1.0


OFFICIALS = [("Foreign Minister", "Elena Vargas"), ("Prime Minister", "Karen Oduya"),
             ("Minister of Trade", "Jonas Lind"), ("Deputy Foreign Minister", "Amir Haddad")]
STATES = {"Peru": ("PE", "Lima"), "Chile": ("CL", "Santiago"), "Norway": ("NO", "Oslo"),
          "Kenya": ("KE", "Nairobi"), "Japan": ("JP", "Tokyo"), "Ghana": ("GH", "Accra"),
          "Portugal": ("PT", "Lisbon"), "Canada": ("CA", "Ottawa")}
VERBS = ["met with", "held talks with", "spoke with", "received", "will meet", "visited"]


@st.composite
def articles(draw):
    """(text, home state, guest state): a two-paragraph report filed in the home capital whose
    headline names both states; the event sentence names the guest's state or not."""
    home, away = draw(st.lists(st.sampled_from(sorted(STATES)), min_size=2, max_size=2, unique=True))
    (title1, name1), (title2, name2) = draw(st.lists(st.sampled_from(OFFICIALS), min_size=2, max_size=2,
                                                     unique=True))
    verb = draw(st.sampled_from(VERBS))
    day = draw(st.integers(1, 27))
    other = draw(st.sampled_from([f"the {title2} of {away} {name2}", f"{title2} {name2}", away]))
    text = (f"{home} and {away} discuss cooperation\n{STATES[home][1]}, {day + 1} May 2025\n"
            f"{title1} of {home} {name1} {verb} {other} on {day} May 2025.\n\n"
            f"The sides discussed trade, energy and education.\n")
    return text, STATES[home][0], STATES[away][0], away in other


@settings(max_examples=25, deadline=None)
@given(articles())
def test_every_event_and_participant_confidence_is_in_the_unit_interval(article):
    text, _, _, _ = article
    events = record(text)["events"]
    assert events
    for event in events:
        assert isinstance(event["confidence"], float)
        assert 0.0 <= event["confidence"] <= 1.0
        for p in event["participants"]:
            assert 0.0 <= p["confidence"] <= 1.0


@settings(max_examples=25, deadline=None)
@given(articles())
def test_an_occurred_event_has_exactly_the_two_states_of_the_report(article):
    text, home, away, _ = article
    for event in record(text)["events"]:
        if event["status"] == "occurred":
            assert sorted(event["countries"]) == sorted([home, away])


@settings(max_examples=25, deadline=None)
@given(articles())
def test_why_countries_is_given_exactly_when_a_state_came_from_the_document(article):
    text, home, away, guest_state_in_sentence = article
    for event in record(text)["events"]:
        filled = event["status"] == "occurred" and not guest_state_in_sentence
        if filled:
            assert event["why"]["countries"].startswith(f"{away} from the report's")
            assert event["confidence"] < 0.9
        else:
            assert "countries" not in event["why"]


# ---- people who are not participants ----

def test_a_spokesperson_quoted_in_a_later_sentence_is_not_a_participant():
    event = only_event(SPOKESPERSON)
    assert names(event) == ["Ingrid Solheim", "Daniel Mwangi"]


def test_a_spokesperson_reporting_the_event_sentence_is_not_a_participant():
    event = only_event(SPOKESPERSON_SAME_SENTENCE)
    assert "Lars Haugen" not in names(event)
    assert event["type"] == "meeting"
    assert sorted(event["countries"]) == ["KE", "NO"]


# ---- no event ----

def test_trade_statistics_article_has_no_event():
    rec = record(TRADE_STATISTICS)
    assert rec["title"] == "Exports rise in the first quarter"
    assert rec["events"] == []
