"""How many views a server process computes at once (``attache serve --threads``)."""

from __future__ import annotations

import anyio.to_thread
from starlette.testclient import TestClient

from attache.serve import server
from attache.serve.app import create_app


def _tokens(app) -> int:
    with TestClient(app) as client:
        assert client.get("/index.json").status_code == 200
        return client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)


def test_view_threads_cap_the_thread_pool(demo_db):
    assert _tokens(create_app(demo_db)) == 1
    assert _tokens(create_app(demo_db, view_threads=3)) == 3


def test_worker_processes_take_threads_from_the_environment(demo_db, monkeypatch):
    monkeypatch.setenv(server.DB_VARIABLE, str(demo_db))
    monkeypatch.setenv(server.THREADS_VARIABLE, "2")
    assert _tokens(server.app_from_environment()) == 2
