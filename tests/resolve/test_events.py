"""Events across documents: merged reports, distinct same-day meetings, planned -> occurred."""

from __future__ import annotations

import pytest
from store.builders import (
    ANNOUNCE_TEXT,
    MFA_TEXT,
    article,
    event,
    load,
    planned_and_report,
    record,
    same_day_meetings,
    three_outlets,
)

from attache.resolve import add_document, events
from attache.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "events.db") as opened:
        yield opened


def test_three_outlets_one_event_three_sources(store):
    load(store, three_outlets())
    (merged,) = store.rows("SELECT * FROM events")
    assert merged["source_count"] == 3
    assert merged["date"] == "2024-05-16" and merged["date_precision"] == "day"
    assert merged["location_name"] == "Ashgabat"
    state = store.event_states([merged["id"]])[0]
    assert sorted(state["countries"]) == ["JP", "TM"]
    assert set(state["topics"]) == {"politics", "energy", "transport", "trade"}
    assert len(state["people"]) == 2  # "S. Annayev" and "K. Morita" are the same two people
    sources = store.event_source_rows([merged["id"]])[merged["id"]]
    assert {s["doc"] for s in sources} == {"mfa_tm_jp.txt", "agency_tm_jp.txt", "regional_tm_jp.txt"}
    assert all(s["evidence"] and s["evidence"][0]["text"] for s in sources)
    assert store.event_conflicts(merged["id"]) == []


def test_order_of_arrival_does_not_change_the_merge(store):
    load(store, list(reversed(three_outlets())))
    (merged,) = store.rows("SELECT * FROM events")
    assert merged["source_count"] == 3 and merged["date"] == "2024-05-16"


def test_two_same_day_meetings_with_different_counterparts_stay_two(store):
    load(store, same_day_meetings())
    rows = store.rows("SELECT * FROM events ORDER BY id")
    assert len(rows) == 2
    assert [r["source_count"] for r in rows] == [1, 1]


def test_planned_event_is_linked_to_its_later_report(store):
    load(store, planned_and_report())
    planned = store.row("SELECT id FROM events WHERE status = 'planned'")["id"]
    occurred = store.row("SELECT id FROM events WHERE status = 'occurred'")["id"]
    assert store.planned_links_of(planned) == {"planned": [], "occurred": [occurred]}


def test_announcement_stored_after_the_report_is_still_linked(store):
    load(store, list(reversed(planned_and_report())))
    assert store.scalar("SELECT count(*) FROM planned_links") == 1


def test_planned_and_occurred_never_merge(store):
    load(store, planned_and_report())
    assert store.scalar("SELECT count(*) FROM events") == 2


def test_disagreeing_places_are_kept_as_a_conflict(store):
    load(store, three_outlets()[:1])
    other = article("elsewhere.txt", MFA_TEXT.replace("Ashgabat", "Avaza"), "2024-05-16", "paper.example")
    load(store, [(other, record(other, event(other["text"], other["text"].splitlines()[2], date="2024-05-16",
                                             location={"name": "Avaza", "country": "TM"}, countries=["TM", "JP"])))])
    (merged,) = store.rows("SELECT * FROM events")
    (conflict,) = store.event_conflicts(merged["id"])
    assert conflict["field"] == "location_name"
    assert {v["value"] for v in conflict["values"]} == {"Ashgabat", "Avaza"}


def test_events_of_one_document_are_never_merged_together(store):
    text = ANNOUNCE_TEXT
    sentence = text.splitlines()[1]
    art = article("twice.txt", text, "2024-03-01")
    same = dict(type="talks", date="2024-03-01", countries=["KZ", "JP"])
    add_document(store, art, record(art, event(text, sentence, **same), event(text, sentence, **same)))
    assert store.scalar("SELECT count(*) FROM events") == 2


def test_gold_style_records_with_string_locations_and_planned_key(store):
    art = article("gold.txt", MFA_TEXT, "2024-05-16")
    rec = {"doc": "gold.txt", "published": "2024-05-16",
           "events": [{"type": "consultation", "date": "2024-05-16", "location": "Ashgabat", "countries": ["TM", "JP"]}],
           "planned": [{"what": "Business forum", "date": None, "location": None}]}
    add_document(store, art, rec)
    assert sorted(r["status"] for r in store.rows("SELECT status FROM events")) == ["occurred", "planned"]
    assert store.row("SELECT location_name, lat FROM events WHERE status = 'occurred'") == \
        {"location_name": "Ashgabat", "lat": pytest.approx(37.95, abs=0.1)}


@pytest.mark.parametrize("a, b, expected", [
    ("consultation", "talks", True), ("meeting", "signing", True), ("visit", "meeting", False),
    ("phone_call", "talks", True), ("talks", "phone_call", True), ("phone_call", "meeting", False),
    ("phone_call", "visit", False), ("other", "summit", True), (None, "visit", True)])
def test_type_families(a, b, expected):
    assert events.types_compatible(a, b) is expected


def test_countries_overlap_needs_the_pair():
    assert events.countries_overlap(["TM", "JP"], ["JP", "TM", "KZ"])
    assert not events.countries_overlap(["TM", "JP"], ["TM", "KZ"])
    assert events.countries_overlap(["TM"], ["TM", "KZ"])
    assert not events.countries_overlap([], ["TM"])


def test_month_contains_day_but_two_days_do_not_overlap():
    base = {"status": "occurred", "type": "talks", "countries": ["TM", "JP"], "people": {}}
    day = {**base, "date": "2024-05-16", "date_precision": "day", "date_lo": "2024-05-16", "date_hi": "2024-05-16"}
    month = {**base, "date": "2024-05", "date_precision": "month", "date_lo": "2024-05-01", "date_hi": "2024-05-31"}
    other_day = {**base, "date": "2024-05-18", "date_precision": "day", "date_lo": "2024-05-18",
                 "date_hi": "2024-05-18"}
    assert events.can_merge(day, month) and events.can_merge(month, day)
    assert not events.can_merge(day, other_day)
    merged, conflicts = events.merge(month, day)
    assert merged["date"] == "2024-05-16" and conflicts == []
