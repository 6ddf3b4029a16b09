"""A polite HTTP fetcher: the only place attache goes to the network.

``Fetcher.fetch(url)`` returns a ``RawDocument`` (kind ``html`` or ``text`` from the
content type, the URL kept as provenance) or an ``InputError(url, reason)``; it never raises
for one bad URL. Politeness: a User-Agent naming attache, robots.txt read once per host and
obeyed, a minimum interval between two requests to the same host, timeouts, retries with
exponential backoff on 5xx / 429 / connection errors, and a cap on the body size.

Redirects are followed here, one hop at a time, so that each hop is held to the same rules
as the first URL: only http and https (a redirect to ``file://`` is refused, never retried),
the robots.txt of the host it leads to, that host's rate limit. A page, with its robots.txt,
retries and redirects, has ``page_timeout`` seconds in all (a server that drips one byte at
a time is given up on), give or take one read of at most ``timeout`` seconds.

The transport, clock and sleep are parameters, so tests can use ``httpx.MockTransport`` and a
fake clock, or a real local server.
"""

from __future__ import annotations

import re
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from attache import __version__
from attache.display import one_line
from attache.errors import InputError
from attache.ingest.raw import RawDocument
from attache.ingest.readers import DEFAULT_MAX_BYTES, looks_like_html

USER_AGENT = f"attache/{__version__} (+https://example.invalid/attache)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
ALLOWED_SCHEMES = ("http", "https")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10  # hops followed for one page
ROBOTS_REDIRECTS = 5  # hops followed for a robots.txt (RFC 9309 asks for at least five)
PAGE_TIMEOUT = 60.0  # seconds for one page in all: robots.txt, retries, redirects, body
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is not waited for
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")
_UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f]")

