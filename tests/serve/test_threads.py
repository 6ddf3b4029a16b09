"""How pages are computed: in the server process (at most ``--threads`` at once) or by a pool
of page processes behind it (``--workers N``), with the same answers either way."""

from __future__ import annotations

import os

import anyio.to_thread
from starlette.testclient import TestClient

from attache.serve.app import create_app


def _tokens(app) -> int:
    with TestClient(app) as client:
        assert client.get("/index.json").status_code == 200
        return client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)


def test_view_threads_cap_the_thread_pool(demo_db):
    assert _tokens(create_app(demo_db)) == 1
    assert _tokens(create_app(demo_db, view_threads=3)) == 3


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
    import asyncio

    return await asyncio.get_running_loop().run_in_executor(app.state.pool, os.getpid)


def test_a_dead_page_process_costs_one_request_then_the_pool_is_back(demo_db):
    with TestClient(create_app(demo_db, cache_entries=0, page_processes=1)) as pooled:
        assert pooled.get("/index.json").status_code == 200
        pooled.portal.call(_kill_a_page_process, pooled.app)
        failed = pooled.get("/index.json")
        assert failed.status_code == 500 and "process died" in failed.json()["error"]
        assert pooled.get("/index.json").status_code == 200


async def _kill_a_page_process(app) -> None:
    import asyncio

    try:
        await asyncio.get_running_loop().run_in_executor(app.state.pool, os._exit, 1)
    except Exception:  # noqa: BLE001 - the pool notices its process died
        pass


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
