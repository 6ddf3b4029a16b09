"""Event triggers read from the dependency parse (attache/extract/triggers.py and
attache/data/event_triggers.tsv): which tokens name an event, the arguments read from the
parse, the argument rules, and planned/occurred status from tense, aspect and modality.

Each sentence is our own, with invented officials and real states. The sentence goes
through the real spaCy model (``nlp.analyze``); the parties are the states
``find_countries`` finds in it, as ``extract_document`` passes them.
"""

from __future__ import annotations

from functools import cache

from attache import vocab
from attache.extract import nlp, triggers
from attache.extract.lexicon import find_countries


@cache
def parsed(sentence: str) -> nlp.SentenceAnalysis:
    (analysis,) = nlp.analyze(sentence, [(0, len(sentence))], [True])
    return analysis


@cache
def mentions(sentence: str) -> tuple[triggers.Mention, ...]:
    parties = [(c.start, c.end) for c in find_countries(sentence, 0, len(sentence))]
    return tuple(triggers.read_mentions(parsed(sentence), parties))


def types(sentence: str) -> list[str]:
    return [m.type for m in mentions(sentence)]


def only_mention(sentence: str) -> triggers.Mention:
    found = mentions(sentence)
    assert len(found) == 1, [(m.token.text, m.type) for m in found]
    return found[0]


def argument_texts(sentence: str, mention: triggers.Mention) -> dict[str, str]:
    return {g.role: sentence[g.start:g.end] for g in mention.arguments}


# ---- the trigger table and the rules it names ----

def test_every_rule_named_in_the_trigger_table_exists_in_RULES():
    named = {t.rule for t in vocab.event_triggers() if t.rule}
    assert named, "event_triggers.tsv names no rule"
    assert named <= set(triggers.RULES), named - set(triggers.RULES)


def test_trigger_table_rows_are_verbs_or_nouns_with_their_forms():
    for t in vocab.event_triggers():
        assert t.pos in ("VERB", "NOUN"), t
        assert t.forms, t


def test_candidate_pattern_finds_a_trigger_form_in_a_sentence():
    assert triggers.candidate_pattern().search("The Prime Minister of Fiji visited Tonga.")
    assert triggers.candidate_pattern().search("Ministers held TALKS in Suva.")


def test_candidate_pattern_skips_a_sentence_without_a_trigger_form():
    assert triggers.candidate_pattern().search("Exports of copper rose by 4 percent in March.") is None


def test_candidate_pattern_matches_whole_words_only():
    # "spokesperson" holds "spoke", "recall" holds "call": neither is a trigger form
    assert triggers.candidate_pattern().search("The spokesperson declined to recall the figures.") is None


# ---- the language layer the triggers read ----

def test_analyze_gives_tokens_only_for_sentences_flagged_for_parsing():
    text = "Ministers met in Oslo. Oil prices rose in Norway."
    spans = [(0, 22), (23, len(text))]
    first, second = nlp.analyze(text, spans, [True, False])
    assert first.parsed and not second.parsed
    assert [t.text for t in first.tokens][:3] == ["Ministers", "met", "in"]


def test_analyze_gives_entities_with_document_offsets_for_every_sentence():
    text = "Ministers met in Oslo. Oil prices rose in Norway."
    spans = [(0, 22), (23, len(text))]
    first, second = nlp.analyze(text, spans, [True, False])
    assert [(e.text, e.label) for e in first.entities] == [("Oslo", "GPE")]
    assert [(e.text, e.label) for e in second.entities] == [("Norway", "GPE")]
    norway = second.entities[0]
    assert text[norway.start:norway.end] == "Norway"


def test_analyze_token_offsets_lemmas_and_heads_point_into_the_document():
    text = "Exports rose. The minister visited Chile."
    (_, analysis) = nlp.analyze(text, [(0, 13), (14, len(text))], [False, True])
    visited = next(t for t in analysis.tokens if t.text == "visited")
    assert text[visited.start:visited.end] == "visited"
    assert visited.lemma == "visit" and visited.pos == "VERB" and visited.dep == "ROOT"
    chile = next(t for t in analysis.tokens if t.text == "Chile")
    assert chile.head == visited.i and chile.dep == "dobj"


# ---- which tokens name which event ----

def test_spoke_with_a_counterpart_is_a_phone_call():
    assert types("Secretary of State Mark Holloway spoke with Indian Foreign Minister Ravi Kumar on Tuesday.") \
        == ["phone_call"]


def test_spoke_to_reporters_is_not_a_phone_call():
    assert types("The minister spoke to reporters after the ceremony.") == []


def test_held_talks_with_a_counterpart_is_talks():
    assert types("Foreign Minister Anna Berg held talks with her Polish counterpart in Warsaw.") == ["talks"]


