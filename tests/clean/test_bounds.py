"""Every pattern of clean/ and ingest/ reads a bounded piece of its input, or is one pass.

A regular expression that backtracks costs more than the length of what it reads (the
image-name pattern took 40 s for a 100 KB line): so no such pattern may read more than
``BOUND`` characters of a line, however long the line. Each pattern is replaced by a spy
that measures what it is given and refuses (before running it) more than the bound; lines of
100,000 characters of the shapes that made patterns backtrack then go through every reader
and cleaner. Patterns that scan their whole input in one pass are listed with the reason.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys

import pytest

import attache.clean
import attache.ingest
from attache.clean import clean_document
from attache.clean.bounds import fullmatch_short, match_head, search_tail
from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.ingest.readers import iter_raw

BOUND = 4_096  # characters: the longest piece a backtracking pattern may be given
LONG = 100_000  # characters in each hostile line
# Patterns that read their whole input, each step of the scan a fixed amount of work.
ONE_PASS = {
    "attache.clean.limit._SENTENCE_END": "a character, then a run of closing quotes, then a look-ahead",
    "attache.ingest.decode._CONTROL": "one character class",
    "attache.ingest.guard._SURROGATE": "one character class",
    "attache.ingest.fetch._SLUG": "one character class, repeated",
    "attache.ingest.fetch._UNSAFE_IN_URL": "one character class",
}
# Runs of the characters that make line patterns backtrack: words, hyphens, dots, slashes,
# commas, spaces, digits, image suffixes, capitals with full stops.
SHAPES = ("a", "A-", "a.", "a.jpg?", ". //", "Ab, ", "1.", "a \t ", "A. ", "May 1, ", "<!---->")
GOOD = ("ASHGABAT, 3 March 2025. Political consultations between the Ministries of Foreign Affairs of "
        "Turkmenistan and Japan were held in Tokyo. The sides discussed trade and energy.")


class Spy:
    """A pattern that notes the longest piece of input it was given, and refuses a piece over
    ``BOUND`` unless the pattern is one pass."""

    def __init__(self, name: str, pattern: re.Pattern):
        self.name = name
        self.real = pattern
        self.longest = 0

    def _given(self, string, pos: int = 0, endpos: int = sys.maxsize) -> None:
        length = min(endpos, len(string)) - pos
        self.longest = max(self.longest, length)
        assert self.name in ONE_PASS or length <= BOUND, f"{self.name} was given {length:,} characters"

    def _reading(method: str):  # noqa: N805 - builds the spied methods below
        def spied(self, string, *args, **kwargs):
            self._given(string, *args, **kwargs)
            return getattr(self.real, method)(string, *args, **kwargs)
        return spied

    match = _reading("match")
    fullmatch = _reading("fullmatch")
    search = _reading("search")
    findall = _reading("findall")
    finditer = _reading("finditer")

    def sub(self, repl, string, count=0):
        self._given(string)
        return self.real.sub(repl, string, count)

    def __getattr__(self, name):
        return getattr(self.real, name)


def _modules(package):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        yield importlib.import_module(info.name)


@pytest.fixture
def spies(monkeypatch):
    found = {}
    for package in (attache.clean, attache.ingest):
        for module in _modules(package):
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    spy = Spy(f"{module.__name__}.{name}", value)
                    monkeypatch.setattr(module, name, spy)
                    found[spy.name] = spy
    assert set(ONE_PASS) <= set(found)
    return found


def hostile_line(shape: str) -> str:
    return (shape * (LONG // len(shape) + 1))[:LONG]


def documents_around(line: str) -> list[str]:
    """The line as a header, inside the body, as a paragraph of its own and ending the text."""
    return [line + "\n" + GOOD, GOOD + "\n" + line + "\n" + GOOD, GOOD + "\n\n" + line, GOOD + " " + line]


def test_the_spy_refuses_what_an_unbounded_pattern_would_read():
    spy = Spy("attache.clean.example", re.compile(r"\S*\.jpg"))
    with pytest.raises(AssertionError, match="given 100,000 characters"):
        spy.fullmatch(hostile_line("a"))


@pytest.mark.parametrize("shape", SHAPES)
def test_cleaning_reads_bounded_pieces_of_long_lines(spies, shape):
    for text in documents_around(hostile_line(shape)):
        try:
            clean_document(RawDocument(doc="d", origin="d", text=text))
        except InputError:
            pass  # only boilerplate: an answer too
    line_tests = [spy for name, spy in spies.items() if name.startswith("attache.clean.") and name not in ONE_PASS]
    assert max(spy.longest for spy in line_tests) > 0  # the line tests did run on these lines


@pytest.mark.parametrize("shape", SHAPES)
def test_reading_files_reads_bounded_pieces_of_long_lines(spies, shape, tmp_path):
    line = hostile_line(shape)
    (tmp_path / "page.txt").write_text(line + "\n" + GOOD)
    (tmp_path / "page.html").write_text(line + "<html><body><p>" + GOOD + "</p></body></html>")
    (tmp_path / "lines.jsonl").write_text(json.dumps({"text": GOOD, "published": line, "title": line}) + "\n"
                                          + json.dumps({"html": line, "url": line}) + "\n")
    items = list(iter_raw([str(tmp_path)]))
    assert len(items) == 4
    for item in items:
        if isinstance(item, RawDocument):
            try:
                clean_document(item)
            except InputError:
                pass


def test_bounded_reads_keep_offsets_into_the_whole_line():
    word = re.compile(r"[a-z]+")
    line = "x" * 50 + " tail"
    assert fullmatch_short(re.compile(r"x+ tail"), line, 100).end() == len(line)
    assert fullmatch_short(re.compile(r"x+ tail"), line, 10) is None
    assert search_tail(re.compile(r"tail$"), line, 10).start() == len(line) - 4
    assert match_head(word, "abc def", 5).group() == "abc"
    assert match_head(word, "abcdefgh", 5) is None  # the match ran into the cut: it might go on


def test_teaser_headings_are_read_in_one_pass(monkeypatch):
    # Where the article goes on after a teaser heading is looked for once per line, not from
    # every heading to the end of the text (which was quadratic in the number of headings).
    from attache.clean import document

    calls = []
    real = document._sentence_line

    def counted(line, last):
        calls.append(line)
        return real(line, last)

    monkeypatch.setattr(document, "_sentence_line", counted)
    headings = 2_000
    article = clean_document(RawDocument(doc="d", origin="d", text=GOOD + "\n" + "Other articles\n" * headings + GOOD))
    assert len(calls) <= 2 * (headings + 2)
    assert article.body_text().startswith("ASHGABAT")
