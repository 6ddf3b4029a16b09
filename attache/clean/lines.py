"""Lines of a text as offsets, and the merging of marked segments into Article spans."""

from __future__ import annotations

from dataclasses import dataclass

from attache.clean.article import Span

BODY = "body"
_SENTENCE_END = ".!?:;\"”»)'’"


@dataclass(frozen=True)
class Line:
    """One non-blank line: ``start``/``end`` bound its text without surrounding whitespace;
    ``line_start`` is where the line itself starts (leading spaces included)."""

    line_start: int
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their offsets (any line break Python knows)."""
    lines = []
    position = 0
    for piece in text.splitlines(keepends=True):
        stripped = piece.strip()
        if stripped:
            start = position + len(piece) - len(piece.lstrip())
            lines.append(Line(position, start, start + len(stripped), stripped))
        position += len(piece)
    return lines


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` narrowed to exclude surrounding whitespace; None if nothing is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    new_start = start + len(piece) - len(piece.lstrip())
    return new_start, new_start + len(stripped)


def to_spans(text: str, segments: list[tuple[int, int, str]]) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Body and excluded spans from ordered, non-overlapping ``(start, end, reason)`` segments.

    Excluded segments with the same reason and only whitespace between them become one span;
    body lines become one span per paragraph (a hard-wrapped line continuing in lower case
    on the next line is joined to it).
    """
    body: list[list] = []
    excluded: list[list] = []
    previous: list | None = None
    for start, end, reason in segments:
        gap = text[previous[1] : start] if previous else None
        if reason == BODY:
            if previous is not None and previous[2] == BODY and _continues(text, previous, start, gap):
                previous[1] = end
                continue
            previous = [start, end, BODY]
            body.append(previous)
        else:
            if previous is not None and previous[2] == reason and not gap.strip():
                previous[1] = end
                continue
            previous = [start, end, reason]
            excluded.append(previous)
    return (
        tuple(Span(start, end, BODY) for start, end, _ in body),
        tuple(Span(start, end, reason) for start, end, reason in excluded),
    )


def _continues(text: str, previous: list, start: int, gap: str) -> bool:
    """A hard-wrapped paragraph: one line break, no sentence end before, lower case after."""
    return (
        gap.count("\n") + gap.count("\r") - gap.count("\r\n") == 1
        and not gap.strip()
        and text[previous[1] - 1] not in _SENTENCE_END
        and text[start].islower()
    )
