"""Run the web app under uvicorn (used by `attache serve` and `attache demo`)."""

from __future__ import annotations

import socket

import uvicorn

from attache.serve.app import create_app
from attache.serve.limits import TIME_LIMIT


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def url_for(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def run(db_path, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, cache_entries: int = 256,
        threads: int = 1, log_level: str = "info", time_limit: float = TIME_LIMIT) -> None:
    """Serve the store at ``db_path`` read-only until interrupted.

    With ``workers`` 1, pages are computed in this process's thread pool, at most ``threads``
    at once, each thread with its own read connection. With more, this process speaks HTTP
    and keeps the page cache, and ``workers`` page processes compute pages from one queue
    (``attache.serve.pool``), so that page rendering (Python, one core per process) uses
    more cores and no process is left with more clients than the others. A page's reads stop
    after ``time_limit`` seconds (HTTP 422).
    """
    app = create_app(db_path, cache_entries=cache_entries, view_threads=threads,
                     page_processes=workers if workers > 1 else 0, time_limit=time_limit)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level == "debug")
