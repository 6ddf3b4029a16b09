"""The SQLite store: migrations, content ids, transactions, full-text indexes."""

from __future__ import annotations

import pytest

from attache.resolve import add_document
from attache.store import content_id, open_store
from attache.store.connection import migrate
from attache.store.migrations import MIGRATIONS
from store.builders import MFA_TEXT, article, load, record, three_outlets


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "test.db") as opened:
        yield opened


def test_migrations_are_recorded_once_and_safe_to_rerun(tmp_path):
    path = tmp_path / "m.db"
    open_store(path).close()
    with open_store(path) as store:
        assert [r["number"] for r in store.rows("SELECT number FROM migrations ORDER BY number")] == \
            [number for number, _, _ in MIGRATIONS]
        assert migrate(store.conn) == []


def test_later_migrations_apply_to_an_older_database(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr("attache.store.connection.MIGRATIONS", MIGRATIONS[:1])
    open_store(path).close()
    monkeypatch.undo()
    with open_store(path) as store:
        assert store.scalar("SELECT count(*) FROM migrations") == len(MIGRATIONS)
        assert store.url_exists("https://nowhere.example/") is False


def test_read_only_open_upgrades_an_older_database_first(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr("attache.store.connection.MIGRATIONS", MIGRATIONS[:2])
    open_store(path).close()
    monkeypatch.undo()
    with open_store(path, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM migrations") == len(MIGRATIONS)


def test_wal_and_foreign_keys_are_on(store):
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1


def test_content_id_ignores_whitespace_but_not_words():
    assert content_id("Talks  held\nin Baku. ") == content_id("Talks held in Baku.")
    assert content_id("Talks held in Baku.") != content_id("Talks held in Minsk.")


def test_same_text_under_another_name_and_url_is_stored_once(store):
    art, rec = three_outlets()[0]
    assert add_document(store, art, rec)[0] == "stored"
    copy = dict(art, doc="copy.txt", origin="mirror/copy.txt", url="https://mirror.example/copy",
                text=art["text"].replace("\n", "\n\n"))
    status, doc_id = add_document(store, copy, rec)
    assert status == "duplicate"
    assert store.scalar("SELECT count(*) FROM documents") == 1
    assert store.scalar("SELECT count(*) FROM events") == 1
    assert store.url_exists("https://mirror.example/copy")
    assert {o["origin"] for o in store.document_row(doc_id)["origins"]} == {"news/mfa_tm_jp.txt", "mirror/copy.txt"}


def test_failure_mid_document_leaves_earlier_documents_and_nothing_of_the_failed_one(store, monkeypatch):
    pairs = three_outlets()
    load(store, pairs[:1])
    calls = {"n": 0}
    real_add_source = store.add_event_source

    def fail_once(*args):
        calls["n"] += 1
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(store, "add_event_source", fail_once)
    with pytest.raises(RuntimeError):
        add_document(store, *pairs[1])
    monkeypatch.setattr(store, "add_event_source", real_add_source)
    assert calls["n"] == 1
    assert store.scalar("SELECT count(*) FROM documents") == 1
    assert store.scalar("SELECT count(*) FROM doc_events") == 1
    assert store.scalar("SELECT count(*) FROM event_sources") == 1
    assert add_document(store, *pairs[1])[0] == "stored"
    assert store.scalar("SELECT source_count FROM events") == 2


def test_a_nested_transaction_is_a_savepoint_undone_alone(store):
    pairs = three_outlets()
    with store.transaction():
        add_document(store, *pairs[0])
        with pytest.raises(RuntimeError), store.transaction():
            add_document(store, *pairs[1])
            raise RuntimeError("this document only")
        add_document(store, *pairs[2])
    assert store.scalar("SELECT count(*) FROM documents") == 2
    assert store.scalar("SELECT count(*) FROM doc_events") == 2
    assert {row[0] for row in store.execute("SELECT id FROM documents")} == {
        content_id(pairs[0][0]["text"]), content_id(pairs[2][0]["text"])}


def test_committed_documents_survive_a_crashed_connection(tmp_path):
    path = tmp_path / "crash.db"
    store = open_store(path)
    load(store, three_outlets()[:2])
    store.conn.execute("BEGIN IMMEDIATE")
    store.insert_document({"id": "x" * 64, "doc": "half.txt", "text": "half written"})
    store.conn.close()  # no commit: as if the process died here
    with open_store(path) as reopened:
        assert reopened.scalar("SELECT count(*) FROM documents") == 2
        assert reopened.scalar("PRAGMA integrity_check") == "ok"


def test_full_text_indexes_follow_the_tables(store):
    load(store, three_outlets())
    hits, total, _, order = store.search_documents('"hydrogen"', {}, 10, 0)
    assert order == "bm25"
    assert total == 1 and hits[0]["doc"] == "mfa_tm_jp.txt"
    assert store.search_evidence('"Morita"', {}, 10)
    store.clear_derived()
    assert store.search_evidence('"Morita"', {}, 10) == []
    store.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    store.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')")


def test_bad_evidence_offsets_are_dropped_not_stored(store, caplog):
    art = article("bad.txt", MFA_TEXT, "2024-05-16")
    rec = record(art, {"status": "occurred", "type": "talks", "countries": ["TM", "JP"], "date": "2024-05-16",
                       "evidence": [{"start": 0, "end": 10, "text": "not this!!"},
                                    {"start": 5, "end": 9999, "text": "x"}]})
    add_document(store, art, rec)
    assert store.doc_event_rows(content_id(MFA_TEXT))[0]["evidence"] == []
    assert "does not match" in caplog.text


def test_read_only_store_sees_committed_writes(tmp_path):
    path = tmp_path / "ro.db"
    with open_store(path) as writer:
        load(writer, three_outlets()[:1])
        with open_store(path, read_only=True) as reader:
            assert reader.total("documents") == 1
            load(writer, three_outlets()[1:2])
            assert reader.total("documents") == 2
