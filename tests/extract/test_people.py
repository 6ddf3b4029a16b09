"""People in a sentence: names with titles on either side, their states (from the title, a
demonym, 'his X counterpart', 'the X side'), later short references, and capitalized words
that are not people. Every name here is invented."""

from __future__ import annotations

import pytest

from attache.extract import nlp
from attache.extract.people import PersonMention, find_people


def read_people(*sentences: str) -> list[list[PersonMention]]:
    """People per sentence of a short text, rules plus spaCy's PERSON spans, in reading order
    (each sentence knows the people of the ones before it)."""
    text = " ".join(sentences)
    known: list[PersonMention] = []
    out = []
    start = 0
    for sentence in sentences:
        end = start + len(sentence)
        ner = [(start + s, start + e) for s, e in nlp.person_spans([sentence])[0]]
        found = find_people(text, start, end, known, ner)
        for person in found:
            assert start <= person.start < person.end <= end
        known.extend(found)
        out.append(found)
        start = end + 1
    return out


def people_of(sentence: str) -> list[tuple[str, str | None, str | None]]:
    (found,) = read_people(sentence)
    return [(p.name, p.title, p.country) for p in found]


# ---- titles on either side, states ----


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The Minister of Foreign Affairs of Turkmenistan Batyr Amanov received the delegation.",
            ("Batyr Amanov", "Minister of Foreign Affairs", "TM"),
        ),
        (
            "Deputy Prime Minister, Minister of Foreign Affairs of Turkmenistan Batyr Amanov opened the session.",
            ("Batyr Amanov", "Deputy Prime Minister, Minister of Foreign Affairs", "TM"),
        ),
        (
            "Foreign Minister of the Republic of Korea Cho Min-jun arrived in Astana.",
            ("Cho Min-jun", "Foreign Minister", "KR"),
        ),
    ],
)
def test_a_title_before_the_name_gives_title_and_state(sentence, expected):
    assert people_of(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Kenji Morita, the Minister of Economy, Trade and Industry of Japan, opened the forum.",
            ("Kenji Morita", "Minister of Economy, Trade and Industry", "JP"),
        ),
        (
            "Aman Berdiyev, Deputy Minister of Foreign Affairs of Turkmenistan, welcomed the guests.",
            ("Aman Berdiyev", "Deputy Minister of Foreign Affairs", "TM"),
        ),
    ],
)
def test_a_title_after_the_name_gives_title_and_state(sentence, expected):
    assert people_of(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Kazakh President Arman Zhumabayev held talks in Beijing.", ("Arman Zhumabayev", "President", "KZ")),
        (
            "Turkish Foreign Minister Mehmet Yalçınkaya arrived in Vilnius.",
            ("Mehmet Yalçınkaya", "Foreign Minister", "TR"),
        ),
        (
            "Saudi Minister of Investment Khalid Al-Harbi visited the fair.",
            ("Khalid Al-Harbi", "Minister of Investment", "SA"),
        ),
    ],
)
def test_a_demonym_before_the_title_gives_the_state(sentence, expected):
    assert people_of(sentence) == [expected]


def test_two_people_in_one_sentence_each_with_their_own_state():
    sentence = (
        "President of Kazakhstan Arman Zhumabayev met President of China Li Wenbo, while Lithuanian "
        "Foreign Minister Tomas Žukauskas looked on."
    )
    assert people_of(sentence) == [
        ("Arman Zhumabayev", "President", "KZ"),
        ("Li Wenbo", "President", "CN"),
        ("Tomas Žukauskas", "Foreign Minister", "LT"),
    ]


def test_his_demonym_counterpart_gives_the_state():
    found = people_of(
        "Minister Aigerim Suleimenova met with her Indian counterpart Rajesh Kapoor in New Delhi."
    )
    assert ("Rajesh Kapoor", None, "IN") in found
    assert [name for name, _, _ in found] == ["Aigerim Suleimenova", "Rajesh Kapoor"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The Turkmen side was headed by Deputy Minister of Foreign Affairs Batyr Amanov.",
            ("Batyr Amanov", "Deputy Minister of Foreign Affairs", "TM"),
        ),
        (
            "The Japanese side was headed by Kenta Morimoto, Director-General of the European Affairs Bureau.",
            ("Kenta Morimoto", "Director-General of the European Affairs Bureau", "JP"),
        ),
        ("The Turkmen side was headed by Rashid Orazov.", ("Rashid Orazov", None, "TM")),
        ("The delegation of Kazakhstan was headed by Aibek Nurlanov.", ("Aibek Nurlanov", None, "KZ")),
    ],
)
def test_the_side_or_delegation_that_was_headed_by_gives_the_state(sentence, expected):
    assert people_of(sentence) == [expected]