def test_made_a_phone_contact_with_is_a_phone_call():
    assert types("President Jorge Alvim made a phone contact with the Prime Minister of Spain.") == ["phone_call"]


def test_called_on_the_president_is_a_courtesy_meeting():
    assert types("The new Ambassador of Chile called on the President of Kenya.") == ["meeting"]


def test_called_for_restraint_is_no_event():
    assert types("The minister called for restraint on both sides.") == []


def test_received_the_ambassador_is_a_meeting():
    assert types("President Tomas Riedel received the Ambassador of Brazil.") == ["meeting"]


def test_received_a_letter_is_no_event():
    assert types("The minister received a letter from the committee.") == []


def test_visited_a_country_is_a_visit():
    assert types("Prime Minister Karen Oduya visited Japan last week.") == ["visit"]


def test_a_strategic_dialogue_between_two_states_is_talks():
    assert types("Ministers opened a strategic dialogue between India and France.") == ["talks"]


def test_dialogue_and_cooperation_in_the_abstract_is_no_event():
    assert types("The two countries agreed to enhance dialogue and cooperation in education.") == []


# ---- arguments read from the parse ----

def test_a_verb_trigger_has_its_subject_and_with_phrase_as_arguments():
    sentence = "Secretary of State Mark Holloway spoke with Indian Foreign Minister Ravi Kumar on Tuesday."
    args = argument_texts(sentence, only_mention(sentence))
    assert args["subject"] == "Secretary of State Mark Holloway"
    assert args["with"] == "Indian Foreign Minister Ravi Kumar"


def test_a_noun_trigger_takes_the_subject_of_its_governing_verb():
    sentence = "Foreign Minister Anna Berg held talks with her Polish counterpart."
    mention = only_mention(sentence)
    assert mention.token.text == "talks"
    args = argument_texts(sentence, mention)
    assert args["governor_subject"] == "Foreign Minister Anna Berg"
    assert args["with"] == "her Polish counterpart"


def test_a_between_phrase_is_an_argument_of_a_noun_trigger():
    sentence = "Ministers opened a strategic dialogue between India and France."
    args = argument_texts(sentence, only_mention(sentence))
    assert args["between"] == "India and France"


def test_arguments_never_hold_the_trigger_itself():
    sentence = "Foreign Minister Anna Berg held talks with her Polish counterpart."
    mention = only_mention(sentence)
    assert all(not g.start <= mention.token.start < g.end for g in mention.arguments)


# ---- status: planned or occurred ----

def test_will_visit_is_planned():
    mention = only_mention("Prime Minister Karen Oduya will visit Japan next month.")
    assert mention.type == "visit"
    assert mention.planned is True
    assert "will visit" in mention.status_why


def test_is_scheduled_to_hold_talks_is_planned():
    mention = only_mention("Foreign Minister Anna Berg is scheduled to hold talks with her Polish counterpart.")
    assert mention.type == "talks"
    assert mention.planned is True


def test_agreed_to_hold_the_next_round_of_consultations_is_planned():
    mention = only_mention("The sides agreed to hold the next round of consultations in Lima.")
    assert mention.type == "consultation"
    assert mention.planned is True


def test_met_on_monday_is_not_planned():
    mention = only_mention("Foreign Minister Anna Berg met her Polish counterpart on Monday.")
    assert mention.type == "meeting"
    assert mention.planned is False
    assert "past tense" in mention.status_why


def test_the_upcoming_summit_is_planned():
    mention = only_mention("The ministers discussed the upcoming summit in Nairobi.")
    assert mention.type == "summit"
    assert mention.planned is True
    assert mention.status_why == "'upcoming summit'"


def test_the_previous_round_of_talks_is_not_planned():
    mention = only_mention("The ministers recalled the previous talks in Nairobi.")
    assert mention.type == "talks"
    assert mention.planned is False


def test_a_sentence_whose_tense_does_not_say_has_no_status():
    mention = only_mention("Talks between Peru and Chile focus on trade.")
    assert mention.type == "talks"
    assert mention.planned is None
    assert mention.status_why == ""


# ---- more argument rules ----

def test_called_a_counterpart_is_a_phone_call():
    assert types("President Jorge Alvim called his Argentine counterpart on Friday.") == ["phone_call"]


def test_a_courtesy_call_on_a_minister_is_a_meeting():
    assert types("The Ambassador of Mexico paid a courtesy call on the Minister of Foreign Affairs of Ghana.") \
        == ["meeting"]


def test_arrived_in_a_capital_is_a_visit():
    assert types("Prime Minister Karen Oduya arrived in Brasília on Sunday.") == ["visit"]


def test_arrived_at_a_consensus_is_no_event():
    assert types("The delegations arrived at a consensus on fisheries.") == []


def test_a_talk_in_the_singular_is_no_event():
    assert types("The minister gave a talk at the university.") == []
