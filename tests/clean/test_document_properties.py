"""Invariants of clean_document over generated documents (hypothesis)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attache.clean import clean_document
from attache.errors import InputError
from attache.ingest.raw import RawDocument

# Lines in the genre's shapes, shuffled into documents with random text between them.
genre_lines = st.sampled_from(
    [
        " date 2024-05-17 Submit Release",
        " date 2023-01-09 The ministers met in Astana on Monday.",
        "22:14 02.04.2021 6912",
        "17 May 2024",
        "Turkmen-Japanese consultations held in Ashgabat",
        "https://x.gov.tm/storage/posts/1/a.jpeg",
        "16166863e97189.jpeg",
        "Other articles",
        "Read also: a teaser",
        "Share | Print",
        "Jane Q. Doe",
        "Jane Q. Doe is a journalist and editor.",
        "View more articles fromJane Q. Doe",
        "They agreed to meet again. ///nCa, 4 February 2025",
        "The parties discussed trade, energy and transport.",
        "",
        "   ",
    ]
)
documents = st.lists(genre_lines | st.text(max_size=80), max_size=25).map("\n".join) | st.text(max_size=2000)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_spans_are_inside_the_text_ordered_and_cover_every_visible_character(text):
    try:
        article = clean_document(RawDocument(doc="t", origin="t", text=text))
    except InputError:
        return
    assert article.text == text
    assert article.body
    spans = sorted([*article.body, *article.excluded], key=lambda span: (span.start, span.end))
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert span.reason
    for before, after in pairwise(spans):
        assert before.end <= after.start
    covered = set()
    for span in spans:
        covered.update(range(span.start, span.end))
    visible = {index for index, char in enumerate(text) if not char.isspace()}
    assert visible <= covered


@settings(max_examples=200)
@given(st.binary(max_size=3000))
def test_random_bytes_give_an_article_or_an_input_error(data):
    try:
        article = clean_document(RawDocument(doc="b", origin="b.bin", content=data))
    except InputError as error:
        assert error.origin == "b.bin"
        return
    for span in article.body:
        assert 0 <= span.start <= span.end <= len(article.text)
