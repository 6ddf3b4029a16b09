"""`attache ingest --urls` and `--feed` against a local HTTP server: fetched, kept with their
URL, and not fetched again once stored."""

from __future__ import annotations

from .cli import document_count, run

PAGE = """<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{city}, 2 April 2025. The Ministers of Foreign Affairs of {a} and {b} held talks in {city}
on trade, energy and transport. The sides signed a Memorandum of Understanding.</p></article></body></html>"""
PAIRS = [("Azerbaijan", "Hungary", "Baku"), ("Georgia", "Poland", "Tbilisi"), ("Mongolia", "Canada", "Ulaanbaatar")]


def serve_pages(server) -> list[str]:
    server.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    urls = [server.page(f"/news/{i}", PAGE.format(title=f"Talks in {city}", city=city, a=a, b=b))
            for i, (a, b, city) in enumerate(PAIRS)]
    return urls + [server.page("/private/1", PAGE.format(title="x", city="Baku", a="A", b="B"))]


def test_urls_are_fetched_once_and_robots_obeyed(server, tmp_path):
    urls = serve_pages(server)
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join(urls) + "\n")
    db = tmp_path / "u.db"
    first = run("ingest", "--urls", str(listing), "--db", str(db), "--jobs", "1")
    assert first.returncode == 1  # the robots-disallowed page failed, by name
    assert [line for line in first.stderr.splitlines() if urls[-1] in line and "robots.txt" in line]
    assert document_count(db) == 3
    from attache.store import open_store

    with open_store(db, read_only=True) as store:
        assert all(store.url_exists(url) for url in urls[:3])
    hits = len(server.requests)
    second = run("ingest", "--urls", str(listing), "--db", str(db), "--jobs", "1")
    assert document_count(db) == 3
    fetched_again = [path for _, path, _ in server.requests[hits:] if path.startswith("/news/")]
    assert fetched_again == []
    assert second.returncode == 1  # the disallowed page is still reported


def test_feed_items_are_ingested(server, tmp_path):
    urls = serve_pages(server)[:3]
    items = "".join(f"<item><title>t{i}</title><link>{url}</link><pubDate>Wed, 02 Apr 2025 09:00:00 GMT</pubDate></item>"
                    for i, url in enumerate(urls))
    feed = server.page("/rss", f'<?xml version="1.0"?><rss version="2.0"><channel><title>MFA</title>{items}'
                       "</channel></rss>", content_type="application/rss+xml")
    db = tmp_path / "f.db"
    result = run("ingest", "--feed", feed, "--db", str(db), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert document_count(db) == 3
