"""Event cards (one JSON summary per merged event, migration 9) always say what the tables
say: on the ingest path (with merges), when a person's name is completed later, on the bulk
path, when extraction is rerun, and on an older store the migration marks for rebuilding."""

from __future__ import annotations

import json

import pytest

from attache.pipeline import Outcome
from attache.query.shapes import event_briefs, event_summaries
from attache.resolve import add_document, reextract
from attache.resolve import document as document_module
from attache.resolve.bulk import bulk_add
from attache.resolve.ingest import store_group
from attache.store import SqliteStore, open_store
from attache.store.cards import live_briefs, live_summaries
from attache.store.migrations import EVENT_FACET_KEYS
from store.builders import article, event, everything, load, person, record
from store.test_pair_summaries import generated_documents, store_before_migration


def event_ids(store) -> list[int]:
    return [r[0] for r in store.execute("SELECT id FROM events ORDER BY id")]


def assert_cards_match(store) -> int:
    """Every event has a card, nothing is stale, and what the readers serve from the cards
    (full, without evidence, briefs) equals what the tables give; returns the events seen."""
    ids = event_ids(store)
    assert ids
    assert store.scalar("SELECT count(*) FROM event_cards_stale") == 0
    assert sorted(store.event_cards(ids)) == ids
    assert store.rows("SELECT event_id, keys FROM event_facets ORDER BY event_id") == store.rows(
        f"SELECT e.id AS event_id, {EVENT_FACET_KEYS} AS keys FROM events e ORDER BY e.id")
    live = live_summaries(store, ids)
    served = event_summaries(store, ids)
    assert json.dumps(served) == json.dumps(live)  # same values, same key order
    assert event_briefs(store, ids[::-1]) == live_briefs(store, ids[::-1])
    without = event_summaries(store, ids, with_evidence=False)
    assert all("evidence" not in s for e in without for s in e["sources"])
    assert [e["sources"][0]["doc_id"] for e in without] == [e["sources"][0]["doc_id"] for e in live]
    return len(ids)


def test_ingest_path_keeps_cards_exact_through_merges(tmp_path):
    with open_store(tmp_path / "ingest.db") as store:
        for art, rec in generated_documents(7, 60):
            add_document(store, art, rec)
        assert store.scalar("SELECT max(source_count) FROM events") > 1  # merges happened
        assert assert_cards_match(store) < 60


def test_a_name_completed_later_reaches_the_cards_of_earlier_events(tmp_path):
    first_text = "Tokyo, 2 May 2024\nK. Morita met Turkmen diplomats in Tokyo.\n"
    later_text = "Ashgabat, 9 June 2024\nAmbassador Kenji Morita held talks in Ashgabat.\n"
    first = article("first.txt", first_text, "2024-05-02", "mofa.go.jp")
    later = article("later.txt", later_text, "2024-06-09", "tna.tm")
    with open_store(tmp_path / "names.db") as store:
        add_document(store, first, record(first, event(first_text, first_text.splitlines()[1], date="2024-05-02",
                                                       countries=["JP", "TM"],
                                                       participants=[person("K. Morita", None, "JP")])))
        [early] = event_ids(store)
        before = json.loads(store.event_cards([early])[early])
        add_document(store, later, record(later, event(later_text, later_text.splitlines()[1], date="2024-06-09",
                                                       countries=["TM", "JP"],
                                                       participants=[person("Kenji Morita", "Ambassador", "JP")])))
        after = json.loads(store.event_cards([early])[early])
        assert assert_cards_match(store) == 2
    assert before["participants"][0]["name"] == "K. Morita"
    assert after["participants"][0]["name"] == "Kenji Morita"


def test_a_group_of_documents_rebuilds_each_card_once_and_a_failed_document_leaves_none_stale(tmp_path, monkeypatch):
    """``store_group`` writes documents in one transaction, a savepoint each; the cards are
    rebuilt at its commit. A document whose writes fail is undone with its stale marks."""
    documents = generated_documents(9, 30)
    rebuilt = []
    real_put = SqliteStore.put_event_cards
    monkeypatch.setattr(SqliteStore, "put_event_cards",
                        lambda store, ids, cards: (rebuilt.extend(ids), real_put(store, ids, cards)))
    outcomes = [(Outcome(art["doc"], art, rec), None) for art, rec in documents]
    broken_text = documents[20][0]["text"]
    real_resolve = document_module.resolve_events

    def resolve_then_fail(store, doc_id, text, record, published):
        ids = real_resolve(store, doc_id, text, record, published)  # marks its events stale
        if text == broken_text:
            raise RuntimeError("this document's writes fail")
        return ids

    monkeypatch.setattr(document_module, "resolve_events", resolve_then_fail)
    with open_store(tmp_path / "group.db") as store:
        store_group(store, outcomes[:10])
        assert rebuilt and len(rebuilt) == len(set(rebuilt))  # each event once per transaction
        rebuilt.clear()
        with pytest.raises(RuntimeError):
            store_group(store, outcomes[10:])
        assert rebuilt and len(rebuilt) == len(set(rebuilt))
        assert store.scalar("SELECT count(*) FROM documents") == 20  # the group up to the failure
        assert assert_cards_match(store) > 0


def test_bulk_path_writes_cards(tmp_path):
    with open_store(tmp_path / "bulk.db") as store:
        with store.transaction():
            bulk_add(store, generated_documents(4, 60), {})
        assert assert_cards_match(store) == 60


def test_rerunning_extraction_rebuilds_the_cards(tmp_path):
    with open_store(tmp_path / "again.db") as store:
        load(store, everything())
        before = store.event_cards(event_ids(store))
        reextract(store)  # the extractor reads the articles again: other events, other ids
        assert assert_cards_match(store) > 0
        assert store.event_cards(event_ids(store)) != before


def test_an_older_store_is_served_live_until_the_next_write_builds_its_cards(tmp_path):
    path = tmp_path / "old.db"
    store_before_migration(path, 9, ("DROP TABLE event_cards", "DROP TABLE event_cards_stale")
                           + tuple(f"DROP TRIGGER {name}" for name in _card_triggers(path)))
    with open_store(path) as store:
        ids = event_ids(store)
        assert store.event_cards(ids) == {}
        assert store.scalar("SELECT count(*) FROM event_cards_stale") == len(ids)
        assert json.dumps(event_summaries(store, ids)) == json.dumps(live_summaries(store, ids))
        text = "Astana, 1 July 2025\nKazakhstan and Japan held talks in Astana.\n"
        art = article("next.txt", text, "2025-07-01", "akorda.kz")
        add_document(store, art, record(art, event(text, text.splitlines()[1], date="2025-07-01",
                                                   countries=["KZ", "JP"])))
        assert assert_cards_match(store) == len(ids) + 1


def test_the_migration_writes_the_facet_values_of_every_event(tmp_path):
    path = tmp_path / "old.db"
    store_before_migration(path, 11, ("DROP TABLE event_facets",))
    with open_store(path) as store:
        table = store.rows("SELECT event_id, keys FROM event_facets ORDER BY event_id")
        assert [row["event_id"] for row in table] == event_ids(store)
        assert table == store.rows(f"SELECT e.id AS event_id, {EVENT_FACET_KEYS} AS keys FROM events e ORDER BY e.id")
        assert all(row["keys"].startswith("type ") and "\ncountry " in row["keys"] for row in table)


def _card_triggers(path) -> list[str]:
    with open_store(path) as store:
        return [r[0] for r in store.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'event_cards_%'")]
