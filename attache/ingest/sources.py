"""Every kind of input in one stream: paths (files, directories, ``-``), a URL list, a feed.

``iter_sources`` chains ``iter_raw`` over the paths with pages fetched from a URL list and
from a feed's items, yielding ``RawDocument`` or ``InputError`` for each, in that order.
URLs for which ``skip_url(url)`` is true (already stored) are not fetched at all; the caller
counts them in its callback. A bad URL line, or one URL that fails in a way nobody foresaw,
is that line's error: the URLs around it are fetched and the pages already fetched are kept.
Every item passes ``guard`` (as ``iter_raw``'s do).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator

from attache.errors import InputError
from attache.ingest.feeds import read_feed
from attache.ingest.fetch import Fetcher, url_problem
from attache.ingest.guard import guard
from attache.ingest.raw import RawDocument
from attache.ingest.readers import iter_raw, normalize_published, open_regular_file

Item = RawDocument | InputError


def iter_sources(
    paths: Iterable[str] = (),
    urls_file: str | None = None,
    feed: str | None = None,
    fetcher=None,
    published: str | None = None,
    skip_url: Callable[[str], bool] = lambda url: False,
) -> Iterator[Item]:
    """Documents from ``paths``, then each URL of ``urls_file``, then each item of ``feed``.

    ``fetcher`` is an ``attache.ingest.fetch.Fetcher``; one is made (and closed) here when
    URLs are asked for and none is given. ``published`` is the fallback publication date.
    """
    paths = list(paths)
    if paths:
        yield from iter_raw(paths, published=published)
    if urls_file is None and feed is None:
        return
    hint = normalize_published(published, "--published") if published else None
    own_fetcher = fetcher is None
    if own_fetcher:
        fetcher = Fetcher()
    try:
        if urls_file is not None:
            yield from _from_url_list(urls_file, fetcher, hint, skip_url)
        if feed is not None:
            yield from _from_feed(feed, fetcher, hint, skip_url)
    finally:
        if own_fetcher:
            fetcher.close()


def read_url_list(urls_file: str) -> Iterator[tuple[str, str] | InputError]:
    """``(origin, url)`` for each URL line of ``urls_file`` (blank lines and ``#`` comments skipped)."""
    opened = open_regular_file(urls_file)  # not a FIFO or a device: reading one would never end
    if isinstance(opened, InputError):
        yield InputError(urls_file, f"cannot read URL list: {opened.reason}")
        return
    with io.TextIOWrapper(opened, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            problem = url_problem(url)
            if problem:
                yield InputError(f"{urls_file}:{number}", f"{problem}: {url[:80]!r}")
                continue
            yield f"{urls_file}:{number}", url


def _from_url_list(urls_file: str, fetcher, hint: str | None, skip_url) -> Iterator[Item]:
    for entry in read_url_list(urls_file):
        if isinstance(entry, InputError):
            yield entry
            continue
        _origin, url = entry
        if not skip_url(url):
            yield _fetch(fetcher, url, published=hint)


def _from_feed(feed_url: str, fetcher, hint: str | None, skip_url) -> Iterator[Item]:
    items = read_feed(fetcher, feed_url)
    if isinstance(items, InputError):
        yield items
        return
    for item in items:
        if not skip_url(item.url):
            yield _fetch(fetcher, item.url, published=item.published or hint, title=item.title)


def _fetch(fetcher, url: str, **hints) -> Item:
    """One page, guarded: a failure of this URL is its error, never the end of the batch."""
    try:
        return guard(fetcher.fetch(url, **hints))
    except Exception as error:  # noqa: BLE001 - one URL's failure must not lose the pages fetched before it
        return InputError(url, f"internal error ({type(error).__name__}: {error})")
