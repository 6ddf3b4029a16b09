"""Name forms, titles, states and non-participants as news from any outlet writes them.
Every name and sentence here is invented. spaCy's PERSON spans are given by hand where a test
needs them, so each test checks one rule of people.py and nothing of the model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attache.extract.people import HONORIFICS, PersonMention, find_people


def people(text: str, ner: list[str] = (), known: list[PersonMention] | None = None) -> list[PersonMention]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in ner]
    return find_people(text, 0, len(text), known or [], spans)


def triples(text: str, ner: list[str] = ()) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.title, p.country) for p in people(text, ner)]


# ---- name forms ----


def test_an_initial_without_a_dot_is_part_of_the_name():
    assert triples("Foreign Minister R Kumaran met the delegation.") == [("R Kumaran", "Foreign Minister", None)]


def test_an_initial_with_a_dot_after_a_title_in_brackets_is_a_name():
    assert triples("External Affairs Minister (EAM) S. Venkatraman arrived in Dhaka.") == [
        ("S. Venkatraman", "External Affairs Minister", None)]


def test_joint_initials_are_read_whole():
    assert triples("Prime Minister K.P. Sharma Adhikari opened the summit.") == [
        ("K.P. Sharma Adhikari", "Prime Minister", None)]


def test_a_middle_initial_stays_inside_the_name():
    assert [p.name for p in people("Mrs Amina Bello A. Musa, Minister of State for Foreign Affairs of Nigeria, spoke.")] \
        == ["Amina Bello A. Musa"]


def test_a_surname_in_capitals_first_is_kept_as_written():
    assert triples("Japanese Foreign Minister TAKEDA Hiroshi met his counterpart.") == [
        ("TAKEDA Hiroshi", "Foreign Minister", "JP")]


def test_a_later_surname_in_other_case_is_the_same_person():
    first = people("Japanese Foreign Minister TAKEDA Hiroshi met his counterpart.")
    later = people("Takeda said the talks were useful.", known=first)
    assert [p.name for p in later] == ["TAKEDA Hiroshi"]


def test_a_quoted_nickname_stays_inside_the_name():
    assert [p.name for p in people("President Budi “Bambang” Santoso received the guest.")] == [
        "Budi “Bambang” Santoso"]


@pytest.mark.parametrize("name", ["Abdullah bin Hamad Al Mansouri", "Ursula van der Berg", "Joana dos Santos",
                                  "Omar al-Tayeb", "Jean-Luc Moreau-Fontaine", "Martin Okello", "Luis Prado Jr."])
def test_particles_hyphens_and_suffixes_belong_to_the_name(name):
    assert [p.name for p in people(f"Deputy Foreign Minister {name} attended the talks.")] == [name]


def test_a_possessive_ends_a_name_in_a_headline():
    assert [p.name for p in people("Foreign Minister Anita Lorenz's Working Visit to Oslo")] == ["Anita Lorenz"]


def test_a_state_possessive_before_a_title_is_not_part_of_the_name():
    assert triples("The guests included Egypt's Foreign Minister Tarek Nassar and others.") == [
        ("Tarek Nassar", "Foreign Minister", "EG")]


# ---- honorifics ----


@pytest.mark.parametrize("honorific", ["H.E. Mr.", "Mr.", "Mrs", "Ms.", "Dr", "Madam", "Hon.", "His Excellency"])
def test_an_honorific_is_dropped_from_the_name_and_kept_apart(honorific):
    (p,) = people(f"{honorific} Jonas Pereira, Minister of Foreign Affairs of Portugal, opened the session.")
    assert (p.name, p.title, p.country) == ("Jonas Pereira", "Minister of Foreign Affairs", "PT")
    assert p.honorific and p.honorific.split()[0] == honorific.split()[0]


def test_an_honorific_before_a_title_stays_out_of_name_and_title():
    (p,) = people("H.E. Ambassador Rosa Valdivia presented her credentials.")
    assert (p.name, p.title, p.honorific) == ("Rosa Valdivia", "Ambassador", "H.E.")


def test_an_honorific_alone_is_evidence_of_a_person():
    assert [p.name for p in people("Mr. Tomas Halvorsen thanked the hosts.")] == ["Tomas Halvorsen"]


def test_sheikh_stays_part_of_a_rulers_name_as_news_writes_it():
    (p,) = people("His Highness Sheikh Khalid bin Rashid Al Qasimi, Crown Prince of Sharjah, received the envoy.")
    assert p.name == "Sheikh Khalid bin Rashid Al Qasimi"
    assert p.honorific == "His Highness"


def test_a_title_written_after_a_name_ends_before_the_next_honorific():
    found = people("The meeting brought together H.E. Mr. Aram Petrosyan, Minister of Foreign Affairs of Armenia, "
                   "H.E. Mr. Elvin Guliyev, Minister of Foreign Affairs of Azerbaijan.")
    assert [(p.name, p.title, p.country) for p in found] == [
        ("Aram Petrosyan", "Minister of Foreign Affairs", "AM"),
        ("Elvin Guliyev", "Minister of Foreign Affairs", "AZ")]


# ---- titles after the name, states ----


def test_a_state_possessive_title_after_the_name_gives_the_state():
    assert triples("Karim Haddad, Lebanon's Foreign Minister, arrived on Monday.") == [
        ("Karim Haddad", "Foreign Minister", "LB")]


def test_a_lower_case_title_after_the_name_is_read():
    assert triples("Tran Van Khoa, permanent deputy minister of foreign affairs of Vietnam, said so.") == [
        ("Tran Van Khoa", "permanent deputy minister of foreign affairs", "VN")]


def test_who_was_appointed_as_leads_to_the_title():
    assert triples("Liam Brennan, who was recently appointed as the High Commissioner of Ireland, spoke.") == [
        ("Liam Brennan", "High Commissioner", "IE")]


def test_an_ambassador_acts_for_the_sending_state():
    assert triples("Ambassador of Chile to Kenya Rosa Valdivia presented her credentials.") == [
        ("Rosa Valdivia", "Ambassador of Chile to Kenya", "CL")]


def test_the_receiving_state_of_an_ambassador_is_not_their_state():
    assert triples("Ambassador to Kenya Rosa Valdivia presented her credentials.") == [
        ("Rosa Valdivia", "Ambassador to Kenya", None)]


def test_a_visit_destination_after_a_title_is_not_part_of_it():
    (p,) = people("The visit of H.E. Aliya Serikova, President of the Republic of Kazakhstan to the United States.")
    assert (p.title, p.country) == ("President", "KZ")


def test_us_before_a_title_gives_the_state():
    assert triples("US Secretary of State Daniel Whitmore called his counterpart.") == [
        ("Daniel Whitmore", "Secretary of State", "US")]


def test_a_state_in_brackets_after_a_listed_name_is_their_state():
    found = people("The envoys included Farah Idris (Sudan), Pavel Novak (Czechia) and others.",
                   ner=["Farah Idris", "Pavel Novak"])
    assert [(p.name, p.country) for p in found] == [("Farah Idris", "SD"), ("Pavel Novak", "CZ")]


def test_no_state_is_guessed_when_the_text_gives_none():
    assert triples("Minister for Foreign Affairs Helen Carter opened the meeting.") == [
        ("Helen Carter", "Minister for Foreign Affairs", None)]


# ---- spaCy PERSON spans ----


def test_a_person_span_is_enough_evidence_for_a_full_name():
    assert [p.name for p in people("Talks were also attended by Maren Solberg.", ner=["Maren Solberg"])] == [
        "Maren Solberg"]


def test_a_person_span_alone_does_not_make_a_lone_word_a_person():
    assert people("Talks were also attended by Solberg.", ner=["Solberg"]) == []


def test_person_spans_outside_the_sentence_are_ignored():
    text = "Maren Solberg arrived. The talks began."
    spans = [(0, len("Maren Solberg"))]
    assert find_people(text, 23, len(text), [], spans) == []


def test_common_words_in_a_person_span_are_not_a_name():
    text = "They signed an MOU on Agriculture and Related Fields covering related fields of work."
    assert people(text, ner=["Related Fields"]) == []


# ---- not participants ----


@pytest.mark.parametrize("sentence, reason", [
    ("Foreign Ministry spokesperson Lin Haoran said the visit went well.", "spokesperson"),
    ("The ministry spokeswoman Irina Volkova said so on Friday.", "spokeswoman"),
    ("Press Secretary Dana Whitfield said in a statement that talks went well.", "press secretary"),
    ("Communications Secretary Maya Reyes said in a statement that pacts were signed.", "communications secretary"),
])
def test_spokespeople_are_found_and_marked_as_not_participants(sentence, reason):
    (p,) = people(sentence)
    assert p.not_participant_reason == reason
    assert not p.is_participant


def test_a_spokesperson_named_again_by_surname_stays_marked():
    first = people("Spokesman for the Foreign Ministry Omar Farouk said in a statement that the call took place.")
    (later,) = people("Farouk added that the sides discussed trade.", known=first)
    assert later.not_participant_reason == "spokesman"


def test_a_byline_name_alone_on_its_line_is_the_author():
    text = "Dana Whitfield\nPresident Arman Tolegen met the delegation."
    found = people(text, ner=["Dana Whitfield"])
    assert [(p.name, p.not_participant_reason) for p in found] == [
        ("Dana Whitfield", "author"), ("Arman Tolegen", None)]


def test_a_correspondent_is_not_a_participant():
    (p,) = people("Peter Lang, Economics Correspondent, wrote from Sydney.")
    assert p.not_participant_reason == "correspondent"


def test_someone_without_an_office_who_told_reporters_is_a_briefer():
    (p,) = people("Ivan Petrov told reporters that the talks would resume.", ner=["Ivan Petrov"])
    assert p.not_participant_reason == "briefer"


def test_a_minister_who_told_reporters_is_still_a_participant():
    (p,) = people("Foreign Minister Anna Berg told reporters after the talks that progress was made.")
    assert p.not_participant_reason is None


# ---- capitalized words that are not people ----


@pytest.mark.parametrize("sentence", [
    "The Foreign Minister arrived in Cairo on Monday.",
    "The Joint Statement was adopted in March.",
    "Strategic Significance of the Partnership",
    "Meanwhile, the general said the Vice-Chairman would come.",
    "The PM and the FM met in Saint Lucia and the Dominican Republic.",
    "ASEAN and the EU issued a Joint Communique on Thursday.",
    "The Sultan and Yang Di-Pertuan of the state spoke.",
    "The governor of Lagos spoke at the Memorial Hall.",
])
def test_titles_organizations_headlines_and_places_are_not_people(sentence):
    assert people(sentence) == []


# ---- properties ----

_SYLLABLES = ["ka", "ro", "mi", "lan", "to", "sur", "bek", "ne", "va", "dor", "el", "in"]
_word = st.lists(st.sampled_from(_SYLLABLES), min_size=2, max_size=3).map(lambda s: "".join(s).capitalize())
_name = st.lists(_word, min_size=2, max_size=3, unique=True).map(" ".join)
_honorific = st.sampled_from(["", "H.E. ", "Mr. ", "Dr. ", "Mrs ", "H.E. Mr. "])
_template = st.sampled_from([
    "{h}{n}, Minister of Foreign Affairs of Japan, opened the talks.",
    "Deputy Foreign Minister {h}{n} opened the talks.",
    "The talks were opened by {h}{n}, the Ambassador of Chile to Peru.",
    "Kazakh President {n} met the delegation on Monday.",
])


@settings(max_examples=60, deadline=None)
@given(_template, _honorific, _name)
def test_every_mention_lies_in_its_sentence_and_is_its_name_without_honorifics(template, honorific, name):
    text = template.format(h=honorific, n=name)
    found = people(text)
    assert [p.name for p in found] == [name]
    honorific_words = {w.rstrip(".") for h in HONORIFICS for w in h.split()}
    for p in found:
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start:p.end] == p.name
        assert not any(w.rstrip(".") in honorific_words for w in p.name.split())
        assert p.why
