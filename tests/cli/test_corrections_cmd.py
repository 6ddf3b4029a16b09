"""`attache event`, `merge`, `split`, `same-person`, `different-person`, `corrections`, `undo`
through click's CliRunner, on a store of our own articles."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from store.builders import load, same_day_meetings, three_outlets

from attache.cli import main
from attache.store import open_store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "corrections.db"
    with open_store(path) as store:
        load(store, three_outlets() + same_day_meetings())
    return path


def run(*args) -> str:
    done = CliRunner().invoke(main, [str(a) for a in args])
    assert done.exit_code == 0, done.output
    return done.output


def _event_of(db, doc: str) -> int:
    with open_store(db, read_only=True) as store:
        return store.scalar("SELECT s.event_id FROM event_sources s JOIN documents d ON d.id = s.doc_id"
                            " WHERE d.doc = ?", (doc,))


def test_merge_then_the_old_id_shows_the_merged_event_with_a_note(db):
    tanaka, sato = _event_of(db, "tanaka.txt"), _event_of(db, "sato.txt")
    said = run("merge", tanaka, sato, "--db", db, "--note", "one reception")
    assert f"event {sato} is now event {tanaka}" in said and "attache undo 1" in said
    done = CliRunner().invoke(main, ["event", str(sato), "--db", str(db), "--json"])
    assert done.exit_code == 0
    assert f"note: event {sato} is now event {tanaka}" in done.stderr
    shown = json.loads(done.stdout)
    assert shown["event_id"] == tanaka and shown["corrections"][0]["note"] == "one reception"
    listed = json.loads(run("corrections", "--db", db, "--json"))["corrections"]
    assert [(c["id"], c["kind"]) for c in listed] == [(1, "merge")]
    assert "undid correction 1 (merge)" in run("undo", "--db", db)
    assert json.loads(run("event", sato, "--db", db, "--json"))["event_id"] == sato
    assert run("corrections", "--db", db).strip() == "no corrections"


def test_split_by_file_name_and_the_event_text_says_why_sources_joined(db):
    event_id = _event_of(db, "mfa_tm_jp.txt")
    shown = run("event", event_id, "--db", db)
    assert "first report of this event" in shown and "same date 2024-05-16" in shown
    run("split", event_id, "--source", "regional_tm_jp.txt", "--db", db)
    assert _event_of(db, "regional_tm_jp.txt") != _event_of(db, "mfa_tm_jp.txt") == event_id
    refused = CliRunner().invoke(main, ["split", str(event_id), "--source", "nothing.txt", "--db", str(db)])
    assert refused.exit_code == 1 and "no document 'nothing.txt'" in refused.output


def test_different_person_then_same_person_by_name(db):
    run("different-person", "Serdar Annayev", "S. Annayev", "--db", db)
    with open_store(db, read_only=True) as store:
        assert store.people_named(["Serdar Annayev"]) != store.people_named(["S. Annayev"])
    run("same-person", "Serdar Annayev", "S. Annayev", "--db", db)
    with open_store(db, read_only=True) as store:
        assert store.people_named(["Serdar Annayev"]) == store.people_named(["S. Annayev"])
    assert [c["kind"] for c in json.loads(run("corrections", "--db", db, "--json"))["corrections"]] == \
        ["different_person", "same_person"]
