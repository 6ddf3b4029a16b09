"""The web layer's only door to the store: one read handle per worker thread.

Starlette runs sync views in a thread pool and an SQLite connection belongs to the thread
that opened it, so each thread opens its own handle on first use and keeps it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from attache import store as store_module
from attache.errors import StoreError


class StoreHandles:
    """Lazily opened store handles, one per thread, all on the same database file."""

    def __init__(self, db_path: str | Path, read_only: bool = True):
        self.db_path = Path(db_path)
        self.read_only = read_only
        self._local = threading.local()
        self._opened = []
        self._lock = threading.Lock()
        if not self.db_path.exists():
            raise StoreError(f"{self.db_path}: no such database (create one with `attache ingest`)")

    def get(self):
        handle = getattr(self._local, "handle", None)
        if handle is None:
            handle = store_module.open_store(self.db_path, read_only=self.read_only)
            self._local.handle = handle
            with self._lock:
                self._opened.append(handle)
        return handle

    def close_all(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for handle in opened:
            handle.close()
