"""The rules that decide whether two reports tell of one event (pure functions, no store)."""

from __future__ import annotations

from attache.resolve import events
from attache.resolve.blocks import country_blocks
from attache.resolve.dates import interval, precision


def state(**fields) -> dict:
    base = {"status": "occurred", "type": "meeting", "what": None, "countries": ["KE", "GH"], "people": {},
            "date": "2025-03-04", "month_day": None, "location_name": None, "location_country": None,
            "first_published": "2025-03-05"}
    base.update(fields)
    base["date_lo"], base["date_hi"] = interval(base["date"]) if base["date"] else (None, None)
    base["date_precision"] = precision(base["date"]) if base["date"] else None
    return base


def test_one_shared_host_is_not_enough_when_the_guests_may_differ():
    # the host (1, KE) received someone whose state the report did not give: 2 in one, 3 in the other
    first = state(people={1: "KE", 2: None})
    second = state(people={1: "KE", 3: None})
    assert not events.can_merge(first, second)
    assert events.people_agree(first["people"], second["people"]) == (False, True)


def test_an_unknown_state_guest_does_not_contradict_when_both_principals_are_shared():
    first = state(people={1: "KE", 2: "GH", 4: None})
    second = state(people={1: "KE", 2: "GH", 5: None})
    assert events.can_merge(first, second)


def test_an_unknown_state_person_against_a_side_the_other_report_fills_contradicts():
    first = state(people={1: "KE", 2: None})
    second = state(people={1: "KE", 3: "GH"})
    assert not events.can_merge(first, second)
    assert events.can_merge(first, state(people={1: "KE", 2: None}))


def test_a_report_naming_one_state_needs_a_person_or_a_name_to_match():
    one_state = state(countries=["KE"], people={7: "KE"})
    pair = state(countries=["KE", "GH"], people={1: "KE", 2: "GH"})
    assert not events.can_merge(one_state, pair)
    assert events.can_merge(state(countries=["KE"], people={1: "KE"}), pair)
    named = state(countries=["KE"], what="Fifth Session of the Joint Commission")
    assert events.can_merge(named, state(what="Joint Commission fifth session"))


def test_a_call_reported_as_talks_merges_but_not_with_a_meeting():
    call = state(type="phone_call", people={1: "KE", 2: "GH"})
    assert events.can_merge(call, state(type="talks", people={1: "KE", 2: "GH"}))
    assert not events.can_merge(call, state(type="meeting", people={1: "KE", 2: "GH"}))


def test_a_call_two_days_apart_is_another_call():
    assert not events.can_merge(state(type="phone_call"), state(type="phone_call", date="2025-03-06"))


def test_multilateral_reports_are_compared_through_pairs_and_single_states():
    assert country_blocks(["KE", "GH"]) == [["KE", "GH"]]
    assert country_blocks(["KE"]) == [["KE"]]
    assert country_blocks([]) == []
    blocks = country_blocks(["TR", "IR", "AZ", "AM", "RU"])
    assert ["IR", "AM"] in blocks and ["TR"] in blocks and ["AM"] in blocks
    assert not any("RU" in block for block in blocks)  # only the first four states


def test_merge_reasons_name_what_agreed():
    new = state(people={1: "KE", 2: "GH"}, location_name="Accra", location_country="GH")
    old = state(people={1: "KE", 2: "GH"}, location_name="Accra", location_country="GH", type="talks")
    reasons = events.merge_reasons(new, old)
    assert reasons == ["same date 2025-03-04", "2 participants in common", "same states KE, GH", "same place Accra",
                       "related types talks and meeting"]
