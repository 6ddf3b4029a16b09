"""Reports that give no year (or no date at all) merged with a dated report of the same event,
and the look-alikes that must stay apart. Articles and states are our own invented ones."""

from __future__ import annotations

import pytest
from store.builders import article, event, load, person, record

from attache.resolve import dates, events, names
from attache.resolve.people import resolve_participant
from attache.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "undated.db") as opened:
        yield opened


def state(**fields) -> dict:
    base = {"status": "occurred", "type": "talks", "what": None, "countries": ["NO", "CL"], "people": {},
            "date": None, "date_precision": None, "date_lo": None, "date_hi": None, "month_day": None,
            "location_name": None, "location_country": None, "first_published": None}
    base.update(fields)
    if base["date"] and not base["date_lo"]:
        base["date_lo"], base["date_hi"] = dates.interval(base["date"])
        base["date_precision"] = dates.precision(base["date"])
    return base


# --- pure rules -----------------------------------------------------------------------------

def test_month_day_is_parsed_and_checked():
    assert dates.parse_month_day("--03-07") == "--03-07"
    assert dates.parse_month_day("--02-30") is None and dates.parse_month_day("2021-03-07") is None
    assert dates.month_day_near("--03-07", "2021-03-07", "2021-03-07")
    assert not dates.month_day_near("--03-07", "2021-04-07", "2021-04-07")


def test_month_day_may_open_a_stay_of_a_few_days():
    assert dates.month_day_near("--03-07", "2021-03-09", "2021-03-09", after=3)
    assert not dates.month_day_near("--03-07", "2021-03-06", "2021-03-06", after=3)


def test_undated_report_with_the_same_month_day_merges_with_the_dated_one():
    dated = state(date="2021-03-07", people={1: "NO"})
    undated = state(month_day="--03-07")  # no people, no name: the day tells it
    assert events.can_merge(undated, dated) and events.can_merge(dated, undated)


def test_undated_report_with_another_month_day_stays_apart():
    dated = state(date="2021-03-07", people={1: "NO", 2: "CL"})
    undated = state(type="talks", month_day="--02-11", people={1: "NO", 2: "CL"})
    assert not events.can_merge(undated, dated) and not events.can_merge(dated, undated)


def test_undated_report_sharing_people_merges_with_the_dated_one():
    dated = state(date="2021-03-07", people={1: "NO", 2: "CL"})
    undated = state(type="meeting", people={1: "NO", 2: "CL"})
    assert events.can_merge(undated, dated)


def test_undated_report_with_another_counterpart_stays_apart():
    dated = state(date="2021-03-07", people={1: "NO", 2: "CL"})
    undated = state(people={1: "NO", 3: "CL"})
    assert not events.can_merge(undated, dated)


def test_undated_report_of_another_type_family_stays_apart():
    dated = state(date="2021-03-07", type="phone_call", people={1: "NO", 2: "CL"})
    undated = state(type="visit", people={1: "NO", 2: "CL"})
    assert not events.can_merge(undated, dated)


def test_undated_report_cannot_tell_of_an_event_after_its_publication():
    dated = state(date="2021-03-07", people={1: "NO", 2: "CL"})
    assert not events.can_merge(state(people={1: "NO"}, first_published="2021-02-01"), dated)
    assert not events.can_merge(state(people={1: "NO"}, first_published="2023-05-01"), dated)
    assert events.can_merge(state(people={1: "NO"}, first_published="2021-03-08"), dated)


def test_undated_report_in_another_city_stays_apart():
    dated = state(date="2021-03-07", people={1: "NO"}, location_name="Bergen", location_country="NO")
    elsewhere = state(people={1: "NO"}, location_name="Stavanger", location_country="NO")
    the_state = state(people={1: "NO"}, location_name="Norway", location_country="NO")
    assert not events.can_merge(elsewhere, dated)
    assert events.can_merge(the_state, dated)


def test_two_undated_reports_with_different_month_days_stay_apart():
    a = state(month_day="--03-07", people={1: "NO"})
    b = state(month_day="--05-20", people={1: "NO"})
    assert not events.can_merge(a, b)
    assert events.can_merge(a, state(month_day="--03-07", people={1: "NO"}))


def test_merged_event_keeps_the_month_day_only_while_undated():
    undated = state(month_day="--03-07", people={1: "NO"})
    merged, _ = events.merge(undated, state(date="2021-03-07", people={1: "NO"}))
    assert merged["date"] == "2021-03-07" and merged["month_day"] is None
    merged, _ = events.merge(undated, state(people={1: "NO"}))
    assert merged["month_day"] == "--03-07"


