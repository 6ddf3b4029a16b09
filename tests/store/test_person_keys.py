"""Migration 13: people filed under the spelling keys of their surnames (person_keys)."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from attache.resolve import spelling
from attache.store import open_store
from attache.store.connection import split_statements
from attache.store.migrations import name_lookup_key_sql, name_skeleton_sql

# stored surname keys (folded, as people.surname_key holds them) and their keys, by hand
SURNAMES = {"tokayev": "tkv", "toqaev": "tkv", "meredow": "mrdv", "al-sudani": "sdn", "shoukry": "skr",
            "berdymukhammedov": "brdmmdv", "yılmaz": "lmz", "ali": "=ali", "jr": "jr", "o'neill": "nl"}


def test_existing_people_get_the_key_of_their_stored_surname(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store, store.transaction():
        ids = {surname: store.create_person(surname.title(), surname, None, None) for surname in SURNAMES}
        # the store as it was before migration 13
        store.execute("DROP TABLE person_keys")
        store.execute("DELETE FROM migrations WHERE number = 13")
    with open_store(path) as store:
        filed = {row["person_id"]: row["key"] for row in store.rows("SELECT key, person_id FROM person_keys")}
        assert filed == {ids[surname]: key for surname, key in SURNAMES.items()}
        assert store.people_by_name_keys(["tkv"]) == [store.person_row(ids["tokayev"]), store.person_row(ids["toqaev"])]


def test_a_fresh_store_has_the_table_and_its_indexes(tmp_path):
    with open_store(tmp_path / "new.db") as store:
        assert store.scalar("SELECT count(*) FROM person_keys") == 0
        indexes = {r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE tbl_name = 'person_keys'")}
        assert "person_keys_person" in indexes
        plan = " ".join(r["detail"] for r in store.rows(
            "EXPLAIN QUERY PLAN SELECT * FROM people WHERE id IN (SELECT person_id FROM person_keys"
            " WHERE key IN ('tkv', 'lvrv')) ORDER BY id"))
        assert "SCAN" not in plan


def sql_keys(folded: list[str]) -> list[str]:
    """The keys the migration's SQL gives these folded surnames."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, skeleton TEXT NOT NULL)")
    conn.executemany("INSERT INTO t (n, skeleton) VALUES (?, ?)", list(enumerate(folded)))
    for statement in split_statements(name_skeleton_sql("t", "skeleton")):
        conn.execute(statement)
    return [row[0] for row in conn.execute(f"SELECT {name_lookup_key_sql('skeleton')} FROM t ORDER BY n")]


def test_the_sql_keys_are_the_hand_written_ones():
    assert sql_keys(list(SURNAMES)) == list(SURNAMES.values())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abcdhijkloqsuvwxyz'-.^$ıəđ", max_size=14), min_size=1, max_size=20))
def test_the_migration_sql_and_the_python_keys_agree(folded):
    assert sql_keys(folded) == [spelling.lookup_key(f) for f in folded]
