"""Search facets: counts of the distinct events behind the newest matching evidence sentences,
checked against a straightforward count in Python, with and without filters and a cap."""

from __future__ import annotations

from collections import Counter

import pytest

from attache.resolve import add_document
from attache.store import open_store
from attache.store.reads import event_filter
from store.test_pair_summaries import generated_documents

NO_FILTER = {"country": None, "type": None, "topic": None, "year": None, "status": None}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("facets") / "facets.db") as opened:
        for art, rec in generated_documents(11, 70):
            add_document(opened, art, rec)
        yield opened


def straightforward(store, match: str, filters: dict, cap: int) -> dict:
    condition = event_filter(filters)
    rows = store.rows("SELECT de.event_id, e.type, e.status, e.date_lo FROM evidence_fts"
                      " JOIN doc_events de ON de.id = evidence_fts.rowid JOIN events e ON e.id = de.event_id"
                      " WHERE evidence_fts MATCH ?" + (f" AND {condition[0]}" if condition else "")
                      + " ORDER BY evidence_fts.rowid DESC", [match] + (condition[1] if condition else []))
    events = {row["event_id"]: row for row in rows[:cap]}
    counts = {name: Counter() for name in ("country", "topic", "type", "status", "year")}
    for event_id, row in events.items():
        counts["type"][row["type"]] += 1
        counts["status"][row["status"]] += 1
        if row["date_lo"]:
            counts["year"][row["date_lo"][:4]] += 1
        for (country,) in store.execute("SELECT country FROM event_countries WHERE event_id = ?", (event_id,)):
            counts["country"][country] += 1
        for (topic,) in store.execute("SELECT topic FROM event_topics WHERE event_id = ?", (event_id,)):
            counts["topic"][topic] += 1
    return counts, len(rows) > cap


@pytest.mark.parametrize("filters", [{}, {"country": "TM"}, {"topic": "energy", "status": "occurred"}, {"year": 2024}])
@pytest.mark.parametrize("cap", [200, 7])
def test_facets_count_the_events_of_the_newest_matches(store, monkeypatch, filters, cap):
    monkeypatch.setattr("attache.store.reads.FACET_MATCH_CAP", cap)
    filters = {**NO_FILTER, **filters}
    facets, capped = store.evidence_facets('"talks"', filters)
    expected, expected_capped = straightforward(store, '"talks"', filters, cap)
    assert capped == expected_capped
    for name, values in facets.items():
        assert {v["value"]: v["count"] for v in values} == dict(expected[name]), name
        if name == "year":  # newest year first
            assert [v["value"] for v in values] == sorted((v["value"] for v in values), reverse=True)
        else:  # most frequent first, then by value
            order = [(-v["count"], str(v["value"])) for v in values]
            assert order == sorted(order), name
    assert sum(v["count"] for v in facets["status"]) >= 2  # the case has matches


@pytest.mark.parametrize("rows", ["missing", "stale"])
def test_facets_come_from_the_tables_when_the_stored_values_cannot_be_trusted(store, rows):
    """An upgraded store serves events without a facet row; a write path that forgot to refresh
    leaves rows the triggers marked stale. Either way the counts are those of the tables."""
    expected, _ = straightforward(store, '"talks"', NO_FILTER, 200)
    store.execute("BEGIN")
    try:
        if rows == "missing":
            store.execute("DELETE FROM event_facets")
        else:
            store.execute("UPDATE event_facets SET keys = 'type wrong' || char(10) || 'country XX'")
            store.execute("INSERT INTO event_cards_stale (event_id) SELECT id FROM events")
        facets, _ = store.evidence_facets('"talks"', NO_FILTER)
    finally:
        store.execute("ROLLBACK")
    for name, values in facets.items():
        assert {v["value"]: v["count"] for v in values} == dict(expected[name]), name


def test_facets_of_nothing_found_are_empty(store):
    facets, capped = store.evidence_facets('"nowherewords"', NO_FILTER)
    assert facets == {"country": [], "topic": [], "type": [], "status": [], "year": []} and not capped
