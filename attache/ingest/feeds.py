"""RSS and Atom feeds -> the items they list (URL, publication date, title), via feedparser."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from attache.errors import InputError


@dataclass(frozen=True)
class FeedItem:
    url: str
    published: str | None = None  # YYYY-MM-DD when the feed gives a date
    title: str | None = None


def parse_feed(content: bytes | str, origin: str, *, base_url: str | None = None) -> list[FeedItem]:
    """The items of an RSS/Atom document, in feed order, each URL absolute and listed once.

    Raises ``InputError(origin, ...)`` when the document is not a feed.
    """
    parsed = feedparser.parse(content)
    if not parsed.entries and not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise InputError(origin, f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    items, seen = [], set()
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        url = _absolute(base_url or origin, link.strip())
        if url in seen:
            continue
        seen.add(url)
        items.append(FeedItem(url=url, published=_entry_date(entry), title=(entry.get("title") or "").strip() or None))
    return items


def read_feed(fetcher, feed_url: str) -> list[FeedItem] | InputError:
    """Fetch ``feed_url`` with ``fetcher`` (an ``attache.ingest.fetch.Fetcher``) and list its items."""
    got = fetcher.get(feed_url)
    if isinstance(got, InputError):
        return got
    _content_type, body = got
    try:
        return parse_feed(body, feed_url, base_url=feed_url)
    except InputError as error:
        return error


def _absolute(base: str, link: str) -> str:
    """``link`` made absolute; a malformed link is kept as it is, for the fetcher to report."""
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _entry_link(entry) -> str | None:
    if entry.get("link"):
        return entry["link"]
    for link in entry.get("links", ()):
        if link.get("href") and link.get("rel", "alternate") == "alternate":
            return link["href"]
    return None


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None
