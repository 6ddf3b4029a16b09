"""clean_document on short genre articles written for these tests: what is body, what is not."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from attache.clean import clean_document
from attache.errors import InputError
from attache.ingest.raw import RawDocument

FIXTURES = Path(__file__).parent.parent / "fixtures" / "clean"


def clean_file(name: str, **hints):
    data = (FIXTURES / name).read_bytes()
    return clean_document(RawDocument(doc=name, origin=str(FIXTURES / name), content=data, **hints))


def clean_text(text: str, **hints):
    return clean_document(RawDocument(doc="t", origin="t.txt", text=text, **hints))


def body_text(article) -> str:
    return "\n".join(article.text[s.start : s.end] for s in article.body)


def excluded(article, reason: str) -> list[str]:
    return [article.text[s.start : s.end] for s in article.excluded if s.reason == reason]


def test_header_date_title_repeated_title_and_dateline():
    article = clean_file("header_date_title.txt")
    assert article.published == "2023-11-08"
    assert article.published_reason == "header: ' date 2023-11-08'"
    assert article.title == "Uzbek-Korean political consultations held in Tashkent"
    assert excluded(article, "header") == ["date 2023-11-08 Submit Release"]
    assert excluded(article, "dateline") == ["8 November 2023"]
    assert excluded(article, "repeated-title") == [article.title]
    assert article.text[article.body[0].start :].startswith("On 7 November 2023, political consultations")
    assert "Submit" not in body_text(article) and article.title not in body_text(article)
    assert len(article.body) == 3


def test_header_date_followed_by_body_on_the_same_line():
    article = clean_file("header_date_body.txt")
    assert article.published == "2022-06-21"
    assert article.title is None
    first = article.body[0]
    assert article.text[first.start : first.end].startswith("Kazakhstan will host a regional transport")
    assert excluded(article, "header") == ["date 2022-06-21"]


def test_time_date_counter_header_image_url_and_teasers():
    article = clean_file("stamp_header_teasers.txt")
    assert article.title == "Cooperation between Azerbaijan and Georgia discussed in Tbilisi"
    assert article.published == "2022-09-14"
    assert article.published_reason == "header: '09:45 14.09.2022 1873'"
    assert article.meta["views"] == 1873
    assert article.source == "energy.example.gov.az"
    assert excluded(article, "url") == [
        "https://energy.example.gov.az/storage/posts/77/original-5a1f0c2e.jpeg"
    ]
    teasers = excluded(article, "teasers")
    assert (
        len(teasers) == 1
        and teasers[0].startswith("Other articles")
        and teasers[0].endswith("seminar in Baku.")
    )
    body = body_text(article)
    assert "Baku-Tbilisi-Kars" in body
    assert "Istanbul" not in body and ".jpeg" not in body and "1873" not in body


def test_author_bio_with_repeated_name_lines_is_excluded_to_the_end():
    article = clean_file("author_bio.txt")
    assert article.title == "Visit of the Mongolian Foreign Minister to Vienna: New Horizons"
    assert article.published is None and article.published_reason is None
    body = body_text(article)
    assert "Reinholt" not in body and "steppe politics" not in body
    assert body.endswith("between the two countries.")
    (bio,) = excluded(article, "author-bio")
    assert bio.startswith("Anna K. Reinholt") and bio.endswith("View more articles fromAnna K. Reinholt")


def test_bio_sentence_early_in_an_article_is_body():
    text = (
        "Talks on water sharing resumed in Dushanbe on Monday.\n\n"
        "Olim Rahimov is a former editor who now advises the foreign ministry on media.\n\n"
        + "The delegations discussed the Rogun project and the Vakhsh cascade at length.\n\n"
        * 4
    )
    article = clean_text(text)
    assert "Olim Rahimov is a former editor" in body_text(article)
    assert not excluded(article, "author-bio")


def test_trailing_tag_gives_source_and_date_when_nothing_else_does():
    article = clean_text(
        "The foreign ministers of Armenia and Iran met in Yerevan on Tuesday.\n\n"
        "They discussed the North-South corridor. ///Arka, 6 March 2024\n"
    )
    assert article.source == "Arka"
    assert article.published == "2024-03-06"
    assert article.published_reason == "trailing tag: '///Arka, 6 March 2024'"
    assert excluded(article, "source-tag") == ["///Arka, 6 March 2024"]
    assert body_text(article).endswith("the North-South corridor.")


def test_trailing_tag_date_yields_to_header_date_and_source_tag_to_given_source():
    article = clean_file("trailing_tag.txt", source="Given Agency")
    assert article.published == "2024-09-12"
    assert article.published_reason.startswith("header:")
    assert article.source == "Given Agency"
    assert excluded(article, "source-tag") == ["///xNA, 12 September 2024"]


def test_place_dateline_opening_the_first_paragraph():
    article = clean_text(
        "Kazakh and Kyrgyz ministers discuss water use\n\n"
        "BISHKEK, 12 March 2024 (Kabar) – The foreign ministers of Kazakhstan and Kyrgyzstan met.\n\n"
        "They agreed on a schedule for the summer irrigation season.\n"
    )
    assert article.published == "2024-03-12"
    assert article.published_reason == "dateline: 'BISHKEK, 12 March 2024 (Kabar) –'"
    assert (article.source, article.meta["source_reason"]) == ("Kabar", "dateline")
    assert article.meta["dateline_place"] == "BISHKEK"
    assert body_text(article).startswith("The foreign ministers of Kazakhstan and Kyrgyzstan met.")


def test_place_opening_without_a_year_gives_the_place_but_no_date():
    article = clean_text("RIGA, 4 June – The foreign ministers of Latvia and Poland met on Monday.\n")
    assert article.published is None
    assert article.meta["dateline_place"] == "RIGA"
    assert body_text(article) == "The foreign ministers of Latvia and Poland met on Monday."


def test_given_published_wins_over_header_date():
    article = clean_file("header_date_title.txt", published="2023-11-09")
    assert article.published == "2023-11-09"
    assert article.published_reason == "given with the input"


def test_navigation_and_link_lines_are_not_body():
    article = clean_text(
        "Share | Print | Telegram\n\n"
        "Estonia and Finland sign a memorandum on digital services\n\n"
        "The ministers of Estonia and Finland signed a memorandum in Tallinn on Friday.\n\n"
        "Read also: Latvia opens an embassy in Seoul\n"
        "www.example.ee/news/1234\n"
        "Photo: press service\n"
    )
    assert article.title == "Estonia and Finland sign a memorandum on digital services"
    assert (
        body_text(article) == "The ministers of Estonia and Finland signed a memorandum in Tallinn on Friday."
    )
    assert excluded(article, "navigation") == [
        "Share | Print | Telegram",
        "Read also: Latvia opens an embassy in Seoul",
        "Photo: press service",
    ]
    assert excluded(article, "url") == ["www.example.ee/news/1234"]


def test_jsonl_title_marks_the_same_first_line_as_title():
    article = clean_text(
        "Minsk hosts Belarusian-Chinese consultations\nThe consultations covered trade and logistics.",
        title="Minsk hosts Belarusian-Chinese consultations",
    )
    assert article.title == "Minsk hosts Belarusian-Chinese consultations"
    assert body_text(article) == "The consultations covered trade and logistics."


def test_a_first_paragraph_without_a_final_period_is_not_taken_for_a_title():
    article = clean_text(
        "The minister told reporters in Baku: “We have agreed on the route.”\n\n"
        "Talks resumed. The sides met again in Ganja\n\n"
        "The next round will be held in Tbilisi.\n"
    )
    assert article.title is None
    assert body_text(article).startswith("The minister told reporters in Baku")


def test_crlf_line_ends_read_like_lf():
    text = (FIXTURES / "header_date_title.txt").read_text(encoding="utf-8")
    lf, crlf = clean_text(text), clean_text(text.replace("\n", "\r\n"))
    assert (crlf.title, crlf.published) == (lf.title, lf.published)
    assert body_text(crlf) == body_text(lf)
    assert [s.reason for s in crlf.excluded] == [s.reason for s in lf.excluded]


def test_hard_wrapped_paragraph_is_one_body_span():
    article = clean_text(
        "The foreign ministers met in Riga on Monday and\ndiscussed energy security in the Baltic region.\n\n"
        "A joint statement was adopted.\n"
    )
    assert len(article.body) == 2
    assert article.text[article.body[0].start : article.body[0].end].endswith("Baltic region.")


def test_only_boilerplate_is_an_input_error():
    with pytest.raises(InputError, match="only boilerplate"):
        clean_text(" date 2024-01-02 Submit Release\n\nhttps://example.org/a.jpeg\nShare | Print\n")


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_text_is_an_input_error(text):
    with pytest.raises(InputError, match="empty document"):
        clean_text(text)


def test_binary_content_is_an_input_error_naming_the_origin():
    raw = RawDocument(doc="x.bin", origin="in/x.bin", content=bytes(range(256)) * 4)
    with pytest.raises(InputError) as caught:
        clean_document(raw)
    assert caught.value.origin == "in/x.bin" and caught.value.reason == "binary file, not text"


def test_html_input_takes_text_title_date_and_source_from_the_page():
    html = (FIXTURES / "visit.html").read_text(encoding="utf-8")
    article = clean_document(RawDocument(doc="visit.html", origin="visit.html", kind="html", html=html))
    assert article.title == "Foreign ministers of Chile and Peru meet in Lima"
    assert article.published == "2024-04-11" and article.published_reason == "HTML metadata"
    assert article.source == "Ministry of Foreign Affairs"
    assert article.url == "https://minrel.example.org/news/chile-peru"
    body = body_text(article)
    assert "Pacific Alliance" in body
    assert "alert(" not in article.text and "Home" not in body
    assert article.title not in body


def test_every_span_points_into_the_text_and_spans_do_not_overlap():
    for path in sorted(FIXTURES.glob("*.txt")):
        article = clean_file(path.name)
        spans = sorted([*article.body, *article.excluded], key=lambda s: s.start)
        for span in spans:
            assert 0 <= span.start < span.end <= len(article.text)
            assert article.text[span.start : span.end] == article.text[span.start : span.end].strip()
        for before, after in pairwise(spans):
            assert before.end <= after.start
