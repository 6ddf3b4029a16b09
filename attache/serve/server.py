"""Run the web app under uvicorn (used by `attache serve` and `attache demo`)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import uvicorn

from attache.serve.app import create_app


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


DB_VARIABLE = "ATTACHE_SERVE_DB"
CACHE_VARIABLE = "ATTACHE_SERVE_CACHE"
THREADS_VARIABLE = "ATTACHE_SERVE_THREADS"


def app_from_environment():
    """The app over ``$ATTACHE_SERVE_DB`` with ``$ATTACHE_SERVE_CACHE`` cached pages and
    ``$ATTACHE_SERVE_THREADS`` view threads (how worker processes get their settings)."""
    return create_app(os.environ[DB_VARIABLE], cache_entries=int(os.environ.get(CACHE_VARIABLE, "256")),
                      view_threads=int(os.environ.get(THREADS_VARIABLE, "1")))


def run(db_path, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, cache_entries: int = 256,
        threads: int = 1, log_level: str = "info") -> None:
    """Serve the store at ``db_path`` read-only until interrupted.

    Sync views run in each process's thread pool, at most ``threads`` at once, each thread
    with its own read connection; ``workers`` > 1 runs that many processes on one socket, so
    that page rendering (Python, one core per process) uses more cores.
    """
    options = {"host": host, "port": port, "log_level": log_level, "access_log": log_level == "debug"}
    if workers > 1:
        os.environ[DB_VARIABLE] = str(Path(db_path).resolve())
        os.environ[CACHE_VARIABLE] = str(cache_entries)
        os.environ[THREADS_VARIABLE] = str(threads)
        uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=workers, **options)
    else:
        uvicorn.run(create_app(db_path, cache_entries=cache_entries, view_threads=threads), **options)
