"""One mention, several events (attache/extract/splits.py), read through the whole pipeline:
a credentials ceremony with envoys of several states, a visit to two places, a call with
several counterparts, separate meetings with several people. The articles are our own,
with invented officials and real states.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pipeline_records import events


def people(event: dict) -> list[tuple[str, str | None]]:
    return [(p["name"], p["country"]) for p in event["participants"]]


# ---- split_credentials ----

ENVOYS_OF = """12 March 2025
President receives envoys
LIMA, March 12, 2025 (Agency) - President Carlos Medina of Peru received the credentials of Ambassador Jane Doe of Canada, Ambassador Pierre Martin of France and Ambassador Hans Vogel of Germany at the Government Palace on Tuesday.
"""

ENVOYS_BRACKETED = """12 March 2025
Envoys
President Samuel Otieno received the credentials of Ambassador Jane Doe (Peru) and Ambassador Hans Vogel (Austria) at State House, Nairobi on Tuesday.
"""

ENVOYS_BRACKETED_AND_MENTION = """12 March 2025
New envoys in Nairobi
President Samuel Otieno received the credentials of Ambassador Jane Doe (Peru) and Ambassador Hans Vogel (Austria) at State House, Nairobi on Tuesday. The President thanked Austria for its troops in Lebanon.
"""

ENVOYS_LISTED = """12 March 2025
Envoys present credentials
President Carlos Medina received the letters of credence of new ambassadors at the Government Palace in Lima on Tuesday. Canada, Finland and Spain are the countries whose ambassadors presented their credentials.
"""

ONE_ENVOY = """12 March 2025
One envoy
President Samuel Otieno of Kenya received the credentials of Ambassador Jane Doe of Peru at State House, Nairobi on Tuesday. They discussed the peacekeeping troops in Lebanon and trade with Brazil.
"""


def test_credentials_of_three_envoys_is_three_meetings():
    found = events(ENVOYS_OF)
    assert [e["type"] for e in found] == ["meeting"] * 3
    assert all(e["status"] == "occurred" for e in found)


def test_credentials_each_meeting_is_the_host_and_one_sending_state():
    assert sorted(tuple(sorted(e["countries"])) for e in events(ENVOYS_OF)) == [
        ("CA", "PE"), ("DE", "PE"), ("FR", "PE")]


def test_credentials_each_meeting_has_the_host_and_that_states_envoy():
    assert sorted(people(e) for e in events(ENVOYS_OF)) == [
        [("Carlos Medina", "PE"), ("Hans Vogel", "DE")],
        [("Carlos Medina", "PE"), ("Jane Doe", "CA")],
        [("Carlos Medina", "PE"), ("Pierre Martin", "FR")],
    ]


def test_credentials_split_meetings_keep_the_ceremonys_day():
    assert {e["date"] for e in events(ENVOYS_OF)} == {"2025-03-11"}


def test_credentials_why_says_the_state_is_one_of_the_ceremonys_states():
    whys = [e["why"]["countries"] for e in events(ENVOYS_OF)]
    assert all("one of 3 states whose envoys presented credentials" in w for w in whys), whys


def test_credentials_bracketed_state_after_a_name_gives_that_envoys_state():
    found = events(ENVOYS_BRACKETED)
    assert {tuple(sorted(e["countries"])) for e in found} == {("KE", "PE"), ("AT", "KE")}
    assert {p for e in found for p in people(e)} == {
        ("Samuel Otieno", "KE"), ("Jane Doe", "PE"), ("Hans Vogel", "AT")}


def test_credentials_bracketed_states_give_one_meeting_per_state():
    assert len(events(ENVOYS_BRACKETED)) == 2


def test_credentials_state_mentioned_elsewhere_is_not_an_envoy_state():
    found = events(ENVOYS_BRACKETED_AND_MENTION)
    assert found
    assert all("LB" not in e["countries"] for e in found)
    assert {c for e in found for c in e["countries"]} == {"KE", "PE", "AT"}


def test_credentials_written_list_of_states_gives_one_meeting_per_listed_state():
    found = events(ENVOYS_LISTED)
    assert sorted(tuple(sorted(e["countries"])) for e in found) == [("CA", "PE"), ("ES", "PE"), ("FI", "PE")]


def test_credentials_written_list_keeps_the_host_on_each_meeting():
    found = events(ENVOYS_LISTED)
    assert [[p["name"] for p in e["participants"]] for e in found] == [["Carlos Medina"]] * 3


def test_credentials_with_one_envoy_stays_one_meeting():
    found = events(ONE_ENVOY)
    assert len(found) == 1
    assert sorted(found[0]["countries"]) == ["KE", "PE"]
    assert "LB" not in found[0]["countries"] and "BR" not in found[0]["countries"]


STATES = {"Canada": "CA", "Finland": "FI", "Spain": "ES", "France": "FR", "Germany": "DE", "Japan": "JP",
          "Brazil": "BR", "Chile": "CL", "Norway": "NO", "Italy": "IT", "Mexico": "MX", "Egypt": "EG"}


def _written_list(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1]


@settings(max_examples=12, deadline=None)
@given(st.lists(st.sampled_from(sorted(STATES)), min_size=2, max_size=5, unique=True))
def test_property_credentials_listed_states_give_that_many_meetings_each_host_and_one_state(names):
    text = ("14 March 2025\nNew envoys in Nairobi\n"
            "President Samuel Otieno of Kenya received the letters of credence of new ambassadors at "
            f"State House, Nairobi on Wednesday. {_written_list(names)} are the countries whose "
            "ambassadors presented their credentials.\n")
    found = events(text)
    assert len(found) == len(names)
    assert sorted(tuple(sorted(e["countries"])) for e in found) == \
        sorted(tuple(sorted(("KE", STATES[n]))) for n in names)
    assert all(e["type"] == "meeting" for e in found)


# ---- split_destinations ----

TWO_PLACES = """12 March 2025
Minister to tour the Andes
Foreign Minister Ana Torres of Argentina will visit Lima and Quito next week to discuss trade.
"""


def test_visit_to_two_places_is_two_planned_visits():
    found = events(TWO_PLACES)
    assert [(e["type"], e["status"]) for e in found] == [("visit", "planned")] * 2


def test_visit_to_two_places_gives_one_place_each_with_its_state():
    found = events(TWO_PLACES)
    assert [(e["location"]["name"], e["location"]["country"]) for e in found] == [("Lima", "PE"), ("Quito", "EC")]
    assert ["PE" in found[0]["countries"], "EC" in found[1]["countries"]] == [True, True]
    assert "EC" not in found[0]["countries"] and "PE" not in found[1]["countries"]


def test_visit_to_two_places_keeps_the_visitor_on_both():
    assert [[p["name"] for p in e["participants"]] for e in events(TWO_PLACES)] == [["Ana Torres"]] * 2


# ---- split_counterparts ----

COUNTERPARTS = """12 March 2025
Regional calls
Foreign Minister Ana Torres of Argentina spoke on Tuesday with her Chilean, Peruvian and Bolivian counterparts about the drought.
"""


def test_call_with_three_counterparts_is_three_calls():
    found = events(COUNTERPARTS)
    assert [(e["type"], e["status"]) for e in found] == [("phone_call", "occurred")] * 3


def test_call_with_counterparts_each_has_the_speakers_state_and_one_counterpart():
    assert [e["countries"] for e in events(COUNTERPARTS)] == [["AR", "CL"], ["AR", "PE"], ["AR", "BO"]]


def test_call_with_counterparts_keeps_the_speaker_on_each():
    assert [people(e) for e in events(COUNTERPARTS)] == [[("Ana Torres", "AR")]] * 3


def test_call_with_counterparts_keeps_the_day():
    assert {e["date"] for e in events(COUNTERPARTS)} == {"2025-03-11"}


# ---- split_separate_meetings ----

SEPARATE_PLANNED = """12 March 2025
Meetings in Lima
President Carlos Medina will hold separate meetings in Lima on Friday with President Ana Torres of Argentina, then with Prime Minister John Carter of Canada, and with Chancellor Hans Vogel of Germany.
"""

SEPARATE_NO_PLACE = """12 March 2025
Summit sidelines
President Carlos Medina of Peru will hold separate meetings with President Ana Torres of Argentina, then with Prime Minister John Carter of Canada, and with Chancellor Hans Vogel of Germany on Friday.
"""

SEPARATE_OCCURRED = """12 March 2025
Summit sidelines
On Friday, President Carlos Medina of Peru held separate meetings with President Ana Torres of Argentina, with Prime Minister John Carter of Canada and with Chancellor Hans Vogel of Germany.
"""


def test_separate_meetings_with_three_people_are_three_meetings():
    found = events(SEPARATE_PLANNED)
    assert [(e["type"], e["status"]) for e in found] == [("meeting", "planned")] * 3


def test_separate_meetings_each_holds_the_host_and_one_counterpart():
    assert [people(e) for e in events(SEPARATE_PLANNED)] == [
        [("Carlos Medina", "PE"), ("Ana Torres", "AR")],
        [("Carlos Medina", "PE"), ("John Carter", "CA")],
        [("Carlos Medina", "PE"), ("Hans Vogel", "DE")],
    ]


def test_separate_meetings_keep_the_date_and_place():
    assert {(e["date"], e["location"]["name"]) for e in events(SEPARATE_PLANNED)} == {("2025-03-14", "Lima")}


def test_separate_meetings_that_took_place_are_one_per_counterpart():
    found = events(SEPARATE_OCCURRED)
    assert [p["name"] for e in found for p in e["participants"] if p["name"] != "Carlos Medina"] == [
        "Ana Torres", "John Carter", "Hans Vogel"]
    assert {e["date"] for e in found} == {"2025-03-07"}


def test_separate_meetings_each_lists_only_the_host_state_and_its_counterparts_state():
    assert [sorted(e["countries"]) for e in events(SEPARATE_PLANNED)] == [["AR", "PE"], ["CA", "PE"], ["DE", "PE"]]


def test_separate_meetings_that_took_place_list_only_their_own_two_states():
    assert [sorted(e["countries"]) for e in events(SEPARATE_OCCURRED)] == [["AR", "PE"], ["CA", "PE"], ["DE", "PE"]]


@pytest.mark.xfail(strict=True, reason="'will hold separate meetings with A, then with B, and with C on Friday' "
                                       "with no place in the sentence gives no event at all")
def test_separate_meetings_without_a_place_are_still_three_meetings():
    found = events(SEPARATE_NO_PLACE)
    assert [p["name"] for e in found for p in e["participants"] if p["name"] != "Carlos Medina"] == [
        "Ana Torres", "John Carter", "Hans Vogel"]
