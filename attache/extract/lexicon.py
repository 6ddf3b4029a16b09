"""Compiled matchers over the vocabularies: one regex per vocabulary, built once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from attache import vocab


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    code: str
    kind: str  # "name" or "demonym"


@cache
def country_pattern() -> re.Pattern:
    """Country names and demonyms, case-sensitive, whole words; compounds like
    'Turkmen-Japanese' match part by part."""
    words = list(vocab.country_names()) + list(vocab.demonyms())
    return re.compile(rf"(?<![\w])(?:{_alternation(words)})(?![\w]|-(?:[a-z]))")


def find_countries(text: str, start: int, end: int) -> list[CountryMention]:
    names, dems = vocab.country_names(), vocab.demonyms()
    out = []
    for m in country_pattern().finditer(text, start, end):
        word = m.group(0)
        if word in ("US",) and not text[m.start():m.end() + 1].startswith("US "):
            continue
        if word in names:
            out.append(CountryMention(m.start(), m.end(), word, names[word], "name"))
        else:
            out.append(CountryMention(m.start(), m.end(), word, dems[word], "demonym"))
    return out


@cache
def role_pattern() -> re.Pattern:
    """A title head with its modifiers: 'Deputy Prime Minister', 'Vice-Chairman'."""
    mods = _alternation(vocab.title_modifiers())
    roles = _alternation(vocab.role_words())
    return re.compile(rf"(?<![\w])(?:(?:{mods})[ -]?)*(?:{roles})(?![\w])")


@cache
def organization_pattern() -> tuple[re.Pattern, dict[str, str]]:
    surface: dict[str, str] = {}
    for org in vocab.organizations():
        for form in (org.name, *org.aliases):
            surface.setdefault(form, org.display)
    return re.compile(rf"(?<![\w])(?:{_alternation(surface)})(?![\w])"), surface
