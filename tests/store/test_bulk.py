"""The bulk path writes the same tables and counters as the ingest path, minus merging."""

from __future__ import annotations

from attache import query
from attache.resolve.bulk import bulk_add
from attache.store import open_store
from store.builders import person_forms, three_outlets


def test_bulk_load_fills_every_table_and_counter(tmp_path):
    with open_store(tmp_path / "bulk.db") as store:
        cache: dict = {}
        with store.transaction():
            assert bulk_add(store, three_outlets() + person_forms(), cache) == (7, 7)
        with store.transaction():
            assert bulk_add(store, three_outlets(), cache) == (0, 0)  # already stored
        assert store.total("documents") == 7 and store.total("events") == 7
        assert store.total("events") == store.scalar("SELECT count(*) FROM events")
        pairs = {(r["k1"], r["k2"]): r["n"] for r in store.aggregate_all("pair")}
        assert pairs[("TM", "JP")] == 3  # no merging on this path: three reports, three events
        karayev = query.person(store, "Merdan Karayev")
        assert [t["title"] for t in karayev["titles"]] == ["Minister of Foreign Affairs"]
        assert query.search(store, "hydrogen")["hits"][0]["doc"] == "mfa_tm_jp.txt"
        assert query.timeline(store, "TM", "JP")["total"] == 3
        store.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')")
