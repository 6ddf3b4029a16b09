"""A polite HTTP fetcher: the only place attache goes to the network.

``Fetcher.fetch(url)`` returns a ``RawDocument`` (kind ``html`` or ``text`` from the
content type, the URL kept as provenance) or an ``InputError(url, reason)``; it never raises
for one bad URL. Politeness: a User-Agent naming attache, robots.txt read once per host and
obeyed, a minimum interval between two requests to the same host, timeouts, retries with
exponential backoff on 5xx / 429 / connection errors, and a cap on the body size.

The transport, clock and sleep are parameters, so tests can use ``httpx.MockTransport`` and a
fake clock, or a real local server.
"""

from __future__ import annotations

import re
import time
import urllib.robotparser
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from attache import __version__
from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.ingest.readers import DEFAULT_MAX_BYTES, looks_like_html

USER_AGENT = f"attache/{__version__} (+https://example.invalid/attache)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is not waited for
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


class Fetcher:
    """Fetch pages politely; one instance keeps its connections, robots rules and host clocks."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        min_interval: float = 1.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        user_agent: str = USER_AGENT,
        respect_robots: bool = True,
        robots_ttl: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.client = httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": user_agent},
        )
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.respect_robots = respect_robots
        self.robots_ttl = robots_ttl
        self.clock = clock
        self.sleep = sleep
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | str | None]] = {}
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, *, published: str | None = None, title: str | None = None) -> RawDocument | InputError:
        """One page as a RawDocument, or an InputError naming the URL and what went wrong."""
        got = self.get(url)
        if isinstance(got, InputError):
            return got
        content_type, body = got
        kind = _kind(content_type, body)
        if kind is None:
            return InputError(url, f"not a web page or text (content type {content_type or 'missing'})")
        return RawDocument(
            doc=doc_name(url), origin=url, kind=kind, content=body, published=published, url=url, title=title
        )

    def get(self, url: str) -> tuple[str, bytes] | InputError:
        """(content type, body) of ``url`` after robots, rate limit and retries; or an InputError."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return InputError(url, "not an http(s) URL")
        refusal = self._robots_refusal(url) if self.respect_robots else None
        if refusal:
            return InputError(url, refusal)
        return self._get_with_retries(url)

    # --- robots.txt -------------------------------------------------------------------------

    def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt forbids ``url`` (None when allowed); rules are kept ``robots_ttl`` s per host."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(host)
        if cached is None or self.clock() - cached[0] > self.robots_ttl:
            cached = (self.clock(), self._read_robots(host))
            self._robots[host] = cached
        rules = cached[1]
        if isinstance(rules, str):
            return rules
        if rules is not None and not rules.can_fetch(self.user_agent, url):
            return "robots.txt disallows fetching this page"
        return None

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | str | None:
        """The host's rules; None (allow all) when it has no robots.txt (RFC 9309: 4xx).

        When robots.txt cannot be read (5xx, no connection) nothing on the host is fetched,
        as RFC 9309 asks: the reason is returned instead of rules.
        """
        got = self._get_with_retries(f"{host}/robots.txt", want_status=True)
        if isinstance(got, InputError):
            return f"robots.txt could not be read ({got.reason}); not fetching"
        status, body = got
        if 400 <= status < 500 and status != 429:
            return None
        if status >= 400:
            return f"robots.txt could not be read (HTTP {status}); not fetching"
        rules = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules

    # --- requests ---------------------------------------------------------------------------

    def _get_with_retries(self, url: str, *, want_status: bool = False):
        """Body of ``url``: ``(content type, bytes)``, or ``(status, bytes)`` with ``want_status``.

        Only 2xx answers are returned without ``want_status``; other statuses become InputError.
        """
        attempt = 0
        while True:
            self._wait_for_host(url)
            try:
                status, headers, body = self._request(url)
            except _TooLarge as too_large:
                return InputError(url, str(too_large))
            except httpx.TimeoutException:
                failure, retry_after = f"timed out after {self.timeout:g} s", None
            except httpx.InvalidURL as error:
                return InputError(url, f"invalid URL ({error})")
            except httpx.TooManyRedirects:
                return InputError(url, "too many redirects")
            except httpx.RequestError as error:
                failure, retry_after = f"connection failed ({type(error).__name__}: {error})", None
            else:
                if want_status and status not in RETRY_STATUSES:
                    return status, body
                if 200 <= status < 300:
                    return headers.get("content-type", ""), body
                if status not in RETRY_STATUSES:
                    return InputError(url, f"HTTP {status}")
                failure, retry_after = f"HTTP {status}", _retry_after(headers)
            if attempt >= self.retries:
                if want_status and failure.startswith("HTTP "):
                    return int(failure.split()[1]), b""
                tries = f" after {attempt + 1} tries" if attempt else ""
                return InputError(url, f"{failure}{tries}")
            delay = self.backoff * 2**attempt
            if retry_after is not None:
                delay = max(delay, retry_after)
            self.sleep(delay)
            attempt += 1

    def _request(self, url: str) -> tuple[int, httpx.Headers, bytes]:
        with self.client.stream("GET", url) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise _TooLarge(_too_large_reason(self.max_bytes))
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise _TooLarge(_too_large_reason(self.max_bytes))
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.min_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()


class _TooLarge(Exception):
    """The body is over ``max_bytes`` (internal: becomes an InputError for the URL)."""


def _too_large_reason(max_bytes: int) -> str:
    return f"page is over the {max_bytes / 1_000_000:g} MB limit"


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        seconds = float(value)
    else:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _kind(content_type: str, body: bytes) -> str | None:
    media = content_type.split(";")[0].strip().lower()
    if media in HTML_TYPES:
        return "html"
    if media in TEXT_TYPES:
        return "html" if looks_like_html(body) else "text"
    if not media and body:
        return "html" if looks_like_html(body) else "text"
    return None


def doc_name(url: str) -> str:
    """A readable document id from a URL: host and path, e.g. ``mfa.example.tm-en-news-4521``."""
    parts = urlsplit(url)
    path = parts.path.strip("/")
    for suffix in (".html", ".htm", ".php", ".aspx", ".txt"):
        if path.lower().endswith(suffix):
            path = path[: -len(suffix)]
    name = "-".join(piece for piece in (parts.hostname or "", path, parts.query) if piece)
    return _SLUG.sub("-", name).strip("-")[:160] or "page"
