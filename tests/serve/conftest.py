"""Fixtures for the web tests: a store built from the bundled examples, an app, a live server."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import warnings

import httpx
import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x asks for the httpx2 package for its test client; httpx works the same here.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from attache.serve.app import create_app
from attache.serve.server import free_port

SERVER_START_SECONDS = 30


@pytest.fixture(scope="session")
def demo_db(example_db):
    """A store built from attache/examples through the real ingest path (what `attache demo` serves)."""
    return example_db


def make_client(db_path, raise_server_exceptions: bool = False) -> TestClient:
    """A Starlette test client for the app over ``db_path`` (use as a context manager)."""
    return TestClient(create_app(db_path), raise_server_exceptions=raise_server_exceptions)


@pytest.fixture(scope="session")
def app_client():
    """``make_client`` for tests that need their own store or app."""
    return make_client


@pytest.fixture(scope="session")
def client(demo_db):
    with make_client(demo_db) as test_client:
        yield test_client


@contextlib.contextmanager
def serving(db_path, log_path, *options: str):
    """`attache serve --db DB_PATH OPTIONS` in a subprocess on a free port, until it answers;
    yields (base URL, process) and stops it after."""
    port = free_port()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", "from attache.cli import main; main()",
             "serve", "--db", str(db_path), "--port", str(port), *options],
            stdout=log, stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_SECONDS
    try:
        while True:
            try:
                if httpx.get(base_url + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"server did not start (exit {process.poll()}); its log:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield base_url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def live_server(demo_db, tmp_path_factory):
    """`attache serve` under uvicorn in a subprocess on a free port; yields its base URL."""
    with serving(demo_db, tmp_path_factory.mktemp("server") / "server.log") as (base_url, _):
        yield base_url
