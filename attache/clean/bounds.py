"""Bounds on the patterns that test one line of a document, however long the line is.

Nothing limits the length of a line (a 1 MB word, a pasted data URI), while each line test
of clean/ looks for something short: a header, an image name, a navigation bar, a source
tag. A regular expression that backtracks costs more than the length of what it reads
(the image-name pattern was quadratic: 40 s of CPU for a 100 KB line), so each test reads a
bounded piece of the line: ``fullmatch_short`` only a line that is short enough to be what
it looks for, ``match_head`` its beginning, ``search_tail`` its end. Cleaning a document is
then linear in its length, whatever each pattern costs on its bounded piece.
"""

from __future__ import annotations

import re


def fullmatch_short(pattern: re.Pattern, line: str, max_chars: int) -> re.Match | None:
    """``pattern.fullmatch(line)``, or None for a line over ``max_chars`` (none of the kind is)."""
    return pattern.fullmatch(line) if len(line) <= max_chars else None


def match_head(pattern: re.Pattern, line: str, max_chars: int) -> re.Match | None:
    """``pattern.match`` on the first ``max_chars`` characters of ``line``.

    A match that runs up to the cut is refused: on the whole line it might have gone on, or
    not matched at all (an end-of-line test meets the cut). Offsets are offsets into ``line``.
    """
    head = line[:max_chars]
    match = pattern.match(head)
    if match is not None and len(line) > max_chars and match.end() == len(head):
        return None
    return match


def search_tail(pattern: re.Pattern, line: str, max_chars: int) -> re.Match | None:
    """``pattern.search`` over the last ``max_chars`` characters of ``line`` (a look-behind may
    still see the character before them; ``^`` does not match at the cut)."""
    return pattern.search(line, max(0, len(line) - max_chars))
