"""Feeds: RSS and Atom items with dates and titles; URL lists and feeds through iter_sources."""

from __future__ import annotations

import pytest

from attache.errors import InputError
from attache.ingest.feeds import FeedItem, parse_feed, read_feed
from attache.ingest.fetch import Fetcher
from attache.ingest.raw import RawDocument
from attache.ingest.sources import iter_sources

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>MFA news</title>
<item><title>Talks with the Foreign Minister of Oman</title><link>/news/oman-talks</link>
<pubDate>Tue, 04 Feb 2025 10:00:00 +0500</pubDate></item>
<item><title>Visit to Baku</title><link>https://mfa.example/news/baku-visit</link></item>
<item><title>Talks with the Foreign Minister of Oman</title><link>/news/oman-talks</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Agency</title><id>urn:x</id><updated>2025-05-01T00:00:00Z</updated>
<entry><title>Summit announced</title><id>urn:1</id><link href="https://agency.example/summit" rel="alternate"/>
<updated>2025-05-01T08:30:00Z</updated></entry></feed>"""

PAGE = "<!doctype html><html><body><p>BAKU. Political consultations were held.</p></body></html>"


def test_rss_items_absolute_deduplicated_with_dates_and_titles():
    items = parse_feed(RSS, "https://mfa.example/rss.xml")
    assert items == [
        FeedItem("https://mfa.example/news/oman-talks", "2025-02-04", "Talks with the Foreign Minister of Oman"),
        FeedItem("https://mfa.example/news/baku-visit", None, "Visit to Baku"),
    ]


def test_atom_items():
    assert parse_feed(ATOM.encode(), "https://agency.example/atom") == [
        FeedItem("https://agency.example/summit", "2025-05-01", "Summit announced")
    ]


def test_not_a_feed_is_an_input_error():
    with pytest.raises(InputError):
        parse_feed(b"\x00\x01 random bytes", "https://x.example/feed")


def _local_fetcher() -> Fetcher:
    return Fetcher(timeout=2.0, retries=0, backoff=0.01, min_interval=0.0)


def test_feed_from_local_server_fetches_each_item_with_its_hints(server):
    server.routes.clear()
    feed_url = server.page("/rss.xml", RSS.replace("https://mfa.example", server.url), content_type="application/rss+xml")
    server.page("/news/oman-talks", PAGE)
    server.page("/news/baku-visit", PAGE)
    with _local_fetcher() as fetcher:
        got = list(iter_sources(feed=feed_url, fetcher=fetcher))
        assert [raw.url for raw in got] == [server.url + "/news/oman-talks", server.url + "/news/baku-visit"]
        assert got[0].published == "2025-02-04" and got[0].title == "Talks with the Foreign Minister of Oman"
        assert isinstance(read_feed(fetcher, server.url + "/missing.xml"), InputError)


def test_url_list_skips_stored_urls_and_reports_bad_lines(server, tmp_path):
    stored = server.page("/a", PAGE)
    fresh = server.page("/b", PAGE)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# today\n{stored}\n\nnot a url\n{fresh}\n{server.url}/gone\n")
    article = tmp_path / "local.txt"
    article.write_text("ASHGABAT. Talks were held.")
    with _local_fetcher() as fetcher:
        got = list(iter_sources([str(article)], urls_file=str(urls), fetcher=fetcher, skip_url=lambda u: u == stored))
    assert isinstance(got[0], RawDocument) and got[0].origin == str(article)
    assert isinstance(got[1], InputError) and got[1].origin == f"{urls}:4"
    assert isinstance(got[2], RawDocument) and got[2].url == fresh
    assert isinstance(got[3], InputError) and got[3].reason == "HTTP 404"
    assert len(got) == 4
    assert server.hits("/a") == []


def test_missing_url_list_is_one_error(tmp_path):
    got = list(iter_sources(urls_file=str(tmp_path / "none.txt"), fetcher=_local_fetcher()))
    assert len(got) == 1 and isinstance(got[0], InputError)


def test_a_url_list_that_is_a_device_is_one_error(tmp_path):
    (tmp_path / "urls.txt").symlink_to("/dev/zero")  # read line by line, it would never end
    got = list(iter_sources(urls_file=str(tmp_path / "urls.txt"), fetcher=_local_fetcher()))
    assert [(error.origin, error.reason) for error in got] == [
        (str(tmp_path / "urls.txt"), "cannot read URL list: not a regular file (a character device)")]
