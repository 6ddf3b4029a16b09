"""attache/display.py: text shown on one terminal line, in a page, and URLs shown as links."""

from __future__ import annotations

import pytest

from attache.display import counted, one_line, web_url, without_direction_controls


def test_one_line_escapes_what_would_split_rewrite_or_reorder_a_line():
    assert one_line("a\nb\r\tc") == "a\\nb\\r\\tc"
    assert one_line("\x1b[2J\x85\u2028\u2029") == "\\x1b[2J\\x85\\u2028\\u2029"
    assert one_line("evil\u202etxt.exe \u2066x\u2069") == "evil\\u202etxt.exe \\u2066x\\u2069"
    assert one_line("caf\udce9.txt") == "caf\\udce9.txt"  # an undecodable byte of a file name
    assert one_line("Ташкент — Seoul, 12 ноября") == "Ташкент — Seoul, 12 ноября"


def test_pages_show_a_replacement_character_for_each_direction_control():
    assert without_direction_controls("a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069") == (
        "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh\ufffdi\ufffd")
    assert without_direction_controls("\u0645\u0635\u0631 \u200f") == "\u0645\u0635\u0631 \u200f"


@pytest.mark.parametrize("url", ["https://mfa.example/a?b=1#c", "http://127.0.0.1:8000/x", "HTTPS://EXAMPLE.ORG"])
def test_web_urls_are_links(url):
    assert web_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)",
                                 " https://x.example", "https://x.example/\njavascript:x", "data:text/html,x",
                                 "file:///etc/passwd", "//evil.example/", "/relative", "https://", "", None, 7])
def test_anything_else_is_text(url):
    assert web_url(url) is None


def test_counted_reads_in_the_singular_for_one():
    assert [counted(0, "event"), counted(1, "event"), counted(2, "event"), counted(1, "event", capped=True),
            counted(1, "person", "people")] == ["0 events", "1 event", "2 events", "1+ events", "1 person"]