Answer = tuple[int, httpx.Headers, bytes]  # status, headers, body


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched (not http or https, no host, malformed), or None."""
    if _UNSAFE_IN_URL.search(url):
        return "URL holds spaces or control characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it checks it (a port over 65535 raises)
    except ValueError as error:
        return f"malformed URL ({error})"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        scheme = f"{parts.scheme}:" if parts.scheme else "a URL without a scheme"
        return f"only http(s) URLs are fetched, not {scheme}"
    if not parts.hostname:
        return "URL has no host"
    return None


@dataclass(frozen=True)
class _Failure:
    """A request that gave no answer to use: ``answered`` is False when the server was never
    heard from (no connection, a timeout), True when it answered with an error."""

    reason: str
    answered: bool


class Fetcher:
    """Fetch pages politely; one instance keeps its connections, robots rules and host clocks."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 20.0,
        page_timeout: float = PAGE_TIMEOUT,
        retries: int = 3,
        backoff: float = 1.0,
        min_interval: float = 1.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        user_agent: str = USER_AGENT,
        respect_robots: bool = True,
        robots_ttl: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.client = httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=False,  # followed one hop at a time by ``_follow``
            headers={"User-Agent": user_agent},
        )
        self.timeout = timeout
        self.page_timeout = page_timeout
        self.retries = retries
        self.backoff = backoff
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
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
        """(content type, body) of ``url`` after robots, rate limit, retries and redirects; or an
        InputError naming ``url``."""
        problem = url_problem(url)
        if problem:
            return InputError(url, problem)
        got = self._follow(url, self.clock() + self.page_timeout)
        return InputError(url, got) if isinstance(got, str) else got

    # --- redirects --------------------------------------------------------------------------

    def _follow(self, url: str, deadline: float) -> tuple[str, bytes] | str:
        """(content type, body) at the end of ``url``'s redirects, each hop checked; or why not."""
        current = url
        for _hop in range(self.max_redirects + 1):
            refusal = self._robots_refusal(current, deadline) if self.respect_robots else None
            if refusal:
                return _at(refusal, current, url)
            answer = self._attempts(current, deadline)
            if isinstance(answer, _Failure):
                return _at(answer.reason, current, url)
            status, headers, body = answer
            if 200 <= status < 300:
                return headers.get("content-type", ""), body
            target = _redirect_target(current, status, headers)
            if target is None:
                return _at(f"HTTP {status}", current, url)
            problem = url_problem(target)
            if problem:
                return f"redirected to {one_line(target[:200])}, not followed: {problem}"
            current = target
        return f"too many redirects (more than {self.max_redirects})"

    # --- robots.txt -------------------------------------------------------------------------

    def _robots_refusal(self, url: str, deadline: float) -> str | None:
        """Why robots.txt forbids ``url`` (None when allowed); rules are kept ``robots_ttl`` s per host."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(host)
        if cached is None or self.clock() - cached[0] > self.robots_ttl:
            cached = (self.clock(), self._read_robots(host, deadline))
            self._robots[host] = cached
        rules = cached[1]
        if isinstance(rules, str):
            return rules
        if rules is not None and not rules.can_fetch(self.user_agent, url):
            return "robots.txt disallows fetching this page"
        return None

    def _read_robots(self, host: str, deadline: float) -> urllib.robotparser.RobotFileParser | str | None:
        """The host's rules; None (allow all) when it has no robots.txt (RFC 9309: 4xx, or too
        many redirects).

        When robots.txt cannot be read (5xx) nothing on the host is fetched, as RFC 9309 asks:
        the reason is returned instead of rules; so it is when the server cannot be reached,
        and then the reason says so.
        """
        url = f"{host}/robots.txt"
        for _hop in range(ROBOTS_REDIRECTS + 1):
            answer = self._attempts(url, deadline)
            if isinstance(answer, _Failure):
                if not answer.answered:
                    return f"server unreachable: {answer.reason}"
                return f"robots.txt could not be read ({answer.reason}); not fetching"
            status, headers, body = answer
            target = _redirect_target(url, status, headers)
            if target is not None and url_problem(target) is None:
                url = target
                continue
            if status >= 500:
                return f"robots.txt could not be read (HTTP {status}); not fetching"
            if not 200 <= status < 300:
                return None
            rules = urllib.robotparser.RobotFileParser(url)
            rules.parse(body.decode("utf-8", errors="replace").splitlines())
            return rules
        return None

    # --- requests ---------------------------------------------------------------------------

    def _attempts(self, url: str, deadline: float) -> Answer | _Failure:
        """The answer to GET ``url`` (any status but a retried one), tried again after a
        connection error, a timeout or a 5xx / 429 answer; or the failure, when the tries or
        the time run out."""
        attempt = 0
        while True:
            self._wait_for_host(url)
            try:
                answer = self._request(url, deadline)
            except _GiveUp as give_up:
                return _Failure(str(give_up), answered=give_up.answered)
            except httpx.TimeoutException:
                failure, retry_after, answered = f"timed out after {self.timeout:g} s", None, False
            except httpx.InvalidURL as error:
                return _Failure(f"invalid URL ({error})", answered=False)
            except httpx.RequestError as error:
                failure, retry_after, answered = f"connection failed ({type(error).__name__}: {error})", None, False
            else:
                if answer[0] not in RETRY_STATUSES:
                    return answer
                failure, retry_after, answered = f"HTTP {answer[0]}", _retry_after(answer[1]), True
            tries = f" after {attempt + 1} tries" if attempt else ""
            delay = max(self.backoff * 2**attempt, retry_after or 0.0)
            if attempt >= self.retries:
                return _Failure(f"{failure}{tries}", answered)
            if self.clock() + delay >= deadline:
                return _Failure(f"{failure}{tries}; {self._out_of_time()}", answered)
            self.sleep(delay)
            attempt += 1

    def _request(self, url: str, deadline: float) -> Answer:
        remaining = deadline - self.clock()
        if remaining <= 0:
            raise _GiveUp(self._out_of_time(), answered=False)
        timeout = httpx.Timeout(min(self.timeout, remaining))
        with self.client.stream("GET", url, timeout=timeout) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise _GiveUp(_too_large_reason(self.max_bytes), answered=True)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise _GiveUp(_too_large_reason(self.max_bytes), answered=True)
                if self.clock() > deadline:
                    raise _GiveUp(f"{self._out_of_time()} while the page was still arriving", answered=False)
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)

    def _out_of_time(self) -> str:
        return f"gave up after {self.page_timeout:g} s (the time limit per page)"

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.min_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()


class _GiveUp(Exception):
    """A request not worth trying again (a body over the limit, the page's time is up)."""

    def __init__(self, reason: str, *, answered: bool):
        super().__init__(reason)
        self.answered = answered


def _at(reason: str, current: str, first: str) -> str:
    """``reason``, saying which hop it happened at when a redirect led there."""
    return reason if current == first else f"redirected to {one_line(current[:200])}: {reason}"


def _redirect_target(url: str, status: int, headers: httpx.Headers) -> str | None:
    """The absolute URL a redirect answer points to; None when the answer is no redirect."""
    location = headers.get("location")
    if status not in REDIRECT_STATUSES or not location:
        return None
    try:
        return urljoin(url, location.strip())
    except ValueError:
        return location  # malformed: ``url_problem`` says how

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
