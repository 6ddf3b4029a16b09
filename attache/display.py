"""Text from articles, file names and URLs made safe to show, in a page or on a terminal line.

Whatever an input holds is kept as it is in the store and in JSON; these functions only
change how it is shown: direction overrides and isolates (which can make a name read
backwards or hide what follows it) are neutralised, a line stays one line, and a URL becomes
a link only for a web scheme.
"""

from __future__ import annotations

import re

# embeddings, overrides and isolates: LRE RLE PDF LRO RLO, LRI RLI FSI PDI
DIRECTION_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SHOWN_INSTEAD = "\ufffd"  # what a page shows in place of a direction control
_DIRECTION = re.compile(f"[{DIRECTION_CONTROLS}]")

# what would end, rewrite or reorder a terminal line: C0 and C1 controls (newline, carriage
# return, escape sequences), line and paragraph separators, direction controls, and the lone
# surrogates that stand for undecodable bytes in a file name
_NOT_ONE_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\u2028\u2029{DIRECTION_CONTROLS}\ud800-\udfff]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

WEB_SCHEMES = ("http", "https")
_WEB_URL = re.compile(f"(?:{'|'.join(WEB_SCHEMES)})" + r"://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def without_direction_controls(text: str) -> str:
    """``text`` with each direction control replaced by U+FFFD (same length, nothing reordered)."""
    if text.isascii():
        return text
    return _DIRECTION.sub(SHOWN_INSTEAD, text)


def one_line(text: str) -> str:
    """``text`` safe to print as (part of) one terminal line: every control character, line
    separator, direction control and lone surrogate written as its escape (``\\n``, ``\\x1b``,
    ``\\u202e``, ``\\udcff``), the rest unchanged."""
    return _NOT_ONE_LINE.sub(_escape, str(text))


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def web_url(url) -> str | None:
    """``url`` if it is an http or https URL a browser may follow, else None (``javascript:``,
    ``data:``, ``file:``, relative or malformed URLs are shown as text, never as links)."""
    if isinstance(url, str) and _WEB_URL.fullmatch(url):
        return url
    return None


def counted(number: int, noun: str, plural: str | None = None, capped: bool = False) -> str:
    """``1 event``, ``3 events``, ``0 events``, ``100+ events`` (``capped``: counting stopped there)."""
    word = noun if number == 1 and not capped else plural or noun + "s"
    return f"{number}{'+' if capped else ''} {word}"
