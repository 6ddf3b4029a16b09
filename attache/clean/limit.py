"""A cap on how much article body extraction reads.

Extraction time grows faster than the text (a 2,000,000-character page took minutes), while
a long real article is 30,000-60,000 characters. So the body is cut after ``MAX_BODY_CHARS``
characters, at a sentence end (or a line break) inside the paragraph that crosses the limit.
The text itself is not changed: the body after the cut is marked as excluded spans with the
reason ``truncated``, so every offset still points into the original text.
"""

from __future__ import annotations

import bisect
import re

from attache.clean.article import Span
from attache.clean.lines import BODY

MAX_BODY_CHARS = 200_000  # characters of body read by extraction; the rest is marked "truncated"
TRUNCATED = "truncated"
_SENTENCE_END = re.compile(r"[.!?][\"”’'»)\]]*(?=\s)")


def cap_body(
    text: str,
    body: tuple[Span, ...],
    excluded: tuple[Span, ...],
    limit: int = MAX_BODY_CHARS,
) -> tuple[tuple[Span, ...], tuple[Span, ...], dict | None]:
    """``(body, excluded, truncation)`` with at most ``limit`` characters of body.

    ``truncation`` is None when nothing was cut, else ``{"offset", "kept_chars",
    "body_chars"}``: where in ``text`` the cut is, how many body characters are kept, and
    how many there were.
    """
    body_chars = sum(span.end - span.start for span in body)
    if body_chars <= limit:
        return body, excluded, None
    kept: list[Span] = []
    used = 0
    for index, span in enumerate(body):  # noqa: B007 - index names the span that crosses the limit, below
        if used + span.end - span.start > limit:
            break
        kept.append(span)
        used += span.end - span.start
    crossing = body[index]
    cut = _cut_point(text, crossing.start, crossing.start + limit - used, allow_paragraph_start=bool(kept))
    if cut > crossing.start:
        kept.append(Span(crossing.start, cut, BODY))
        used += cut - crossing.start
    rest = [(_skip_space(text, cut, crossing.end), crossing.end)] + [(s.start, s.end) for s in body[index + 1 :]]
    truncated = _merge_rest([r for r in rest if r[0] < r[1]], excluded)
    excluded = tuple(sorted(excluded + truncated, key=lambda span: span.start))
    offset = truncated[0].start if truncated else cut
    return tuple(kept), excluded, {"offset": offset, "kept_chars": used, "body_chars": body_chars}


def _cut_point(text: str, start: int, limit_end: int, allow_paragraph_start: bool) -> int:
    """The end of the last sentence (else line) before ``limit_end`` in the paragraph at ``start``.

    With no such boundary the whole paragraph goes when some body was already kept;
    otherwise (one giant paragraph) the cut falls at the last space, or at ``limit_end``.
    """
    last_sentence = None
    for match in _SENTENCE_END.finditer(text, start, limit_end + 1):
        last_sentence = match
    if last_sentence is not None:
        return last_sentence.end()
    line_break = text.rfind("\n", start, limit_end)
    if line_break > start:
        return line_break
    if allow_paragraph_start:
        return start
    space = max(text.rfind(" ", start, limit_end), text.rfind("\t", start, limit_end))
    return space if space > start else limit_end


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _merge_rest(rest: list[tuple[int, int]], excluded: tuple[Span, ...]) -> tuple[Span, ...]:
    """The cut-off body as ``truncated`` spans, consecutive paragraphs joined unless an
    excluded span lies between them."""
    excluded_starts = [span.start for span in excluded]
    merged: list[list[int]] = []
    for start, end in rest:
        if merged and bisect.bisect_left(excluded_starts, merged[-1][1]) == bisect.bisect_left(excluded_starts, start):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return tuple(Span(start, end, TRUNCATED) for start, end in merged)
