"""Document-level facts: international organizations, money amounts, topics."""

from __future__ import annotations

import re

from attache import vocab
from attache.extract.lexicon import organization_pattern

_NUMBER = r"\d+(?:[.,]\d+)*(?:\s*(?:thousand|million|mln|billion|bln|trillion|bn|m)\b)?"
_CUR_BEFORE = r"(?:US\s?\$|U\.S\.\s?\$|USD|EUR|€|£|\$|¥|₹|RUB|CNY|GBP|JPY)"
_CUR_AFTER = (r"(?:US dollars|U\.S\. dollars|dollars|euros?|rubles?|roubles?|yuan|yen|pounds sterling|"
              r"manats?|tenge|soums?|sums?|somoni|som|rupees?|dirhams?|riyals?|lira|USD|EUR)")
MONEY = re.compile(rf"(?:{_CUR_BEFORE}\s?{_NUMBER}|{_NUMBER}\s+{_CUR_AFTER})(?![\w])")
# "Japan External Trade Organisation (JETRO)": a name with its acronym, not in the vocabulary
_ORG_WITH_ACRONYM = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+(?:(?:of|for|and|on|the)\s+)*){1,8})\(([A-Z]{2,8})\)")
_ORG_WORDS = re.compile(r"\b(?:Organi[sz]ation|Agency|Fund|Bank|Union|Council|Association|Programme|"
                        r"Program|Commission|Institute|Forum|Alliance|Community|Conference)\b")


def find_money(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for m in MONEY.finditer(text, start, end):
        amount = m.group(0).strip()
        if re.search(r"\d", amount):
            out.append((m.start(), m.start() + len(amount), amount))
    return out


def find_organizations(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    pattern, surface = organization_pattern()
    out = [(m.start(), m.end(), surface[m.group(0)]) for m in pattern.finditer(text, start, end)]
    for m in _ORG_WITH_ACRONYM.finditer(text, start, end):
        if _ORG_WORDS.search(m.group(1)) and not any(a <= m.start(2) < b for a, b, _ in out):
            out.append((m.start(2), m.end(2), m.group(2)))
    return out


def find_topics(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for topic, pattern in vocab.topic_patterns().items():
        for m in pattern.finditer(text, start, end):
            out.append((m.start(), m.end(), topic))
    return out
