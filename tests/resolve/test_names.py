"""Name forms of one person and look-alike names of two, on real names collected in
tests/fixtures/people/ (written by hand from general knowledge, not from a test corpus)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from attache.resolve import names, spelling

FIXTURES = Path(__file__).parent.parent / "fixtures" / "people"


def pairs(file_name: str) -> list[tuple[str, str, str]]:
    lines = [line for line in (FIXTURES / file_name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(r["form_a"], r["form_b"], r["who"]) for r in rows]


VARIANTS = pairs("variant_pairs.tsv")
DIFFERENT = pairs("different_pairs.tsv")


def test_the_pair_lists_are_large_and_clean():
    assert len(VARIANTS) >= 150 and len(DIFFERENT) >= 60
    for a, b, who in VARIANTS + DIFFERENT:
        assert a.strip() == a and b.strip() == b and a != b and who


@pytest.mark.parametrize("form_a, form_b, who", VARIANTS, ids=[f"{a} = {b}" for a, b, _ in VARIANTS])
def test_forms_of_one_name_are_one_person(form_a, form_b, who):
    verdict = names.compare(form_a, form_b)
    assert verdict["same"], (who, verdict)
    assert 0 < verdict["score"] <= 1 and verdict["reasons"]


@pytest.mark.parametrize("form_a, form_b, who", DIFFERENT, ids=[f"{a} != {b}" for a, b, _ in DIFFERENT])
def test_look_alike_names_of_two_people_stay_two(form_a, form_b, who):
    verdict = names.compare(form_a, form_b)
    assert not verdict["same"], (who, verdict)
    assert verdict["score"] == 0 and verdict["reasons"]


@pytest.mark.parametrize("form_a, form_b", [(a, b) for a, b, _ in VARIANTS])
def test_forms_of_one_name_share_a_lookup_key(form_a, form_b):
    assert names.lookup_keys(form_a) & names.lookup_keys(form_b)


@pytest.mark.parametrize("written, given, surname", [
    ("Rashid Meredov", ("rashid",), "meredov"),
    ("H.E. Mr. Rashid Meredov", ("rashid",), "meredov"),
    ("Sheikh Abdullah bin Zayed Al Nahyan", ("abdullah", "zayed"), "nahyan"),
    ("A.B. Kumar", ("a.", "b."), "kumar"),
    ("A.B.Kumar", ("a.", "b."), "kumar"),
    ("TANAKA Kenji", ("kenji",), "tanaka"),
    ("Kenji TANAKA", ("kenji",), "tanaka"),
    ("Ursula von der Leyen", ("ursula",), "leyen"),
    ("Ferdinand Marcos Jr.", ("ferdinand",), "marcos"),
    ("Joko “Jokowi” Widodo", ("joko",), "widodo"),
    ("Dato' Seri Anwar Ibrahim", ("anwar",), "ibrahim"),
    ("Hassan Sheikh Mohamud", ("hassan", "sheikh"), "mohamud"),
    ("Le Hoai Trung", ("le", "hoai"), "trung"),
])
def test_the_likeliest_reading(written, given, surname):
    first = names.readings(written)[0]
    assert (first["given"], first["surname"], first["strict"]) == (given, surname, False)


def test_readings_in_other_orders():
    assert [(r["surname"], r["given"], r["strict"]) for r in names.readings("Funakoshi Takehiro")] == [
        ("takehiro", ("funakoshi",), False), ("funakoshi", ("takehiro",), True)]
    assert [(r["surname"], r["given"]) for r in names.readings("Mohammed bin Salman Al Saud")] == [
        ("saud", ("mohammed", "salman")), ("salman", ("mohammed",))]
    assert [(r["surname"], r["given"], r["strict"]) for r in names.readings("AB Kumar")] == [
        ("kumar", ("a.", "b."), False), ("ab", ("kumar",), True)]


@pytest.mark.parametrize("not_a_name", ["", "Mr.", "H.E.", "His Excellency", "Sheikh", "“Jokowi”", "2024"])
def test_forms_of_address_alone_hold_no_name(not_a_name):
    assert names.readings(not_a_name) == ()
    assert names.name_key(not_a_name) is None
    assert not names.same_person(not_a_name, "Rashid Meredov")


def test_a_capitalized_particle_inside_a_name_may_be_a_given_name():
    assert names.readings("Vo Van Thuong")[0]["given"] == ("vo", "van")
    assert not names.same_person("Vo Van Thuong", "Vo Thi Thuong")
    assert names.readings("Ursula Von der Leyen")[0]["given"] == ("ursula",)
    assert names.readings("Abdullah bin Zayed Al Nahyan")[0]["given"] == ("abdullah", "zayed")
    assert names.readings("Di Maio")[0]["given"] == ()


def test_he_in_capitals_is_an_honorific_but_he_is_a_surname():
    assert names.readings("HE Rashid Meredov")[0]["given"] == ("rashid",)
    assert names.readings("He Lifeng")[0]["given"] == ("he",)


def test_two_suffixes_tell_father_from_son_but_one_alone_does_not():
    assert not names.same_person("Ferdinand Marcos Jr.", "Ferdinand Marcos Sr.")
    assert names.same_person("Ferdinand Marcos Jr.", "Ferdinand Marcos")


def test_a_bare_surname_must_be_spelled_the_same():
    assert names.same_person("Lavrov", "Sergey Lavrov")
    assert names.same_person("Mirziyoyev", "Shavkat Mirziyoyev")
    assert not names.same_person("Mirziyoev", "Shavkat Mirziyoyev")
    assert names.same_person("Shavkat Mirziyoev", "Shavkat Mirziyoyev")


def test_a_second_surname_left_out_is_a_weak_match_of_forms_in_full():
    verdict = names.compare("Pedro Sánchez", "Pedro Sánchez Pérez-Castejón")
    assert verdict["same"] and verdict["score"] < 0.75
    assert not names.same_person("P. Sánchez", "Pedro Sánchez Pérez-Castejón")
    assert not names.same_person("Pedro Sánchez Ruiz", "Pedro Sánchez Pérez-Castejón")


def test_a_leading_given_name_is_never_left_out():
    """Safe over complete: 'Idriss Déby' is the father of 'Mahamat Idriss Déby', so a form
    that starts with another given name is another person, even where it is not."""
    assert not names.same_person("Idriss Déby", "Mahamat Idriss Déby")
    assert not names.same_person("Javad Zarif", "Mohammad Javad Zarif")
    assert names.same_person("Mohammad Zarif", "Mohammad Javad Zarif")


@pytest.mark.parametrize("written, skeleton", [
    ("tokayev", "tokaiev"), ("toqaev", "tokaev"), ("berdymukhammedov", "berdimuhamedov"),
    ("meredow", "meredov"), ("al-sudani", "sudani"), ("shoukry", "shukri"), ("yevgeny", "evgeni"),
    ("zelenskyy", "zelenski"), ("zelenskij", "zelenski"), ("əliyev", "aliev"), ("đang", "dang"),
    ("alexei", "aleksei"), ("rowhani", "ruhani"), ("araghchi", "arakchi"), ("zhaparov", "japarov"),
])
def test_spelling_skeletons(written, skeleton):
    assert spelling.skeleton(written) == skeleton


@pytest.mark.parametrize("written, key", [
    ("tokayev", "tkv"), ("toqaev", "tkv"), ("mirziyoyev", "mrzv"), ("shokri", "skr"),
    ("ali", "=ali"), ("abe", "=abe"), ("yi", "=i"),
])
def test_lookup_keys_of_name_parts(written, key):
    assert spelling.lookup_key(written) == key


@pytest.mark.parametrize("a, b, far", [
    ("ahmad", "ahmed", 0.5), ("hamid", "hamad", 1.0), ("saidov", "saeidov", 0.5),
    ("abdula", "abdulah", 0.5), ("ivanov", "ivanova", 2.0), ("kovalski", "kovalska", 2.0),
    ("nurtleu", "nurtileu", 1.0), ("mohamed", "muhamad", 1.0),
])
def test_spelling_distance_weighs_vowels_h_and_gender_endings(a, b, far):
    assert spelling.distance(a, b) == far == spelling.distance(b, a)


def test_name_key_kept_for_person_rows():
    assert names.name_key("Gökhan Yılmaz") == {"surname": "yılmaz", "first": "gokhan", "initial": "g"}
    assert names.name_key("S. Jaishankar") == {"surname": "jaishankar", "first": None, "initial": "s"}
    assert names.name_key("TANAKA Kenji") == {"surname": "tanaka", "first": "kenji", "initial": "k"}
    assert names.first_key(names.name_key("S. Jaishankar")) == "s."


def test_specificity_counts_full_given_names_first():
    assert names.specificity("Luiz Inácio Lula da Silva") == (3, 3, False)
    assert names.specificity("Antony J. Blinken") == (1, 2, False)
    assert names.specificity("A.B. Kumar") == (0, 2, False)
    assert names.specificity("Ferdinand Marcos Jr.") == (1, 1, True)
    assert names.specificity("Lavrov") == (0, 0, False)


def test_a_patronymic_is_never_read_as_a_surname_first():
    assert [r["order"] for r in names.readings("Mohammed bin Salman")] == ["as written"]
