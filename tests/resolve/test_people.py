"""People across documents: name forms, title history, namesakes."""

from __future__ import annotations

import pytest
from store.builders import load, person_forms

from attache.resolve import names
from attache.resolve.people import resolve_participant
from attache.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "people.db") as opened:
        for doc_id in ("d1", "d2", "d3", "d9", "doc"):
            opened.insert_document({"id": doc_id, "doc": f"{doc_id}.txt", "text": f"text of {doc_id}"})
        yield opened


@pytest.mark.parametrize("written, surname, first, initial", [
    ("Rashid Meredov", "meredov", "rashid", "r"),
    ("R. Meredov", "meredov", None, "r"),
    ("Meredov", "meredov", None, None),
    ("Mr. Rashid Meredov", "meredov", "rashid", "r"),
    ("Gökhan Yılmaz", "yılmaz", "gokhan", "g"),
])
def test_name_key(written, surname, first, initial):
    assert names.name_key(written) == {"surname": surname, "first": first, "initial": initial}


def test_compatible_names_never_join_two_first_names():
    rashid = {"surname_key": "meredov", "first_key": "rashid"}
    initial = {"surname_key": "meredov", "first_key": "r."}
    assert names.compatible(names.name_key("R. Meredov"), rashid)
    assert names.compatible(names.name_key("Meredov"), rashid)
    assert names.compatible(names.name_key("Rashid Meredov"), initial)
    assert not names.compatible(names.name_key("Ahmet Meredov"), rashid)
    assert not names.compatible(names.name_key("A. Meredov"), rashid)
    assert not names.compatible(names.name_key("Ahmet Meredov"), initial)
    assert not names.compatible(names.name_key("Rashid Orazov"), rashid)


def test_three_name_forms_two_titles_one_person_and_a_namesake_apart(store):
    load(store, person_forms())
    karayevs = store.people_by_surname("karayev")
    assert sorted(p["name"] for p in karayevs) == ["Dovlet Karayev", "Merdan Karayev"]
    merdan = next(p for p in karayevs if p["name"] == "Merdan Karayev")
    assert set(store.person_forms(merdan["id"])) == {"Merdan Karayev", "M. Karayev", "Karayev"}
    assert merdan["event_count"] == 3
    titles = store.person_title_rows(merdan["id"])
    assert [(t["title"], t["first_seen"]) for t in titles] == [
        ("Minister of Foreign Affairs", "2021-04-02"),
        ("Deputy Prime Minister, Minister of Foreign Affairs", "2025-01-20")]


def test_bare_surname_shared_by_two_people_is_not_given_to_either(store):
    load(store, person_forms())
    person_id = resolve_participant(store, {"name": "Karayev", "title": None, "country": "TM"}, "2025-02-01", "doc")
    assert person_id not in {p["id"] for p in store.people_by_surname("karayev")[:2]}


def test_same_surname_other_state_stays_apart(store):
    first = resolve_participant(store, {"name": "Ali Karimov", "title": None, "country": "UZ"}, None, "d1")
    second = resolve_participant(store, {"name": "Karimov", "title": None, "country": "AZ"}, None, "d2")
    assert first != second


def test_initial_then_full_name_upgrades_the_person(store):
    first = resolve_participant(store, {"name": "K. Morita", "title": None, "country": "JP"}, None, "d1")
    second = resolve_participant(store, {"name": "Kenji Morita", "title": "Ambassador", "country": "JP"}, None, "d2")
    assert first == second
    assert store.person_row(first)["name"] == "Kenji Morita"
    assert resolve_participant(store, {"name": "Taro Morita", "title": None, "country": "JP"}, None, "d3") != first


def test_title_without_name_resolves_to_the_one_holder(store):
    load(store, person_forms()[:1])
    holder = resolve_participant(store, {"name": None, "title": "Minister of Foreign Affairs", "country": "TM"},
                                 "2021-05-01", "d9")
    assert store.person_row(holder)["name"] == "Merdan Karayev"
    assert resolve_participant(store, {"name": None, "title": "Minister of Culture", "country": "TM"},
                               None, "d9") is None
