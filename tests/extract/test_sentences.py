"""Sentence splitting for press releases: initials, abbreviations, decimals and line breaks,
with offsets into the original text and only inside the article's body spans."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from attache.clean.article import Span
from attache.extract.sentences import split_sentences


def sentences_of(text: str, body: list[Span] | None = None) -> list[str]:
    return [s.text for s in split_sentences(text, body or [Span(0, len(text))])]


def test_an_initial_does_not_end_a_sentence():
    text = "Deputy Minister M. Nurtleu received the delegation. The sides discussed trade."
    assert sentences_of(text) == [
        "Deputy Minister M. Nurtleu received the delegation.",
        "The sides discussed trade.",
    ]


def test_two_initials_and_titles_stay_inside_the_sentence():
    text = "Mr. A. B. Karimov met Dr. Lee in St. Petersburg. Prof. Saito spoke next."
    assert sentences_of(text) == [
        "Mr. A. B. Karimov met Dr. Lee in St. Petersburg.",
        "Prof. Saito spoke next.",
    ]


def test_abbreviations_with_inner_dots_stay_inside_the_sentence():
    text = "The U.S. delegation and the U.K. envoy arrived on Monday. Talks followed."
    assert sentences_of(text) == [
        "The U.S. delegation and the U.K. envoy arrived on Monday.",
        "Talks followed.",
    ]


def test_decimal_numbers_stay_inside_the_sentence():
    text = "Trade grew by 3.5 percent to $1.2 billion in 2024. It may reach 2.25 billion."
    assert sentences_of(text) == [
        "Trade grew by 3.5 percent to $1.2 billion in 2024.",
        "It may reach 2.25 billion.",
    ]


def test_a_numbered_document_and_an_abbreviated_month_stay_inside_the_sentence():
    text = "Protocol No. 5 was signed on Jan. 12 in Baku. It enters into force at once."
    assert sentences_of(text) == [
        "Protocol No. 5 was signed on Jan. 12 in Baku.",
        "It enters into force at once.",
    ]


def test_a_line_break_always_ends_a_sentence_and_starts_a_paragraph():
    text = "Ministers meet in Baku\nThe talks began. The sides agreed\non a road map."
    sentences = split_sentences(text, [Span(0, len(text))])
    assert [s.text for s in sentences] == [
        "Ministers meet in Baku",
        "The talks began.",
        "The sides agreed",
        "on a road map.",
    ]
    assert [s.paragraph for s in sentences] == [1, 2, 2, 3]
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_quoted_sentences_end_after_the_closing_quote():
    text = 'The minister said: "We are ready." The talks ended.'
    assert sentences_of(text) == ['The minister said: "We are ready."', "The talks ended."]


def test_only_body_spans_are_read_and_offsets_are_into_the_original_text():
    text = (
        "22:14 02.04.2021 6912\nTitle of the piece\nThe talks were held. The sides agreed.\nOther articles\n"
    )
    body_start = text.index("The talks")
    body = [Span(body_start, text.index("\nOther"))]
    sentences = split_sentences(text, body)
    assert [s.text for s in sentences] == ["The talks were held.", "The sides agreed."]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_pieces_without_letters_are_not_sentences():
    assert sentences_of("*** 2024 ***\n---\nThe talks ended.") == ["The talks ended."]


# ---- properties ----

PIECES = st.sampled_from(
    [
        "The talks were held.",
        "M. Nurtleu",
        "U.S.",
        "3.5",
        "$1.2 billion",
        "No. 5",
        "Mr.",
        "Dr. Lee",
        "!",
        "?",
        ". ",
        ".",
        "\n",
        "\n\n",
        " ",
        "  ",
        '"',
        "“Yes.”",
        "(see Annex 2).",
        "e.g.",
        "Ä",
        "Yalçınkaya.",
        "talks",
        "Ministers",
        "2024.",
        "a",
        "I",
        "The",
        "and",
    ]
)
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join)


@st.composite
def document_with_body(draw):
    text = draw(DOCUMENTS)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))) | {0, len(text)})
    pairs = list(itertools.pairwise(cuts))
    body = [Span(a, b) for a, b in pairs if draw(st.booleans())]
    return text, body


@settings(max_examples=150, deadline=None)
@given(document_with_body())
def test_sentences_lie_inside_body_spans_in_order_without_overlap(document):
    text, body = document
    sentences = split_sentences(text, body)
    previous_end = -1
    for i, s in enumerate(sentences):
        assert s.text == text[s.start : s.end]
        assert any(span.start <= s.start and s.end <= span.end for span in body)
        assert s.start >= previous_end
        assert s.index == i
        assert s.text == s.text.strip() and any(ch.isalpha() for ch in s.text)
        assert "\n" not in s.text
        previous_end = s.end


@settings(max_examples=150, deadline=None)
@given(document_with_body())
def test_every_letter_of_the_body_is_in_some_sentence(document):
    text, body = document
    sentences = split_sentences(text, body)
    for span in body:
        for i in range(span.start, span.end):
            if text[i].isalpha():
                assert any(s.start <= i < s.end for s in sentences), (i, text[i])
