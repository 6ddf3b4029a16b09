"""HTML page -> (main text, metadata) through trafilatura; broken pages become InputError."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import trafilatura
from lxml.etree import LxmlError

from attache.errors import InputError

NO_TEXT = "no article text found in HTML"
TOO_DEEP = "HTML is too deeply nested to read"
# trafilatura needs ~0.2 ms per element; news pages hold a few thousand. Past this many tags a
# page is refused up front instead of taking tens of seconds.
MAX_TAGS = 30_000

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def declared_charset(head: bytes) -> str | None:
    """The encoding an HTML page names in a <meta charset> tag in its first 4 KB, if any."""
    match = _DECLARED_CHARSET.search(head[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def html_to_text(html: str, origin: str, *, url: str | None = None) -> tuple[str, dict]:
    """Main text of the page and its metadata ``{title, date, source, url}`` (values may be None).

    The text is trafilatura's, favouring precision, without comments; it is what every later
    offset points into. Raises ``InputError`` when the page holds no article text, or has
    more than ``MAX_TAGS`` tags.
    """
    tags = html.count("<")
    if tags > MAX_TAGS:
        raise InputError(origin, f"HTML page has {tags:,} tags, over the {MAX_TAGS:,} limit")
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
        )
    except RecursionError as error:
        raise InputError(origin, TOO_DEEP) from error
    except (LxmlError, ValueError, TypeError, AttributeError, IndexError) as error:
        # trafilatura and lxml fail in these ways on malformed markup; the page is unreadable.
        raise InputError(origin, NO_TEXT) from error
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(origin, NO_TEXT)
    return text, _metadata(document, url)


def _metadata(document, given_url: str | None) -> dict:
    page_url = document.url or given_url
    date = document.date if document.date and _ISO_DATE.fullmatch(document.date) else None
    return {
        "title": _clean(document.title),
        "date": date,
        "source": _clean(document.sitename) or _host(page_url) or _clean(document.hostname),
        "url": page_url,
    }


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
