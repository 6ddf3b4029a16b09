"""Multilateral groups taking part as a whole through their officials.

"the ASEAN foreign ministers", "leaders of the G7", "the foreign ministers of the BIMSTEC
member states": the body's member states take part (schema/ANNOTATION.md, `countries`).
A bare mention of the body ("ASEAN centrality", "joined the SCO") is no group mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from attache import vocab


@dataclass(frozen=True)
class GroupMention:
    start: int
    end: int
    text: str
    organization: str  # the group's display name ("ASEAN", "G7")
    members: tuple[str, ...]  # ISO 3166-1 alpha-2 codes of its member states
    why: str  # which form matched


# Officials in the plural: the body's members acting together.
_OFFICIALS = (
    r"(?:deputy\s+|vice\s+)?(?:foreign|defen[cs]e|finance|trade|economy|economic|energy|agriculture|health|"
    r"transport|interior|justice|education|culture|tourism|environment|digital|labou?r|emergency|"
    r"security)\s+ministers"
    r"|ministers\s+of\s+foreign\s+affairs|ministers\s+of\s+(?:the\s+)?[a-z]+|ministers"
    r"|deputy\s+ministers|leaders|heads\s+of\s+state(?:\s+and\s+(?:of\s+)?government)?"
    r"|heads\s+of\s+government|heads\s+of\s+delegations?|presidents|prime\s+ministers|senior\s+officials"
    r"|national\s+security\s+advis[eo]rs|security\s+council\s+secretaries|sherpas|permanent\s+representatives"
    r"|ambassadors|speakers\s+of\s+parliament|parliament\s+speakers|chiefs\s+of\s+(?:general\s+)?staff"
    r"|central\s+bank\s+governors")
# "member states'", "countries'", "'s" between the body and its officials
_QUALIFIER = (r"(?:\s+(?:member|participating)[\s-](?:states|countries|nations)['’]?"
              r"|\s+(?:countries|states|nations)['’]?|['’]s)?")
# "of the member states of the SCO", and after the body "member states", "countries"
_MEMBERS_OF = r"(?:(?:member|participating)[\s-](?:states|countries|nations)\s+of\s+(?:the\s+)?)?"
_MEMBERS_AFTER = r"(?:\s+(?:member[\s-])?(?:states|countries|nations))?"
# "leaders of the EU institutions" are not the member states
_NOT_MEMBERS = r"(?!\s+(?:institutions|bodies|agencies|structures|secretariat|Secretariat|Commission|Parliament))"


@cache
def _patterns() -> tuple[tuple[re.Pattern, str], ...]:
    names = "|".join(re.escape(n) for n in sorted({n for g in vocab.groups() for n in g.names},
                                                  key=len, reverse=True))
    name = rf"(?<![\w-])(?P<name>{names})(?![\w]|-\w)"
    officials_after = re.compile(
        rf"(?:[Tt]he\s+)?{name}{_QUALIFIER}\s+(?:(?i:council\s+of)\s+)?(?i:{_OFFICIALS})(?![\w])")
    officials_of = re.compile(
        rf"(?i:{_OFFICIALS})\s+of\s+(?:the\s+)?(?i:{_MEMBERS_OF}){name}(?i:{_MEMBERS_AFTER}){_NOT_MEMBERS}")
    return ((officials_after, "the body's officials"), (officials_of, "officials of the body"))


@cache
def _by_name() -> dict[str, vocab.Group]:
    out: dict[str, vocab.Group] = {}
    for group in vocab.groups():
        for n in group.names:
            out.setdefault(n, group)
    return out


def find_groups(text: str, start: int, end: int) -> list[GroupMention]:
    """Mentions in [start, end) of a multilateral body taking part as a whole through its
    officials, with the body's member states."""
    out: list[GroupMention] = []
    for pattern, why in _patterns():
        for m in pattern.finditer(text, start, end):
            if any(g.start < m.end() and m.start() < g.end for g in out):
                continue
            group = _by_name()[m.group("name")]
            out.append(GroupMention(m.start(), m.end(), m.group(0), group.display, group.members, why))
    return sorted(out, key=lambda g: g.start)
