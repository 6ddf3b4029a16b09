"""The body cap: a huge page is cut at a sentence end, the cut is marked, the text is untouched."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from attache.clean import clean_document
from attache.clean.article import Span
from attache.clean.limit import MAX_BODY_CHARS, TRUNCATED, cap_body
from attache.clean.lines import BODY
from attache.ingest.raw import RawDocument

PARAGRAPH = ("On {day} May 2024, the Minister of Foreign Affairs of Chile held talks with his counterpart "
             "from Vietnam in Santiago. The sides discussed trade and agriculture.")


def _paragraphs(count: int, start: int = 0) -> tuple[str, tuple[Span, ...]]:
    text, body = "", []
    for number in range(start, start + count):
        paragraph = PARAGRAPH.format(day=number % 28 + 1)
        body.append(Span(len(text), len(text) + len(paragraph), BODY))
        text += paragraph + "\n\n"
    return text, tuple(body)


def _chars(spans) -> int:
    return sum(s.end - s.start for s in spans)


def _letters(text: str, span: Span) -> int:
    return len("".join(text[span.start:span.end].split()))


def test_a_body_under_the_limit_is_left_alone():
    text, body = _paragraphs(3)
    assert cap_body(text, body, (), limit=10_000) == (body, (), None)


def test_cut_at_a_sentence_end_and_the_rest_marked_truncated():
    text, body = _paragraphs(10)
    first_sentence = len(PARAGRAPH.split(". ")[0]) + 1
    limit = _chars(body[:3]) + first_sentence + 20  # crosses the fourth paragraph after its first sentence
    kept, excluded, truncation = cap_body(text, body, (), limit=limit)
    assert _chars(kept) <= limit
    assert kept[:3] == body[:3]
    assert text[kept[-1].start:kept[-1].end].endswith("in Santiago.")
    (rest,) = excluded
    assert rest.reason == TRUNCATED and rest.end == body[-1].end
    assert text[rest.start:].startswith("The sides discussed")
    assert truncation == {"offset": rest.start, "kept_chars": _chars(kept), "body_chars": _chars(body)}


def test_a_paragraph_with_no_sentence_end_before_the_limit_goes_whole():
    text, body = _paragraphs(4)
    kept, excluded, _ = cap_body(text, body, (), limit=_chars(body[:2]) + 10)
    assert kept == body[:2]
    assert excluded[0].start == body[2].start


def test_one_giant_word_is_cut_at_the_limit():
    text = "x" * 5000
    kept, excluded, truncation = cap_body(text, (Span(0, 5000, BODY),), (), limit=1000)
    assert kept == (Span(0, 1000, BODY),)
    assert excluded == (Span(1000, 5000, TRUNCATED),)
    assert truncation["offset"] == 1000


def test_excluded_spans_after_the_cut_are_kept_and_not_overlapped():
    first, first_body = _paragraphs(5)
    teaser = "Other news\n\n"
    second, second_body = _paragraphs(5, start=5)
    text = first + teaser + second
    shift = len(first) + len(teaser)
    body = first_body + tuple(Span(s.start + shift, s.end + shift, BODY) for s in second_body)
    teasers = (Span(len(first), len(first) + len("Other news"), "teasers"),)
    kept, excluded, _ = cap_body(text, body, teasers, limit=_chars(body[:2]))
    assert [s.reason for s in excluded] == [TRUNCATED, "teasers", TRUNCATED]
    assert all(a.end <= b.start for a, b in zip(excluded, excluded[1:]))
    assert kept == body[:2]
    assert _letters(text, excluded[0]) + _letters(text, excluded[2]) == sum(_letters(text, s) for s in body[2:])


@settings(max_examples=60, deadline=None)
@given(lengths=st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=30),
       limit=st.integers(min_value=1, max_value=3000))
def test_cap_invariants(lengths, limit):
    words = "The delegations met in Tallinn. Talks went on"
    text, body = "", []
    for length in lengths:
        paragraph = (words * (length // len(words) + 1))[:length].strip() or "x"
        body.append(Span(len(text), len(text) + len(paragraph), BODY))
        text += paragraph + "\n\n"
    body = tuple(body)
    kept, excluded, truncation = cap_body(text, body, (), limit=limit)
    assert _chars(kept) <= max(limit, 0)
    spans = sorted(kept + excluded, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert all(s.start < s.end for s in spans)
    if truncation is None:
        assert kept == body
    else:
        assert truncation["body_chars"] == _chars(body) > limit
        assert truncation["kept_chars"] == _chars(kept)
        covered = "".join("".join(text[s.start:s.end].split()) for s in spans)
        assert covered == "".join("".join(text[s.start:s.end].split()) for s in body)


def test_clean_document_caps_a_huge_page_and_says_so():
    count = MAX_BODY_CHARS // len(PARAGRAPH) + 50
    text = "Chile and Vietnam hold talks\n\n" + _paragraphs(count)[0]
    article = clean_document(RawDocument(doc="huge.txt", origin="huge.txt", kind="text", text=text))
    assert article.text == text
    truncation = article.meta["truncated"]
    assert _chars(article.body) == truncation["kept_chars"] <= MAX_BODY_CHARS < truncation["body_chars"]
    assert article.body[-1].end <= truncation["offset"]
    assert any(s.reason == TRUNCATED and s.start == truncation["offset"] for s in article.excluded)


def test_clean_document_leaves_a_normal_article_whole():
    text = "Chile and Vietnam hold talks\n\n" + _paragraphs(20)[0]
    article = clean_document(RawDocument(doc="a.txt", origin="a.txt", kind="text", text=text))
    assert "truncated" not in article.meta
    assert not any(s.reason == TRUNCATED for s in article.excluded)


def test_the_extraction_record_says_the_body_was_cut():
    from attache.extract.document import extract_document

    text = "Chile and Vietnam hold talks\n\n" + _paragraphs(20)[0]
    article = clean_document(RawDocument(doc="a.txt", origin="a.txt", kind="text", text=text))
    assert "truncated" not in extract_document(article)
    cut = {"offset": article.body[-1].start, "kept_chars": 10, "body_chars": 20}
    article.meta["truncated"] = cut
    assert extract_document(article)["truncated"] == cut
