"""Run the web app under uvicorn (used by `attache serve` and `attache demo`)."""

from __future__ import annotations

import socket

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


def run(db_path, host: str = "127.0.0.1", port: int = 8000, cache_entries: int = 256,
        log_level: str = "info") -> None:
    """Serve the store at ``db_path`` read-only until interrupted (one process; sync views run
    in its thread pool, each thread with its own read connection)."""
    uvicorn.run(create_app(db_path, cache_entries=cache_entries), host=host, port=port, log_level=log_level,
                access_log=log_level == "debug")
