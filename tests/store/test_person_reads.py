"""Reads behind the person profile: counterparts from the maintained ``person_links`` counts,
the person's latest events (each once, however many sources name the person) and the
articles of those events; checked against straightforward queries over ``participations``,
on the ingest path (with merging), the bulk path and after migration 7 backfills a store."""

from __future__ import annotations

import pytest

from attache.resolve import add_document
from attache.resolve.bulk import bulk_add
from attache.store import open_store
from store.test_pair_summaries import generated_documents, store_before_migration


def straightforward_counterparts(store, person_id: int) -> list[dict]:
    return store.rows("SELECT pe.id AS person_id, pe.name, pe.country, count(DISTINCT o.event_id) AS events"
                      " FROM participations mine JOIN participations o ON o.event_id = mine.event_id"
                      " AND o.person_id <> mine.person_id JOIN people pe ON pe.id = o.person_id"
                      " WHERE mine.person_id = ? GROUP BY pe.id ORDER BY events DESC, pe.name, pe.id", (person_id,))


def people(store) -> list[int]:
    return [r[0] for r in store.execute("SELECT id FROM people ORDER BY id")]


def assert_counterparts_match(store) -> int:
    """Compare every person; return how many had counterparts."""
    with_counterparts = 0
    for person_id in people(store):
        expected = straightforward_counterparts(store, person_id)
        assert store.counterparts(person_id) == expected[:50], person_id
        assert store.counterparts(person_id, limit=2) == expected[:2], person_id
        with_counterparts += bool(expected)
    return with_counterparts


@pytest.mark.parametrize("seed", [1, 2])
def test_ingest_path_keeps_counterparts_exact_through_merges(tmp_path, seed):
    with open_store(tmp_path / "ingest.db") as store:
        for art, rec in generated_documents(seed, 60):
            add_document(store, art, rec)
        assert store.scalar("SELECT count(*) FROM events") < 60  # merges happened
        assert assert_counterparts_match(store) >= 4


def test_bulk_path_keeps_counterparts_exact(tmp_path):
    with open_store(tmp_path / "bulk.db") as store:
        with store.transaction():
            bulk_add(store, generated_documents(4, 60), {})
        assert assert_counterparts_match(store) >= 4


def test_migration_backfills_counterparts_of_an_older_store(tmp_path):
    path = tmp_path / "old.db"
    store_before_migration(path, 7, ("DROP TABLE person_links", "DROP INDEX participations_person_events",
                                     "CREATE INDEX participations_person ON participations(person_id, date_lo)"))
    with open_store(path) as store:
        assert store.scalar("SELECT 1 FROM migrations WHERE number = 7") == 1
        assert assert_counterparts_match(store) >= 4


def latest_event_ids(store, person_id: int) -> list[int]:
    return [r[0] for r in store.execute(
        "SELECT DISTINCT e.id, e.date_lo FROM participations p JOIN events e ON e.id = p.event_id"
        " WHERE p.person_id = ? ORDER BY e.date_lo DESC, e.id DESC", (person_id,))]


def test_person_events_come_once_each_latest_first_with_their_count(tmp_path):
    with open_store(tmp_path / "events.db") as store:
        for art, rec in generated_documents(6, 80):
            add_document(store, art, rec)
        repeated = store.scalar("SELECT count(*) FROM (SELECT 1 FROM participations"
                                " GROUP BY event_id, person_id HAVING count(*) > 1)")
        assert repeated > 0  # people named by several sources of one event
        for person_id in people(store):
            expected = latest_event_ids(store, person_id)
            for limit, offset in ((3, 0), (3, 2), (50, 0)):
                ids, total, capped = store.find_event_ids(person_id=person_id, limit=limit, offset=offset)
                assert ids == expected[offset:offset + limit], (person_id, limit, offset)
                assert (total, capped) == (len(expected), False)
            # with another filter the general path counts (up to a cap)
            ids, total, _ = store.find_event_ids(person_id=person_id, type="talks", limit=3)
            assert ids == expected[:3] and total == min(len(expected), 100)


def test_person_sources_are_the_articles_of_the_latest_events_newest_first(tmp_path):
    with open_store(tmp_path / "sources.db") as store:
        for art, rec in generated_documents(7, 80):
            add_document(store, art, rec)
        store.execute("UPDATE documents SET published = '2025-' || printf('%02d', 1 + rowid % 12) || '-01'")
        checked = 0
        for person_id in people(store):
            rows = store.rows("SELECT doc_id, date_lo FROM participations WHERE person_id = ?", (person_id,))
            every_doc = {r["doc_id"] for r in rows}
            if len(every_doc) < 4:
                continue
            found = store.person_sources(person_id, limit=3)
            assert len(found) == 3
            published = [s["published"] for s in found]
            assert published == sorted(published, reverse=True)
            chosen = {s["doc_id"] for s in found}
            # no article left out reports a later event than an article kept
            newest_left_out = max((r["date_lo"] or "" for r in rows if r["doc_id"] not in chosen), default="")
            oldest_kept = min(max(r["date_lo"] or "" for r in rows if r["doc_id"] == d) for d in chosen)
            assert newest_left_out <= oldest_kept
            everything = store.person_sources(person_id, limit=100)
            assert {s["doc_id"] for s in everything} == every_doc
            checked += 1
        assert checked >= 3
