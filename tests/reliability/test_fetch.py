"""The polite fetcher against a real local HTTP server (and MockTransport for the odd cases)."""

from __future__ import annotations

import time

import httpx

from attache.errors import InputError
from attache.ingest.fetch import USER_AGENT, Fetcher, doc_name
from attache.ingest.raw import RawDocument

from .local_server import Route

PAGE = """<!doctype html><html><head><title>Consultations in Tashkent</title></head><body>
<article><h1>Consultations in Tashkent</h1><p>TASHKENT, 12 March 2025. Deputy Foreign Ministers
of Uzbekistan and Malaysia held political consultations on trade and education.</p></article>
</body></html>"""


def fast_fetcher(**options) -> Fetcher:
    settings = {"timeout": 2.0, "retries": 2, "backoff": 0.05, "min_interval": 0.0} | options
    return Fetcher(**settings)


def test_page_becomes_raw_document_with_url_and_user_agent(server):
    url = server.page("/en/news/4521.html", PAGE)
    with fast_fetcher() as fetcher:
        raw = fetcher.fetch(url, published="2025-03-12")
    assert isinstance(raw, RawDocument)
    assert (raw.kind, raw.url, raw.origin, raw.published) == ("html", url, url, "2025-03-12")
    assert raw.content == PAGE.encode()
    assert raw.doc == "127.0.0.1-en-news-4521"
    assert {agent for _, path, agent in server.requests} == {USER_AGENT}


def test_plain_text_page_is_text(server):
    url = server.page("/release.txt", "ASHGABAT. Talks were held.", content_type="text/plain; charset=utf-8")
    with fast_fetcher() as fetcher:
        assert fetcher.fetch(url).kind == "text"


def test_robots_disallow_is_respected_and_read_once(server):
    server.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    allowed = server.page("/news/1", PAGE)
    private = server.page("/private/2", PAGE)
    with fast_fetcher() as fetcher:
        assert isinstance(fetcher.fetch(allowed), RawDocument)
        refused = fetcher.fetch(private)
        assert isinstance(fetcher.fetch(allowed), RawDocument)
    assert isinstance(refused, InputError) and "robots.txt" in refused.reason
    assert server.hits("/private/2") == []
    assert len(server.hits("/robots.txt")) == 1


def test_retry_on_503_then_success(server):
    server.routes["/busy"] = Route((503, {}, b"busy"), (503, {}, b"busy"), (200, {"Content-Type": "text/html"}, PAGE.encode()))
    with fast_fetcher() as fetcher:
        raw = fetcher.fetch(server.url + "/busy")
    assert isinstance(raw, RawDocument)
    assert len(server.hits("/busy")) == 3


def test_retries_give_up_with_an_error(server):
    server.routes["/down"] = Route((500, {}, b"oops"))
    with fast_fetcher(retries=1) as fetcher:
        error = fetcher.fetch(server.url + "/down")
    assert isinstance(error, InputError) and error.reason == "HTTP 500 after 2 tries"


def test_not_found_is_not_retried(server):
    with fast_fetcher() as fetcher:
        error = fetcher.fetch(server.url + "/missing")
    assert isinstance(error, InputError) and error.reason == "HTTP 404"
    assert len(server.hits("/missing")) == 1


def test_timeout_is_an_error(server):
    server.page("/slow", PAGE, delay=2.0)
    started = time.monotonic()
    with fast_fetcher(timeout=0.3, retries=0) as fetcher:
        error = fetcher.fetch(server.url + "/slow")
    assert isinstance(error, InputError) and "timed out" in error.reason
    assert time.monotonic() - started < 1.9


class TimedTransport(httpx.HTTPTransport):
    """The real transport, noting when the fetcher hands it each request (the moment spacing
    is about; arrival times at a server on a busy machine jitter)."""

    def __init__(self):
        super().__init__()
        self.sent: list[tuple[float, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((time.monotonic(), request.url.path))
        return super().handle_request(request)


def test_requests_to_one_host_are_spaced(server):
    urls = [server.page(f"/n/{i}", PAGE) for i in range(4)]
    transport = TimedTransport()
    with fast_fetcher(min_interval=0.3, transport=transport) as fetcher:
        for url in urls:
            assert isinstance(fetcher.fetch(url), RawDocument)
    times = [t for t, path in transport.sent if path.startswith("/n/")]
    gaps = [b - a for a, b in zip(times, times[1:])]
    # (the fetcher notes its clock just before building the request: allow for that moment)
    assert len(gaps) == 3 and min(gaps) >= 0.27
    assert len([path for _, path, _ in server.requests if path.startswith("/n/")]) == 4


def test_body_over_the_limit_is_refused(server):
    url = server.page("/big", "x" * 5000, content_type="text/plain")
    with fast_fetcher(max_bytes=1000) as fetcher:
        error = fetcher.fetch(url)
    assert isinstance(error, InputError) and "limit" in error.reason


def test_unreachable_host_is_an_error():
    with fast_fetcher(retries=1, timeout=0.5) as fetcher:
        error = fetcher.fetch("http://127.0.0.1:9/news")  # discard port: nothing listens
    assert isinstance(error, InputError) and "connection failed" in error.reason, error.reason


def test_non_page_content_and_bad_scheme_are_errors():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers={"Content-Type": "application/pdf"}, content=b"%PDF-1.4")

    with fast_fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        pdf = fetcher.fetch("https://mfa.example/report.pdf")
        ftp = fetcher.fetch("ftp://mfa.example/a.txt")
    assert isinstance(pdf, InputError) and "application/pdf" in pdf.reason
    assert isinstance(ftp, InputError) and "http(s)" in ftp.reason


def test_robots_unreachable_means_disallowed():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503 if request.url.path == "/robots.txt" else 200, content=PAGE.encode())

    with fast_fetcher(transport=httpx.MockTransport(handler), retries=0) as fetcher:
        error = fetcher.fetch("https://mfa.example/news/1")
    assert isinstance(error, InputError) and "robots.txt" in error.reason


