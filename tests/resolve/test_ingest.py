"""Batches through the real pipeline: re-ingest, early duplicate skip, re-extraction."""

from __future__ import annotations

import importlib

import pytest
from store.builders import AGENCY_TEXT, MFA_TEXT, REGIONAL_TEXT

from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.resolve import ingest, reextract
from attache.store import open_store

# the submodule, not the ``ingest`` function that attache.resolve re-exports under the same name
module = importlib.import_module("attache.resolve.ingest")


def raws():
    return [RawDocument(doc="mfa.txt", origin="in/mfa.txt", text=MFA_TEXT, published="2024-05-16"),
            InputError("in/broken.bin", "binary file"),
            RawDocument(doc="agency.txt", origin="in/agency.txt", text=AGENCY_TEXT, published="2024-05-16"),
            RawDocument(doc="regional.txt", origin="in/regional.txt", text=REGIONAL_TEXT, published="2024-05-17")]


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "ingest.db") as opened:
        yield opened


def test_each_input_gets_one_outcome_in_order(store):
    results = list(ingest(store, raws()))
    assert [(r.origin, r.status) for r in results] == [
        ("in/mfa.txt", "stored"), ("in/broken.bin", "failed"), ("in/agency.txt", "stored"),
        ("in/regional.txt", "stored")]
    assert results[1].reason == "binary file"


def test_reingest_stores_nothing_new_and_skips_extraction(store, monkeypatch):
    list(ingest(store, raws()))
    counts = {name: store.scalar(f"SELECT count(*) FROM {name}") for name in ("documents", "doc_events", "events")}
    extracted = []
    real_run_batch = module.run_batch

    def counting(items, jobs):
        items = list(items)
        extracted.extend(items)
        return real_run_batch(items, jobs)

    monkeypatch.setattr(module, "run_batch", counting)
    statuses = [r.status for r in ingest(store, raws())]
    assert statuses.count("duplicate") == 3 and statuses.count("failed") == 1
    assert all(isinstance(item, InputError) for item in extracted)
    assert counts == {name: store.scalar(f"SELECT count(*) FROM {name}") for name in counts}


def test_pipeline_merges_three_outlets(store):
    list(ingest(store, raws()))
    events = store.rows("SELECT * FROM events WHERE status = 'occurred'")
    assert events
    assert max(e["source_count"] for e in events) == 3


def test_reextract_keeps_documents_and_rebuilds_the_same_record(store):
    list(ingest(store, raws()))
    before = store.rows("SELECT id, stable_key, status, type, date, source_count FROM events ORDER BY id")
    people = store.total("people")
    counts = reextract(store)
    assert counts["documents"] == 3 and counts["failed"] == 0 and counts["aliased"] == 0
    assert store.total("documents") == 3
    # the same events under the same ids and keys: saved links and citations still hold
    assert store.rows("SELECT id, stable_key, status, type, date, source_count FROM events ORDER BY id") == before
    assert store.total("people") == people


def test_interrupted_reextract_changes_nothing(store, monkeypatch):
    list(ingest(store, raws()))
    before = store.scalar("SELECT count(*) FROM doc_events")
    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(module, "resolve_events", broken)
    with pytest.raises(KeyboardInterrupt):
        reextract(store)
    assert store.scalar("SELECT count(*) FROM doc_events") == before
    assert store.total("documents") == 3


# --- grouped transactions ------------------------------------------------------------------


def test_a_document_is_reported_only_once_its_group_is_committed(tmp_path):
    db = tmp_path / "groups.db"
    with open_store(db) as store:
        results = ingest(store, raws(), group_documents=3, group_seconds=3600)
        first = next(results)
        # a second connection sees only what was committed: the whole first group of three
        with open_store(db, read_only=True) as reader:
            assert reader.scalar("SELECT count(*) FROM documents") == 2  # mfa and agency; the third failed
        assert first.origin == "in/mfa.txt"
        rest = list(results)
        with open_store(db, read_only=True) as reader:
            assert reader.scalar("SELECT count(*) FROM documents") == 3
    assert [r.status for r in [first, *rest]] == ["stored", "failed", "stored", "stored"]


def test_a_group_is_closed_after_its_time_even_if_small(store, monkeypatch):
    groups = []
    real_store_group = module.store_group

    def recording(store_, group):
        groups.append(len(group))
        return real_store_group(store_, group)

    monkeypatch.setattr(module, "store_group", recording)
    list(ingest(store, raws(), group_documents=64, group_seconds=0))
    assert groups[:4] == [1, 1, 1, 1]
    list(ingest(store, [RawDocument(doc="x.txt", origin="x.txt", text=MFA_TEXT + " Extra sentence here.")],
                group_documents=64, group_seconds=3600))
    assert groups[-1] == 1


def test_a_document_whose_writes_fail_keeps_the_ones_before_it(store, monkeypatch):
    real_store_outcome = module.store_outcome

    def failing_on_agency(store_, outcome, digest=None):
        stored = real_store_outcome(store_, outcome, digest)
        if outcome.origin == "in/agency.txt":
            raise RuntimeError("disk trouble")
        return stored

    monkeypatch.setattr(module, "store_outcome", failing_on_agency)
    with pytest.raises(RuntimeError, match="disk trouble"):
        list(ingest(store, raws(), group_documents=64, group_seconds=3600))
    # the agency document's own writes were undone by its savepoint; the MFA one is committed
    assert [row["origin"] for row in store.execute("SELECT origin FROM documents")] == ["in/mfa.txt"]
    assert store.scalar("SELECT count(*) FROM doc_events WHERE doc_id NOT IN (SELECT id FROM documents)") == 0
