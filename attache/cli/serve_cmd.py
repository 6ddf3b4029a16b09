"""`attache serve` and `attache demo`: the web UI and JSON API."""

from __future__ import annotations

import os
import sys
import threading
import webbrowser
from pathlib import Path

import click

from attache.cli.common import Failure, db_option
from attache.errors import AttacheError
from attache.serve.limits import TIME_LIMIT


def _has_desktop() -> bool:
    """Whether a graphical browser can open here (never a console browser in the terminal)."""
    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _serve(db_path: Path, host: str, port: int, announce: str, open_browser: bool = False,
           cache_entries: int = 256, workers: int = 1, threads: int = 1, time_limit: float = TIME_LIMIT) -> None:
    from attache.serve import server

    url = server.url_for(host, port)
    click.echo(f"{announce} at {url} (Ctrl+C to stop)", err=True)
    if open_browser and _has_desktop():
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    try:
        server.run(db_path, host=host, port=port, cache_entries=cache_entries, workers=workers, threads=threads,
                   time_limit=time_limit)
    except AttacheError as e:
        raise Failure(str(e)) from e


@click.command("serve")
@db_option("SQLite store to serve (made by `attache ingest`).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; the default is only reachable from this machine.")
@click.option("--cache", "cache_entries", default=256, show_default=True, type=click.IntRange(0),
              help="Rendered pages kept (by the HTTP process) until the database changes (0: none).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Processes computing pages from one queue behind the HTTP process (more use more "
                   "cores under load); 1 computes them in the HTTP process.")
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1),
              help="With --workers 1: pages computed at once (2 can help a store on a slow disk).")
@click.option("--time-limit", default=TIME_LIMIT, show_default=True, type=click.FloatRange(min=0.01),
              help="Seconds a page's reads may take; a page that takes longer answers 422.")
def serve(db_path: Path, port: int, host: str, cache_entries: int, workers: int, threads: int,
          time_limit: float) -> None:
    """Browse a store in the web UI; every page also answers as JSON (add .json to the URL)."""
    if not db_path.exists():
        raise Failure(f"{db_path}: no such database; create it with `attache ingest ... --db {db_path}`")
    _serve(db_path, host, port, f"Serving {db_path} read-only", cache_entries=cache_entries, workers=workers,
           threads=threads, time_limit=time_limit)


@click.command("demo")
@click.option("--port", default=0, type=click.IntRange(0, 65535), help="TCP port (default: a free one).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--no-browser", is_flag=True, help="Do not open a web browser.")
def demo(port: int, host: str, no_browser: bool) -> None:
    """Build a fresh store from the bundled example articles and serve it."""
    from attache.serve import demo as demo_store
    from attache.serve import server

    with demo_store.demo_folder() as folder:
        db_path = folder / "demo.db"
        click.echo("Reading the bundled example articles ...", err=True)
        counts = demo_store.build_demo_store(db_path)
        outcomes = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        click.echo(f"Built {db_path} ({outcomes})", err=True)
        chosen_port = port or server.free_port(host)
        _serve(db_path, host, chosen_port, "Serving the demo", open_browser=not no_browser)


def register(main: click.Group) -> None:
    main.add_command(serve)
    main.add_command(demo)
