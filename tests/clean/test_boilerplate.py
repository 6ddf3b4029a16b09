"""Line tests for page furniture, and the cue file they read."""

from __future__ import annotations

import pytest

from attache.clean import boilerplate as bp


def test_cue_file_has_every_kind():
    cues = bp.load_cues()
    assert "other articles" in cues.sections
    assert "about the author" in cues.bio_headings
    assert "journalist" in cues.bio_roles
    assert {"share", "print"} <= cues.nav_words
    assert any(prefix.startswith("view more articles") for prefix in cues.line_prefixes)


@pytest.mark.parametrize(
    ("line", "host"),
    [
        ("https://x.gov.tm/storage/posts/1/a.jpeg", "x.gov.tm"),
        ("  http://www.mfa.example.kz/en/news/5  ", "mfa.example.kz"),
        ("www.example.org/page", "example.org"),
    ],
)
def test_url_lines_and_their_hosts(line, host):
    url = bp.url_of_line(line)
    assert url is not None and bp.host_of(url) == host


def test_url_inside_a_sentence_is_not_a_url_line():
    assert bp.url_of_line("More at https://example.org/news today") is None


@pytest.mark.parametrize("line", ["16166863e97189.jpeg", " IMG_2041.JPG ", "uploads/2024/05/photo.webp",
                                  "https://cdn.example/a.b/photo.png?w=640&h=480"])
def test_image_names(line):
    assert bp.is_image_name(line)


@pytest.mark.parametrize("line", ["The photo.jpeg was shown", "Talks in Baku", "a" * 100_000 + ".jpeg"])
def test_not_image_names(line):
    assert not bp.is_image_name(line)


@pytest.mark.parametrize("line", ["Other articles", "RELATED NEWS", "Read also:", "  see also  "])
def test_section_headings(line):
    assert bp.is_section_heading(line)


def test_a_sentence_mentioning_other_articles_is_not_a_heading():
    assert not bp.is_section_heading("Other articles of the treaty were discussed.")


@pytest.mark.parametrize(
    "line", ["Share | Print", "Submit Release", "Facebook Twitter Telegram", "Back to top"]
)
def test_navigation_lines(line):
    assert bp.is_navigation(line)


@pytest.mark.parametrize("line", ["Share of trade grew", "The ministers met in Minsk.", ""])
def test_not_navigation(line):
    assert not bp.is_navigation(line)


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("Anna K. Reinholt is a journalist, editor and researcher.", "Anna K. Reinholt"),
        ("\u00a0Tom Hale is an award-winning freelance reporter based in Almaty.", "Tom Hale"),
        ("Lena Moor was a correspondent for several dailies.", "Lena Moor"),
    ],
)
def test_bio_openings(paragraph, name):
    assert bp.bio_name(paragraph) == name


@pytest.mark.parametrize(
    "paragraph",
    [
        "Rashid Aliyev is a deputy minister of foreign affairs.",
        "The minister is a journalist by training.",
    ],
)
def test_not_bio_openings(paragraph):
    assert bp.bio_name(paragraph) is None


@pytest.mark.parametrize(
    ("line", "source", "date", "start"),
    [
        ("Peace in the region. ///nCa, 4 February 2025", "nCa", "2025-02-04", 21),
        ("///TDH", "TDH", None, 0),
        ("They met. //Trend, 2024-05-01", "Trend", "2024-05-01", 10),
    ],
)
def test_trailing_tags(line, source, date, start):
    tag = bp.trailing_tag(line)
    assert tag is not None and (tag.source, tag.date, tag.start) == (source, date, start)


@pytest.mark.parametrize(
    "line",
    ["See https://example.org/a", "Peace. ///nCa, 31 February 2025", "Ratio 1//2 was agreed", "No tag here."],
)
def test_not_trailing_tags(line):
    assert bp.trailing_tag(line) is None
