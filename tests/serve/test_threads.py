"""How pages are computed: in the server process (at most ``--threads`` at once) or by a pool
of page processes behind it (``--workers N``), with the same answers either way."""

from __future__ import annotations

import asyncio
import os
import time

import anyio.to_thread
import pytest
from starlette.testclient import TestClient

from attache.errors import AttacheError
from attache.serve.app import create_app
from attache.serve.limits import SLOW_LANES
from attache.serve.pool import PagePool


def _tokens(app) -> int:
    with TestClient(app) as client:
        assert client.get("/index.json").status_code == 200
        return client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)


def test_view_threads_are_compute_slots_with_threads_beside_them_for_slow_pages(demo_db):
    assert _tokens(create_app(demo_db)) == 1 + SLOW_LANES
    app = create_app(demo_db, view_threads=3)
    assert _tokens(app) == 3 + SLOW_LANES
    slots = app.state.compute_slots
    assert [slots.acquire(blocking=False) for _ in range(4)] == [True, True, True, False]


def test_page_processes_answer_as_the_server_process_does(demo_db):
    with TestClient(create_app(demo_db, cache_entries=0)) as here:
        home = here.get("/index.json").json()
        pair = home["top_relationships"][0]
        event_id = home["latest_events"][0]["event_id"]
        paths = ["/", "/index.json", f"/event/{event_id}", f"/event/{event_id}.json",
                 f"/relationship/{pair['a']}/{pair['b']}", "/search.json?q=minister&country=" + pair["a"],
                 "/events?limit=3&order=earliest", "/event/999999", "/event/999999.json",
                 "/events.json?limit=x", "/relationship/TM/TM.json", "/country/XX"]
        expected = [(r.status_code, r.headers["content-type"], r.content) for r in map(here.get, paths)]
    with TestClient(create_app(demo_db, cache_entries=0, page_processes=2)) as pooled:
        assert pooled.app.state.pool is not None
        found = [(r.status_code, r.headers["content-type"], r.content) for r in map(pooled.get, paths)]
        pids = {pooled.portal.call(_pid_of_a_page_process, pooled.app) for _ in range(20)}
    assert [f[:2] for f in found] == [e[:2] for e in expected]
    assert found == expected
    assert {status for status, _, _ in found} == {200, 400, 404}
    assert os.getpid() not in pids and len(pids) >= 1


async def _pid_of_a_page_process(app) -> int:
    return await app.state.pool.call(os.getpid)


def test_a_dead_page_process_fails_the_request_it_held_then_another_takes_its_place(demo_db):
    with TestClient(create_app(demo_db, cache_entries=0, page_processes=1)) as pooled:
        assert pooled.get("/index.json").status_code == 200
        before = pooled.app.state.pool.pids
        error = pooled.portal.call(_kill_a_page_process, pooled.app)
        assert "process died" in str(error)
        assert pooled.get("/index.json").status_code == 200  # waits for the new process
        after = pooled.app.state.pool.pids
    assert len(before) == len(after) == 1 and before != after


async def _kill_a_page_process(app) -> Exception | None:
    try:
        await app.state.pool.call(os._exit, 1)
    except Exception as e:  # noqa: BLE001 - the pool reports the death as an error
        return e
    return None


def test_many_requests_at_once_each_get_their_own_answer(demo_db):
    """More requests than there are page processes wait in the HTTP process; each answer
    must reach the request that asked for it."""
    with TestClient(create_app(demo_db, cache_entries=0)) as here:
        events = here.get("/events.json?limit=500").json()["events"]
        paths = [f"/event/{e['event_id']}.json" for e in events] * 3
        expected = {path: here.get(path).content for path in set(paths)}
    with TestClient(create_app(demo_db, cache_entries=0, page_processes=2)) as pooled:
        found = pooled.portal.call(_get_all_at_once, pooled.app, paths)
    assert len(paths) > 20 and found == [expected[path] for path in paths]


async def _get_all_at_once(app, paths: list[str]) -> list[bytes]:
    import asyncio

    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        answers = await asyncio.gather(*(http.get(path) for path in paths))
    return [answer.content for answer in answers]


def test_a_dead_page_process_fails_only_the_requests_it_held(demo_db):
    """One process: a request may be queued ahead behind the call that kills it (and fails
    with it); the others wait in the HTTP process and get answers from the next process."""
    with TestClient(create_app(demo_db, cache_entries=0, page_processes=1)) as pooled:
        statuses = pooled.portal.call(_kill_among_requests, pooled.app, 6)
    assert statuses.count(200) >= 6 - (PagePool.DEPTH - 1) and set(statuses) <= {200, 500}


async def _kill_among_requests(app, n: int) -> list[int]:
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        killing = asyncio.ensure_future(app.state.pool.call(os._exit, 1))
        answers = await asyncio.gather(*(http.get("/index.json") for _ in range(n)))
        with pytest.raises(AttacheError, match="process died"):
            await killing
    return [answer.status_code for answer in answers]


def test_pool_calls_raise_what_the_process_raised_skip_callers_gone_and_stop_their_processes(demo_db):
    async def scenario():
        pool = await PagePool(demo_db, 1).start()
        [pid] = pool.pids
        try:
            with pytest.raises(ValueError, match="invalid literal"):
                await pool.call(int, "not a number")
            busy = asyncio.ensure_future(pool.call(time.sleep, 0.3))
            queued = [asyncio.ensure_future(pool.call(os.getpid)) for _ in range(3)]
            await asyncio.sleep(0.05)
            queued[1].cancel()  # its client went away while it waited
            await busy
            assert [await queued[0], await queued[2]] == [pid, pid]
            assert queued[1].cancelled() and await pool.call(os.getpid) == pid
        finally:
            pool.close()
        return pool, pid

    pool, pid = asyncio.run(scenario())
    assert pool.pids == [] and not _alive(pid)
    with pytest.raises(AttacheError, match="stopping"):
        asyncio.run(pool.call(os.getpid))


def test_when_no_replacement_can_start_requests_fail_instead_of_waiting(demo_db, tmp_path):
    async def scenario():
        pool = await PagePool(demo_db, 1).start()
        try:
            pool.db_path = str(tmp_path / "gone.db")  # the next process cannot open the store
            with pytest.raises(AttacheError, match="process died"):
                await pool.call(os._exit, 1)
            with pytest.raises(AttacheError, match="while starting"):
                await asyncio.wait_for(pool.call(os.getpid), 60)  # waits for the replacement, which fails
            with pytest.raises(AttacheError, match="no page process is running"):
                await pool.call(os.getpid)
        finally:
            pool.close()

    asyncio.run(scenario())


def test_a_loop_that_cannot_watch_pipes_gets_a_clear_error(demo_db, monkeypatch):
    spawned, killed = [], []  # (no process is really started)
    monkeypatch.setattr("multiprocessing.context.SpawnProcess.start", lambda self: spawned.append(self))
    monkeypatch.setattr("multiprocessing.context.SpawnProcess.kill", lambda self: killed.append(self))
    monkeypatch.setattr("multiprocessing.context.SpawnProcess.join", lambda self, timeout=None: None)
    loop = _LoopWithoutPipes()
    try:
        with pytest.raises(AttacheError, match="use --workers 1"):
            loop.run_until_complete(_start_pool(demo_db))
    finally:
        loop.close()
    assert len(spawned) == 1 and killed == spawned  # the first process is stopped, no other is started


class _LoopWithoutPipes(asyncio.SelectorEventLoop):
    def add_reader(self, *args):
        raise NotImplementedError


async def _start_pool(db):
    return await PagePool(db, 2).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
