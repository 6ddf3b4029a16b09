"""html_to_text: main text and metadata from a page; broken or hostile pages end as InputError, quickly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attache.errors import InputError
from attache.ingest.html import declared_charset, html_to_text

PAGE = (Path(__file__).parent.parent / "fixtures" / "clean" / "visit.html").read_text(encoding="utf-8")


def test_main_text_and_metadata():
    text, meta = html_to_text(PAGE, "visit.html")
    assert "held talks in Lima with her Peruvian counterpart" in text
    assert "memorandum on consular cooperation" in text
    assert meta == {
        "title": "Foreign ministers of Chile and Peru meet in Lima",
        "date": "2024-04-11",
        "source": "Ministry of Foreign Affairs",
        "url": "https://minrel.example.org/news/chile-peru",
    }


def test_scripts_and_navigation_are_not_text():
    text, _ = html_to_text(PAGE, "visit.html")
    assert "tracking" not in text and "Injected" not in text and "not text" not in text
    assert "Contact" not in text


@pytest.mark.parametrize(
    "html",
    [
        "<html",
        "<<<>>>",
        "<html><body></body></html>",
        "<html><body><script>var a = 1;</script></body></html>",
        "\x00\x01<p>",
    ],
)
def test_pages_without_article_text(html):
    with pytest.raises(InputError) as caught:
        html_to_text(html, "bad.html")
    assert caught.value.origin == "bad.html"
    assert caught.value.reason == "no article text found in HTML"


def test_deeply_nested_page_finishes_in_bounded_time():
    html = (
        "<html><body>"
        + "<div>" * 5000
        + "<p>The ministers met in Riga.</p>"
        + "</div>" * 5000
        + "</body></html>"
    )
    started = time.perf_counter()
    try:
        html_to_text(html, "deep.html")
    except InputError as error:
        assert error.origin == "deep.html"
    assert time.perf_counter() - started < 5


def test_long_entity_run_and_entity_definitions_are_not_expanded():
    bomb = (
        '<?xml version="1.0"?>'
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<html><body><p>&b;&b;&b;</p><p>" + "&amp;" * 200_000 + "</p>"
        "<p>The foreign ministers of Malta and Cyprus met in Valletta to discuss migration.</p></body></html>"
    )
    started = time.perf_counter()
    try:
        text, _ = html_to_text(bomb, "bomb.html")
    except InputError:
        text = ""
    assert time.perf_counter() - started < 5
    assert "aaaaaaaaaa" * 8 not in text


def test_page_with_too_many_tags_is_refused_at_once():
    html = "<html><body>" + "<p>The ministers met in Riga.</p>" * 20_000 + "</body></html>"
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"HTML page has 40,004 tags, over the 30,000 limit"):
        html_to_text(html, "huge.html")
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="windows-1251">', "windows-1251"),
        (b"<meta http-equiv=Content-Type content='text/html; charset=KOI8-R'>", "koi8-r"),
        (b"<p>none</p>", None),
    ],
)
def test_declared_charset(head, charset):
    assert declared_charset(b"<html><head>" + head) == charset


tags = st.sampled_from(
    ["div", "p", "span", "script", "style", "table", "td", "a", "b", "article", "nav", "h1"]
)
fragments = st.one_of(
    st.text(max_size=40),
    tags.map(lambda t: f"<{t}>"),
    tags.map(lambda t: f"</{t}>"),
    st.sampled_from(
        ["&amp;", "&#0;", "&#xD800;", "<!--", "-->", "<![CDATA[", "<?xml?>", "<!DOCTYPE html>", "\x00"]
    ),
)


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fragments, max_size=60).map("".join))
def test_random_html_gives_text_or_input_error(html):
    try:
        text, meta = html_to_text(html, "r.html")
    except InputError as error:
        assert error.origin == "r.html"
        return
    assert text.strip()
    assert set(meta) == {"title", "date", "source", "url"}
