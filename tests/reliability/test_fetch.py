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
