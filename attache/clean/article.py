"""The cleaned article: original text plus what is known about it, never rewritten."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    reason: str = ""  # why the span was marked (e.g. "header", "author-bio", "teaser")


@dataclass(frozen=True)
class Article:
    """One document ready for extraction.

    ``text`` is the document text every offset points into: the decoded file for text
    inputs, the main text trafilatura found for HTML inputs. Cleaning never changes it; it
    only marks ``body`` (the spans that are the article proper: no header, title lines,
    dateline, bios, teasers, image names, counters, navigation) and ``excluded`` (the rest,
    each with its reason).

    ``meta`` holds what cleaning noticed on the way: ``format``, ``views``,
    ``dateline_place``, ``source_reason``, and ``truncated`` when the body was over
    ``attache.clean.limit.MAX_BODY_CHARS`` (``{"offset", "kept_chars", "body_chars"}``; the
    cut-off body is in ``excluded`` with the reason ``truncated``).
    """

    doc: str
    origin: str
    text: str
    body: tuple[Span, ...]
    excluded: tuple[Span, ...] = ()
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD (or YYYY-MM / YYYY) or None
    published_reason: str | None = None  # which rule/span gave the date, for --explain
    source: str | None = None
    url: str | None = None
    meta: dict = field(default_factory=dict)

    def body_text(self) -> str:
        """The body spans joined by blank lines (for display only: offsets use ``text``)."""
        return "\n\n".join(self.text[s.start : s.end] for s in self.body)
