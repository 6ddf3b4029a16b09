"""resolve_participant over a real store: the name forms of tests/fixtures/people/ become one
person or stay two, people are found through person_keys, and titles keep their dates."""

from __future__ import annotations

import shutil

import pytest

from attache.resolve import names
from attache.resolve.people import new_person, resolve_participant
from attache.store import open_store
from resolve.test_names import DIFFERENT, VARIANTS

DOCS = ("d1", "d2", "d3", "d4")


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory):
    """A migrated store holding the documents titles point to, copied for each test."""
    path = tmp_path_factory.mktemp("people") / "template.db"
    with open_store(path) as store, store.transaction():
        for doc_id in DOCS:
            store.insert_document({"id": doc_id, "doc": f"{doc_id}.txt", "text": f"text of {doc_id}"})
    return path


@pytest.fixture
def store(empty_store, tmp_path):
    path = tmp_path / "x.db"
    shutil.copy(empty_store, path)
    with open_store(path) as opened:
        yield opened


def resolve(store, name, country="KZ", title=None, seen=None, doc_id="d1") -> int | None:
    with store.transaction():
        return resolve_participant(store, {"name": name, "title": title, "country": country}, seen, doc_id)


@pytest.mark.parametrize("form_a, form_b, who", VARIANTS, ids=[f"{a} = {b}" for a, b, _ in VARIANTS])
def test_forms_of_one_name_resolve_to_one_person_in_either_order(store, form_a, form_b, who):
    first = resolve(store, form_a, doc_id="d1")
    assert resolve(store, form_b, doc_id="d2") == first, who
    assert resolve(store, form_b, country=None, doc_id="d3") == first
    assert resolve(store, form_a, country="UZ") != first  # another state's namesake
    assert {form_a, form_b} <= set(store.person_forms(first))


@pytest.mark.parametrize("form_a, form_b, who", VARIANTS[::7], ids=[f"{b} = {a}" for a, b, _ in VARIANTS[::7]])
def test_forms_of_one_name_resolve_to_one_person_the_other_way_round(store, form_a, form_b, who):
    assert resolve(store, form_b) == resolve(store, form_a), who


@pytest.mark.parametrize("form_a, form_b, who", DIFFERENT, ids=[f"{a} != {b}" for a, b, _ in DIFFERENT])
def test_look_alike_names_resolve_to_two_people(store, form_a, form_b, who):
    first = resolve(store, form_a)
    second = resolve(store, form_b)
    assert first != second, who
    assert resolve(store, form_a) == first and resolve(store, form_b) == second


def test_initials_in_every_writing_are_one_person_and_another_first_name_is_not(store):
    anil = resolve(store, "A.B. Kumar", country="IN")
    assert [resolve(store, form, country="IN") for form in ("AB Kumar", "A. B. Kumar", "A B Kumar", "Anil Kumar")] \
        == [anil] * 4
    assert resolve(store, "Arun Kumar", country="IN") != anil
    assert store.person_row(anil)["name"] == "Anil Kumar"
    assert store.person_row(anil)["first_key"] == "anil"


def test_the_shown_name_becomes_the_most_telling_form(store):
    person = resolve(store, "Mohammed bin Salman", country="SA")
    assert resolve(store, "Crown Prince Mohammed bin Salman Al Saud", country="SA") == person
    row = store.person_row(person)
    assert (row["name"], row["surname_key"]) == ("Crown Prince Mohammed bin Salman Al Saud", "saud")
    assert resolve(store, "Mohammed bin Salman", country="SA") == person
    assert resolve(store, "Mohammed bin Zayed", country="SA") != person


def test_a_suffixed_form_is_shown_so_that_father_and_son_stay_apart(store):
    son = resolve(store, "Ferdinand Marcos", country="PH")
    assert resolve(store, "Ferdinand Marcos Jr.", country="PH") == son
    assert store.person_row(son)["name"] == "Ferdinand Marcos Jr."
    assert resolve(store, "Ferdinand Marcos Sr.", country="PH") != son


def test_people_are_found_through_their_keys_only(store):
    person = resolve(store, "Kassym-Jomart Tokayev")
    keys = names.lookup_keys("Kassym-Jomart Tokayev")
    assert [p["id"] for p in store.people_by_name_keys(keys)] == [person]
    assert store.people_by_name_keys(["nothing"]) == [] and store.people_by_name_keys([]) == []
    assert resolve(store, "Qasym-Jomart Toqaev") == person
    assert "tkv" in keys


def test_a_form_without_a_second_surname_joins_only_the_one_person_it_can_be(store):
    sanchez = resolve(store, "Pedro Sánchez Pérez-Castejón", country="ES")
    assert resolve(store, "Pedro Sánchez", country="ES") == sanchez
    other = resolve(store, "Pedro Sánchez Ruiz", country="ES")
    assert other != sanchez
    assert resolve(store, "Pedro Sánchez", country="ES") not in {sanchez, other}


def test_a_person_made_apart_is_filed_under_its_keys_too(store):
    with store.transaction():
        made = new_person(store, "Qasym-Jomart Toqaev", "KZ")
    assert store.person_forms(made) == ["Qasym-Jomart Toqaev"]
    assert resolve(store, "Kassym-Jomart Tokayev") == made


def test_a_bare_surname_goes_to_the_only_person_with_it_and_to_no_one_of_two(store):
    lavrov = resolve(store, "Sergey Lavrov", country="RU")
    assert resolve(store, "Lavrov", country="RU") == lavrov
    assert resolve(store, "Lavrova", country="RU") != lavrov
    aliyev = resolve(store, "Ilham Aliyev", country="AZ")
    heydar = resolve(store, "Heydar Aliyev", country="AZ")
    bare = resolve(store, "Aliyev", country="AZ")
    assert len({aliyev, heydar, bare}) == 3


def test_a_full_first_name_prefers_the_person_of_its_state(store):
    russian = resolve(store, "Sergey Ivanov", country="RU")
    unknown = resolve(store, "Sergei Ivanov", country=None)
    assert unknown == russian
    assert resolve(store, "Sergei Ivanov", country="RU") == russian


def test_title_history_keeps_first_and_last_seen_across_name_forms(store):
    person = resolve(store, "Murat Nurtleu", title="Deputy Prime Minister", seen="2023-09-01", doc_id="d1")
    assert resolve(store, "M. Nurtileu", title="Minister of Foreign Affairs", seen="2024-03-05", doc_id="d2") == person
    assert resolve(store, "Nurtleu", title="Deputy Prime Minister", seen="2024-01-10", doc_id="d3") == person
    assert resolve(store, "Murat Nurtileu", title="Deputy Prime Minister", seen="2022-02-01", doc_id="d4") == person
    rows = [(t["title"], t["first_seen"], t["last_seen"], t["doc_id"]) for t in store.person_title_rows(person)]
    assert rows == [("Deputy Prime Minister", "2022-02-01", "2024-01-10", "d4"),
                    ("Minister of Foreign Affairs", "2024-03-05", "2024-03-05", "d2")]


def test_a_title_alone_finds_its_only_holder(store):
    holder = resolve(store, "Rashid Meredov", country="TM", title="Minister of Foreign Affairs", seen="2024-01-01")
    assert resolve(store, None, country="TM", title="Minister of Foreign Affairs", seen="2024-06-01") == holder
    assert resolve(store, None, country="TM", title="Minister of Energy") is None
    assert resolve(store, "H.E.", country="TM", title="Minister of Foreign Affairs") == holder
