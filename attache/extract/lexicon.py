"""Compiled matchers over the vocabularies: one regex per vocabulary, built once."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

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


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """A letter without its diacritics when it has one base letter ('ệ' -> 'e'), else itself:
    one character for one, so offsets into a folded text are offsets into the text."""
    if ch.isascii():
        return ch
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if base.isascii() and base.isalpha() else ch


def fold_text(text: str) -> str:
    return "".join(fold_char(ch) for ch in text)


def find_countries(text: str, start: int, end: int) -> list[CountryMention]:
    """States by name or demonym, also when written with the diacritics of the state's own
    language ('Việt Nam', 'Perú')."""
    names, dems = vocab.country_names(), vocab.demonyms()
    out = []
    folded = fold_text(text[start:end])
    for m in country_pattern().finditer(folded):
        word = m.group(0)
        m_start, m_end = start + m.start(), start + m.end()
        if word in ("US",) and not text[m_start:m_end + 1].startswith("US "):
            continue
        if word in names:
            out.append(CountryMention(m_start, m_end, text[m_start:m_end], names[word], "name"))
        else:
            out.append(CountryMention(m_start, m_end, text[m_start:m_end], dems[word], "demonym"))
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
