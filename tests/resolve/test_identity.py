"""Events keep their ids and keys across rebuilds; ids that move redirect; analysts'
corrections (merge, split, same-person, different-person) hold across rebuilds and undo.
Articles are our own (tests/store/builders.py)."""

from __future__ import annotations

import pytest
from store.builders import load, same_day_meetings, three_outlets

from attache import query
from attache.errors import Moved, NotFound
from attache.query.export import flat_row, iter_events
from attache.resolve import correct, rebuild
from attache.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "identity.db") as opened:
        yield opened


def _events(store) -> dict[int, tuple]:
    """{id: (key, sorted docs)} of every stored event."""
    found = {}
    for event_id, key in store.tuples("SELECT id, stable_key FROM events"):
        docs = sorted(r[0] for r in store.tuples(
            "SELECT d.doc FROM event_sources s JOIN documents d ON d.id = s.doc_id WHERE s.event_id = ?", (event_id,)))
        found[event_id] = (key, docs)
    return found


def _event_of(store, doc: str) -> int:
    return store.scalar("SELECT s.event_id FROM event_sources s JOIN documents d ON d.id = s.doc_id"
                        " WHERE d.doc = ?", (doc,))


def test_rebuild_keeps_every_id_and_key(store):
    load(store, three_outlets() + same_day_meetings())
    before = _events(store)
    assert len(before) == 3 and all(key for key, _ in before.values())
    counts = rebuild(store)
    assert _events(store) == before
    assert counts["aliased"] == 0


def test_merge_correction_joins_events_and_the_old_id_redirects(store):
    load(store, same_day_meetings())
    tanaka, sato = _event_of(store, "tanaka.txt"), _event_of(store, "sato.txt")
    assert tanaka != sato  # different counterparts on the same day: two meetings
    done = correct.merge_events(store, tanaka, sato, "one reception, two ministers")
    survivor = done["events"][sato]
    assert done["events"][tanaka] == survivor
    assert len(_events(store)) == 1
    gone = ({tanaka, sato} - {survivor}).pop()
    with pytest.raises(Moved) as moved:
        query.event(store, gone)
    assert moved.value.event_id == survivor
    detail = query.event(store, survivor)
    assert [c["kind"] for c in detail["corrections"]] == ["merge"]
    assert any("analyst joined" in reason for s in detail["sources"] for reason in s["merge"]["reasons"])
    rebuild(store)  # a later rebuild (as after reextract) applies the correction again
    assert len(_events(store)) == 1 and store.event_exists(survivor)


def test_undo_brings_the_events_back_apart(store):
    load(store, same_day_meetings())
    tanaka, sato = _event_of(store, "tanaka.txt"), _event_of(store, "sato.txt")
    correct.merge_events(store, tanaka, sato)
    correct.undo(store)
    assert store.corrections() == []
    assert sorted(_events(store)) == sorted([tanaka, sato])


def test_split_takes_one_source_out_and_holds_across_rebuilds(store):
    load(store, three_outlets())
    (event_id,) = _events(store)
    done = correct.split_event(store, event_id, "regional_tm_jp.txt")
    assert done["events"][event_id] == event_id  # the event keeps its id
    after = _events(store)
    assert sorted(docs for _, docs in after.values()) == [["agency_tm_jp.txt", "mfa_tm_jp.txt"], ["regional_tm_jp.txt"]]
    rebuild(store)
    assert _events(store) == after
    split_off = _event_of(store, "regional_tm_jp.txt")
    correct.undo(store)
    assert len(_events(store)) == 1
    with pytest.raises(Moved) as moved:  # the split-off event's id now redirects to the event holding its report
        query.event(store, split_off)
    assert moved.value.event_id == event_id


def test_split_refuses_a_source_the_event_does_not_have(store):
    load(store, three_outlets() + same_day_meetings())
    with pytest.raises(correct.CorrectionError):
        correct.split_event(store, _event_of(store, "mfa_tm_jp.txt"), "sato.txt")
    with pytest.raises(NotFound):
        correct.split_event(store, _event_of(store, "mfa_tm_jp.txt"), "no-such-file.txt")


def test_ids_are_never_handed_out_twice(store):
    load(store, same_day_meetings())
    tanaka, sato = _event_of(store, "tanaka.txt"), _event_of(store, "sato.txt")
    correct.merge_events(store, tanaka, sato)
    load(store, three_outlets())
    new_id = _event_of(store, "mfa_tm_jp.txt")
    assert new_id > max(tanaka, sato)


def test_event_is_found_by_its_stable_key_and_exports_carry_it(store):
    load(store, three_outlets())
    ((event_id, (key, _)),) = _events(store).items()
    assert query.event(store, key)["event_id"] == event_id
    (row,) = [flat_row(summary) for summary in iter_events(store)]
    assert row["key"] == key and row["event_id"] == event_id


def test_every_source_says_why_it_was_merged(store):
    load(store, three_outlets())
    (event_id,) = _events(store)
    sources = query.event(store, event_id)["sources"]
    assert [s["merge"]["score"] is None for s in sources].count(True) == 1  # the report that opened it
    merged = [s["merge"] for s in sources if s["merge"]["score"] is not None]
    assert len(merged) == 2
    for m in merged:
        assert m["score"] > 0
        (states,) = [r for r in m["reasons"] if r.startswith("same states ")]
        assert set(states.removeprefix("same states ").split(", ")) == {"JP", "TM"}
    assert any(reason == "same date 2024-05-16" for m in merged for reason in m["reasons"])


def test_same_person_and_different_person(store):
    load(store, three_outlets())
    annayev = store.people_named(["Serdar Annayev"])
    initials = store.people_named(["S. Annayev"])
    assert annayev == initials  # one person behind both forms already
    correct.different_person(store, "Serdar Annayev", "S. Annayev")
    assert store.people_named(["Serdar Annayev"]) != store.people_named(["S. Annayev"])
    correct.undo(store)
    assert store.people_named(["Serdar Annayev"]) == store.people_named(["S. Annayev"])
    morita = store.people_named(["Kenji Morita"])[0]
    with pytest.raises(correct.CorrectionError):
        correct.same_person(store, str(morita), "K. Morita")  # already one person
    correct.same_person(store, "Kenji Morita", "Serdar Annayev")  # an analyst may be wrong; it holds until undone
    assert store.people_named(["Kenji Morita"]) == store.people_named(["Serdar Annayev"])
    rebuild(store)
    assert store.people_named(["Kenji Morita"]) == store.people_named(["Serdar Annayev"])