def test_retry_after_is_waited_for():
    calls, waits = [], []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        calls.append(request.url.path)
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "7"})
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE.encode())

    with Fetcher(transport=httpx.MockTransport(handler), backoff=0.5, min_interval=0.0, sleep=waits.append) as fetcher:
        assert isinstance(fetcher.fetch("https://mfa.example/a"), RawDocument)
    assert waits == [7.0]


def test_doc_name_is_readable_and_distinct():
    assert doc_name("https://mfa.example.tm/en/news/4521") == "mfa.example.tm-en-news-4521"
    assert doc_name("https://a.example/view.php?id=5") != doc_name("https://a.example/view.php?id=6")
    assert doc_name("https://a.example/") == "a.example"


def test_redirect_loops_and_bad_urls_are_errors():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": str(request.url)})

    with fast_fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        loop = fetcher.fetch("https://mfa.example/loop")
        bad = fetcher.fetch("https://mfa.example:99999/x")
    assert isinstance(loop, InputError) and "redirects" in loop.reason
    assert isinstance(bad, InputError)


def test_a_redirect_into_a_path_robots_txt_disallows_is_not_followed(server):
    server.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.page("/private/page", PAGE)
    start = server.redirect("/moved", "/private/page")
    with fast_fetcher() as fetcher:
        error = fetcher.fetch(start)
    assert isinstance(error, InputError) and error.origin == start
    assert error.reason == f"redirected to {server.url}/private/page: robots.txt disallows fetching this page"
    assert server.hits("/private/page") == []


def test_a_redirect_to_another_host_obeys_that_hosts_robots_txt():
    from .local_server import LocalServer

    with LocalServer() as first, LocalServer() as other:
        other.page("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
        other.page("/news/1", PAGE)
        allowed = first.page("/news/2", PAGE)
        start = first.redirect("/away", other.url + "/news/1")
        with fast_fetcher() as fetcher:
            error = fetcher.fetch(start)
            assert isinstance(fetcher.fetch(first.redirect("/here", "/news/2")), RawDocument)
    assert isinstance(error, InputError) and "robots.txt disallows" in error.reason and other.url in error.reason
    assert other.hits("/news/1") == [] and len(other.hits("/robots.txt")) == 1
    assert first.hits("/news/2") and allowed == first.url + "/news/2"


def test_a_redirect_to_a_file_url_is_refused_and_not_retried(server):
    start = server.redirect("/to-file", "file:///etc/passwd")
    with fast_fetcher(retries=3) as fetcher:
        error = fetcher.fetch(start)
    assert isinstance(error, InputError)
    assert error.reason == "redirected to file:///etc/passwd, not followed: only http(s) URLs are fetched, not file:"
    assert len(server.hits("/to-file")) == 1


def test_a_page_that_arrives_a_byte_at_a_time_is_given_up_at_the_page_time_limit(server):
    server.routes["/drip"] = Route((200, {"Content-Type": "text/html"}, PAGE.encode()), drip=0.2)
    with fast_fetcher(timeout=5.0, page_timeout=1.0) as fetcher:
        error = fetcher.fetch(server.url + "/drip")
    assert isinstance(error, InputError)
    assert error.reason == "gave up after 1 s (the time limit per page) while the page was still arriving"
    assert len(server.hits("/drip")) == 1


def test_an_unreachable_feed_is_called_unreachable_not_a_robots_txt_problem():
    from attache.ingest.feeds import read_feed

    with fast_fetcher(retries=1, timeout=0.5) as fetcher:
        error = read_feed(fetcher, "http://127.0.0.1:9/feed.xml")  # discard port: nothing listens
    assert isinstance(error, InputError) and error.reason.startswith("server unreachable: connection failed"), error.reason
    assert "robots.txt" not in error.reason


def test_malformed_urls_are_errors_not_exceptions():
    with fast_fetcher() as fetcher:
        for url in ("http://[::1", "http://exa mple.org/", "http:///path", "javascript:alert(1)", "http://x:99999/"):
            error = fetcher.fetch(url)
            assert isinstance(error, InputError) and error.origin == url, url