# --- names written surname first ------------------------------------------------------------

def test_reversed_key_reads_two_full_names_surname_first():
    assert names.reversed_key("Okabe Renji") == {"surname": "okabe", "first": "renji", "initial": "r"}
    assert names.reversed_key("R. Okabe") is None and names.reversed_key("Renji Taro Okabe") is None


def test_name_written_surname_first_is_the_same_person(store):
    for doc_id in ("d1", "d2", "d3"):
        store.insert_document({"id": doc_id, "doc": f"{doc_id}.txt", "text": f"text of {doc_id}"})
    first = resolve_participant(store, person("Renji Okabe", "Vice Minister", "JP"), "2022-06-01", "d1")
    assert resolve_participant(store, person("Okabe Renji", None, "JP"), "2022-06-02", "d2") == first
    # another given name is another person, whatever the order
    assert resolve_participant(store, person("Okabe Daichi", None, "JP"), "2022-06-02", "d3") != first


# --- through the store ----------------------------------------------------------------------

DATED = """Oslo, 8 March 2021
Norway and Chile hold talks
On 7 March 2021, State Secretary Ingrid Solberg-Haug held talks in Oslo with Chilean Vice Minister Tomás Ercilla.
"""
NO_YEAR = """Chile and Norway review cooperation
Vice Minister Tomás Ercilla held talks with State Secretary Ingrid Solberg-Haug in Oslo on 7 March.
"""
OTHER_DAY = """Chile and Norway review cooperation
Vice Minister Tomás Ercilla held talks with State Secretary Ingrid Solberg-Haug in Oslo on 19 January.
"""
NO_DATE = """Chile and Norway review cooperation
Vice Minister Tomás Ercilla held talks with State Secretary Ingrid Solberg-Haug in Oslo.
"""
SECOND_ROUND = """Oslo, 16 June 2021
Norway and Chile hold a second round
On 15 June 2021, State Secretary Ingrid Solberg-Haug held talks in Oslo with Chilean Vice Minister Tomás Ercilla.
"""


def talks(doc: str, text: str, sentence: str, published: str | None = None, **fields):
    art = article(doc, text, published)
    people = [person("Ingrid Solberg-Haug", "State Secretary", "NO"), person("Tomás Ercilla", "Vice Minister", "CL")]
    return art, record(art, event(text, sentence, type="talks", location={"name": "Oslo", "country": "NO"},
                                  countries=["NO", "CL"], participants=people, **fields))


def dated(doc="dated.txt", text=DATED, day="2021-03-07"):
    return talks(doc, text, text.splitlines()[2], date=day)


def undated(text: str, doc: str, **fields):
    return talks(doc, text, text.splitlines()[1], **fields)


def sources_per_event(store) -> list[int]:
    return sorted(row["source_count"] for row in store.rows("SELECT source_count FROM events"))


@pytest.mark.parametrize("order", [1, -1])
def test_report_without_year_joins_the_dated_report_of_that_day(store, order):
    load(store, [dated(), undated(NO_YEAR, "no_year.txt", month_day="--03-07")][::order])
    assert sources_per_event(store) == [2]
    (row,) = store.rows("SELECT date, month_day FROM events")
    assert row["date"] == "2021-03-07" and row["month_day"] is None


def test_report_without_year_of_another_day_stays_apart(store):
    load(store, [dated(), undated(OTHER_DAY, "other_day.txt", month_day="--01-19")])
    assert sources_per_event(store) == [1, 1]
    assert store.rows("SELECT month_day FROM events WHERE month_day IS NOT NULL")[0]["month_day"] == "--01-19"


def test_undated_report_joins_the_one_dated_event_of_its_people(store):
    load(store, [dated(), undated(NO_DATE, "no_date.txt")])
    assert sources_per_event(store) == [2]


def test_undated_report_fitting_two_rounds_joins_neither(store):
    load(store, [dated(), dated("second.txt", SECOND_ROUND, "2021-06-15"), undated(NO_DATE, "no_date.txt")])
    assert sources_per_event(store) == [1, 1, 1]


def test_a_report_without_any_date_tells_of_recent_news_only():
    dated = state(date="2021-03-07", people={1: "NO", 2: "CL"})
    assert events.can_merge(state(people={1: "NO", 2: "CL"}, first_published="2021-03-20"), dated)
    assert not events.can_merge(state(people={1: "NO", 2: "CL"}, first_published="2021-06-20"), dated)
    # a day written without its year may be a year back
    assert events.can_merge(state(month_day="--03-07", people={1: "NO"}, first_published="2021-06-20"), dated)
