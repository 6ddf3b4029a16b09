"""Invariants of the same-person test over generated names (hypothesis)."""

from __future__ import annotations

import math
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from attache import vocab
from attache.resolve import names, spelling

# Given names no two of which are one name spelled two ways, and surnames none of which is
# a given name here: a pair drawn from them is known to be different without the code.
GIVEN = ["Sergey", "Anil", "Kenji", "Fatima", "Olumide", "Bakhyt", "Thabo", "Ingrid", "Rashid", "Mei",
         "José", "Zoltán", "Ngozi", "Dariusz", "Chidi", "Yasmin", "Gustavo", "Priya", "Tomás", "Aigerim"]
SURNAMES = ["Lavrov", "Kumar", "Tanaka", "Okonkwo", "Nurtleu", "Fernández", "Horváth", "Nguyễn",
            "Kowalczyk", "Abdullayev", "Mirzoyan", "Balakrishnan", "Papadopoulos", "Johansson", "Çelik"]
ADDRESS = sorted(vocab.name_address_forms())

given_names = st.sampled_from(GIVEN)
surnames = st.sampled_from(SURNAMES)
initials = st.sampled_from("ABDEGKMNRSTZ")


@st.composite
def person_names(draw) -> str:
    """A name as news write one: given names or initials, maybe a middle one, a surname;
    given names in full may follow the surname, written as is or in capitals."""
    first = draw(st.one_of(given_names, initials.map(lambda c: f"{c}.")))
    middle = draw(st.lists(st.one_of(given_names, initials.map(lambda c: f"{c}.")), max_size=1))
    surname = draw(surnames)
    if "." not in first + "".join(middle) and draw(st.booleans()):
        return " ".join([draw(st.sampled_from([surname, surname.upper()])), first, *middle])
    return " ".join([first, *middle, surname])


# anything at all, for the invariants that hold of every text
texts = st.text(alphabet="AaBbEeKkLlMmOoRrSsUuYyÉéİıŞş .-'", max_size=24)


def without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@settings(max_examples=300, deadline=None)
@given(st.one_of(person_names(), texts), st.one_of(person_names(), texts))
def test_the_same_person_test_is_symmetric(a, b):
    assert names.compare(a, b)["same"] == names.compare(b, a)["same"]
    assert names.compare(a, b)["score"] == names.compare(b, a)["score"]


@settings(max_examples=200, deadline=None)
@given(st.one_of(person_names(), texts))
def test_a_name_is_its_own_person(name):
    assert names.same_person(name, name) == bool(names.readings(name))


@settings(max_examples=300, deadline=None)
@given(st.one_of(person_names(), texts), st.one_of(person_names(), texts))
def test_two_forms_of_one_person_share_a_lookup_key(a, b):
    """What resolve finds through person_keys is all that same_person could accept."""
    if names.same_person(a, b):
        assert names.lookup_keys(a) & names.lookup_keys(b)


@settings(max_examples=200, deadline=None)
@given(person_names())
def test_diacritics_and_case_do_not_change_identity(name):
    for other in (without_accents(name), name.upper(), name.lower(), without_accents(name).upper()):
        assert names.same_person(name, other), other


@settings(max_examples=200, deadline=None)
@given(st.lists(initials, min_size=1, max_size=3), surnames)
def test_initials_with_or_without_dots_or_spaces_are_one_person(letters, surname):
    forms = [".".join(letters) + ". " + surname, ". ".join(letters) + ". " + surname,
             " ".join(letters) + " " + surname]
    if len(letters) > 1:
        forms.append("".join(letters) + " " + surname)
    for a in forms:
        for b in forms:
            assert names.same_person(a, b), (a, b)


@settings(max_examples=300, deadline=None)
@given(given_names, given_names, st.lists(given_names, max_size=1), surnames,
       st.lists(st.sampled_from(ADDRESS), max_size=1))
def test_two_different_full_given_names_never_match(first_a, first_b, middle, surname, address):
    if first_a == first_b:
        return
    a = " ".join([*address, first_a, *middle, surname])
    b = " ".join([first_b, *middle, without_accents(surname)])
    assert not names.same_person(a, b)
    assert not names.same_person(a.upper(), b)


@settings(max_examples=300, deadline=None)
@given(person_names(), person_names(), st.sampled_from(ADDRESS))
def test_a_form_of_address_never_changes_identity(a, b, address):
    assert names.same_person(f"{address} {a}", b) == names.same_person(a, b)
    assert names.same_person(f"{address} {a}", a)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aeiouhbkmrstv", max_size=10), st.text(alphabet="aeiouhbkmrstv", max_size=10),
       st.sampled_from([0.0, 0.5, 1.0, 1.5]))
def test_a_distance_under_a_limit_is_the_whole_distance_or_infinite(a, b, limit):
    whole = spelling.distance(a, b)
    assert spelling.distance(a, b, limit) == (whole if whole <= limit else math.inf)
    assert whole == spelling.distance(b, a)