def test_two_sides_in_one_sentence_each_give_their_own_state():
    found = people_of(
        "The Kazakh delegation was led by Aibek Nurlanov, while the Chinese side was headed by Wang Lei."
    )
    assert [(name, country) for name, _, country in found] == [("Aibek Nurlanov", "KZ"), ("Wang Lei", "CN")]


# ---- later references ----


LATER_REFERENCES = (
    "Deputy Foreign Minister of Kazakhstan Ruslan Nurlanov opened the consultations.",
    "Nurlanov noted the growth of trade.",
    "R. Nurlanov also invited the guests to Astana.",
)


def test_a_surname_and_an_initial_refer_to_the_full_name_met_earlier():
    first, by_surname, by_initial = read_people(*LATER_REFERENCES)
    for found in (first, by_surname, by_initial):
        assert [(p.name, p.title, p.country) for p in found] == [
            ("Ruslan Nurlanov", "Deputy Foreign Minister", "KZ")
        ]
    text = " ".join(LATER_REFERENCES)
    assert [text[p.start : p.end] for p in by_surname + by_initial] == ["Nurlanov", "R. Nurlanov"]


def test_a_lone_surname_never_met_before_is_not_a_person():
    assert people_of("Nurlanov noted the growth of trade.") == []


def test_an_initial_with_another_first_letter_is_someone_else():
    _, later = read_people(
        "Deputy Foreign Minister of Kazakhstan Aibek Nurlanov opened the talks.",
        "Ambassador B. Nurlanov attended the reception.",
    )
    assert all(p.name != "Aibek Nurlanov" for p in later)


# ---- names outside ASCII ----


@pytest.mark.parametrize(
    "name",
    [
        "Mehmet Yalçınkaya",
        "Tomas Žukauskas",
        "Gülnara Özdemir",
        "José Peña",
        "Nguyễn Văn Thành",
        "Łukasz Wróbel",
    ],
)
def test_names_outside_ascii_are_read_whole(name):
    assert people_of(f"Deputy Minister of Foreign Affairs {name} attended the consultations.") == [
        (name, "Deputy Minister of Foreign Affairs", None)
    ]


# ---- capitalized words that are not people ----


@pytest.mark.parametrize(
    "sentence",
    [
        "Kazakhstan and Uzbekistan discussed cooperation in Central Asia in March.",
        "The United Nations and the Asian Development Bank support the Central Asia initiative.",
        "The Shanghai Cooperation Organisation and the Caspian Economic Forum met in Ashgabat.",
        "New Delhi and Astana agreed on a road map, and Saudi Arabia welcomed it.",
        "On Thursday, February talks in Baku and the May Day holiday were discussed.",
        "The Ministry of Foreign Affairs of Turkmenistan and the Japan External Trade Organization signed it.",
        "The Kazakh Foreign Minister met his Chinese counterpart in Beijing.",
    ],
)
def test_countries_organizations_regions_and_months_are_not_people(sentence):
    assert people_of(sentence) == []


def test_every_mention_points_at_its_name_in_the_text():
    sentence = (
        "Minister of Foreign Affairs of Turkmenistan Batyr Amanov met Kenji Morita, the Minister of "
        "Economy, Trade and Industry of Japan."
    )
    (found,) = read_people(sentence)
    assert (
        [sentence[p.start : p.end] for p in found]
        == [p.name for p in found]
        == ["Batyr Amanov", "Kenji Morita"]
    )
    assert all(p.why for p in found), "each person says which rule found them"


# ---- known gaps (genre forms the rules miss) ----


def test_the_head_of_a_side_is_a_person_whatever_ner_says():
    assert people_of("The Turkmen side was headed by Batyr Amanov.") == [("Batyr Amanov", None, "TM")]


def test_an_ambassador_to_a_country_before_the_name():
    assert people_of("Ambassador of Japan to Turkmenistan Hiroshi Sakamoto attended the ceremony.") == [
        ("Hiroshi Sakamoto", "Ambassador of Japan to Turkmenistan", "JP")
    ]


def test_an_honorific_between_title_and_name_is_not_part_of_the_title():
    ((name, title, country),) = people_of(
        "Minister of Foreign Affairs of the UAE Sheikh Abdullah bin Rashid Al Mansoori received the guest."
    )
    assert name.endswith("Abdullah bin Rashid Al Mansoori")
    assert (title, country) == ("Minister of Foreign Affairs", "AE")
