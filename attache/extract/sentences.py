"""Sentences with offsets into the original text, within the article's body spans.

A rule-based splitter tuned for press releases: it keeps initials ("M. Nurtleu"),
abbreviations ("U.S.", "No.", "St.") and decimal numbers inside a sentence, and treats
line breaks as hard boundaries (headlines and paragraphs never run together).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attache.clean.article import Span

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc jr sr gen col lt sen rep gov pres u.s u.k e.g i.e approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept".split())
_BOUNDARY = re.compile(r"[.!?]+[\"'”’»)]*(?=\s+[\"'“‘«(]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int = 0
    paragraph: int = 0


def _is_abbreviation(chunk: str) -> bool:
    """True when the word ending in '.' at the end of chunk is an initial or abbreviation."""
    m = re.search(r"(\S+)\.$", chunk)
    if not m:
        return False
    word = m.group(1).lstrip("(\"'“")
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "M. Nurtleu"
    return word.lower() in ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def split_sentences(text: str, body: tuple[Span, ...] | list[Span]) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = 0
    for span in body:
        for line in _LINE.finditer(text, span.start, span.end):
            paragraph += 1
            start = line.start()
            for b in _BOUNDARY.finditer(text, line.start(), line.end()):
                if _is_abbreviation(text[start : b.start() + 1]):
                    continue
                _add(out, text, start, b.end(), paragraph)
                start = b.end()
            _add(out, text, start, line.end(), paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalpha() for ch in text[start:end]):
        out.append(Sentence(start, end, text[start:end], len(out), paragraph))
