"""Build a store from the bundled example articles, through the same path as `attache ingest`."""

from __future__ import annotations

import contextlib
import signal
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from attache.ingest.readers import iter_raw
from attache.resolve import ingest
from attache.store import open_store

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def example_paths(examples_dir: Path = EXAMPLES_DIR) -> list[str]:
    """The example articles (the folder's README is not one)."""
    return sorted(str(p) for p in examples_dir.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)


def build_demo_store(db_path: str | Path, examples_dir: Path = EXAMPLES_DIR, jobs: int = 1) -> dict:
    """Ingest every example article into the store at ``db_path``; returns counts by outcome."""
    counts: Counter = Counter()
    with open_store(db_path) as store:
        for stored in ingest(store, iter_raw(example_paths(examples_dir)), jobs):
            counts[stored.status] += 1
    return dict(counts)


# Signals that end a demo from outside: `kill`, a service manager, a closed terminal.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def demo_folder() -> Iterator[Path]:
    """A temporary folder for the demo store, removed however the demo ends.

    Ctrl-C and a normal end unwind through it; a stop signal would end the process on the
    spot (uvicorn, once it has shut down, raises the signal again), so while the folder exists
    each stop signal raises SystemExit instead, and the folder is removed on the way out.
    """
    previous = _exit_on_stop_signals()
    try:
        with tempfile.TemporaryDirectory(prefix="attache-demo-") as folder:
            yield Path(folder)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _exit_on_stop_signals() -> dict:
    """Make each stop signal raise SystemExit (in the main thread only, where handlers can be set);
    returns the handlers it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {number: signal.signal(number, _exit) for number in STOP_SIGNALS}


def _exit(number, _frame) -> None:
    raise SystemExit(128 + number)
