"""clean_document(): RawDocument -> Article.

Decodes the input, then reads the page furniture of the genre (header date lines, title,
repeated title, dateline, links and image names, navigation, teasers, author biographies,
a trailing source tag) as spans of the text. The text itself is never changed: every span
offset points into ``Article.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from attache.clean import boilerplate as bp
from attache.clean.article import Article
from attache.clean.dates import find_date_line
from attache.clean.header import HeaderLine, parse_header_line, parse_place_opening, parse_view_counter
from attache.clean.limit import cap_body
from attache.clean.lines import BODY, Line, split_lines, to_spans, trimmed
from attache.errors import InputError
from attache.ingest.decode import EMPTY, decode_bytes
from attache.ingest.html import declared_charset, html_to_text
from attache.ingest.raw import RawDocument

ONLY_BOILERPLATE = "no article text (only boilerplate)"
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
HEADER_REST_MAX_WORDS = 4  # words after a header date that are still header (site furniture)
TAIL_SHARE = 0.5  # a biography without a name line above it must start in this last share
_CLOSERS = "\"”’'»)]"
_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{2}[.!?][\"”’'»)]?\s+[A-Z]")  # "... talks. The ..."


@dataclass
class _Reading:
    """What the line scan found, with the text each finding came from."""

    segments: list[tuple[int, int, str]] = field(default_factory=list)
    header_date: tuple[str, str] | None = None  # (ISO date, header text)
    dateline_date: tuple[str, str] | None = None
    tag: tuple[str, str | None, str] | None = None  # (source, ISO date, tag text)
    header_host: str | None = None
    dateline_place: str | None = None
    agency: str | None = None
    title: str | None = None
    views: int | None = None

    def mark(self, start: int, end: int, reason: str) -> None:
        self.segments.append((start, end, reason))


MIN_PROSE_WORDS = 6  # an article has a line of prose: this many words, or a short sentence with its full stop


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= MIN_PROSE_WORDS or (len(words) >= 3 and line.rstrip()[-1:] in ".!?")


def clean_document(raw: RawDocument) -> Article:
    """The Article in ``raw``; raises InputError when it cannot be read or holds no article."""
    text, page = _read_text(raw)
    given_title = raw.title or page.get("title")
    reading = _scan(text, given_title)
    body, excluded = to_spans(text, reading.segments)
    if not any(_is_prose(text[s.start:s.end]) for s in body):
        raise InputError(raw.origin, ONLY_BOILERPLATE)  # no line of prose: share buttons, counters, menus
    body, excluded, truncation = cap_body(text, body, excluded)
    published, published_reason = _published(raw, reading, page, text)
    source, source_reason = _source(raw, reading, page)
    meta = {"source_reason": source_reason} if source_reason else {}
    if reading.views is not None:
        meta["views"] = reading.views
    if reading.dateline_place:
        meta["dateline_place"] = reading.dateline_place
    if raw.kind == "html" or page:
        meta["format"] = "html"
    if truncation:
        meta["truncated"] = truncation
    return Article(
        doc=raw.doc,
        origin=raw.origin,
        text=text,
        body=body,
        excluded=excluded,
        title=given_title or reading.title,
        published=published,
        published_reason=published_reason,
        source=source,
        url=raw.url or page.get("url"),
        meta=meta,
    )


def _read_text(raw: RawDocument) -> tuple[str, dict]:
    """The text every offset points into, and the page metadata when the input is HTML."""
    if raw.text is not None:
        if not raw.text.strip():
            raise InputError(raw.origin, EMPTY)
        return raw.text, {}
    if raw.html is not None:
        if not raw.html.strip():
            raise InputError(raw.origin, EMPTY)
        return html_to_text(raw.html, raw.origin, url=raw.url)
    if raw.content is None:
        raise InputError(raw.origin, EMPTY)
    if raw.kind == "html":
        html = decode_bytes(raw.content, raw.origin, declared=declared_charset(raw.content))
        return html_to_text(html, raw.origin, url=raw.url)
    return decode_bytes(raw.content, raw.origin), {}


def _scan(text: str, given_title: str | None) -> _Reading:
    reading = _Reading()
    lines = split_lines(text)
    title_key = _key(given_title) if given_title else None
    first_body = _scan_header(text, lines, reading, title_key)
    title_key = title_key or (_key(reading.title) if reading.title else None)
    _scan_rest(text, lines, first_body, reading, title_key)
    _split_trailing_tag(text, reading)
    return reading


def _scan_header(text: str, lines: list[Line], reading: _Reading, title_key: str | None) -> int:
    """Mark the lines before the article starts; return the index of the first body line."""
    for index, line in enumerate(lines):
        header = parse_header_line(line.text)
        if header is not None:
            if _read_header(text, line, header, reading, title_key, index + 1 < len(lines)):
                return index + 1
            continue
        reason = _furniture(line.text)
        if reason is None and parse_view_counter(line.text) is not None and index > 0:
            reason = "counter"
            reading.views = reading.views or parse_view_counter(line.text)
        if reason is None and title_key is not None and _key(line.text) == title_key:
            reason = "title" if not _has_reason(reading, "title") else "repeated-title"
        if reason is None and title_key is None and index + 1 < len(lines) and _is_headline(line.text):
            reading.title = line.text
            title_key = _key(line.text)
            reason = "title"
        if reason is None:
            opening = parse_place_opening(line.text)
            if opening is not None:
                _read_header(text, line, opening, reading, title_key, index + 1 < len(lines))
            return index + (opening is not None)
        if reason == "url" and reading.header_host is None:
            reading.header_host = bp.host_of(bp.url_of_line(line.text) or "")
        reading.mark(line.start, line.end, reason)
    return len(lines)


def _read_header(
    text: str, line: Line, header: HeaderLine, reading: _Reading, title_key: str | None, more: bool
) -> bool:
    """Mark a header line; True when the article starts on the same line after the date."""
    header_end = line.start + header.end
    header_text = text[line.line_start : header_end].rstrip()
    reason = "dateline" if header.kind == "dateline" else "header"
    if reason == "dateline":
        if header.date:
            reading.dateline_date = reading.dateline_date or (header.date, header_text.strip())
        reading.dateline_place = reading.dateline_place or header.place
        reading.agency = reading.agency or header.agency
    else:
        reading.header_date = reading.header_date or (header.date, header_text)
    if header.views is not None:
        reading.views = header.views
    rest = trimmed(text, header_end, line.end)
    rest_text = text[rest[0] : rest[1]] if rest else ""
    if not rest_text or bp.is_navigation(rest_text) or (reason == "header" and _is_header_rest(rest_text)):
        reading.mark(line.start, line.end, reason)
        return False
    head = trimmed(text, line.start, header_end)
    reading.mark(head[0], head[1], reason)
    if (
        reason == "header"
        and title_key is None
        and reading.title is None
        and more
        and _is_headline(rest_text)
    ):
        reading.title = rest_text
        reading.mark(rest[0], rest[1], "title")
        return False
    reading.mark(rest[0], rest[1], BODY)
    return True


def _scan_rest(text: str, lines: list[Line], first: int, reading: _Reading, title_key: str | None) -> None:
    """Mark the lines from the first body line on: body, or what is not article and why."""
    mode = None  # "teasers" or "author-bio" once such a block has started (runs to the end)
    body_seen = any(reason == BODY for _, _, reason in reading.segments)
    resume = None  # where the article goes on after an inline teaser ("RELATED:" and a link)
    resumes = _Resumes(lines)
    for index in range(first, len(lines)):
        line = lines[index]
        if index == resume:
            mode = resume = None
        if body_seen and bp.is_section_heading(line.text):
            mode = "teasers"
            resume = resumes.after(index)
        elif body_seen and mode is None and bp.is_bio_heading(line.text):
            mode = "author-bio"
        elif body_seen and mode is None and _opens_bio(text, lines, index):
            mode = "author-bio"
            _mark_name_lines(text, reading, bp.bio_name(line.text))
        if mode is not None:
            reading.mark(line.start, line.end, mode)
            continue
        reason = _furniture(line.text)
        if reason is None and title_key is not None and _key(line.text) == title_key:
            reason = "repeated-title"
        reading.mark(line.start, line.end, reason or BODY)
        body_seen = body_seen or reason is None


def _sentence_line(line: str, last: bool) -> bool:
    """A line of running prose: words ending in a full stop (the page's last line may be cut)."""
    if len(line.split()) < MIN_PROSE_WORDS:
        return False
    return last or line.rstrip(_CLOSERS)[-1:] in ".!?"


class _Resumes:
    """Where the article goes on after each teaser heading: headline-like links, then
    paragraphs of prose up to the end of the text (or up to the next heading, tag line or
    biography), at least two of them; None when the teasers run to the end. A list of
    teasers with summaries has image names, links or headlines between its paragraphs.

    Each line is tested once, however many headings there are: the first sentence line after
    each line is found in one pass from the end, and each run of prose is read once (a scan
    from every heading to the next sentence line was quadratic: a page of 4,000 headings
    took 3 s to clean, one of 40,000 several minutes).
    """

    def __init__(self, lines: list[Line]):
        self.lines = lines
        self._next_sentence: list[int | None] | None = None  # from each line on, found when first asked
        self._from_start: dict[int, int | None] = {}

    def after(self, heading: int) -> int | None:
        """The line where the article goes on after the teaser heading at ``heading``, or None."""
        start = self._first_sentence_line(heading + 1)
        if start is None or start == heading + 1:
            return None
        if start not in self._from_start:
            self._from_start[start] = _article_resumes_at(self.lines, start)
        return self._from_start[start]

    def _first_sentence_line(self, index: int) -> int | None:
        if self._next_sentence is None:
            found: int | None = None
            self._next_sentence = [None] * (len(self.lines) + 1)
            for position in range(len(self.lines) - 1, -1, -1):
                if _sentence_line(self.lines[position].text, position == len(self.lines) - 1):
                    found = position
                self._next_sentence[position] = found
        return self._next_sentence[index]


def _article_resumes_at(lines: list[Line], start: int) -> int | None:
    """``start`` when the article goes on there: a run of at least two sentence lines that
    lasts to the end of the text or to a heading, tag line or biography; else None."""
    end = start
    while end < len(lines):
        line = lines[end].text
        if bp.is_section_heading(line) or bp.is_bio_heading(line) or bp.has_boilerplate_prefix(line):
            break
        if not _sentence_line(line, end == len(lines) - 1) or _furniture(line) or bp.bio_name(line):
            return None
        end += 1
    return start if end - start >= 2 else None


def _furniture(line: str) -> str | None:
    """Why a line on its own is not article text (link, image name, navigation), or None."""
    if bp.url_of_line(line):
        return "url"
    if bp.is_image_name(line):
        return "image"
    if bp.is_navigation(line) or bp.has_boilerplate_prefix(line):
        return "navigation"
    return None


def _opens_bio(text: str, lines: list[Line], index: int) -> bool:
    """``X is a journalist ...`` after the name on its own line, or late in the text."""
    name = bp.bio_name(lines[index].text)
    if name is None:
        return False
    named_above = index > 0 and _key(lines[index - 1].text) == _key(name)
    return named_above or lines[index].start >= len(text) * TAIL_SHARE


def _mark_name_lines(text: str, reading: _Reading, name: str) -> None:
    """Re-mark the author's name lines just above a biography as part of it."""
    name_key = _key(name)
    for position in range(len(reading.segments) - 1, -1, -1):
        start, end, _ = reading.segments[position]
        if _key(text[start:end]) != name_key:
            return
        reading.segments[position] = (start, end, "author-bio")


def _split_trailing_tag(text: str, reading: _Reading) -> None:
    """Split ``///nCa, 4 February 2025`` off the last body line: source and date, not body."""
    for position in range(len(reading.segments) - 1, -1, -1):
        start, end, reason = reading.segments[position]
        if reason != BODY:
            continue
        tag = bp.trailing_tag(text[start:end])
        if tag is None:
            return
        tag_start = start + tag.start
        reading.tag = (tag.source, tag.date, text[tag_start:end])
        kept = trimmed(text, start, tag_start)
        replacement = [(kept[0], kept[1], BODY)] if kept else []
        reading.segments[position : position + 1] = [*replacement, (tag_start, end, "source-tag")]
        return


def _published(raw: RawDocument, reading: _Reading, page: dict, text: str) -> tuple[str | None, str | None]:
    if raw.published:
        return raw.published, "given with the input"
    if reading.header_date:
        date, header_text = reading.header_date
        return date, f"header: {header_text!r}"
    if reading.dateline_date:
        date, dateline_text = reading.dateline_date
        return date, f"dateline: {dateline_text!r}"
    if reading.tag and reading.tag[1]:
        return reading.tag[1], f"trailing tag: {reading.tag[2]!r}"
    if page.get("date"):
        return page["date"], "HTML metadata"
    found = find_date_line(text)
    if found:
        return found[0], f"date line: {found[1]!r}"
    if raw.published_fallback:
        return raw.published_fallback, "--published (the text gives no date)"
    return None, None


def _source(raw: RawDocument, reading: _Reading, page: dict) -> tuple[str | None, str | None]:
    if raw.source:
        return raw.source, "given with the input"
    if page.get("source"):
        return page["source"], "HTML metadata"
    if reading.tag:
        return reading.tag[0], f"trailing tag: {reading.tag[2]!r}"
    if reading.agency:
        return reading.agency, "dateline"
    if reading.header_host:
        return reading.header_host, "URL in header"
    return None, None


def _is_headline(line: str) -> bool:
    """Short, several words, one phrase with no sentence end: a title rather than a paragraph."""
    words = line.split()
    if find_date_line(line) is not None and sum(ch.isdigit() for ch in line) >= 6:
        return False  # "Last updated: 10/06/2024 - 19:20" is a stamp
    ending = line.rstrip(_CLOSERS) or line
    return (
        3 <= len(words) <= HEADLINE_MAX_WORDS
        and len(line) <= HEADLINE_MAX_CHARS
        and ending[-1] not in ".,;:"
        and not line[0].islower()
        and _SENTENCE_INSIDE.search(line) is None
    )


def _is_header_rest(rest: str) -> bool:
    """Words after a header date that belong to the header (``Submit Release``), not the article."""
    if bp.is_navigation(rest):
        return True
    return len(rest.split()) <= HEADER_REST_MAX_WORDS and rest[-1] not in ".!?"


def _has_reason(reading: _Reading, reason: str) -> bool:
    return any(marked == reason for _, _, marked in reading.segments)


def _key(line: str) -> str:
    """Comparison key for titles and names: case, spacing and edge punctuation ignored."""
    return " ".join(line.casefold().split()).strip(" .:-–—|\"'“”«»")
