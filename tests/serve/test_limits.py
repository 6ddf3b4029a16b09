"""A time limit on each page's reads (HTTP 422 past it), and slow pages out of the way of
quick ones in a server computing pages in its own threads (attache/serve/limits.py)."""

from __future__ import annotations

import asyncio
import contextlib
import threading

import httpx
import pytest
from starlette.testclient import TestClient

from attache.errors import QueryTimeout
from attache.serve import pool
from attache.serve.app import create_app
from attache.serve.limits import SLOW_AFTER, ComputeSlot, Watchdog

ENDLESS = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
A_WHILE = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) SELECT count(*) FROM n"
SAFETY_SECONDS = 60  # a request that should answer but hangs fails the test after this, instead of hanging it


class FakeStore:
    def __init__(self):
        self.interrupted = 0

    def interrupt(self):
        self.interrupted += 1

    def interruptible(self):
        return contextlib.nullcontext()


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_watchdog_tells_a_slow_page_once_and_interrupts_it_past_its_limit_until_it_ends():
    clock, store, told = FakeClock(), FakeStore(), []
    watchdog = Watchdog(clock, thread=False)
    with watchdog.watch(store, limit=2.0, on_slow=lambda: told.append(clock.now)):
        assert watchdog.check(clock.now) == SLOW_AFTER and (told, store.interrupted) == ([], 0)
        clock.now += SLOW_AFTER
        assert watchdog.check(clock.now) == 2.0 - SLOW_AFTER and told == [clock.now]
        clock.now += 2.0
        assert watchdog.check(clock.now) == SLOW_AFTER and store.interrupted == 1
        watchdog.check(clock.now + 1)
        assert store.interrupted == 2 and len(told) == 1
    assert watchdog.check(clock.now + 10) is None and store.interrupted == 2


def test_a_compute_slot_is_given_back_once_whoever_gives_it_back_first():
    slots = threading.BoundedSemaphore(1)
    slot = ComputeSlot(slots)
    assert not slots.acquire(blocking=False)
    slot.give_back()
    slot.give_back()  # a BoundedSemaphore would raise on a second release
    assert slots.acquire(blocking=False) and not slots.acquire(blocking=False)


def _endless_home(monkeypatch):
    def endless(store):
        store.scalar(ENDLESS)

    monkeypatch.setattr("attache.serve.pages.query.stats", endless)


def _in_a_thread(call):
    """``call()`` in a thread, joined with a safety timeout: (finished, its result)."""
    result = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(SAFETY_SECONDS)
    return not thread.is_alive(), result[0] if result else None


def test_a_page_whose_reads_pass_the_time_limit_answers_422_and_the_server_goes_on(demo_db, monkeypatch):
    _endless_home(monkeypatch)
    with TestClient(create_app(demo_db, cache_entries=0, time_limit=0.2)) as client:
        finished, response = _in_a_thread(lambda: client.get("/index.json"))
        assert finished, "the endless read was not stopped"
        assert response.status_code == 422
        assert response.json() == {"ok": False, "status": 422, "error": (
            "this page took longer than 0.2 s to compute and was stopped; ask a narrower question "
            "(more filters, fewer or longer search words)")}
        html = client.get("/")
        assert html.status_code == 422 and "took longer than 0.2 s" in html.text
        assert client.get("/events.json?limit=1").status_code == 200


def test_a_page_process_answers_422_past_the_time_limit(demo_db, monkeypatch):
    _endless_home(monkeypatch)
    monkeypatch.setattr(pool, "_app", None)
    pool._open(str(demo_db), 0.2)
    scope = {"type": "http", "method": "GET", "path": "/index.json", "raw_path": b"/index.json",
             "query_string": b"", "headers": [], "path_params": {}}
    finished, answer = _in_a_thread(lambda: pool.compute("home_page", "home.html", scope))
    assert finished and answer[0] == 422 and b"took longer than 0.2 s" in answer[1]


def test_one_slow_page_does_not_hold_up_a_quick_one_behind_it(demo_db, monkeypatch):
    started, release = threading.Event(), threading.Event()

    def slow(store):  # reads until the test lets it go
        started.set()
        while not release.is_set():
            store.scalar(A_WHILE)
        return {"documents": 0, "events": 0, "people": 0, "countries": 0, "by_status": {},
                "latest_events": [], "top_relationships": []}

    monkeypatch.setattr("attache.serve.pages.query.stats", slow)
    with TestClient(create_app(demo_db, cache_entries=0, time_limit=SAFETY_SECONDS)) as client:
        slow_status, quick_status, slow_was_running = client.portal.call(
            _quick_behind_slow, client.app, started, release)
    assert (slow_status, quick_status, slow_was_running) == (200, 200, True)


async def _quick_behind_slow(app, started: threading.Event, release: threading.Event):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        slow = asyncio.ensure_future(http.get("/index.json"))
        while not started.is_set():
            await asyncio.sleep(0.01)
        try:
            quick = await asyncio.wait_for(http.get("/events.json?limit=1"), SAFETY_SECONDS)
            slow_was_running = not slow.done()
        finally:
            release.set()
        return (await slow).status_code, quick.status_code, slow_was_running


def test_the_store_turns_an_interrupted_read_into_a_query_timeout(demo_db):
    from attache.store import open_store

    with open_store(demo_db, read_only=True) as store:
        threading.Timer(0.1, store.interrupt).start()
        with pytest.raises(QueryTimeout), store.interruptible():
            store.scalar(ENDLESS)
        assert store.scalar("SELECT 1") == 1  # the handle is usable again
