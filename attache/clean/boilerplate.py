"""Line tests for what is not article text: links, image names, navigation, teaser headings,
author biographies and trailing source tags. Cue words live in ``attache/data/boilerplate.tsv``.

Every function takes one line (or paragraph) of text and never changes it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from attache.clean.bounds import fullmatch_short, search_tail
from attache.clean.dates import DATE, iso_from_match

CUES_FILE = "boilerplate.tsv"
MAX_NAV_WORDS = 8
# The longest line each test reads (see attache.clean.bounds): no line of the kind is longer.
URL_LINE_MAX_CHARS = 2_000
IMAGE_NAME_MAX_CHARS = 500
NAV_MAX_CHARS = 200  # MAX_NAV_WORDS words and their separators
PREFIX_MAX_CHARS = 100  # enough for the longest cue of a boilerplate line prefix
BIO_MAX_CHARS = 600  # a name, "is a" and the _BIO_ROLE_WINDOW words after it
TAG_MAX_CHARS = 200  # "///nCa, 4 February 2025" and the words before it on the line

_URL_LINE = re.compile(r"\s*(?P<url>(?:https?://|www\.)\S+)\s*", re.I)
# One word (a file name or path, with a query) ending in an image suffix. Each backtracking
# step of \S* meets one "." at most, so a match costs the length of the word.
_IMAGE_NAME = re.compile(r"\S*\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|avif|heic)(?:\?\S*)?", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|\S", re.UNICODE)
_SEPARATORS = frozenset("|/•·-–—>»«<()[]:,.!*")
# "Name Surname is a journalist ..." / "N. Surname is an award-winning author ..."
_NAME = r"(?P<name>(?:[A-Z][\w'’.-]*\.?\s+){1,4}[A-Z][\w'’-]+)"
_BIO_OPENING = re.compile(rf"\s*{_NAME}\s+(?:is|was)\s+(?:a|an|the)\s+(?P<rest>.*)", re.S)
_BIO_ROLE_WINDOW = 12  # words after "is a" in which the role must appear
# "... text. ///nCa, 4 February 2025" or "///TDH" at the end of a line.
_TRAILING_TAG = re.compile(
    rf"(?:^|(?<=\s)|(?<=[.!?\"”»)]))/{{2,}}\s*(?P<source>[^\s,/][^,/\n]{{0,40}}?)\s*(?:,\s*{DATE})?\s*$",
    re.I,
)


@dataclass(frozen=True)
class Cues:
    sections: frozenset[str]
    bio_headings: frozenset[str]
    line_prefixes: tuple[str, ...]
    nav_words: frozenset[str]
    bio_roles: frozenset[str]


@dataclass(frozen=True)
class TrailingTag:
    """``start``: offset in the line where the tag begins; ``source``; ``date`` (ISO or None)."""

    start: int
    source: str
    date: str | None


@functools.cache
def load_cues() -> Cues:
    """The cue words of ``attache/data/boilerplate.tsv`` (read once per process)."""
    by_kind: dict[str, list[str]] = {}
    text = resources.files("attache.data").joinpath(CUES_FILE).read_text(encoding="utf-8")
    for number, raw_line in enumerate(text.splitlines(), 1):
        if not raw_line.strip() or raw_line.startswith("#"):
            continue
        kind, sep, cue = raw_line.partition("\t")
        if not sep or not cue.strip():
            raise ValueError(f"{CUES_FILE}:{number}: expected 'kind<TAB>cue'")
        by_kind.setdefault(kind.strip(), []).append(cue.strip().casefold())
    return Cues(
        sections=frozenset(_heading_key(cue) for cue in by_kind.get("section", ())),
        bio_headings=frozenset(_heading_key(cue) for cue in by_kind.get("bio_heading", ())),
        line_prefixes=tuple(by_kind.get("line_prefix", ())),
        nav_words=frozenset(word for cue in by_kind.get("nav", ()) for word in cue.split()),
        bio_roles=frozenset(by_kind.get("bio_role", ())),
    )


def _heading_key(line: str) -> str:
    return " ".join(line.casefold().strip().rstrip(":").split())


def url_of_line(line: str) -> str | None:
    """The URL when the line is only a URL."""
    match = fullmatch_short(_URL_LINE, line, URL_LINE_MAX_CHARS)
    return match.group("url") if match else None


def host_of(url: str) -> str | None:
    """``x.gov.tm`` from ``https://www.x.gov.tm/a.jpeg``; None when the URL has no host."""
    if url.lower().startswith("www."):
        url = "//" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = host.removeprefix("www.")
    return host if "." in host else None


def is_image_name(line: str) -> bool:
    """The line is only an image file name or path (``16166863e97189.jpeg``)."""
    name = line.strip()
    if not name or len(name) > IMAGE_NAME_MAX_CHARS or any(char.isspace() for char in name):
        return False
    return _IMAGE_NAME.fullmatch(name) is not None


def is_section_heading(line: str) -> bool:
    """``Other articles``, ``Related news``, ``Read also:`` ... alone on a line."""
    return _heading_key(line) in load_cues().sections


def is_bio_heading(line: str) -> bool:
    return _heading_key(line) in load_cues().bio_headings


def has_boilerplate_prefix(line: str) -> bool:
    """``Read also: ...``, ``Photo: ...``, ``View more articles from ...``, ``Tags: ...``."""
    start = line.lstrip()[:PREFIX_MAX_CHARS].casefold()
    return start.startswith(load_cues().line_prefixes)


def is_navigation(line: str) -> bool:
    """A line made only of navigation words and separators (``Share | Print``, ``Submit Release``)."""
    if len(line) > NAV_MAX_CHARS:
        return False
    tokens = _WORD.findall(line.casefold())
    words = [token for token in tokens if token not in _SEPARATORS]
    if not words or len(words) > MAX_NAV_WORDS:
        return False
    return all(word in load_cues().nav_words for word in words)


def bio_name(paragraph: str) -> str | None:
    """The author's name when the paragraph opens a biography (``X is a journalist, ...``)."""
    match = _BIO_OPENING.match(paragraph[:BIO_MAX_CHARS])
    if not match:
        return None
    words = [word.strip(",.;:()").casefold() for word in match.group("rest").split()[:_BIO_ROLE_WINDOW]]
    roles = load_cues().bio_roles
    if any(word in roles or word.split("-")[-1] in roles for word in words):
        return " ".join(match.group("name").split())
    return None


def trailing_tag(line: str) -> TrailingTag | None:
    """A source tag closing the article: ``///nCa, 4 February 2025`` or ``///TDH``."""
    if "//" not in line:
        return None
    match = search_tail(_TRAILING_TAG, line, TAG_MAX_CHARS)
    if not match or "://" in line[max(0, match.start() - 1) : match.start() + 3]:
        return None
    has_date = match.group("iso_y") or match.group("dot_y") or match.group("dmy_y") or match.group("mdy_y")
    date = iso_from_match(match) if has_date else None
    if has_date and date is None:
        return None
    return TrailingTag(match.start(), match.group("source").strip(), date)
